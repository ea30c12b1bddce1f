import { Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { UserAccount } from '../../../../../src/contract/auth';
import { USERS_PAGE_SIZE, useUsers } from '../../../api/users';
import { usePageTitle } from '../../../components/page-title';
import { Pager } from '../../../components/pager';
import { QueryState } from '../../../components/query-state';
import { useSearchText } from '../../../components/use-search-text';
import { vi } from '../../../i18n/vi';
import { UserForm } from './user-form';
import { UserTable } from './user-table';

const m = vi.users;

/** null: no dialog; 'new': create; an account: edit it. */
type Dialog = null | 'new' | UserAccount;

export function UsersPage() {
  usePageTitle(m.title);
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [text, setText] = useSearchText(query, (value) => {
    setQuery(value);
    setPage(1);
  });
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useUsers(query, page);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{m.title}</Title>
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setDialog('new')}>
          {m.add}
        </Button>
      </Group>
      <TextInput
        type="search"
        label={m.search}
        placeholder={m.searchPlaceholder}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        leftSection={<IconSearch size={18} aria-hidden />}
        maw={480}
      />
      {users.data && !users.isError ? (
        <div aria-busy={users.isFetching}>
          <Text c="gray.8" mb="xs" aria-live="polite">
            {m.total(users.data.total)}
          </Text>
          <UserTable users={users.data.items} onEdit={setDialog} />
          <Pager page={page} total={users.data.total} pageSize={USERS_PAGE_SIZE} onChange={setPage} />
        </div>
      ) : (
        <QueryState query={users} />
      )}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog === 'new' || dialog === null ? m.createTitle : m.editTitle(dialog.fullName)}
        size="lg"
      >
        {dialog !== null && (
          <UserForm key={dialog === 'new' ? 'new' : dialog.id} user={dialog === 'new' ? null : dialog} onDone={() => setDialog(null)} />
        )}
      </Modal>
    </Stack>
  );
}
