import { Stack, Table, Text, Title } from '@mantine/core';
import { useOverdueOccurrences } from '../../api/plan-occurrences';
import { usePageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { useUnitLabel } from '../../components/unit-select';
import { vi } from '../../i18n/vi';
import { formatDate } from '../../lib/format';
import { OccurrenceLinks, OccurrenceTask, UnitFilter, useUnitParam } from './occurrence-parts';

const m = vi.planOccurrences;

/** /ke-hoach/qua-han: the occurrences past due without a report in a unit's subtree (the province's), oldest first. */
export function OverduePage() {
  usePageTitle(m.overdueTitle);
  const [unit, setUnit] = useUnitParam();
  const query = useOverdueOccurrences(unit || undefined);
  const label = useUnitLabel();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{m.overdueTitle}</Title>
        <Text c="gray.8">{m.overdueIntro}</Text>
      </div>
      <OccurrenceLinks />
      <UnitFilter value={unit} onChange={setUnit} />
      {!query.data ? (
        <QueryState query={query} />
      ) : query.data.items.length === 0 ? (
        <Text>{m.noOverdue}</Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table aria-label={m.overdueTitle} verticalSpacing="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{m.columns.dueOn}</Table.Th>
                <Table.Th>{m.columns.daysOverdue}</Table.Th>
                <Table.Th>{m.columns.task}</Table.Th>
                <Table.Th>{m.columns.unit}</Table.Th>
                <Table.Th>{m.columns.responsible}</Table.Th>
                <Table.Th>{m.columns.deadline}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((occurrence) => (
                <Table.Tr key={occurrence.id}>
                  <Table.Td>{formatDate(occurrence.dueOn)}</Table.Td>
                  <Table.Td>{m.days(occurrence.daysOverdue)}</Table.Td>
                  <Table.Td>
                    <OccurrenceTask occurrence={occurrence} />
                  </Table.Td>
                  <Table.Td>{label(occurrence.unit.id, occurrence.unit.name)}</Table.Td>
                  <Table.Td>{occurrence.responsible?.fullName ?? '—'}</Table.Td>
                  <Table.Td>{occurrence.deadline.text}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
