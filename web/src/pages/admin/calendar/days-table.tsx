import { ActionIcon, Table, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { CalendarDay } from '../../../../../src/contract/calendar';
import { useDeleteAnnouncement } from '../../../api/calendar';
import { notifyError, notifySuccess } from '../../../components/form-errors';
import { Tag } from '../../../components/tag';
import { vi } from '../../../i18n/vi';
import { formatDate, formatLongDate } from '../../../lib/format';

const m = vi.calendar;

export function DaysTable({ days }: { days: CalendarDay[] }) {
  const deleteAnnouncement = useDeleteAnnouncement();
  if (days.length === 0) return <Text>{m.daysEmpty}</Text>;

  const handleDelete = (id: string) => deleteAnnouncement.mutate(id, { onSuccess: () => notifySuccess(m.deleted), onError: notifyError });

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.columns.date}</Table.Th>
            <Table.Th scope="col">{m.columns.kind}</Table.Th>
            <Table.Th scope="col">{m.columns.name}</Table.Th>
            <Table.Th scope="col">{m.columns.source}</Table.Th>
            <Table.Th scope="col">{m.columns.actions}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {days.map((day) => (
            <Table.Tr key={day.date}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatLongDate(day.date)}</Table.Td>
              <Table.Td>
                <Tag tone={day.isWorking ? 'green' : 'red'}>{vi.labels.dayKinds[day.kind]}</Tag>
              </Table.Td>
              <Table.Td>
                {day.name}
                {day.basis && (
                  <Text size="xs" c="gray.7">
                    {day.basis}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{m.sources[day.source]}</Table.Td>
              <Table.Td>
                {day.announcementId && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={m.deleteLabel(formatDate(day.date))}
                    loading={deleteAnnouncement.isPending && deleteAnnouncement.variables === day.announcementId}
                    onClick={() => handleDelete(day.announcementId!)}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
