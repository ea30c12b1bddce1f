import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useProcedureReform } from '../../../api/reform';
import { usePageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { Tag } from '../../../components/tag';
import { vi } from '../../../i18n/vi';
import { formatHours, formatMoney, formatPercent } from '../../../lib/format';
import { MeasuresPanel } from './measures-panel';
import { SnapshotPanel } from './snapshot-panel';

const m = vi.reformProcedure;
const perYear = vi.reformCost.terms.perYear;

interface ReductionProps {
  label: string;
  value: number | null;
  hasBaseline: boolean;
  /** "16 giờ → 8 giờ": what the percentage is computed from. */
  change: string | null;
}

function Reduction({ label, value, hasBaseline, change }: ReductionProps) {
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value === null ? m.noReduction : formatPercent(value)}
      </Text>
      {change && <Text size="sm">{change}</Text>}
      {!hasBaseline && (
        <Text size="xs" c="gray.7">
          {m.noBaselineReduction}
        </Text>
      )}
    </div>
  );
}

/** A procedure's 2024 baseline against today: processing time, compliance cost and how much was cut. */
export function ProcedureReformPage() {
  const { code = '' } = useParams();
  const query = useProcedureReform(code);
  usePageTitle(query.data?.name ?? m.title(code));
  if (!query.data) return <QueryState query={query} />;
  const procedure = query.data;
  const reload = () => void query.refetch();
  const isSameVersion = procedure.baseline?.versionNo === procedure.current.versionNo;
  const { baseline, current } = procedure;
  const timeChange = baseline ? m.change(formatHours(baseline.hours), formatHours(current.hours)) : null;
  const baselineCost = baseline?.worksheet?.result.annualCost;
  const currentCost = current.worksheet?.result.annualCost;
  const costChange =
    baselineCost !== undefined && currentCost !== undefined
      ? m.change(perYear(formatMoney(baselineCost)), perYear(formatMoney(currentCost)))
      : null;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{procedure.name}</Title>
        <Group gap="sm" mt="xs">
          <Text c="gray.8">{m.code(procedure.code)}</Text>
          <Text c="gray.8">{m.field(procedure.field)}</Text>
          {procedure.businessRelated && <Tag tone="blue">{m.businessRelated}</Tag>}
          {procedure.isInternal && <Tag tone="gray">{m.internal}</Tag>}
        </Group>
        <Anchor component={Link} to={`/thu-tuc/${encodeURIComponent(procedure.code)}`} size="sm">
          {m.viewPublic}
        </Anchor>
      </div>
      <Paper component="section" aria-labelledby="reductions-heading" withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <Title order={2} size="h3" id="reductions-heading" mb="sm">
          {m.reductionsHeading}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Reduction label={m.timeReduction} value={procedure.timeReduction} hasBaseline={baseline !== null} change={timeChange} />
          <Reduction label={m.costReduction} value={procedure.costReduction} hasBaseline={baseline !== null} change={costChange} />
        </SimpleGrid>
      </Paper>
      <MeasuresPanel code={procedure.code} />
      {procedure.scope !== 'province' && (
        <Alert color="gray" variant="light" role="note">
          {m.outOfScope(vi.reformLabels.scopes[procedure.scope])}
        </Alert>
      )}
      {isSameVersion && (
        <Alert color="blue" variant="light" role="note">
          {m.sameVersion}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {procedure.baseline ? (
          <SnapshotPanel
            id="baseline-heading"
            title={m.baselineHeading}
            code={procedure.code}
            snapshot={procedure.baseline}
            onReload={reload}
          />
        ) : (
          <Paper component="section" aria-labelledby="baseline-heading" withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
            <Title order={2} size="h3" id="baseline-heading" mb="sm">
              {m.baselineHeading}
            </Title>
            <Text>{m.noBaseline}</Text>
          </Paper>
        )}
        <SnapshotPanel id="current-heading" title={m.currentHeading} code={procedure.code} snapshot={procedure.current} onReload={reload} />
      </SimpleGrid>
    </Stack>
  );
}
