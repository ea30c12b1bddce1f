import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import type { Bieu06Figures, Bieu06View } from '../../../../src/contract/metrics';
import { bieu06Url, useBieu06 } from '../../api/metrics';
import { usePageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { vi } from '../../i18n/vi';
import { formatDate, formatNumber } from '../../lib/format';
import { MonitoringFilters, useMonitoringSelection } from './monitoring-filters';

const m = vi.monitoring.report;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function figures(values: Bieu06Figures) {
  return [
    values.received.total,
    values.received.online,
    values.received.directOrPostal,
    values.received.carriedOver,
    values.resolved.total,
    values.resolved.early,
    values.resolved.onTime,
    values.resolved.late,
    values.inProgress.total,
    values.inProgress.withinTime,
    values.inProgress.overdue,
  ];
}

function Line({ number, label, values, isBold }: { number: string; label: string; values: Bieu06Figures; isBold: boolean }) {
  const weight = isBold ? 700 : undefined;
  return (
    <Table.Tr>
      <Table.Td ta="center" fw={weight}>
        {number}
      </Table.Td>
      <Table.Th scope="row" fw={weight ?? 400} miw={180}>
        {label}
      </Table.Th>
      {figures(values).map((value, column) => (
        <Table.Td key={column} ta="right" fw={weight} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatNumber(value)}
        </Table.Td>
      ))}
      <Table.Td>{values.closedWithoutResult > 0 ? m.closed(formatNumber(values.closedWithoutResult)) : ''}</Table.Td>
    </Table.Tr>
  );
}

/** The form's table with its three heading rows (merged cells) as on Biểu 06. */
function ReportTable({ report }: { report: Bieu06View }) {
  const header = { ta: 'center' as const, style: { verticalAlign: 'middle' as const } };
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table withTableBorder withColumnBorders aria-label={m.tableLabel} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" rowSpan={3} {...header}>
              {m.stt}
            </Table.Th>
            <Table.Th scope="col" rowSpan={3} {...header}>
              {m.field}
            </Table.Th>
            <Table.Th scope="colgroup" colSpan={4} {...header}>
              {m.received}
            </Table.Th>
            <Table.Th scope="colgroup" colSpan={7} {...header}>
              {m.result}
            </Table.Th>
            <Table.Th scope="col" rowSpan={3} {...header}>
              {m.note}
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="col" rowSpan={2} {...header}>
              {m.total}
            </Table.Th>
            <Table.Th scope="colgroup" colSpan={3} {...header}>
              {m.ofWhich}
            </Table.Th>
            <Table.Th scope="colgroup" colSpan={4} {...header}>
              {m.resolved}
            </Table.Th>
            <Table.Th scope="colgroup" colSpan={3} {...header}>
              {m.inProgress}
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            {[m.online, m.direct, m.carried, m.total, m.early, m.onTime, m.late, m.total, m.withinTime, m.overdue].map((text, column) => (
              <Table.Th key={column} scope="col" {...header}>
                {text}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.levels.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={14}>{m.empty}</Table.Td>
            </Table.Tr>
          )}
          {report.levels.flatMap((level, levelIndex) => [
            <Line
              key={level.level}
              number={ROMAN[levelIndex] ?? String(levelIndex + 1)}
              label={level.levelLabel}
              values={level.totals}
              isBold
            />,
            ...level.fields.map((field, fieldIndex) => (
              <Line
                key={`${level.level}-${field.field}`}
                number={String(fieldIndex + 1)}
                label={field.field}
                values={field.figures}
                isBold={false}
              />
            )),
          ])}
          <Line number="" label={m.grandTotal} values={report.totals} isBold />
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** `/giam-sat/bieu-06`: the statistical report for a unit and period, on screen and as the printed form. */
export function Bieu06Page() {
  usePageTitle(m.title);
  const selection = useMonitoringSelection('month');
  const report = useBieu06(selection.period);
  const isValid = selection.period.from <= selection.period.to && selection.unitCode !== '';
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{m.title}</Title>
        <Text c="gray.8">{m.intro}</Text>
      </div>
      <MonitoringFilters selection={selection} />
      {isValid && (
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="bieu06-heading">
          <Group justify="space-between" align="flex-start" mb="md" gap="sm">
            <div>
              <Title order={2} size="h3" id="bieu06-heading">
                {selection.unit?.name ?? selection.unitCode}
              </Title>
              <Text size="sm" c="gray.8">
                {m.periodLine(formatDate(selection.period.from), formatDate(selection.period.to))}
              </Text>
            </div>
            <Group gap="sm">
              <Button
                component="a"
                href={bieu06Url(selection.period, 'xlsx')}
                download
                leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
              >
                {m.downloadXlsx}
              </Button>
              <Button
                component="a"
                href={bieu06Url(selection.period, 'pdf')}
                target="_blank"
                rel="noopener"
                variant="light"
                leftSection={<IconFileTypePdf size={18} aria-hidden />}
              >
                {m.downloadPdf}
              </Button>
            </Group>
          </Group>
          {report.data ? <ReportTable report={report.data} /> : <QueryState query={report} />}
        </Paper>
      )}
    </Stack>
  );
}
