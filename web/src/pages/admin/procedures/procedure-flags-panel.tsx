import { Badge, Group, Table, Text } from '@mantine/core';
import { procedureListFlags } from '../../../../../src/contract/enums';
import { useProcedureFlags } from '../../../api/decisions';
import { QueryState } from '../../../components/query-state';
import { Section } from '../../../components/section';
import { vi } from '../../../i18n/vi';
import { formatDate } from '../../../lib/format';

const m = vi.adminDecisions.flags;

/** The list flags of a procedure today, and every list decision that changed them. */
export function ProcedureFlagsPanel({ code }: { code: string }) {
  const query = useProcedureFlags(code);
  const data = query.data;
  return (
    <Section id="procedure-flags" title={m.title}>
      <Text size="sm" c="gray.8" mb="sm">
        {m.intro}
      </Text>
      {!data ? (
        <QueryState query={query} />
      ) : (
        <>
          <Text fw={600} mb={4}>
            {m.current}
          </Text>
          <Group gap="xs" mb="md">
            {procedureListFlags.map((flag) => (
              <Badge key={flag} color={data.flags[flag] ? 'green' : 'gray'} variant="light" tt="none">
                {vi.labels.procedureListFlags[flag]}: {data.flags[flag] ? m.yes : m.no}
              </Badge>
            ))}
          </Group>
          <Text fw={600} mb={4}>
            {m.history}
          </Text>
          {data.history.length === 0 ? (
            <Text size="sm">{m.none}</Text>
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{m.columns.effectiveFrom}</Table.Th>
                    <Table.Th>{m.columns.flag}</Table.Th>
                    <Table.Th>{m.columns.value}</Table.Th>
                    <Table.Th>{m.columns.decision}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.history.map((entry) => (
                    <Table.Tr key={`${entry.decision.id}-${entry.flag}`}>
                      <Table.Td>{formatDate(entry.effectiveFrom)}</Table.Td>
                      <Table.Td>{vi.labels.procedureListFlags[entry.flag]}</Table.Td>
                      <Table.Td>{entry.value ? m.yes : m.no}</Table.Td>
                      <Table.Td>
                        {entry.decision.number} ({formatDate(entry.decision.date)})
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Section>
  );
}
