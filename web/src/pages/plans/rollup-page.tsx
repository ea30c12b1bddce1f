import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Select, Stack, Table, Text, Title } from '@mantine/core';
import type { PlanRollup } from '../../../../src/contract/plans-occurrences';
import { usePlanRollup } from '../../api/plan-occurrences';
import { usePlans } from '../../api/plans';
import { usePageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { useUnitLabel } from '../../components/unit-select';
import { vi } from '../../i18n/vi';
import { formatNumber } from '../../lib/format';
import { OccurrenceLinks, UnitFilter, useUnitParam } from './occurrence-parts';

const m = vi.planOccurrences;
const COUNTS = ['total', 'done', 'inProgress', 'overdue', 'notStarted', 'cancelled'] as const;

function RollupChart({ rollup }: { rollup: PlanRollup }) {
  const label = useUnitLabel();
  const data = rollup.rows.map((row) => ({
    unit: label(row.unit.id, row.unit.name),
    done: row.done,
    inProgress: row.inProgress,
    overdue: row.overdue,
    notStarted: row.notStarted,
  }));
  return (
    <figure aria-label={m.chartLabel} style={{ margin: 0 }}>
      <BarChart
        h={Math.max(160, 36 * data.length + 60)}
        data={data}
        dataKey="unit"
        type="stacked"
        orientation="vertical"
        yAxisProps={{ width: 180, tick: { fontSize: 12 } }}
        xAxisProps={{ allowDecimals: false }}
        series={[
          { name: 'done', label: m.columns.done, color: 'green.7' },
          { name: 'inProgress', label: m.columns.inProgress, color: 'blue.7' },
          { name: 'overdue', label: m.columns.overdue, color: 'red.7' },
          { name: 'notStarted', label: m.columns.notStarted, color: 'gray.5' },
        ]}
        withLegend
      />
    </figure>
  );
}

/** /ke-hoach/tong-hop?unit=&plan=: the tasks of each lead unit by state (the province's, or a unit's subtree; one plan or all). */
export function RollupPage() {
  usePageTitle(m.rollupTitle);
  const [unit, setUnit, params, setParams] = useUnitParam();
  const plan = params.get('plan') ?? '';
  const plans = usePlans();
  const query = usePlanRollup({ unit: unit || undefined, plan: plan || undefined });
  const label = useUnitLabel();
  const setPlan = (value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set('plan', value);
    else next.delete('plan');
    setParams(next);
  };
  const planOptions = (plans.data?.items ?? []).map((item) => ({
    value: item.id,
    label: item.number ? `${item.number} — ${item.title}` : item.title,
  }));
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{m.rollupTitle}</Title>
        <Text c="gray.8">{m.rollupIntro}</Text>
      </div>
      <OccurrenceLinks />
      <UnitFilter value={unit} onChange={setUnit}>
        <Select
          label={vi.plans.columns.plan}
          data={planOptions}
          value={plan || null}
          onChange={setPlan}
          placeholder={m.allPlans}
          searchable
          clearable
          w={{ base: '100%', sm: 420 }}
        />
      </UnitFilter>
      {!query.data ? (
        <QueryState query={query} />
      ) : query.data.rows.length === 0 ? (
        <Text>{m.noRollup}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={0}>
            <Table aria-label={m.rollupTitle} striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{m.columns.unit}</Table.Th>
                  {COUNTS.map((count) => (
                    <Table.Th key={count} ta="right">
                      {m.columns[count]}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.rows.map((row) => (
                  <Table.Tr key={row.unit.id}>
                    <Table.Td>{label(row.unit.id, row.unit.name)}</Table.Td>
                    {COUNTS.map((count) => (
                      <Table.Td key={count} ta="right" c={count === 'overdue' && row.overdue > 0 ? 'red.9' : undefined}>
                        {formatNumber(row[count])}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>{m.totalRow}</Table.Th>
                  {COUNTS.map((count) => (
                    <Table.Th key={count} ta="right">
                      {formatNumber(query.data.totals[count])}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          <RollupChart rollup={query.data} />
        </>
      )}
    </Stack>
  );
}
