import { ActionIcon, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { UserAccount } from '../../../../../src/contract/auth';
import { useUpdateUser } from '../../../api/users';
import { notifyError, notifySuccess } from '../../../components/form-errors';
import { Tag } from '../../../components/tag';
import { vi } from '../../../i18n/vi';

const m = vi.users;

function ActiveToggle({ user }: { user: UserAccount }) {
  const updateUser = useUpdateUser();
  const toggle = () =>
    updateUser.mutate(
      { id: user.id, isActive: !user.isActive, version: user.version },
      {
        onSuccess: () => notifySuccess(user.isActive ? m.deactivated : m.activated),
        onError: notifyError,
      },
    );
  return (
    <Button
      size="compact-sm"
      variant="light"
      color={user.isActive ? 'red' : 'green'}
      loading={updateUser.isPending}
      onClick={toggle}
      aria-label={user.isActive ? m.deactivateLabel(user.username) : m.activateLabel(user.username)}
    >
      {user.isActive ? m.deactivate : m.activate}
    </Button>
  );
}

export function UserTable({ users, onEdit }: { users: UserAccount[]; onEdit: (user: UserAccount) => void }) {
  if (users.length === 0) return <Text>{m.empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover withTableBorder verticalSpacing="sm">
        <Table.Caption>{m.tableCaption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.columns.username}</Table.Th>
            <Table.Th scope="col">{m.columns.fullName}</Table.Th>
            <Table.Th scope="col">{m.columns.contact}</Table.Th>
            <Table.Th scope="col">{m.columns.roles}</Table.Th>
            <Table.Th scope="col">{m.columns.status}</Table.Th>
            <Table.Th scope="col">{m.columns.actions}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>{user.username}</Table.Td>
              <Table.Td>{user.fullName}</Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {user.email && <Text size="sm">{user.email}</Text>}
                  {user.phone && <Text size="sm">{user.phone}</Text>}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {user.roles.map((assignment) => (
                    <Text size="sm" key={`${assignment.role}-${assignment.unitId ?? ''}`}>
                      {vi.labels.roles[assignment.role]}
                      {assignment.unitName && (
                        <Text span c="gray.7" size="sm">
                          {' '}
                          — {assignment.unitName}
                        </Text>
                      )}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Tag tone={user.isActive ? 'green' : 'gray'}>{user.isActive ? m.active : m.inactive}</Tag>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <ActionIcon variant="subtle" size="lg" aria-label={m.editLabel(user.username)} onClick={() => onEdit(user)}>
                    <IconPencil size={18} aria-hidden />
                  </ActionIcon>
                  <ActiveToggle user={user} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
