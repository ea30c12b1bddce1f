import { BarChart, type ChartReferenceLineProps } from '@mantine/charts';
import { Paper, Text, Title, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ChildRow, Indicator } from '../../../api/reform-types';
import { useUnits } from '../../../api/units';
import { vi } from '../../../i18n/vi';
import { formatPercent } from '../../../lib/format';

const m = vi.reformTargets.chart;
const BAR_ROW_HEIGHT = 64;

function targetLines(timeTarget: number | null, costTarget: number | null, fontSize: number): ChartReferenceLineProps[] {
  const line = (value: number, label: string): ChartReferenceLineProps => ({
    x: value * 100,
    label: { value: label, fontSize, fontWeight: 700 },
    labelPosition: 'insideTopLeft',
    color: 'nationalRed.7',
    strokeWidth: 2,
    strokeDasharray: '6 4',
  });
  if (timeTarget !== null && timeTarget === costTarget) return [line(timeTarget, m.target(formatPercent(timeTarget)))];
  return [
    ...(timeTarget !== null ? [line(timeTarget, m.timeTarget(formatPercent(timeTarget)))] : []),
    ...(costTarget !== null ? [line(costTarget, m.costTarget(formatPercent(costTarget)))] : []),
  ];
}

/** Short unit names keep the axis readable on a phone; the table below has the full names. */
function useShortNames(): Map<string, string> {
  const { data: units = [] } = useUnits();
  return new Map(units.flatMap((unit) => (unit.shortName ? [[unit.id, unit.shortName]] : [])));
}

interface ReductionChartProps {
  rows: ChildRow[];
  indicators: Indicator[];
}

/** Time and cost reduction of each child unit as horizontal bars, against the target line. */
export function ReductionChart({ rows, indicators }: ReductionChartProps) {
  const theme = useMantineTheme();
  const isPhone = useMediaQuery(`(max-width: ${theme.breakpoints.sm})`) ?? false;
  const shortNames = useShortNames();
  const target = (key: string) => indicators.find((indicator) => indicator.key === key)?.target ?? null;
  const data = rows.map((row) => ({
    unit: shortNames.get(row.unitId) ?? row.unitName,
    time: row.timeReduction === null ? null : Math.round(row.timeReduction * 1000) / 10,
    cost: row.costReduction === null ? null : Math.round(row.costReduction * 1000) / 10,
  }));
  const fontSize = isPhone ? 12 : 15;

  return (
    <Paper component="figure" withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" m={0} aria-labelledby="reduction-chart-title">
      <Title order={2} size="h3" id="reduction-chart-title">
        {m.heading}
      </Title>
      <Text component="figcaption" size="sm" c="gray.7" mb="md">
        {m.caption}
      </Text>
      <BarChart
        h={Math.max(220, data.length * BAR_ROW_HEIGHT + 80)}
        data={data}
        dataKey="unit"
        orientation="vertical"
        series={[
          { name: 'time', label: m.time, color: 'blue.7' },
          { name: 'cost', label: m.cost, color: 'teal.7' },
        ]}
        referenceLines={targetLines(target('time_reduction'), target('cost_reduction'), fontSize)}
        valueFormatter={(value) => formatPercent(value / 100)}
        withLegend
        legendProps={{ verticalAlign: 'top', height: 40, wrapperStyle: { fontSize } }}
        withBarValueLabel={!isPhone}
        textColor="gray.9"
        gridAxis="x"
        valueLabelProps={{ fontSize, fill: 'var(--mantine-color-gray-9)' }}
        yAxisProps={{ width: isPhone ? 96 : 220, tick: { fontSize, fill: 'currentColor', transform: 'translate(-6, 0)' } }}
        xAxisProps={{
          tick: { fontSize, fill: 'currentColor', transform: 'translate(0, 10)' },
          domain: [(lowest: number) => Math.min(0, Math.floor(lowest / 10) * 10), 100],
        }}
        barChartProps={{ barGap: 2 }}
        maxBarWidth={22}
      />
    </Paper>
  );
}
