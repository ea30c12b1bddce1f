import { Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CostResult, FigureSource } from '../../../api/reform-types';
import { vi } from '../../../i18n/vi';
import { formatHours, formatMoney, formatNumber } from '../../../lib/format';
import { FigureSourceTag } from './reform-tags';

const m = vi.reformCost.terms;

interface CostTermsTableProps {
  result: CostResult;
  timesPerYear: number;
  subjectsPerYear: number;
  subjectsSource?: FigureSource;
  caption?: string;
}

function Row({ label, quantity, amount, isTotal = false }: { label: ReactNode; quantity?: ReactNode; amount?: string; isTotal?: boolean }) {
  return (
    <Table.Tr fw={isTotal ? 700 : undefined} bg={isTotal ? 'gray.1' : undefined}>
      <Table.Th scope="row" fw={isTotal ? 700 : 400}>
        {label}
      </Table.Th>
      <Table.Td ta="right">{quantity}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {amount}
      </Table.Td>
    </Table.Tr>
  );
}

/** Every term of the compliance cost, so a reader can check the computation line by line. */
export function CostTermsTable({ result, timesPerYear, subjectsPerYear, subjectsSource, caption }: CostTermsTableProps) {
  const { terms } = result;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table withTableBorder withColumnBorders verticalSpacing={6}>
        <Table.Caption>{caption ?? m.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.item}</Table.Th>
            <Table.Th scope="col" ta="right">
              {m.hours}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {m.amount}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {terms.activities.length === 0 && <Row label={<Text c="gray.7">{m.noActivities}</Text>} />}
          {terms.activities.map((activity, index) => (
            <Row key={`${activity.name}-${index}`} label={m.activity(activity.name)} quantity={formatHours(activity.hours)} amount={formatMoney(activity.cost)} />
          ))}
          <Row label={m.totalHours} quantity={formatHours(terms.totalHours)} />
          <Row label={m.hourlyIncome} amount={formatMoney(terms.hourlyIncome)} />
          <Row label={m.timeCost} amount={formatMoney(terms.timeCost)} />
          <Row label={m.fees} amount={formatMoney(terms.fees)} />
          <Row label={m.otherCosts} amount={formatMoney(terms.otherCosts)} />
          <Row label={m.costPerDossier} amount={formatMoney(result.costPerDossier)} isTotal />
          <Row label={m.timesPerYear} quantity={formatNumber(timesPerYear)} />
          <Row
            label={
              subjectsSource ? (
                <Group gap="xs" component="span">
                  {m.subjectsPerYear}
                  <FigureSourceTag source={subjectsSource} />
                </Group>
              ) : (
                m.subjectsPerYear
              )
            }
            quantity={formatNumber(subjectsPerYear)}
          />
          <Row label={m.dossiersPerYear} quantity={formatNumber(terms.dossiersPerYear)} />
          <Row label={m.annualCost} amount={m.perYear(formatMoney(result.annualCost))} isTotal />
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
