import { Anchor, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconFileDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { MetricsIndexView } from '../../../../src/contract/metrics';
import { type DossierWarningList, dossierWarningLists, type RankingItem } from '../../../../src/contract/metrics-dashboard';
import { type MetricsPeriod, useMetricsIndex, useMetricsRanking, useMetricsTrend, useWarningDossiers } from '../../api/metrics';
import { dossierFactsUrl } from '../../api/metrics-settings';
import { usePageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { QueryState } from '../../components/query-state';
import { vi } from '../../i18n/vi';
import { formatNumber } from '../../lib/format';
import { MonitoringFilters, useMonitoringSelection } from './monitoring-filters';
import { DossierTable, formatPoints, RatingTag, ScoreSummary, TrendCharts } from './parts';
import { monitoringQuery } from './period';

const m = vi.monitoring.overview;

function Groups({ index, query }: { index: MetricsIndexView; query: string }) {
  return (
    <section aria-labelledby="monitoring-groups">
      <Title order={2} size="h3" id="monitoring-groups" mb="sm">
        {m.groupsHeading}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {index.groups.map((group) => (
          <Paper key={group.code} withBorder p="md" radius="md">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Title order={3} size="h4">
                {group.name}
              </Title>
              <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                {group.points === null ? m.groupNoData : m.groupPoints(formatPoints(group.points), formatPoints(group.maxPoints))}
              </Text>
            </Group>
            <Progress
              mt="xs"
              aria-hidden
              value={group.points === null ? 0 : (group.points / group.maxPoints) * 100}
              color={group.points === null ? 'gray' : 'blue.7'}
            />
            <Stack gap={4} mt="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {group.indicators.map((indicator) => (
                <li key={indicator.code}>
                  <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                    <Anchor component={Link} to={`/giam-sat/chi-so/${encodeURIComponent(indicator.code)}${query}`} size="sm">
                      {indicator.name}
                    </Anchor>
                    <Text size="sm" c={indicator.points === null ? 'gray.7' : 'gray.9'} style={{ whiteSpace: 'nowrap' }}>
                      {indicator.points === null ? '—' : `${formatPoints(indicator.points)}/${formatPoints(indicator.maxPoints)}`}
                    </Text>
                  </Group>
                </li>
              ))}
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}

function Warnings({ period }: { period: MetricsPeriod }) {
  const [list, setList] = useState<DossierWarningList>('late');
  const [page, setPage] = useState(1);
  const late = useWarningDossiers(period, 'late', list === 'late' ? page : 1);
  const overdue = useWarningDossiers(period, 'overdue', list === 'overdue' ? page : 1);
  const dueSoon = useWarningDossiers(period, 'due_soon', list === 'due_soon' ? page : 1);
  const queries = { late, overdue, due_soon: dueSoon };
  const current = queries[list];
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="monitoring-warnings">
      <Title order={2} size="h3" id="monitoring-warnings" mb="sm">
        {m.warningsHeading}
      </Title>
      <Tabs
        value={list}
        onChange={(value) => {
          setList((value as DossierWarningList) ?? 'late');
          setPage(1);
        }}
        keepMounted={false}
      >
        <Tabs.List>
          {dossierWarningLists.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {m.warnings[name]}: <strong>{queries[name].data ? formatNumber(queries[name].data.total) : '…'}</strong>
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {dossierWarningLists.map((name) => (
          <Tabs.Panel key={name} value={name} pt="sm">
            {current.data ? (
              <>
                <DossierTable items={current.data.items} label={m.warnings[name]} />
                <Pager page={page} total={current.data.total} pageSize={current.data.pageSize} onChange={setPage} />
              </>
            ) : (
              <QueryState query={current} />
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Paper>
  );
}

const communeTypes = new Set(['commune', 'district']);

function RankingTable({ items, linkFor }: { items: RankingItem[]; linkFor: (unitCode: string) => string }) {
  if (items.length === 0) return <Text>{m.rankingEmpty}</Text>;
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table striped aria-label={m.rankingHeading}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.rank}</Table.Th>
            <Table.Th scope="col">{m.unit}</Table.Th>
            <Table.Th scope="col">{m.scoreColumn}</Table.Th>
            <Table.Th scope="col">{m.received}</Table.Th>
            <Table.Th scope="col">{m.late}</Table.Th>
            <Table.Th scope="col">{m.overdue}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, position) => (
            <Table.Tr key={item.unit.id}>
              <Table.Td>{item.score === null ? '—' : position + 1}</Table.Td>
              <Table.Td miw={180}>
                <Anchor component={Link} to={linkFor(item.unit.code)} size="sm" aria-label={m.viewUnit(item.unit.name)}>
                  {item.unit.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={700}>
                    {item.score === null ? '—' : formatPoints(item.score)}
                  </Text>
                  {item.rating && <RatingTag rating={item.rating} label={item.ratingLabel} size="sm" />}
                </Group>
              </Table.Td>
              <Table.Td>{formatNumber(item.received)}</Table.Td>
              <Table.Td>{formatNumber(item.resolvedLate)}</Table.Td>
              <Table.Td>{formatNumber(item.overdue)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Ranking({ period, linkFor }: { period: MetricsPeriod; linkFor: (unitCode: string) => string }) {
  const ranking = useMetricsRanking(period);
  const [tab, setTab] = useState<'departments' | 'communes'>('departments');
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="monitoring-ranking">
      <Title order={2} size="h3" id="monitoring-ranking" mb="sm">
        {m.rankingHeading}
      </Title>
      {!ranking.data ? (
        <QueryState query={ranking} />
      ) : (
        (() => {
          const departments = ranking.data.items.filter((item) => !communeTypes.has(item.type));
          const communes = ranking.data.items.filter((item) => communeTypes.has(item.type));
          if (communes.length === 0 || departments.length === 0) return <RankingTable items={ranking.data.items} linkFor={linkFor} />;
          return (
            <Tabs value={tab} onChange={(value) => setTab((value as 'departments' | 'communes') ?? 'departments')}>
              <Tabs.List>
                <Tabs.Tab value="departments">
                  {m.rankingTabs.departments} ({departments.length})
                </Tabs.Tab>
                <Tabs.Tab value="communes">
                  {m.rankingTabs.communes} ({communes.length})
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="departments" pt="sm">
                <RankingTable items={departments} linkFor={linkFor} />
              </Tabs.Panel>
              <Tabs.Panel value="communes" pt="sm">
                <RankingTable items={communes} linkFor={linkFor} />
              </Tabs.Panel>
            </Tabs>
          );
        })()
      )}
    </Paper>
  );
}

/** `/giam-sat`: the unit's index, its groups, its months, its children and the dossiers to watch. */
export function OverviewPage() {
  usePageTitle(m.title);
  const selection = useMonitoringSelection('year');
  const index = useMetricsIndex(selection.period);
  const trend = useMetricsTrend(selection.period);
  const query = monitoringQuery(selection.params, selection.unitCode);
  const isValid = selection.period.from <= selection.period.to && selection.unitCode !== '';
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{m.title}</Title>
          <Text c="gray.8">{m.intro}</Text>
        </div>
        <Button
          component={Link}
          to={`/giam-sat/bieu-06${query}`}
          variant="light"
          leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
        >
          {m.reportLink}
        </Button>
        <Anchor component={Link} to="/giam-sat/bao-cao-dinh-ky">
          Báo cáo định kỳ (tháng, quý) về kiểm soát TTHC
        </Anchor>
        <Anchor component={Link} to={`/giam-sat/thoi-gian-xu-ly${query}`}>
          {vi.processingTimes.link}
        </Anchor>
      </Group>
      <MonitoringFilters selection={selection} />
      {isValid && (
        <>
          <Group gap="sm" wrap="wrap">
            <Button
              component="a"
              href={dossierFactsUrl(selection.period)}
              download
              variant="light"
              leftSection={<IconFileDownload size={18} aria-hidden />}
            >
              {m.dossierFacts}
            </Button>
            <Text size="sm" c="gray.8" maw={720}>
              {m.dossierFactsHint}
            </Text>
          </Group>
          {index.data ? (
            <>
              <ScoreSummary
                heading={`${m.scoreHeading}: ${index.data.unit.name}`}
                headingId="monitoring-score"
                score={index.data.score}
                rating={index.data.rating}
                ratingLabel={index.data.ratingLabel}
                points={index.data.points}
                availableMaxPoints={index.data.availableMaxPoints}
                maxPoints={index.data.maxPoints}
              />
              <Groups index={index.data} query={query} />
            </>
          ) : (
            <QueryState query={index} />
          )}
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="monitoring-trend">
            <Title order={2} size="h3" id="monitoring-trend" mb="sm">
              {m.trendHeading}
            </Title>
            {trend.data ? <TrendCharts months={trend.data.months} /> : <QueryState query={trend} />}
          </Paper>
          <Ranking period={selection.period} linkFor={(code) => `/giam-sat${monitoringQuery(selection.params, code)}`} />
          <Warnings period={selection.period} />
        </>
      )}
    </Stack>
  );
}
