import { Group, Paper, Progress, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { usePublicStatistics } from '../../api/metrics';
import { usePageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { vi } from '../../i18n/vi';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import { formatPoints, ScoreSummary, TrendCharts } from './parts';

const m = vi.monitoring.public;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="gray.8">
        {label}
      </Text>
      <Text fz={{ base: 24, sm: 32 }} fw={700} c="blue.9">
        {value}
      </Text>
    </Paper>
  );
}

/** `/thong-ke` (công khai): the province's results for a year — figures only, no dossier and no person. */
export function PublicStatisticsPage() {
  usePageTitle(m.title);
  // No year asked at first: the server answers the reporting year today belongs to (its month start day is a setting).
  const [year, setYear] = useState<number | null>(null);
  const statistics = usePublicStatistics(year);
  const data = statistics.data;
  const [current, setCurrent] = useState<number | null>(null);
  if (current === null && year === null && data) setCurrent(data.year);
  const resolved = data ? data.totals.resolved.total : 0;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{m.title}</Title>
          {data && <Text c="gray.8">{m.intro(data.unit.name)}</Text>}
        </div>
        <Select
          label={m.year}
          w={140}
          data={current === null ? [] : Array.from({ length: 5 }, (_, offset) => String(current - offset))}
          value={year === null ? (current === null ? null : String(current)) : String(year)}
          onChange={(value) => value && setYear(Number(value))}
          allowDeselect={false}
        />
      </Group>
      {!data ? (
        <QueryState query={statistics} />
      ) : (
        <>
          <Text size="sm" c="gray.8">
            {m.period(formatDate(data.from), formatDate(data.to))}
          </Text>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing={{ base: 'xs', sm: 'md' }}>
            <Figure label={m.received} value={formatNumber(data.totals.received.total - data.totals.received.carriedOver)} />
            <Figure label={m.receivedOnline} value={formatNumber(data.totals.received.online)} />
            <Figure label={m.resolved} value={formatNumber(resolved)} />
            <Figure
              label={m.onTimeShare}
              value={resolved ? formatPercent((data.totals.resolved.early + data.totals.resolved.onTime) / resolved) : '—'}
            />
          </SimpleGrid>
          <ScoreSummary
            heading={vi.monitoring.overview.scoreHeading}
            headingId="public-score"
            score={data.index.score}
            rating={data.index.rating}
            ratingLabel={data.index.ratingLabel}
            points={data.index.points}
            availableMaxPoints={data.index.availableMaxPoints}
            maxPoints={data.index.maxPoints}
          />
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="public-groups">
            <Title order={2} size="h3" id="public-groups" mb="sm">
              {vi.monitoring.overview.groupsHeading}
            </Title>
            <Stack gap="sm">
              {data.index.groups.map((group) => (
                <div key={group.code}>
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text fw={600}>{group.name}</Text>
                    <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                      {group.points === null
                        ? vi.monitoring.overview.groupNoData
                        : vi.monitoring.overview.groupPoints(formatPoints(group.points), formatPoints(group.maxPoints))}
                    </Text>
                  </Group>
                  <Progress aria-hidden value={group.points === null ? 0 : (group.points / group.maxPoints) * 100} color="blue.7" />
                </div>
              ))}
            </Stack>
          </Paper>
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="public-trend">
            <Title order={2} size="h3" id="public-trend" mb="sm">
              {vi.monitoring.overview.trendHeading}
            </Title>
            <TrendCharts months={data.months} />
          </Paper>
          <Text size="sm" c="gray.7">
            {m.noPersonalData}
          </Text>
        </>
      )}
    </Stack>
  );
}
