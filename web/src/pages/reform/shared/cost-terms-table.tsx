import { Group, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import type { FigureSource } from '../../../../../src/contract/enums';
import type { CostResult } from '../../../../../src/contract/reform';
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

interface RowProps {
  label: ReactNode;
  quantity?: string;
  amount?: string;
  isTotal?: boolean;
  /** Phones get two columns: the quantity and the amount share one cell. */
  isNarrow: boolean;
}

function Row({ label, quantity, amount, isTotal = false, isNarrow }: RowProps) {
  return (
    <Table.Tr fw={isTotal ? 700 : undefined} bg={isTotal ? 'gray.1' : undefined}>
      <Table.Th scope="row" fw={isTotal ? 700 : 400}>
        {label}
      </Table.Th>
      {isNarrow ? (
        <Table.Td ta="right">{[quantity, amount].filter(Boolean).join(' · ')}</Table.Td>
      ) : (
        <>
          <Table.Td ta="right">{quantity}</Table.Td>
          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
            {amount}
          </Table.Td>
        </>
      )}
    </Table.Tr>
  );
}

/** Every term of the compliance cost, so a reader can check the computation line by line. */
export function CostTermsTable({ result, timesPerYear, subjectsPerYear, subjectsSource, caption }: CostTermsTableProps) {
  const { terms } = result;
  const isNarrow = useMediaQuery('(max-width: 36em)') ?? false;
  const row = { isNarrow };
  return (
    <Table.ScrollContainer minWidth={isNarrow ? 0 : 420}>
      <Table withTableBorder withColumnBorders verticalSpacing={6}>
        <Table.Caption>{caption ?? m.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.item}</Table.Th>
            {isNarrow ? (
              <Table.Th scope="col" ta="right">
                {m.value}
              </Table.Th>
            ) : (
              <>
                <Table.Th scope="col" ta="right">
                  {m.hours}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {m.amount}
                </Table.Th>
              </>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {terms.activities.length === 0 && <Row {...row} label={<Text c="gray.7">{m.noActivities}</Text>} />}
          {terms.activities.map((activity, index) => (
            <Row
              {...row}
              key={`${activity.name}-${index}`}
              label={m.activity(activity.name)}
              quantity={formatHours(activity.hours)}
              amount={formatMoney(activity.cost)}
            />
          ))}
          <Row {...row} label={m.totalHours} quantity={formatHours(terms.totalHours)} />
          <Row {...row} label={m.hourlyIncome} amount={formatMoney(terms.hourlyIncome)} />
          <Row {...row} label={m.timeCost} amount={formatMoney(terms.timeCost)} />
          <Row {...row} label={m.fees} amount={formatMoney(terms.fees)} />
          <Row {...row} label={m.otherCosts} amount={formatMoney(terms.otherCosts)} />
          <Row {...row} label={m.costPerDossier} amount={formatMoney(result.costPerDossier)} isTotal />
          <Row {...row} label={m.timesPerYear} quantity={formatNumber(timesPerYear)} />
          <Row
            {...row}
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
          <Row {...row} label={m.dossiersPerYear} quantity={formatNumber(terms.dossiersPerYear)} />
          <Row {...row} label={m.annualCost} amount={m.perYear(formatMoney(result.annualCost))} isTotal />
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
