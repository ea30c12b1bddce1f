import { Button, Group, Modal, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { proposalStatuses as PROPOSAL_STATUSES, type ProposalStatus, reformYears as REFORM_YEARS } from '../../../../../src/contract/enums';
import { useProposals } from '../../../api/reform-proposals';
import { usePageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { UnitSelect } from '../../../components/unit-select';
import { vi } from '../../../i18n/vi';
import { toSearch } from '../shared/reform-params';
import { useCanPrepare } from '../shared/use-can-prepare';
import { ProposalCreateForm } from './proposal-create-form';
import { ProposalsTable } from './proposals-table';

const m = vi.reformProposals;
const yearOptions = [{ value: '', label: m.allYears }, ...REFORM_YEARS.map((year) => ({ value: String(year), label: String(year) }))];
const statusOptions = [
  { value: '', label: m.allStatuses },
  ...PROPOSAL_STATUSES.map((status) => ({ value: status, label: vi.reformLabels.proposalStatuses[status] })),
];

function readStatus(value: string | null): ProposalStatus | '' {
  return (PROPOSAL_STATUSES as readonly string[]).includes(value ?? '') ? (value as ProposalStatus) : '';
}

export function ProposalsPage() {
  usePageTitle(m.title);
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? '';
  const year = REFORM_YEARS.find((candidate) => String(candidate) === params.get('year')) ?? '';
  const status = readStatus(params.get('status'));
  const [isCreating, setIsCreating] = useState(false);
  const canCreate = useCanPrepare();
  const proposals = useProposals({ unit, year, status });
  const change = (next: { unit?: string; year?: string; status?: string }) =>
    setParams(new URLSearchParams(toSearch({ unit, year, status, ...next })), { replace: true });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{m.title}</Title>
          <Text c="gray.8">{m.intro}</Text>
        </div>
        {canCreate && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setIsCreating(true)}>
            {m.create}
          </Button>
        )}
      </Group>
      <Group component="section" aria-label={m.filters} align="flex-end" wrap="wrap">
        <UnitSelect
          label={m.unit}
          placeholder={m.allUnits}
          value={unit || null}
          onChange={(value) => change({ unit: value ?? '' })}
          clearable
          w={{ base: '100%', sm: 320 }}
        />
        <NativeSelect
          label={m.year}
          data={yearOptions}
          value={String(year)}
          onChange={(event) => change({ year: event.currentTarget.value })}
        />
        <NativeSelect
          label={m.status}
          data={statusOptions}
          value={status}
          onChange={(event) => change({ status: event.currentTarget.value })}
        />
      </Group>
      {proposals.data && !proposals.isError ? (
        <div aria-busy={proposals.isFetching}>
          <Text c="gray.8" mb="xs" aria-live="polite">
            {proposals.data.length === 0 ? m.empty : m.count(proposals.data.length)}
          </Text>
          {proposals.data.length > 0 && <ProposalsTable proposals={proposals.data} />}
        </div>
      ) : (
        <QueryState query={proposals} />
      )}
      <Modal opened={isCreating} onClose={() => setIsCreating(false)} title={m.createTitle} size="lg">
        {isCreating && <ProposalCreateForm unitId={unit || null} onCancel={() => setIsCreating(false)} />}
      </Modal>
    </Stack>
  );
}
