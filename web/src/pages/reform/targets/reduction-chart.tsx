import '@mantine/charts/styles.css';
import { BarChart, type ChartReferenceLineProps } from '@mantine/charts';
import { Paper, SegmentedControl, Text, Title, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { Text as SvgText, type YAxisTickContentProps } from 'recharts';
import { unitTypes as UNIT_TYPES, type UnitType } from '../../../../../src/contract/enums';
import type { ChildRow, Indicator } from '../../../../../src/contract/reform';
import { useUnits } from '../../../api/units';
import { vi } from '../../../i18n/vi';
import { formatPercent } from '../../../lib/format';

const m = vi.reformTargets.chart;
const BAR_ROW_HEIGHT = 56;

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

/** A unit name on the axis, wrapped onto several lines instead of being cut. */
function UnitTick({ x, y, payload, width, fontSize }: YAxisTickContentProps & { width: number; fontSize: number }) {
  return (
    <SvgText
      x={Number(x) - 8}
      y={y}
      width={width - 12}
      textAnchor="end"
      verticalAnchor="middle"
      fontSize={fontSize}
      fill="currentColor"
      lineHeight="1.2em"
    >
      {String(payload.value)}
    </SvgText>
  );
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
  // A province has dozens of child units: one chart per kind (departments, communes) stays readable.
  const types = UNIT_TYPES.filter((type) => rows.some((row) => row.unitType === type));
  const [chosenType, setChosenType] = useState<UnitType | undefined>(types[0]);
  const type = chosenType && types.includes(chosenType) ? chosenType : types[0];
  const target = (key: string) => indicators.find((indicator) => indicator.key === key)?.target ?? null;
  const data = rows
    .filter((row) => row.unitType === type)
    .map((row) => ({
      unit: (isPhone && shortNames.get(row.unitId)) || row.unitName,
      time: row.timeReduction === null ? null : Math.round(row.timeReduction * 1000) / 10,
      cost: row.costReduction === null ? null : Math.round(row.costReduction * 1000) / 10,
    }));
  const fontSize = isPhone ? 12 : 15;
  const axisWidth = isPhone ? 96 : 280;

  return (
    <Paper component="figure" withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" m={0} aria-labelledby="reduction-chart-title">
      <Title order={2} size="h3" id="reduction-chart-title">
        {m.heading}
      </Title>
      <Text component="figcaption" size="sm" c="gray.7" mb="md">
        {m.caption}
      </Text>
      {types.length > 1 && (
        <SegmentedControl
          aria-label={m.unitKind}
          data={types.map((value) => ({
            value,
            label: m.kindOption(vi.labels.unitTypes[value], rows.filter((row) => row.unitType === value).length),
          }))}
          value={type}
          onChange={(value) => setChosenType(value as UnitType)}
          orientation={isPhone ? 'vertical' : 'horizontal'}
          fullWidth={isPhone}
          mb="md"
        />
      )}
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
        yAxisProps={{
          width: axisWidth,
          interval: 0,
          tick: (props: YAxisTickContentProps) => <UnitTick {...props} width={axisWidth} fontSize={fontSize} />,
        }}
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
