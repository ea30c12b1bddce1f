import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useIndicatorDrill, useMetricsIndex, useMetricsTrend } from '../../api/metrics';
import { usePageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { QueryState } from '../../components/query-state';
import { vi } from '../../i18n/vi';
import { formatNumber, formatPercent } from '../../lib/format';
import { MonitoringFilters, useMonitoringSelection } from './monitoring-filters';
import { DossierTable, formatPoints, monthLabel } from './parts';
import { monitoringQuery } from './period';

const m = vi.monitoring.indicator;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="gray.8">
        {label}
      </Text>
      <Text fz={{ base: 22, sm: 28 }} fw={700}>
        {value}
      </Text>
    </div>
  );
}

/** `/giam-sat/chi-so/:code`: one indicator — its figures, its months against the target, the dossiers it counts. */
export function IndicatorPage() {
  const { code = '' } = useParams();
  const selection = useMonitoringSelection('year');
  const index = useMetricsIndex(selection.period);
  const trend = useMetricsTrend(selection.period);
  const [part, setPart] = useState<'numerator' | 'denominator'>('denominator');
  const [page, setPage] = useState(1);
  const indicator = index.data?.groups.flatMap((group) => group.indicators).find((item) => item.code === code);
  const group = index.data?.groups.find((item) => item.indicators.some((entry) => entry.code === code));
  const drill = useIndicatorDrill(selection.period, indicator?.isDrillable ? code : '', part, page);
  const isPhone = useMediaQuery('(max-width: 48em)');
  usePageTitle(indicator ? indicator.name : m.title);
  const fontSize = isPhone ? 12 : 14;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/giam-sat${monitoringQuery(selection.params, selection.unitCode)}`} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {m.back}
        </Group>
      </Anchor>
      <div>
        <Title order={1}>{indicator?.name ?? m.title}</Title>
        {group && (
          <Text c="gray.8">
            {m.group}: {group.name}
            {index.data ? ` · ${index.data.unit.name}` : ''}
          </Text>
        )}
      </div>
      <MonitoringFilters selection={selection} />
      {!index.data ? (
        <QueryState query={index} />
      ) : !indicator ? (
        <Text role="alert">{m.notFound}</Text>
      ) : (
        <>
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-label={indicator.name}>
            {indicator.noDataReason && <Text mb="sm">{indicator.noDataReason}</Text>}
            <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="md">
              <Figure label={m.numerator} value={indicator.numerator === null ? '—' : formatNumber(indicator.numerator)} />
              <Figure label={m.denominator} value={indicator.denominator === null ? '—' : formatNumber(indicator.denominator)} />
              <Figure label={m.ratio} value={indicator.ratio === null ? m.noData : formatPercent(indicator.ratio)} />
              <Figure label={m.target} value={formatPercent(indicator.target)} />
              <Figure
                label={m.points}
                value={indicator.points === null ? '—' : m.pointsOf(formatPoints(indicator.points), formatPoints(indicator.maxPoints))}
              />
            </SimpleGrid>
            {Object.entries(indicator.measures).filter(([, value]) => value !== null).length > 0 && (
              <Group gap="lg" mt="md">
                {Object.entries(indicator.measures).map(([key, value]) =>
                  value === null ? null : (
                    <Text key={key} size="sm">
                      {m.measures[key] ?? key}: <strong>{key.endsWith('Rate') ? formatPercent(value) : formatNumber(value)}</strong>
                    </Text>
                  ),
                )}
              </Group>
            )}
          </Paper>
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="indicator-chart">
            <Title order={2} size="h3" id="indicator-chart" mb="sm">
              {m.chartHeading}
            </Title>
            {!trend.data ? (
              <QueryState query={trend} />
            ) : (
              <BarChart
                h={isPhone ? 240 : 300}
                data={trend.data.months.map((point) => ({
                  month: monthLabel(point),
                  ratio:
                    point.indicators[code]?.ratio === null || point.indicators[code]?.ratio === undefined
                      ? null
                      : Math.round(point.indicators[code].ratio * 1000) / 10,
                }))}
                dataKey="month"
                series={[{ name: 'ratio', label: m.chartSeries, color: 'blue.7' }]}
                referenceLines={[
                  {
                    y: Math.min(indicator.target, 1.5) * 100,
                    label: { value: m.targetLine(formatPercent(indicator.target)), fontSize, fontWeight: 700 },
                    labelPosition: 'insideTopLeft',
                    color: 'nationalRed.7',
                    strokeDasharray: '6 4',
                  },
                ]}
                yAxisProps={{ domain: [0, (highest: number) => Math.max(100, Math.ceil(highest / 10) * 10)], tick: { fontSize } }}
                xAxisProps={{ tick: { fontSize } }}
                valueFormatter={(value) => formatPercent(value / 100)}
                textColor="gray.9"
              />
            )}
          </Paper>
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="indicator-drill">
            <Title order={2} size="h3" id="indicator-drill" mb="sm">
              {m.drillHeading}
            </Title>
            {!indicator.isDrillable ? (
              <Text>{m.drillNotAvailable}</Text>
            ) : (
              <Stack gap="sm">
                <SegmentedControl
                  aria-label={m.drillHeading}
                  value={part}
                  onChange={(value) => {
                    setPart(value as 'numerator' | 'denominator');
                    setPage(1);
                  }}
                  data={[
                    {
                      value: 'denominator',
                      label: `${m.parts.denominator} (${indicator.denominator === null ? '—' : formatNumber(indicator.denominator)})`,
                    },
                    {
                      value: 'numerator',
                      label: `${m.parts.numerator} (${indicator.numerator === null ? '—' : formatNumber(indicator.numerator)})`,
                    },
                  ]}
                  orientation={isPhone ? 'vertical' : 'horizontal'}
                  fullWidth={isPhone}
                  style={{ alignSelf: isPhone ? 'stretch' : 'flex-start' }}
                />
                {drill.data ? (
                  <>
                    <Text size="sm" c="gray.8">
                      {vi.monitoring.dossierTable.total(formatNumber(drill.data.total))}
                    </Text>
                    <DossierTable items={drill.data.items} label={m.parts[part]} />
                    <Pager page={page} total={drill.data.total} pageSize={drill.data.pageSize} onChange={setPage} />
                  </>
                ) : (
                  <QueryState query={drill} />
                )}
              </Stack>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
