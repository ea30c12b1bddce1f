import { Box, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { ProcedureFee } from '../../../../../src/contract/catalog';
import { Section } from '../../../components/section';
import { vi } from '../../../i18n/vi';
import { formatFeeAmount } from '../../../lib/format';

const m = vi.procedureDetail.fees;

/** The published wording, when the amount column does not already show it. */
const noteOf = (fee: ProcedureFee) => (fee.amountVnd === null ? '' : (fee.text ?? ''));

function FeesWideTable({ fees }: { fees: ProcedureFee[] }) {
  return (
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
            <Table.Td>{noteOf(fee)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function FeesNarrowList({ fees }: { fees: ProcedureFee[] }) {
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {fees.map((fee, index) => (
        <Paper component="li" withBorder p="sm" key={`${fee.name}-${index}`}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Text>
              {fee.name}{' '}
              <Text span size="sm" c="gray.7">
                ({vi.labels.feeKinds[fee.kind]})
              </Text>
            </Text>
            <Text fw={700} ta="right">
              {formatFeeAmount(fee)}
            </Text>
          </Group>
          {noteOf(fee) && (
            <Text size="sm" c="gray.8" mt={4}>
              {noteOf(fee)}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

export function FeesTable({ fees }: { fees: ProcedureFee[] }) {
  return (
    <Section id="section-fees" title={vi.procedureDetail.sections.fees}>
      {fees.length === 0 ? (
        <Text>{m.empty}</Text>
      ) : (
        <>
          <Box visibleFrom="sm">
            <FeesWideTable fees={fees} />
          </Box>
          <Box hiddenFrom="sm">
            <FeesNarrowList fees={fees} />
          </Box>
        </>
      )}
    </Section>
  );
}
