import { ActionIcon, Button, Fieldset, Group, NativeSelect, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { roles as ROLES } from '../../../../../src/contract/enums';
import { useUnits } from '../../../api/units';
import { vi } from '../../../i18n/vi';
import type { UserFormValues } from './user-form-values';

const m = vi.users;
const roleOptions = [{ value: '', label: vi.common.choose }, ...ROLES.map((role) => ({ value: role, label: vi.labels.roles[role] }))];

export function RoleAssignmentsFieldset({ form }: { form: UseFormReturnType<UserFormValues> }) {
  const { data: units = [] } = useUnits();
  const unitOptions = units.map((unit) => ({ value: unit.id, label: `${unit.name} (${unit.code})` }));
  const roles = form.getValues().roles;

  return (
    <Fieldset legend={m.rolesLegend}>
      <Stack gap="sm">
        {roles.length === 0 && <Text size="sm">{m.noRoles}</Text>}
        {roles.map((assignment, index) => (
          <Group key={assignment.key} align="flex-start" wrap="nowrap" role="group" aria-label={m.roleItem(index + 1)}>
            <NativeSelect flex={1} label={m.role} data={roleOptions} required {...form.getInputProps(`roles.${index}.role`)} />
            <Select
              flex={1}
              label={m.unit}
              placeholder={m.unitPlaceholder}
              data={unitOptions}
              searchable
              clearable
              {...form.getInputProps(`roles.${index}.unitId`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={26}
              aria-label={m.removeRole(index + 1)}
              onClick={() => form.removeListItem('roles', index)}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => form.insertListItem('roles', { key: crypto.randomUUID(), role: '', unitId: null })}
          w="fit-content"
        >
          {m.addRole}
        </Button>
      </Stack>
    </Fieldset>
  );
}
