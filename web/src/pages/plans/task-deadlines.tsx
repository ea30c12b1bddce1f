import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PlanDeadline, PlanDeadlineDue, PlanTaskView } from '../../../../src/contract/plans';
import { errorMessage } from '../../api/client';
import { useRecordDeadlineEvent } from '../../api/plans-edit';
import { DateField } from '../../components/date-fields';
import { formatDate } from '../../lib/format';

/**
 * A task's deadlines with their due dates. A deadline counted from an event other than the plan's issue ("kể từ ngày
 * tiếp nhận văn bản") shows that event and, for those who may record it (`canRecordEvent`: the lead units' staff, the
 * issuer's office), the day it happened; once saved, the due date computed from it.
 */
export function TaskDeadlines({ task }: { task: PlanTaskView }) {
  if (task.deadlines.length === 0) return <Text size="sm">Nhiệm vụ không ghi thời hạn.</Text>;
  return (
    <Stack gap="sm">
      {task.deadlines.map((deadline, index) => (
        <DeadlineRow key={index} task={task} index={index} deadline={deadline} due={task.deadlineDues[index]} />
      ))}
    </Stack>
  );
}

function DeadlineRow({ task, index, deadline, due }: { task: PlanTaskView; index: number; deadline: PlanDeadline; due?: PlanDeadlineDue }) {
  return (
    <div>
      <Text size="sm" fw={500}>
        {deadline.text}
      </Text>
      <Text size="sm" c="gray.8">
        {due?.dueOn ? `Hạn: ${formatDate(due.dueOn)}` : (due?.note ?? 'Không có hạn cụ thể')}
      </Text>
      {deadline.kind === 'relative' && due?.isEventDated && (
        <EventDate taskId={task.id} version={task.version} index={index} deadline={deadline} canRecord={task.canRecordEvent} />
      )}
    </div>
  );
}

function EventDate({
  taskId,
  version,
  index,
  deadline,
  canRecord,
}: {
  taskId: string;
  version: number;
  index: number;
  deadline: Extract<PlanDeadline, { kind: 'relative' }>;
  canRecord: boolean;
}) {
  const [date, setDate] = useState(deadline.eventDate ?? '');
  const record = useRecordDeadlineEvent(taskId, index);
  const label = `Ngày ${deadline.after}`;
  if (!canRecord) {
    return (
      <Text size="sm">
        {label}: {deadline.eventDate ? formatDate(deadline.eventDate) : 'chưa ghi nhận'}
      </Text>
    );
  }
  const isUnchanged = date === (deadline.eventDate ?? '');
  return (
    <Stack gap={4} mt={4}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          record.mutate({ date: date || null, version });
        }}
      >
        <Group align="flex-end" wrap="wrap" gap="xs">
          <DateField
            label={label}
            description="Ngày sự kiện đã diễn ra; hạn được tính từ ngày này."
            placeholder="dd/mm/yyyy"
            value={date}
            onChange={setDate}
            w={{ base: '100%', sm: 220 }}
          />
          <Button type="submit" size="sm" loading={record.isPending} disabled={isUnchanged}>
            {date || !deadline.eventDate ? 'Lưu ngày' : 'Bỏ ngày đã ghi nhận'}
          </Button>
        </Group>
      </form>
      {record.isError && (
        <Alert color="red" role="alert" py={4}>
          {errorMessage(record.error)}
        </Alert>
      )}
      {record.isSuccess && isUnchanged && (
        <Text size="sm" role="status">
          Đã lưu.
        </Text>
      )}
    </Stack>
  );
}
