import { Alert, Group, Select, Stack, Text } from '@mantine/core';
import type { PlanTaskView } from '../../../../src/contract/plans';
import { errorMessage } from '../../api/client';
import { useAssignResponsible, useResponsibleCandidates } from '../../api/plan-reports';

type TaskUnit = PlanTaskView['units'][number];

/** The person responsible in each unit of a task; a picker for the unit's leaders and the issuer's office. */
export function ResponsiblePeople({ task, isIssuerOffice }: { task: PlanTaskView; isIssuerOffice: boolean }) {
  const mapped = task.units.filter((unit) => unit.unit);
  if (mapped.length === 0) return <Text size="sm">Nhiệm vụ chưa có đơn vị nào được ghép.</Text>;
  return (
    <Stack gap="xs">
      {mapped.map((unit) => (
        <ResponsiblePicker key={unit.taskUnitId} taskId={task.id} unit={unit} canAssign={unit.canAssign || isIssuerOffice} />
      ))}
    </Stack>
  );
}

function ResponsiblePicker({ taskId, unit, canAssign }: { taskId: string; unit: TaskUnit; canAssign: boolean }) {
  const candidates = useResponsibleCandidates(taskId, unit.taskUnitId, canAssign);
  const assign = useAssignResponsible(taskId, unit.taskUnitId);
  const label = `${unit.unit!.name} (${unit.role === 'lead' ? 'chủ trì' : 'phối hợp'})`;
  if (!canAssign) {
    return (
      <Text size="sm">
        {label}: {unit.responsible?.fullName ?? 'chưa phân công người phụ trách'}
      </Text>
    );
  }
  // A person with roles in two units of the subtree comes once per unit: one option, with both units (Mantine's
  // Select refuses a value given twice, and the whole task's details failed to open).
  const people = new Map<string, { fullName: string; unitNames: string[] }>();
  for (const person of candidates.data?.items ?? []) {
    const known = people.get(person.id);
    if (known) known.unitNames.push(person.unitName);
    else people.set(person.id, { fullName: person.fullName, unitNames: [person.unitName] });
  }
  const options = [...people].map(([id, person]) => ({ value: id, label: `${person.fullName} — ${person.unitNames.join(', ')}` }));
  if (unit.responsible && !options.some((option) => option.value === unit.responsible!.id)) {
    options.unshift({ value: unit.responsible.id, label: unit.responsible.fullName });
  }
  return (
    <Group align="flex-end" wrap="wrap">
      <Select
        label={`Người phụ trách tại ${label}`}
        placeholder="Chưa phân công"
        data={options}
        value={unit.responsible?.id ?? null}
        searchable
        clearable
        disabled={assign.isPending}
        onChange={(value) => assign.mutate({ userId: value, version: unit.responsibleVersion })}
        w={{ base: '100%', sm: 420 }}
      />
      {assign.isError && (
        <Alert color="red" role="alert" py={4}>
          {errorMessage(assign.error)}
        </Alert>
      )}
    </Group>
  );
}
