import { Table, Text } from '@mantine/core';
import type { ProcedureFee } from '../../../api/types';
import { formatFeeAmount } from '../../../lib/format';
import { vi } from '../../../i18n/vi';
import { Section } from './section';

const m = vi.procedureDetail.fees;

export function FeesTable({ fees }: { fees: ProcedureFee[] }) {
  return (
    <Section id="section-fees" title={vi.procedureDetail.sections.fees}>
      {fees.length === 0 ? (
        <Text>{m.empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m.name}</Table.Th>
                <Table.Th scope="col">{m.kind}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {m.amount}
                </Table.Th>
                <Table.Th scope="col">{m.note}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fees.map((fee, index) => (
                <Table.Tr key={`${fee.name}-${index}`}>
                  <Table.Td>{fee.name}</Table.Td>
                  <Table.Td>{vi.labels.feeKinds[fee.kind]}</Table.Td>
                  <Table.Td ta="right" fw={600} style={{ whiteSpace: fee.amountVnd === null ? 'normal' : 'nowrap' }}>
                    {formatFeeAmount(fee)}
                  </Table.Td>
                  <Table.Td>{fee.amountVnd === null ? '' : fee.text}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
