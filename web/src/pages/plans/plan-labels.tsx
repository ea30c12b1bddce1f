import { Badge } from '@mantine/core';
import { type PlanTaskStatus, planTaskStatusLabels } from '../../../../src/contract/plans';

const colors: Record<PlanTaskStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  done: 'green',
  overdue: 'red',
  cancelled: 'dark',
};

/** A task's status as a badge (the text says it; the colour only repeats it). */
export function TaskStatusBadge({ status }: { status: PlanTaskStatus }) {
  return (
    <Badge color={colors[status]} variant="light" tt="none">
      {planTaskStatusLabels[status]}
    </Badge>
  );
}
