import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Anchor, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import type { IndicatorDrillView, RatingBand } from '../../../../src/contract/metrics';
import type { TrendPoint } from '../../../../src/contract/metrics-dashboard';
import { DOSSIER_READERS, hasRole, useSession } from '../../api/auth';
import { Tag, type Tone } from '../../components/tag';
import { vi } from '../../i18n/vi';
import { formatDate, formatNumber } from '../../lib/format';

const m = vi.monitoring;

const ratingTones: Record<RatingBand, Tone> = { xuat_sac: 'green', tot: 'teal', kha: 'blue', trung_binh: 'orange', yeu: 'red' };

export function RatingTag({
  rating,
  label,
  size = 'lg',
}: {
  rating: RatingBand | null;
  label: string | null;
  size?: 'sm' | 'md' | 'lg' | 'xl';
}) {
  if (!rating || !label) return <Tag tone="gray">{m.overview.groupNoData}</Tag>;
  return (
    <Tag tone={ratingTones[rating]} size={size}>
      {label}
    </Tag>
  );
}

const pointsFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
export const formatPoints = (value: number) => pointsFormat.format(value);

/** The total score, its rating and how much of the index is measured. */
export function ScoreSummary({
  score,
  rating,
  ratingLabel,
  points,
  availableMaxPoints,
  maxPoints,
  headingId,
  heading,
}: {
  score: number | null;
  rating: RatingBand | null;
  ratingLabel: string | null;
  points: number;
  availableMaxPoints: number;
  maxPoints: number;
  headingId: string;
  heading: string;
}) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {heading}
      </Title>
      {score === null ? (
        <Text mt="sm">{m.overview.noScore}</Text>
      ) : (
        <Stack gap="xs" mt="sm">
          <Group gap="md" align="center">
            <Text fz={{ base: 36, sm: 48 }} fw={700} lh={1} c="blue.9">
              {m.overview.score(formatPoints(score))}
            </Text>
            <RatingTag rating={rating} label={ratingLabel} size="xl" />
          </Group>
          <Progress value={score} size="lg" aria-hidden color={rating ? `${ratingTones[rating]}.7` : 'gray'} />
          <Text size="sm" c="gray.8">
            {m.overview.measured(formatPoints(points), formatPoints(availableMaxPoints), formatPoints(maxPoints))}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}

export function monthLabel(point: Pick<TrendPoint, 'month' | 'year'>) {
  return m.overview.monthLabel(point.month, point.year);
}

/** The score month by month (a line) and the dossiers resolved each month by timing (stacked bars). */
export function TrendCharts({ months }: { months: TrendPoint[] }) {
  const isPhone = useMediaQuery('(max-width: 48em)');
  const fontSize = isPhone ? 12 : 14;
  if (months.length === 0) return <Text>{m.overview.trendEmpty}</Text>;
  const data = months.map((point) => ({
    month: monthLabel(point),
    score: point.score,
    early: point.resolvedEarly,
    onTime: point.resolvedOnTime,
    late: point.resolvedLate,
  }));
  const s = m.overview.series;
  return (
    <Stack gap="lg">
      <figure style={{ margin: 0 }} aria-labelledby="trend-score-caption">
        <Text component="figcaption" id="trend-score-caption" fw={600} mb="xs">
          {m.overview.trendScore}
        </Text>
        <LineChart
          h={isPhone ? 220 : 280}
          data={data}
          dataKey="month"
          series={[{ name: 'score', label: s.score, color: 'blue.8' }]}
          yAxisProps={{
            domain: [0, 100],
            ticks: [0, 25, 50, 75, 100],
            tick: { fontSize },
            tickFormatter: (value: number) => String(value),
          }}
          xAxisProps={{ tick: { fontSize } }}
          valueFormatter={(value) => formatPoints(value)}
          curveType="linear"
          strokeWidth={3}
          dotProps={{ r: 4 }}
          connectNulls
          textColor="gray.9"
        />
      </figure>
      <figure style={{ margin: 0 }} aria-labelledby="trend-dossiers-caption">
        <Text component="figcaption" id="trend-dossiers-caption" fw={600} mb="xs">
          {m.overview.trendDossiers}
        </Text>
        <BarChart
          h={isPhone ? 240 : 300}
          data={data}
          dataKey="month"
          type="stacked"
          series={[
            { name: 'early', label: s.early, color: 'teal.7' },
            { name: 'onTime', label: s.onTime, color: 'blue.7' },
            { name: 'late', label: s.late, color: 'red.7' },
          ]}
          withLegend
          legendProps={{ verticalAlign: 'top', height: 36, wrapperStyle: { fontSize } }}
          yAxisProps={{ tick: { fontSize }, allowDecimals: false }}
          xAxisProps={{ tick: { fontSize } }}
          valueFormatter={(value) => formatNumber(value)}
          textColor="gray.9"
        />
      </figure>
      <DataTableFallback months={months} />
    </Stack>
  );
}

/** The figures of the charts as a table, for screen readers (the charts are pictures). */
function DataTableFallback({ months }: { months: TrendPoint[] }) {
  const s = m.overview.series;
  return (
    <details>
      <summary>
        <Text component="span" size="sm">
          {m.overview.trendTable}
        </Text>
      </summary>
      <Table.ScrollContainer minWidth={0}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{m.filters.month}</Table.Th>
              <Table.Th scope="col">{s.score}</Table.Th>
              <Table.Th scope="col">{s.received}</Table.Th>
              <Table.Th scope="col">{s.early}</Table.Th>
              <Table.Th scope="col">{s.onTime}</Table.Th>
              <Table.Th scope="col">{s.late}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.map((point) => (
              <Table.Tr key={`${point.year}-${point.month}`}>
                <Table.Th scope="row">{monthLabel(point)}</Table.Th>
                <Table.Td>{point.score === null ? '—' : formatPoints(point.score)}</Table.Td>
                <Table.Td>{formatNumber(point.received)}</Table.Td>
                <Table.Td>{formatNumber(point.resolvedEarly)}</Table.Td>
                <Table.Td>{formatNumber(point.resolvedOnTime)}</Table.Td>
                <Table.Td>{formatNumber(point.resolvedLate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </details>
  );
}

type DrillItem = IndicatorDrillView['items'][number];

/** Dossiers of a drill or a warning list; the code opens the dossier for those who may read it. */
export function DossierTable({ items, label }: { items: DrillItem[]; label: string }) {
  const { data: session } = useSession();
  const canOpen = hasRole(session?.user, ...DOSSIER_READERS);
  const t = m.dossierTable;
  if (items.length === 0) return <Text>{t.empty}</Text>;
  // On a phone the table scrolls sideways in its frame rather than squeezing the codes into slivers.
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label={label} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.code}</Table.Th>
            <Table.Th scope="col">{t.procedure}</Table.Th>
            <Table.Th scope="col">{t.received}</Table.Th>
            <Table.Th scope="col">{t.due}</Table.Th>
            <Table.Th scope="col">{t.resolved}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                {canOpen ? (
                  <Anchor component={Link} to={`/can-bo/ho-so/${item.id}`} size="sm" style={{ wordBreak: 'break-all' }}>
                    {item.code}
                  </Anchor>
                ) : (
                  <Text size="sm" style={{ wordBreak: 'break-all' }}>
                    {item.code}
                  </Text>
                )}
                <Text size="xs" c="gray.7">
                  {item.applicantName} · {item.applicantIdNumber}
                </Text>
              </Table.Td>
              <Table.Td maw={340}>
                <Text size="sm" lineClamp={2}>
                  {item.procedureName}
                </Text>
                <Text size="xs" c="gray.7">
                  {item.handlingUnitName}
                </Text>
              </Table.Td>
              <Table.Td>{formatDate(item.receivedAt)}</Table.Td>
              <Table.Td>{formatDate(item.dueAt)}</Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(item.resolvedAt)}</Text>
                {item.timing && (
                  <Tag tone={item.timing === 'late' ? 'red' : 'green'} size="sm">
                    {t.timings[item.timing] ?? item.timing}
                  </Tag>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
