import { Anchor, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { usePlan } from '../../api/plans';
import { usePageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { vi } from '../../i18n/vi';
import { formatDate } from '../../lib/format';
import { DeadlineText } from './deadline-text';
import { ExportMenu } from './export-menu';
import { PlanRollupLink } from './occurrence-parts';
import { PlanMetadataButton, TaskCancelButtons, TaskEditButton } from './plan-edit-forms';
import { TaskStatusBadge } from './plan-labels';
import { PlanChildren, PlanTargets } from './plan-targets';
import { TaskWorkButton } from './task-work-panel';

const m = vi.plans;

/** /ke-hoach/:id: a plan, its targets and its task tree with lead and coordinating units and statuses. */
export function PlanDetailPage() {
  const { id = '' } = useParams();
  const query = usePlan(id);
  const [editing, setEditing] = useState(false);
  usePageTitle(query.data?.title ?? m.detailTitle);
  if (!query.data) {
    if (isApiError(query.error, 404) || isApiError(query.error, 422)) {
      return (
        <Stack>
          <Title order={1}>{m.detailTitle}</Title>
          <Text>{m.notFound}</Text>
        </Stack>
      );
    }
    return (
      <Stack>
        <Title order={1}>{m.detailTitle}</Title>
        <QueryState query={query} />
      </Stack>
    );
  }
  const plan = query.data;
  return (
    <Stack gap="lg">
      <div>
        <Text c="gray.8">{[plan.number, plan.issuer.name, plan.date ? formatDate(plan.date) : null].filter(Boolean).join(' · ')}</Text>
        <Title order={1}>{plan.title}</Title>
        {plan.parentPlan && (
          <Text>
            {m.parentPlanLink}{' '}
            <Anchor component={Link} to={`/ke-hoach/${plan.parentPlan.id}`} underline="always">
              {plan.parentPlan.number ?? plan.parentPlan.title}
            </Anchor>
          </Text>
        )}
      </div>
      {plan.implements.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="plan-implements">
          <Title order={2} size="h4" id="plan-implements" mb="xs">
            {m.implementsHeading}
          </Title>
          <List>
            {plan.implements.map((text) => (
              <List.Item key={text}>{text}</List.Item>
            ))}
          </List>
        </Paper>
      )}
      <PlanTargets plan={plan} />
      <PlanChildren plan={plan} />
      <Group gap="sm" wrap="wrap">
        <ExportMenu plan={plan} />
        <PlanRollupLink planId={plan.id} />
        {plan.canEdit && (
          <Button variant={editing ? 'filled' : 'default'} onClick={() => setEditing((value) => !value)} aria-pressed={editing}>
            {editing ? 'Xong sửa kế hoạch' : 'Sửa kế hoạch'}
          </Button>
        )}
        {editing && <PlanMetadataButton plan={plan} />}
        {editing && <TaskEditButton planId={plan.id} />}
      </Group>
      <section aria-labelledby="plan-tasks">
        <Title order={2} size="h3" id="plan-tasks" mb="sm">
          {m.tasksHeading(plan.tasks.length)}
        </Title>
        <Table.ScrollContainer minWidth={0}>
          <Table aria-label={m.tasksCaption} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{m.columns.ref}</Table.Th>
                <Table.Th>{m.columns.task}</Table.Th>
                <Table.Th>{m.columns.lead}</Table.Th>
                <Table.Th>{m.columns.coordinating}</Table.Th>
                <Table.Th>{m.columns.deadlines}</Table.Th>
                <Table.Th>{m.columns.status}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.tasks.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Td>{task.ref}</Table.Td>
                  <Table.Td style={{ paddingLeft: `calc(var(--mantine-spacing-sm) + ${task.depth * 1.25}rem)` }}>{task.title}</Table.Td>
                  {(['lead', 'coordinating'] as const).map((role) => (
                    <Table.Td key={role}>
                      <Group gap={4}>
                        {task.units
                          .filter((unit) => unit.role === role)
                          .map((unit) => (
                            <Badge
                              key={unit.taskUnitId}
                              variant={unit.unit ? 'light' : 'outline'}
                              color="gray"
                              tt="none"
                              title={unit.movedFrom ? `${unit.name} — chuyển từ ${unit.movedFrom.name} (sáp nhập)` : unit.name}
                            >
                              {unit.unit?.name ?? unit.name}
                              {unit.movedFrom ? ` (trước: ${unit.movedFrom.name})` : ''}
                            </Badge>
                          ))}
                      </Group>
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <DeadlineText deadlines={task.deadlines} dues={task.deadlineDues} />
                    {task.nextDue && (
                      <Text size="sm" c="gray.8">
                        {m.columns.nextDue}: {formatDate(task.nextDue)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <TaskStatusBadge status={task.status} />
                    <TaskWorkButton task={task} isIssuerOffice={plan.canEdit} />
                    {editing && (
                      <Group gap={0}>
                        <TaskEditButton planId={plan.id} task={task} />
                        <TaskCancelButtons task={task} />
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
    </Stack>
  );
}
