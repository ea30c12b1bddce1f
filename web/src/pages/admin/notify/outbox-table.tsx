import { Button, Stack, Table, Text } from '@mantine/core';
import type { NotifyStatus } from '../../../../../src/contract/enums';
import type { OutboxMessageView } from '../../../../../src/contract/notify';
import { useRetryNotification } from '../../../api/notify';
import { notifyError, notifySuccess } from '../../../components/form-errors';
import { Tag, type Tone } from '../../../components/tag';
import { vi } from '../../../i18n/vi';
import { formatVietnamDateTime } from '../../../lib/format';

const m = vi.notifyOutbox;

const statusTones: Record<NotifyStatus, Tone> = { pending: 'blue', sending: 'teal', sent: 'green', failed: 'red' };

function RetryButton({ message }: { message: OutboxMessageView }) {
  const retry = useRetryNotification();
  return (
    <Button
      size="compact-sm"
      variant="light"
      loading={retry.isPending}
      aria-label={m.retryLabel(message.recipient)}
      onClick={() => retry.mutate(message.id, { onSuccess: () => notifySuccess(m.retried), onError: notifyError })}
    >
      {m.retry}
    </Button>
  );
}

function Detail({ message }: { message: OutboxMessageView }) {
  return (
    <Stack gap={0}>
      {message.sentAt && (
        <Text size="sm">{message.deliveredVia === 'log' ? m.viaLog : m.sentAt(formatVietnamDateTime(message.sentAt))}</Text>
      )}
      {message.status === 'pending' && message.attempts > 0 && (
        <Text size="sm">{m.nextAttempt(formatVietnamDateTime(message.nextAttemptAt))}</Text>
      )}
      {message.lastError && message.status !== 'sent' && (
        <Text size="sm" c="red.9">
          {m.lastError(message.lastError)}
        </Text>
      )}
    </Stack>
  );
}

/** The outbox page's table: one message a row, the failed ones with a button to send them again. */
export function OutboxTable({ messages }: { messages: OutboxMessageView[] }) {
  if (messages.length === 0) return <Text>{m.empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table striped highlightOnHover withTableBorder verticalSpacing="sm">
        <Table.Caption>{m.tableCaption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.columns.createdAt}</Table.Th>
            <Table.Th scope="col">{m.columns.channel}</Table.Th>
            <Table.Th scope="col">{m.columns.recipient}</Table.Th>
            <Table.Th scope="col">{m.columns.template}</Table.Th>
            <Table.Th scope="col">{m.columns.status}</Table.Th>
            <Table.Th scope="col">{m.columns.attempts}</Table.Th>
            <Table.Th scope="col">{m.columns.detail}</Table.Th>
            <Table.Th scope="col">{m.columns.actions}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.map((message) => (
            <Table.Tr key={message.id}>
              <Table.Td>{formatVietnamDateTime(message.createdAt)}</Table.Td>
              <Table.Td>{vi.labels.notifyChannels[message.channel]}</Table.Td>
              <Table.Td>{message.recipient}</Table.Td>
              <Table.Td>{vi.labels.notifyTemplates[message.template] ?? message.template}</Table.Td>
              <Table.Td>
                <Tag tone={statusTones[message.status]}>{vi.labels.notifyStatuses[message.status]}</Tag>
              </Table.Td>
              <Table.Td>{message.attempts}</Table.Td>
              <Table.Td>
                <Detail message={message} />
              </Table.Td>
              <Table.Td>{message.status === 'failed' && <RetryButton message={message} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
