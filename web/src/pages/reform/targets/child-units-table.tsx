import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ReductionMethod } from '../../../../../src/contract/enums';
import type { ChildRow } from '../../../../../src/contract/reform';
import { Tag } from '../../../components/tag';
import { vi } from '../../../i18n/vi';
import { formatNumber, formatPercent } from '../../../lib/format';
import { targetsPath } from '../shared/reform-params';

const m = vi.reformTargets.children;

/** Units with the most indicators behind first, then the smallest time reduction (no figure counts as least). */
export function sortBehindFirst(rows: ChildRow[]): ChildRow[] {
  const time = (row: ChildRow) => row.timeReduction ?? Number.NEGATIVE_INFINITY;
  return [...rows].sort(
    (a, b) => b.indicatorsBehind - a.indicatorsBehind || time(a) - time(b) || a.unitName.localeCompare(b.unitName, 'vi'),
  );
}

const percentOrDash = (value: number | null) => (value === null ? '—' : formatPercent(value));

interface ChildUnitsTableProps {
  rows: ChildRow[];
  year: number;
  method: ReductionMethod;
}

export function ChildUnitsTable({ rows, year, method }: ChildUnitsTableProps) {
  if (rows.length === 0) return <Text c="gray.7">{m.empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover withTableBorder>
        <Table.Caption>{m.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.unit}</Table.Th>
            <Table.Th scope="col" ta="right">
              {m.procedures}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {m.timeReduction}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {m.costReduction}
            </Table.Th>
            <Table.Th scope="col">{m.indicatorsBehind}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.unitId}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={targetsPath(row.unitId, year, method)} size="sm">
                  {row.unitName}
                </Anchor>
              </Table.Th>
              <Table.Td ta="right">{formatNumber(row.procedures)}</Table.Td>
              <Table.Td ta="right">{percentOrDash(row.timeReduction)}</Table.Td>
              <Table.Td ta="right">{percentOrDash(row.costReduction)}</Table.Td>
              <Table.Td>
                {row.indicatorsBehind > 0 ? <Tag tone="red">{formatNumber(row.indicatorsBehind)}</Tag> : <Tag tone="green">{m.allMet}</Tag>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
