import { Anchor, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { MeasuredTimes, ProcessingTimesGrouping, ProcessingTimesRow } from '../../../../src/contract/metrics-processing-times';
import { useProcessingTimes } from '../../api/metrics-processing-times';
import { usePageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { QueryState } from '../../components/query-state';
import { vi } from '../../i18n/vi';
import { formatDate, formatDuration, formatNumber } from '../../lib/format';
import { MonitoringFilters, useMonitoringSelection } from './monitoring-filters';
import { monitoringQuery } from './period';

const m = vi.processingTimes;
const MINUTES_PER_DAY = 480;
const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A row is read in hours when its procedure is counted in hours or when its dossiers take less than a working day. */
function isInHours(row: ProcessingTimesRow): boolean {
  if (row.statutory?.unit === 'working_hours') return true;
  const longest = Math.max(row.measured.p90WorkingMinutes ?? 0, row.baseline?.p90WorkingMinutes ?? 0);
  return longest < MINUTES_PER_DAY;
}

function formatTime(minutes: number | null, inHours: boolean): string {
  if (minutes === null) return '—';
  return inHours ? m.hours(oneDecimal.format(minutes / 60)) : m.days(oneDecimal.format(minutes / MINUTES_PER_DAY));
}

/** The change of the median against 2024: green when shorter, red when longer, words beside the colour. */
function Change({ row }: { row: ProcessingTimesRow }) {
  if (row.baseline === null) {
    return (
      <Text size="sm" c="gray.8" title={row.note ?? undefined}>
        {m.noBaseline}
      </Text>
    );
  }
  const change = row.medianChangePercent;
  if (change === null) {
    return (
      <Text size="sm" c="gray.8">
        {row.note ?? '—'}
      </Text>
    );
  }
  const sign = change > 0 ? '+' : change < 0 ? '−' : '';
  const color = change < 0 ? 'green.9' : change > 0 ? 'red.9' : 'gray.8';
  const word = change < 0 ? m.shorter : change > 0 ? m.longer : m.same;
  return (
    <Text size="sm" fw={600} c={color} style={{ whiteSpace: 'nowrap' }}>
      {`${sign}${oneDecimal.format(Math.abs(change))}\u00a0% (${word})`}
    </Text>
  );
}

const cell = { ta: 'right' as const, style: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' as const } };

function Figures({ measured, inHours }: { measured: MeasuredTimes; inHours: boolean }) {
  return (
    <>
      <Table.Td {...cell}>{formatNumber(measured.dossiers)}</Table.Td>
      <Table.Td {...cell}>{formatTime(measured.medianWorkingMinutes, inHours)}</Table.Td>
      <Table.Td {...cell}>{formatTime(measured.p90WorkingMinutes, inHours)}</Table.Td>
    </>
  );
}

function Line({
  row,
  label,
  groupBy,
  isTotal = false,
}: {
  row: ProcessingTimesRow;
  label: ReactNode;
  groupBy: ProcessingTimesGrouping;
  isTotal?: boolean;
}) {
  const inHours = isInHours(row);
  return (
    <Table.Tr fw={isTotal ? 700 : undefined}>
      <Table.Th scope="row" fw={isTotal ? 700 : 400} miw={220}>
        {label}
      </Table.Th>
      <Figures measured={row.measured} inHours={inHours} />
      {groupBy === 'procedure' && (
        <>
          <Table.Td {...cell}>{row.statutory ? formatDuration(row.statutory) : ''}</Table.Td>
          <Table.Td {...cell}>{row.committed ? formatDuration(row.committed) : ''}</Table.Td>
        </>
      )}
      <Table.Td {...cell}>{formatTime(row.baseline?.medianWorkingMinutes ?? null, inHours)}</Table.Td>
      <Table.Td>
        <Change row={row} />
      </Table.Td>
    </Table.Tr>
  );
}

/** On a phone, a row is a card: its name, then each figure under its heading. */
function RowCard({ row, label, groupBy }: { row: ProcessingTimesRow; label: ReactNode; groupBy: ProcessingTimesGrouping }) {
  const inHours = isInHours(row);
  const figures: [string, ReactNode][] = [
    [m.dossiers, formatNumber(row.measured.dossiers)],
    [m.median, formatTime(row.measured.medianWorkingMinutes, inHours)],
    [m.p90, formatTime(row.measured.p90WorkingMinutes, inHours)],
    [m.baselineMedian, formatTime(row.baseline?.medianWorkingMinutes ?? null, inHours)],
  ];
  if (groupBy === 'procedure' && row.key !== null) {
    figures.push([m.statutory, row.statutory ? formatDuration(row.statutory) : '—']);
    figures.push([m.committed, row.committed ? formatDuration(row.committed) : '—']);
  }
  return (
    <Paper withBorder p="sm" radius="md" component="li">
      <Stack gap="xs">
        <Text fw={600} size="sm" component="div">
          {label}
        </Text>
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={4} component="dl" m={0}>
          {figures.map(([heading, value]) => (
            <div key={heading}>
              <Text component="dt" size="xs" c="gray.8">
                {heading}
              </Text>
              <Text component="dd" size="sm" m={0} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <div>
          <Text size="xs" c="gray.8">
            {m.change}
          </Text>
          <Change row={row} />
        </div>
      </Stack>
    </Paper>
  );
}

function rowLabel(row: ProcessingTimesRow, linkForUnit: (code: string) => string) {
  if (row.procedure) {
    return (
      <Stack gap={0}>
        <Anchor component={Link} to={`/cai-cach/thu-tuc/${encodeURIComponent(row.procedure.code)}`} size="sm">
          {row.procedure.name ?? m.noName}
        </Anchor>
        <Text size="xs" c="gray.8">
          {row.procedure.code}
        </Text>
      </Stack>
    );
  }
  if (row.unit?.isSelf) return m.self(row.unit.name);
  if (row.unit) {
    return (
      <Anchor component={Link} to={linkForUnit(row.unit.code)} size="sm" aria-label={m.viewUnit(row.unit.name)}>
        {row.unit.name}
      </Anchor>
    );
  }
  return m.total;
}

/** `/giam-sat/thoi-gian-xu-ly`: what citizens wait, per procedure or unit, beside what is published and against 2024. */
export function ProcessingTimesPage() {
  usePageTitle(m.title);
  const selection = useMonitoringSelection('year');
  const groupBy: ProcessingTimesGrouping = selection.params.get('nhom') === 'don-vi' ? 'unit' : 'procedure';
  // The page goes back to the first when the unit, the period or the grouping changes.
  const pageKey = `${selection.period.unit}|${selection.period.from}|${selection.period.to}|${groupBy}`;
  const [paging, setPaging] = useState({ key: pageKey, page: 1 });
  const page = paging.key === pageKey ? paging.page : 1;
  const times = useProcessingTimes(selection.period, groupBy, page);
  const isValid = selection.period.from <= selection.period.to && selection.unitCode !== '';
  const linkForUnit = (code: string) => {
    const query = monitoringQuery(selection.params, code);
    return `/giam-sat/thoi-gian-xu-ly${query}${query ? '&' : '?'}nhom=don-vi`;
  };
  const view = times.data;
  const isPhone = useMediaQuery('(max-width: 48em)');
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{m.title}</Title>
        <Text c="gray.8">{m.intro}</Text>
      </div>
      <MonitoringFilters selection={selection} />
      {isValid && (
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="processing-times-heading">
          <Stack gap="sm" mb="md">
            <Title order={2} size="h3" id="processing-times-heading">
              {selection.unit?.name ?? selection.unitCode}
            </Title>
            <Text size="sm" c="gray.8">
              {m.rule}
            </Text>
            {view && (
              <Text size="sm" c="gray.8">
                {m.baseline(formatDate(view.baselinePeriod.from), formatDate(view.baselinePeriod.to))}
              </Text>
            )}
            <SegmentedControl
              aria-label={m.groupLabel}
              w={{ base: '100%', sm: 'auto' }}
              style={{ alignSelf: 'flex-start' }}
              value={groupBy}
              onChange={(value) => selection.update({ nhom: value === 'unit' ? 'don-vi' : null })}
              data={[
                { value: 'procedure', label: m.byProcedure },
                { value: 'unit', label: m.byUnit },
              ]}
            />
          </Stack>
          {view ? (
            <>
              {isPhone ? (
                <Stack gap="sm" component="ul" aria-label={m.tableLabel} p={0} m={0} style={{ listStyle: 'none' }}>
                  {view.items.length === 0 && (
                    <Text component="li" size="sm">
                      {m.empty}
                    </Text>
                  )}
                  {view.items.map((row) => (
                    <RowCard key={row.key} row={row} label={rowLabel(row, linkForUnit)} groupBy={groupBy} />
                  ))}
                  <RowCard row={view.total} label={m.total} groupBy={groupBy} />
                </Stack>
              ) : (
                <Table.ScrollContainer minWidth={groupBy === 'procedure' ? 960 : 720}>
                  <Table withTableBorder aria-label={m.tableLabel} fz="sm" striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{groupBy === 'procedure' ? m.procedure : m.unit}</Table.Th>
                        {[m.dossiers, m.median, m.p90].map((text) => (
                          <Table.Th key={text} scope="col" ta="right">
                            {text}
                          </Table.Th>
                        ))}
                        {groupBy === 'procedure' &&
                          [m.statutory, m.committed].map((text) => (
                            <Table.Th key={text} scope="col" ta="right">
                              {text}
                            </Table.Th>
                          ))}
                        <Table.Th scope="col" ta="right">
                          {m.baselineMedian}
                        </Table.Th>
                        <Table.Th scope="col">{m.change}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {view.items.length === 0 && (
                        <Table.Tr>
                          <Table.Td colSpan={groupBy === 'procedure' ? 8 : 6}>{m.empty}</Table.Td>
                        </Table.Tr>
                      )}
                      {view.items.map((row) => (
                        <Line key={row.key} row={row} label={rowLabel(row, linkForUnit)} groupBy={groupBy} />
                      ))}
                      <Line row={view.total} label={m.total} groupBy={groupBy} isTotal />
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              <Pager
                page={view.page}
                total={view.totalItems}
                pageSize={view.pageSize}
                onChange={(next) => setPaging({ key: pageKey, page: next })}
              />
            </>
          ) : (
            <QueryState query={times} />
          )}
        </Paper>
      )}
    </Stack>
  );
}
