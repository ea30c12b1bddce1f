import { Button, Group, Modal, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { conditionStatuses as CONDITION_STATUSES, type ConditionStatus } from '../../../../../src/contract/enums';
import type { Condition } from '../../../../../src/contract/reform-conditions';
import { type ConditionFilter, useConditions } from '../../../api/reform-conditions';
import { usePageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { vi } from '../../../i18n/vi';
import { toSearch } from '../shared/reform-params';
import { useCanPrepare } from '../shared/use-can-prepare';
import { ConditionForm } from './condition-form';
import { ConditionsSummary } from './conditions-summary';
import { ConditionsTable } from './conditions-table';

const m = vi.reformConditions;
const statusOptions = [
  { value: '', label: m.allStatuses },
  ...CONDITION_STATUSES.map((status) => ({ value: status, label: vi.reformLabels.conditionStatuses[status] })),
];

/** null: no dialog; 'new': add a condition; a condition: edit it. */
type Dialog = null | 'new' | Condition;

export function ConditionsPage() {
  usePageTitle(m.title);
  const [params, setParams] = useSearchParams();
  const field = params.get('field') ?? '';
  const statusParam = params.get('status') ?? '';
  const status = (CONDITION_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as ConditionStatus) : '';
  const filter: ConditionFilter = { ...(field ? { field } : {}), ...(status ? { status } : {}) };
  // The summary and the field list always cover every condition, whatever the table shows.
  const all = useConditions({});
  const filtered = useConditions(filter);
  const [dialog, setDialog] = useState<Dialog>(null);
  const canEdit = useCanPrepare();
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const change = (next: { field?: string; status?: string }) =>
    setParams(new URLSearchParams(toSearch({ field, status, ...next })), { replace: true });
  const fieldOptions = [
    { value: '', label: m.allFields },
    ...(all.data?.summary.fields ?? []).map((item) => ({ value: item.field, label: `${item.field} (${item.total})` })),
  ];

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
      {all.data && <ConditionsSummary summary={all.data.summary} />}
      <Group component="section" aria-label={m.filters} align="flex-end" wrap="wrap">
        <NativeSelect
          label={m.field}
          data={fieldOptions}
          value={field}
          onChange={(event) => change({ field: event.currentTarget.value })}
          maw="100%"
        />
        <NativeSelect
          label={m.status}
          data={statusOptions}
          value={status}
          onChange={(event) => change({ status: event.currentTarget.value })}
        />
      </Group>
      {filtered.data && !filtered.isError ? (
        <div aria-busy={filtered.isFetching}>
          <Text c="gray.8" mb="xs" aria-live="polite">
            {filtered.data.items.length === 0 ? m.empty : m.count(filtered.data.items.length)}
          </Text>
          {filtered.data.items.length > 0 && <ConditionsTable items={filtered.data.items} onEdit={canEdit ? setDialog : null} />}
        </div>
      ) : (
        <QueryState query={filtered} />
      )}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog === null || dialog === 'new' ? m.createTitle : m.editTitle}
        size="xl"
        fullScreen={isPhone}
      >
        {dialog !== null && (
          <ConditionForm
            key={dialog === 'new' ? 'new' : `${dialog.id}-${dialog.version}`}
            condition={dialog === 'new' ? null : dialog}
            onDone={() => setDialog(null)}
            onReload={() => void filtered.refetch()}
          />
        )}
      </Modal>
    </Stack>
  );
}
