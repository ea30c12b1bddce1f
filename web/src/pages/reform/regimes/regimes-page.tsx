import { Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Regime, RegimeList } from '../../../../../src/contract/reform-regimes';
import { useRegimes } from '../../../api/reform-regimes';
import { usePageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { UnitSelect } from '../../../components/unit-select';
import { vi } from '../../../i18n/vi';
import { formatNumber, formatPercent } from '../../../lib/format';
import { toSearch } from '../shared/reform-params';
import { useCanPrepare } from '../shared/use-can-prepare';
import { DeleteRegime, RegimeForm } from './regime-form';
import { RegimesTable } from './regimes-table';

const m = vi.reformRegimes;

/** null: no dialog; 'new': add a regime; { edit }: change one; { remove }: confirm its deletion. */
type Dialog = null | 'new' | { edit: Regime } | { remove: Regime };

function Summary({ summary }: { summary: RegimeList['summary'] }) {
  const figures = [
    { label: m.total, value: formatNumber(summary.total) },
    { label: m.electronic, value: formatNumber(summary.electronic) },
    { label: m.share, value: summary.share === null ? '—' : formatPercent(summary.share) },
  ];
  return (
    <Paper component="section" aria-labelledby="regimes-summary" withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Title order={2} size="h3" id="regimes-summary" mb="sm">
        {m.summaryHeading}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        {figures.map((figure) => (
          <div key={figure.label}>
            <Text size="sm" c="gray.7">
              {figure.label}
            </Text>
            <Text fz="xl" fw={700}>
              {figure.value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {summary.total === 0 && <Text size="sm">{m.noShare}</Text>}
    </Paper>
  );
}

export function RegimesPage() {
  usePageTitle(m.title);
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? '';
  const query = useRegimes(unit ? { unit } : {});
  const [dialog, setDialog] = useState<Dialog>(null);
  const canEdit = useCanPrepare();
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const close = () => setDialog(null);
  const reload = () => void query.refetch();
  const editing = dialog !== null && dialog !== 'new' && 'edit' in dialog ? dialog.edit : null;
  const removing = dialog !== null && dialog !== 'new' && 'remove' in dialog ? dialog.remove : null;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{m.title}</Title>
          <Text c="gray.8">{m.intro}</Text>
        </div>
        {canEdit && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setDialog('new')}>
            {m.add}
          </Button>
        )}
      </Group>
      {query.data && <Summary summary={query.data.summary} />}
      <Group component="section" aria-label={m.filters} align="flex-end">
        <UnitSelect
          label={m.unit}
          placeholder={m.allUnits}
          clearable
          value={unit || null}
          onChange={(value) => setParams(new URLSearchParams(toSearch({ unit: value ?? '' })), { replace: true })}
          w={360}
          maw="100%"
        />
      </Group>
      {query.data && !query.isError ? (
        <div aria-busy={query.isFetching}>
          <Text c="gray.8" mb="xs" aria-live="polite">
            {query.data.items.length === 0 ? m.empty : m.count(query.data.items.length)}
          </Text>
          {query.data.items.length > 0 && (
            <RegimesTable
              items={query.data.items}
              onEdit={canEdit ? (regime) => setDialog({ edit: regime }) : null}
              onDelete={(regime) => setDialog({ remove: regime })}
            />
          )}
        </div>
      ) : (
        <QueryState query={query} />
      )}
      <Modal
        opened={dialog === 'new' || editing !== null}
        onClose={close}
        title={editing ? m.editTitle : m.createTitle}
        size="lg"
        fullScreen={isPhone}
      >
        {(dialog === 'new' || editing) && (
          <RegimeForm key={editing ? `${editing.id}-${editing.version}` : 'new'} regime={editing} onDone={close} onReload={reload} />
        )}
      </Modal>
      <Modal opened={removing !== null} onClose={close} title={m.removeTitle}>
        {removing && <DeleteRegime regime={removing} onDone={close} onReload={reload} />}
      </Modal>
    </Stack>
  );
}
