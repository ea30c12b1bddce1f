import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { useAddComment, useTaskComments } from '../../api/plan-reports';
import { QueryState } from '../../components/query-state';
import { formatVietnamDateTime } from '../../lib/format';

/** A task's comment thread: everyone reads; coordinating and lead units and the issuer's office write. */
export function TaskComments({ taskId }: { taskId: string }) {
  const query = useTaskComments(taskId);
  const add = useAddComment(taskId);
  const [text, setText] = useState('');
  if (!query.data) return <QueryState query={query} />;
  return (
    <Stack gap="sm">
      {query.data.items.length === 0 && <Text size="sm">Chưa có ý kiến nào.</Text>}
      {query.data.items.map((comment) => (
        <div key={comment.id}>
          <Text size="sm" fw={500}>
            {comment.author.fullName}
            {comment.unit ? ` (${comment.unit.name})` : ''} · {formatVietnamDateTime(comment.createdAt)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {comment.text}
          </Text>
        </div>
      ))}
      {query.data.canComment && (
        <>
          <Textarea label="Ý kiến của đơn vị" autosize minRows={2} value={text} onChange={(event) => setText(event.currentTarget.value)} />
          {add.isError && (
            <Alert color="red" role="alert">
              {errorMessage(add.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              size="xs"
              loading={add.isPending}
              disabled={!text.trim()}
              onClick={() => add.mutate(text, { onSuccess: () => setText('') })}
            >
              Gửi ý kiến
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
