import { Button, Group, NativeSelect, PasswordInput, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { UserAccount } from '../../../../../src/contract/auth';
import { signingForms } from '../../../../../src/contract/enums';
import { useCreateUser, useUpdateUser } from '../../../api/users';
import { emptyToNull, notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { vi } from '../../../i18n/vi';
import { RoleAssignmentsFieldset } from './role-assignments-fieldset';
import { toRoleInputs, toUserFormValues, type UserFormValues } from './user-form-values';

const m = vi.users;

interface UserFormProps {
  /** The account to edit, or null to create one. */
  user: UserAccount | null;
  onDone: () => void;
}

export function UserForm({ user, onDone }: UserFormProps) {
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const form = useForm<UserFormValues>({
    initialValues: toUserFormValues(user),
    validate: {
      username: (value) => (user || value.trim() ? null : vi.common.required),
      fullName: (value) => (value.trim() ? null : vi.common.required),
      password: (value) => (user || value ? null : vi.common.required),
      roles: { role: (value) => (value ? null : vi.common.required) },
    },
  });

  const handleSubmit = form.onSubmit((values) => {
    const options = {
      onSuccess: () => {
        notifySuccess(user ? m.updated : m.created);
        onDone();
      },
      onError: (error: unknown) => reportMutationError(form, error),
    };
    const common = {
      fullName: values.fullName.trim(),
      email: emptyToNull(values.email),
      phone: emptyToNull(values.phone),
      personalId: emptyToNull(values.personalId),
      taxCode: emptyToNull(values.taxCode),
      position: emptyToNull(values.position),
      signingForm: values.signingForm === '' ? null : values.signingForm,
      roles: toRoleInputs(values),
    };
    if (user) {
      updateUser.mutate(
        {
          ...common,
          id: user.id,
          isActive: values.isActive,
          version: user.version,
          ...(values.password ? { password: values.password } : {}),
        },
        options,
      );
    } else {
      createUser.mutate({ ...common, username: values.username.trim(), password: values.password }, options);
    }
  }, reportInvalidForm);

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={m.username} required={!user} disabled={!!user} autoComplete="off" {...form.getInputProps('username')} />
          <TextInput label={m.fullName} required {...form.getInputProps('fullName')} />
          <TextInput type="email" label={m.email} autoComplete="off" {...form.getInputProps('email')} />
          <TextInput type="tel" label={m.phone} autoComplete="off" {...form.getInputProps('phone')} />
          <TextInput label={m.personalId} inputMode="numeric" autoComplete="off" {...form.getInputProps('personalId')} />
          <TextInput label={m.taxCode} autoComplete="off" {...form.getInputProps('taxCode')} />
          <TextInput label={m.position} description={m.positionHint} maxLength={100} {...form.getInputProps('position')} />
          <NativeSelect
            label={m.signingForm}
            data={(['', ...signingForms] as const).map((value) => ({ value, label: m.signingForms[value] }))}
            {...form.getInputProps('signingForm')}
          />
        </SimpleGrid>
        <PasswordInput
          label={user ? m.newPassword : m.password}
          description={user ? m.newPasswordHint : undefined}
          required={!user}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        {user && <Switch label={m.isActive} {...form.getInputProps('isActive', { type: 'checkbox' })} />}
        <RoleAssignmentsFieldset form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {vi.common.cancel}
          </Button>
          <Button type="submit" loading={createUser.isPending || updateUser.isPending}>
            {vi.common.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
