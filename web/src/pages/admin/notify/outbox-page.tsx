import { Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { type NotifyChannel, type NotifyStatus, notifyChannels, notifyStatuses } from '../../../../../src/contract/enums';
import { OUTBOX_PAGE_SIZE, type OutboxFilter, useOutbox } from '../../../api/notify';
import { usePageTitle } from '../../../components/page-title';
import { Pager } from '../../../components/pager';
import { QueryState } from '../../../components/query-state';
import { vi } from '../../../i18n/vi';
import { OutboxTable } from './outbox-table';

const m = vi.notifyOutbox;

const statusOptions = [{ value: '', label: m.any }, ...notifyStatuses.map((value) => ({ value, label: vi.labels.notifyStatuses[value] }))];
const channelOptions = [{ value: '', label: m.any }, ...notifyChannels.map((value) => ({ value, label: vi.labels.notifyChannels[value] }))];

/** Administrators: what the system sent or is about to send, and the failed messages to send again. */
export function OutboxPage() {
  usePageTitle(m.title);
  const [filter, setFilter] = useState<OutboxFilter>({ status: '', channel: '' });
  const [page, setPage] = useState(1);
  const outbox = useOutbox(filter, page);
  const change = (next: Partial<OutboxFilter>) => {
    setFilter((current) => ({ ...current, ...next }));
    setPage(1);
  };

  return (
    <Stack gap="lg">
      <Title order={1}>{m.title}</Title>
      <Text maw={820}>{m.intro}</Text>
      <Group align="flex-end">
        <NativeSelect
          label={m.status}
          data={statusOptions}
          value={filter.status}
          onChange={(event) => change({ status: event.currentTarget.value as NotifyStatus | '' })}
          w={220}
        />
        <NativeSelect
          label={m.channel}
          data={channelOptions}
          value={filter.channel}
          onChange={(event) => change({ channel: event.currentTarget.value as NotifyChannel | '' })}
          w={300}
          maw="100%"
        />
      </Group>
      {outbox.data && !outbox.isError ? (
        <div aria-busy={outbox.isFetching}>
          <Text c="gray.8" mb="xs" aria-live="polite">
            {m.total(outbox.data.total)}
          </Text>
          <OutboxTable messages={outbox.data.items} />
          <Pager page={page} total={outbox.data.total} pageSize={OUTBOX_PAGE_SIZE} onChange={setPage} />
        </div>
      ) : (
        <QueryState query={outbox} />
      )}
    </Stack>
  );
}
