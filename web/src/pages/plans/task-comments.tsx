import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { PlanComment } from '../../../../src/contract/plans-reports';
import { errorMessage } from '../../api/client';
import { useAddComment, useDeleteComment, useEditComment, useTaskComments } from '../../api/plan-reports';
import { notifyError, notifySuccess } from '../../components/form-errors';
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
        <CommentItem key={comment.id} taskId={taskId} comment={comment} />
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

/**
 * One comment: its author's "Sửa" (in place) and "Xóa" (after a confirmation; administrators delete too). A deleted
 * comment keeps its place in the thread, "Ý kiến đã được xóa"; an edited one says "(đã sửa)".
 */
function CommentItem({ taskId, comment }: { taskId: string; comment: PlanComment }) {
  const edit = useEditComment(taskId);
  const remove = useDeleteComment(taskId);
  const [draft, setDraft] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const isDeleted = comment.deletedAt !== null;
  const when = formatVietnamDateTime(comment.createdAt);
  return (
    <div>
      <Text size="sm" fw={500}>
        {comment.author.fullName}
        {comment.unit ? ` (${comment.unit.name})` : ''} · {when}
        {comment.editedAt && !isDeleted && (
          <Text span size="sm" c="gray.7" fw={400} title={`Sửa lúc ${formatVietnamDateTime(comment.editedAt)}`}>
            {' '}
            (đã sửa)
          </Text>
        )}
      </Text>
      {isDeleted ? (
        <Text size="sm" fs="italic" c="gray.7">
          Ý kiến đã được xóa
        </Text>
      ) : draft !== null ? (
        <Stack gap="xs">
          <Textarea
            label="Sửa ý kiến"
            autosize
            minRows={2}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            error={edit.isError ? errorMessage(edit.error) : undefined}
          />
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setDraft(null)}>
              Thôi
            </Button>
            <Button
              size="xs"
              loading={edit.isPending}
              disabled={!draft.trim()}
              onClick={() =>
                edit.mutate(
                  { id: comment.id, text: draft, version: comment.version },
                  {
                    onSuccess: () => {
                      setDraft(null);
                      notifySuccess('Đã sửa ý kiến.');
                    },
                  },
                )
              }
            >
              Lưu
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {comment.text}
        </Text>
      )}
      {!isDeleted && draft === null && (comment.canEdit || comment.canDelete) && (
        <Group gap={4}>
          {comment.canEdit && (
            <Button size="compact-xs" variant="subtle" aria-label={`Sửa ý kiến lúc ${when}`} onClick={() => setDraft(comment.text)}>
              Sửa
            </Button>
          )}
          {comment.canDelete && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              aria-label={`Xóa ý kiến lúc ${when}`}
              onClick={() => setConfirming(true)}
            >
              Xóa
            </Button>
          )}
        </Group>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Xóa ý kiến này?">
        <Stack>
          <Text>Ý kiến sẽ được thay bằng dòng "Ý kiến đã được xóa" trong trao đổi; nội dung cũ chỉ còn trong nhật ký hệ thống.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Không
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(
                  { id: comment.id, version: comment.version },
                  {
                    onSuccess: () => notifySuccess('Đã xóa ý kiến.'),
                    onError: notifyError,
                    onSettled: () => setConfirming(false),
                  },
                )
              }
            >
              Xóa
            </Button>
          </Group>
        </Stack>
      </Modal>
    </div>
  );
}
