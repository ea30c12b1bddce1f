import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ReformIndicator as IndicatorKey, ReductionMethod } from '../../../../../src/contract/enums';
import type { DrillItem } from '../../../../../src/contract/reform';
import { Tag } from '../../../components/tag';
import { vi } from '../../../i18n/vi';
import { formatHours, formatMoney, formatNumber, formatPercent } from '../../../lib/format';
import { isCostIndicator, isTimeIndicator, NOT_PROCEDURES } from '../shared/indicator-kinds';
import { procedureReformPath } from '../shared/reform-params';

const m = vi.reformTargets.drill;

/** Hours; the cost of one dossier (unweighted) or of a year (weighted), as the server compares them. */
function formatFigure(indicator: IndicatorKey, method: ReductionMethod, value: number | null): string {
  if (value === null) return m.noBaseline;
  if (isTimeIndicator(indicator)) return formatHours(value);
  if (isCostIndicator(indicator)) {
    return method === 'weighted' ? vi.reformCost.terms.perYear(formatMoney(value)) : vi.reformTargets.perDossier(formatMoney(value));
  }
  return formatNumber(value);
}

/** Holding-back items first (the server sends them so; the sort is stable and keeps its order). */
export function behindFirst(items: DrillItem[]): DrillItem[] {
  return [...items].sort((a, b) => Number(a.meets) - Number(b.meets));
}

interface DrillTableProps {
  indicator: IndicatorKey;
  method: ReductionMethod;
  items: DrillItem[];
}

export function DrillTable({ indicator, method, items }: DrillTableProps) {
  const isProcedure = !NOT_PROCEDURES.includes(indicator);
  const hasFigures = items.some((item) => item.baseline !== null || item.current !== null || item.reduction !== null);
  const hasNotes = items.some((item) => item.note);
  const hasFields = items.some((item) => item.field);
  return (
    <Table.ScrollContainer minWidth={hasFigures ? 900 : 640}>
      <Table withTableBorder highlightOnHover>
        <Table.Caption>{m.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.result}</Table.Th>
            {isProcedure && <Table.Th scope="col">{m.code}</Table.Th>}
            <Table.Th scope="col">{m.name}</Table.Th>
            {hasFields && <Table.Th scope="col">{m.field}</Table.Th>}
            <Table.Th scope="col">{m.unitName}</Table.Th>
            {hasFigures && (
              <>
                <Table.Th scope="col" ta="right">
                  {m.baseline}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {m.current}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {m.reduction}
                </Table.Th>
              </>
            )}
            {hasNotes && <Table.Th scope="col">{m.note}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.code} bg={item.meets ? undefined : 'red.0'}>
              <Table.Td>{item.meets ? <Tag tone="green">{m.meets}</Tag> : <Tag tone="red">{m.behindTag}</Tag>}</Table.Td>
              {isProcedure && (
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} to={procedureReformPath(item.code)} size="sm">
                    {item.code}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td fw={item.meets ? undefined : 500}>
                {item.name}
                {item.toReview && (
                  <Text component="span" ml="xs">
                    <Tag tone="orange">{m.toReview}</Tag>
                  </Text>
                )}
              </Table.Td>
              {hasFields && <Table.Td>{item.field}</Table.Td>}
              <Table.Td>{item.unitName}</Table.Td>
              {hasFigures && (
                <>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatFigure(indicator, method, item.baseline)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatFigure(indicator, method, item.current)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {item.reduction === null ? '—' : formatPercent(item.reduction)}
                  </Table.Td>
                </>
              )}
              {hasNotes && (
                <Table.Td>
                  <Text size="sm">{item.note}</Text>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
