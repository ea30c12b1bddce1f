import { Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type PlanTaskListItem, type PlanTaskStatus, planTaskStatuses, planTaskStatusLabels } from '../../../../src/contract/plans';
import { useUnitTasks } from '../../api/plans';
import { DateField } from '../../components/date-fields';
import { usePageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { UnitSelect } from '../../components/unit-select';
import { vi } from '../../i18n/vi';
import { formatDate, formatVietnamDateTime } from '../../lib/format';
import { DeadlineText } from './deadline-text';
import { OccurrenceLinks } from './occurrence-parts';
import { TaskStatusBadge } from './plan-labels';
import { TaskReportForm } from './task-report-form';
import { TaskWorkButton } from './task-work-panel';

const m = vi.plans;
const statusOptions = planTaskStatuses.map((status) => ({ value: status, label: planTaskStatusLabels[status] }));

/** /ke-hoach/viec-cua-don-vi: the tasks of my units (or of a chosen unit) by next due date, with "Báo cáo tiến độ". */
export function UnitTasksPage() {
  usePageTitle(m.tasksTitle);
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? '';
  const status = (params.get('status') ?? '') as PlanTaskStatus | '';
  const dueBefore = params.get('han') ?? '';
  const query = useUnitTasks({ unit: unit || undefined, status: status || undefined, due_before: dueBefore || undefined });
  const [reporting, setReporting] = useState<PlanTaskListItem | null>(null);
  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{m.tasksTitle}</Title>
        <Text c="gray.8">{m.tasksIntro}</Text>
      </div>
      <OccurrenceLinks />
      <Group component="section" aria-label={m.tasksTitle} align="flex-end">
        <UnitSelect
          label={m.unit}
          value={unit || null}
          onChange={(value) => setParam('unit', value)}
          placeholder={m.myUnits}
          clearable
          w={{ base: '100%', sm: 320 }}
        />
        <Select
          label={m.status}
          data={statusOptions}
          value={status || null}
          onChange={(value) => setParam('status', value)}
          placeholder={m.anyStatus}
          clearable
        />
        <DateField label={m.dueBefore} value={dueBefore} onChange={(value) => setParam('han', value || null)} />
      </Group>
      {!query.data ? (
        <QueryState query={query} />
      ) : query.data.items.length === 0 ? (
        <Text>{m.noTasks}</Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table aria-label={m.tasksTitle} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{m.columns.nextDue}</Table.Th>
                <Table.Th>{m.columns.task}</Table.Th>
                <Table.Th>{m.columns.role}</Table.Th>
                <Table.Th>{m.columns.deadlines}</Table.Th>
                <Table.Th>{m.columns.status}</Table.Th>
                <Table.Th>{m.columns.actions}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Td>{task.nextDue ? formatDate(task.nextDue) : '—'}</Table.Td>
                  <Table.Td>
                    <Text fw={500}>
                      {task.ref}. {task.title}
                    </Text>
                    {task.units.some((unit) => unit.responsible) && (
                      <Text size="sm">
                        Phụ trách:{' '}
                        {task.units
                          .flatMap((unit) => (unit.responsible ? [`${unit.responsible.fullName} (${unit.unit?.name ?? unit.name})`] : []))
                          .join('; ')}
                      </Text>
                    )}
                    <Anchor component={Link} to={`/ke-hoach/${task.plan.id}`} size="sm">
                      {task.plan.number ?? task.plan.title}
                    </Anchor>
                    {task.reports[0] && (
                      <Text size="sm" c="gray.8">
                        {m.lastReport}: {task.reports[0].text} (
                        {m.reportBy(task.reports[0].author.fullName, formatVietnamDateTime(task.reports[0].createdAt))})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {task.roles.map((role) => (
                        <Badge key={role} variant="light" color="gray" tt="none">
                          {m.roles[role]}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <DeadlineText deadlines={task.deadlines} dues={task.deadlineDues} />
                  </Table.Td>
                  <Table.Td>
                    <TaskStatusBadge status={task.status} />
                  </Table.Td>
                  <Table.Td>
                    <TaskWorkButton task={task} />
                    {task.canReport && (
                      <Button size="xs" variant="light" onClick={() => setReporting(task)} aria-label={m.reportLabel(task.ref)}>
                        {m.report}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={reporting !== null} onClose={() => setReporting(null)} title={reporting ? m.reportLabel(reporting.ref) : m.report}>
        {reporting && <TaskReportForm task={reporting} onDone={() => setReporting(null)} />}
      </Modal>
    </Stack>
  );
}
