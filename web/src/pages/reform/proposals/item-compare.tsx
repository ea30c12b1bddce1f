import { Table, Text } from '@mantine/core';
import type { TimeUnit } from '../../../../../src/contract/enums';
import type { ProcedureReform } from '../../../../../src/contract/reform';
import type { ProposalItem } from '../../../../../src/contract/reform-proposals';
import { vi } from '../../../i18n/vi';
import { formatDuration, formatHours, formatMoney, formatNumber, formatPercent } from '../../../lib/format';
import { useDebouncedCost } from '../shared/cost-preview';
import { type NumberField, toActivities } from '../shared/cost-values';
import { type ItemFormValues, reduction, toHours } from './item-form-values';

const m = vi.reformProposals.itemForm;

interface Before {
  timeAmount: number;
  timeUnit: TimeUnit;
  hours: number;
  costPerDossier: number | null;
  annualCost: number | null;
}

/** The 2024 figures: the item's own when it is saved, otherwise the procedure's baseline. */
function beforeFigures(item: ProposalItem | null, procedure: ProcedureReform): Before | null {
  if (item?.baseline) return item.baseline;
  const baseline = procedure.baseline;
  if (!baseline) return null;
  return {
    timeAmount: baseline.processingTime.amount,
    timeUnit: baseline.processingTime.unit,
    hours: baseline.hours,
    costPerDossier: baseline.worksheet?.result.costPerDossier ?? null,
    annualCost: baseline.worksheet?.result.annualCost ?? null,
  };
}

const orDash = (value: number | null | undefined, format: (value: number) => string) =>
  value === null || value === undefined ? '—' : format(value);

/** Before and after, side by side; "after" is computed by the server from the figures being typed. */
export function ItemCompare({
  values,
  item,
  procedure,
}: {
  values: ItemFormValues;
  item: ProposalItem | null;
  procedure: ProcedureReform;
}) {
  const worksheet = procedure.current.worksheet ?? procedure.baseline?.worksheet ?? null;
  const activities = toActivities(values.activities);
  const number = (value: NumberField) => (value === '' ? 0 : value);
  const { preview } = useDebouncedCost(
    worksheet && activities
      ? {
          hourlyIncome: worksheet.hourlyIncomeVnd,
          activities,
          fees: number(values.feesVnd),
          otherCosts: number(values.otherCostsVnd),
          timesPerYear: worksheet.timesPerYear,
          subjectsPerYear: worksheet.subjectsPerYear,
        }
      : null,
  );
  const before = beforeFigures(item, procedure);
  const afterHours = values.timeAmount === '' ? null : toHours(values.timeAmount, values.timeUnit);
  const after = preview.data;
  const rows: [string, string, string, string][] = [
    [
      m.compareTime,
      before ? `${formatDuration({ amount: before.timeAmount, unit: before.timeUnit })} (${formatHours(before.hours)})` : '—',
      values.timeAmount === ''
        ? '—'
        : `${formatDuration({ amount: values.timeAmount, unit: values.timeUnit })} (${formatHours(afterHours ?? 0)})`,
      orDash(reduction(before?.hours, afterHours), formatPercent),
    ],
    [
      m.comparePerDossier,
      orDash(before?.costPerDossier, formatMoney),
      orDash(after?.costPerDossier, formatMoney),
      orDash(reduction(before?.costPerDossier, after?.costPerDossier), formatPercent),
    ],
    [
      m.compareAnnual,
      orDash(before?.annualCost, formatMoney),
      orDash(after?.annualCost, formatMoney),
      orDash(reduction(before?.annualCost, after?.annualCost), formatPercent),
    ],
  ];
  return (
    <div>
      {!before && (
        <Text size="sm" c="gray.7" mb="xs">
          {m.noBaseline}
        </Text>
      )}
      {!worksheet && (
        <Text size="sm" c="gray.7" mb="xs">
          {m.noWorksheet}
        </Text>
      )}
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder withColumnBorders aria-labelledby="item-compare-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Td />
              <Table.Th scope="col">{m.before}</Table.Th>
              <Table.Th scope="col">{m.after}</Table.Th>
              <Table.Th scope="col">{m.compareReduction}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(([label, beforeText, afterText, reductionText]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row">{label}</Table.Th>
                <Table.Td>{beforeText}</Table.Td>
                <Table.Td>{afterText}</Table.Td>
                <Table.Td fw={600}>{reductionText}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {worksheet && (
        <Text size="sm" c="gray.7" mt="xs">
          {m.volumeHint(
            formatNumber(worksheet.timesPerYear),
            formatNumber(worksheet.subjectsPerYear),
            formatMoney(worksheet.hourlyIncomeVnd),
          )}
        </Text>
      )}
    </div>
  );
}
