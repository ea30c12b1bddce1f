import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { WorkingSession } from '../../../../../src/contract/calendar';
import { useSaveSessions } from '../../../api/calendar';
import { notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { vi } from '../../../i18n/vi';

const m = vi.calendar.sessions;
const MAX_SESSIONS = 4;

export function SessionsEditor({ sessions }: { sessions: WorkingSession[] }) {
  const saveSessions = useSaveSessions();
  const form = useForm({
    initialValues: { sessions },
    validate: {
      sessions: {
        start: (value) => (value ? null : vi.common.required),
        end: (value, values, path) => {
          if (!value) return vi.common.required;
          const start = values.sessions[Number(path.split('.')[1])]?.start ?? '';
          return value > start ? null : m.endBeforeStart;
        },
      },
    },
  });

  const handleSubmit = form.onSubmit(
    (values) =>
      saveSessions.mutate(values.sessions, {
        onSuccess: () => notifySuccess(m.saved),
        onError: (error) => reportMutationError(form, error),
      }),
    reportInvalidForm,
  );

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="gray.8">
          {m.hint}
        </Text>
        {form.getValues().sessions.map((_session, index) => (
          <Group key={index} align="flex-end" role="group" aria-label={m.item(index + 1)} wrap="nowrap">
            <TimePicker label={m.start(index + 1)} {...form.getInputProps(`sessions.${index}.start`)} />
            <TimePicker label={m.end(index + 1)} {...form.getInputProps(`sessions.${index}.end`)} />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={m.remove(index + 1)}
              disabled={form.getValues().sessions.length === 1}
              onClick={() => form.removeListItem('sessions', index)}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        {form.errors.sessions && (
          <Text c="red.8" size="sm" role="alert">
            {form.errors.sessions}
          </Text>
        )}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={form.getValues().sessions.length >= MAX_SESSIONS}
            onClick={() => form.insertListItem('sessions', { start: '', end: '' })}
          >
            {m.add}
          </Button>
          <Button type="submit" loading={saveSessions.isPending}>
            {m.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
