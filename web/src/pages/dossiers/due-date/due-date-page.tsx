import { Paper, Stack, Text, Title } from '@mantine/core';
import { usePageTitle } from '../../../components/page-title';
import { vi } from '../../../i18n/vi';
import { DueDateTool } from '../../admin/calendar/due-date-tool';

const m = vi.dossiers.dueTool;

/** The calendar's due-date calculator for the desk (the calendar page itself is for its administrators). */
export function DueDatePage() {
  usePageTitle(m.title);
  return (
    <Stack gap="md" maw={720}>
      <div>
        <Title order={1}>{m.title}</Title>
        <Text c="gray.8">{m.intro}</Text>
      </div>
      <Paper withBorder p="md" radius="md">
        <DueDateTool />
      </Paper>
    </Stack>
  );
}
