import {
  Button,
  Checkbox,
  Collapse,
  Group,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  useMatches,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconFilePlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { dossierStatuses } from '../../../../../src/contract/enums';
import { dossierStatusFilterLabels } from '../../../../../src/contract/labels';
import { hasRole, useSession } from '../../../api/auth';
import { type DossierInboxFilter, INBOX_PAGE_SIZE, useDossierInbox } from '../../../api/dossiers';
import { usePageTitle } from '../../../components/page-title';
import { Pager } from '../../../components/pager';
import { QueryState } from '../../../components/query-state';
import { UnitSelect } from '../../../components/unit-select';
import { vi } from '../../../i18n/vi';
import { formatNumber } from '../../../lib/format';
import { DossierList } from '../shared/dossier-list';

const m = vi.dossiers.inbox;
const statusOptions = [
  { value: '', label: m.anyStatus },
  ...dossierStatuses.map((value) => ({ value, label: dossierStatusFilterLabels[value] })),
];
const FILTER_KEYS = ['box', 'status', 'unit', 'procedure', 'overdue', 'dueWithinHours', 'q', 'page'] as const;

/** The filters live in the address, so that a filtered inbox can be bookmarked and the dashboard can link to it. */
function readFilter(params: URLSearchParams): DossierInboxFilter {
  const filter: Record<string, string | number> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (!value) continue;
    filter[key] = key === 'page' || key === 'dueWithinHours' ? Number(value) : value;
  }
  return { ...filter, overdue: params.get('overdue') === 'true' ? true : undefined } as DossierInboxFilter;
}

export function InboxPage() {
  usePageTitle(m.title);
  const { data: session } = useSession();
  const [params, setParams] = useSearchParams();
  const [areFiltersShown, { toggle: toggleFilters }] = useDisclosure(false);
  const isWide = useMatches({ base: false, sm: true });
  const filter = readFilter(params);
  const [text, setText] = useState(params.get('q') ?? '');
  const [debouncedText] = useDebouncedValue(text.trim(), 300);
  const query = useDossierInbox({ ...filter, box: filter.box || 'todo', q: debouncedText, page: filter.page ?? 1 });

  const update = (changes: Record<string, string | number | boolean | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '' || value === false) next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1}>{m.title}</Title>
          <Text c="gray.8">{m.intro}</Text>
        </div>
        <Group gap="sm">
          {hasRole(session?.user, 'desk_officer') && (
            <Button component={Link} to="/can-bo/tiep-nhan" leftSection={<IconFilePlus size={18} aria-hidden />}>
              {m.newIntake}
            </Button>
          )}
          <Button component={Link} to="/can-bo/so-theo-doi" variant="light">
            {m.trackingBook}
          </Button>
        </Group>
      </Group>
      <SegmentedControl
        value={filter.box || 'todo'}
        onChange={(box) => update({ box: box === 'todo' ? null : box })}
        data={[
          { value: 'todo', label: m.todo },
          { value: 'all', label: m.all },
        ]}
        aria-label={m.title}
        fullWidth={!isWide}
        style={{ alignSelf: isWide ? 'flex-start' : undefined }}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <TextInput
          type="search"
          label={m.search}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            if (params.has('page')) update({ page: null });
          }}
        />
        <Button hiddenFrom="sm" variant="default" onClick={toggleFilters} aria-expanded={areFiltersShown}>
          {m.filters}
        </Button>
      </SimpleGrid>
      <Collapse expanded={areFiltersShown || isWide}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <NativeSelect
            label={m.status}
            data={statusOptions}
            value={filter.status ?? ''}
            onChange={(event) => update({ status: event.currentTarget.value })}
          />
          <UnitSelect
            valueBy="code"
            label={m.unit}
            placeholder={m.anyUnit}
            clearable
            value={filter.unit || null}
            onChange={(code) => update({ unit: code ?? '' })}
          />
          <TextInput
            label={m.procedure}
            placeholder={m.procedureExample}
            value={filter.procedure ?? ''}
            onChange={(event) => update({ procedure: event.currentTarget.value.trim() })}
          />
          <NumberInput
            label={m.dueWithin}
            min={0}
            max={10_000}
            allowDecimal={false}
            value={filter.dueWithinHours ?? ''}
            onChange={(value) => update({ dueWithinHours: value === '' ? null : Number(value) })}
          />
          <Checkbox
            label={m.overdue}
            mt={{ base: 0, lg: 'xl' }}
            checked={filter.overdue === true}
            onChange={(event) => update({ overdue: event.currentTarget.checked ? 'true' : null })}
          />
        </SimpleGrid>
      </Collapse>
      {query.data ? (
        <>
          <Text size="sm" c="gray.8" role="status">
            {(query.data.totalIsCapped ? m.totalCapped : m.total)(formatNumber(query.data.total))}
          </Text>
          {query.data.items.length === 0 ? (
            <Text>{m.empty}</Text>
          ) : (
            <DossierList items={query.data.items} linkTo={(item) => `/can-bo/ho-so/${item.id}`} />
          )}
          <Pager page={query.data.page} total={query.data.total} pageSize={INBOX_PAGE_SIZE} onChange={(page) => update({ page })} />
        </>
      ) : (
        <QueryState query={query} />
      )}
    </Stack>
  );
}
