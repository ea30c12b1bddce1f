import { ActionIcon, Alert, Group, NativeSelect, SimpleGrid, Stack, Switch, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useCalendarYear, useSetYearCompleteness } from '../../../api/calendar';
import { notifyError, notifySuccess } from '../../../components/form-errors';
import { usePageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { Section } from '../../../components/section';
import { vi } from '../../../i18n/vi';
import { currentYearInVietnam } from '../../../lib/format';
import { AnnouncementForm } from './announcement-form';
import { DaysTable } from './days-table';
import { DueDateTool } from './due-date-tool';
import { SessionsEditor } from './sessions-editor';
import { YearGrid } from './year-grid';

const m = vi.calendar;
const YEARS_AROUND = 3;

function YearPicker({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const thisYear = currentYearInVietnam();
  const years = Array.from({ length: YEARS_AROUND * 2 + 1 }, (_, index) => String(thisYear - YEARS_AROUND + index));
  const options = years.includes(String(year)) ? years : [...years, String(year)].sort();
  return (
    <Group gap="xs" align="flex-end">
      <ActionIcon variant="default" size="lg" aria-label={m.prevYear} onClick={() => onChange(year - 1)}>
        <IconChevronLeft size={18} aria-hidden />
      </ActionIcon>
      <NativeSelect
        label={m.year}
        data={options}
        value={String(year)}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
        w={110}
      />
      <ActionIcon variant="default" size="lg" aria-label={m.nextYear} onClick={() => onChange(year + 1)}>
        <IconChevronRight size={18} aria-hidden />
      </ActionIcon>
    </Group>
  );
}

function CompletenessSwitch({ year, isComplete }: { year: number; isComplete: boolean }) {
  const setCompleteness = useSetYearCompleteness(year);
  return (
    <Switch
      label={m.completeSwitch(year)}
      checked={isComplete}
      disabled={setCompleteness.isPending}
      onChange={(event) =>
        setCompleteness.mutate(event.currentTarget.checked, {
          onSuccess: () => notifySuccess(m.completeSaved),
          onError: notifyError,
        })
      }
    />
  );
}

export function CalendarPage() {
  usePageTitle(m.title);
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('nam')) || currentYearInVietnam();
  const calendar = useCalendarYear(year);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{m.title}</Title>
        <YearPicker year={year} onChange={(next) => setParams({ nam: String(next) }, { replace: true })} />
      </Group>
      {!calendar.data ? (
        <QueryState query={calendar} />
      ) : (
        <>
          {!calendar.data.isAnnouncedListComplete && (
            <Alert color="orange" role="status">
              {m.incomplete(year)}
            </Alert>
          )}
          <CompletenessSwitch year={year} isComplete={calendar.data.isAnnouncedListComplete} />
          <Section id="calendar-grid" title={m.gridHeading(year)}>
            <YearGrid year={year} days={calendar.data.days} />
          </Section>
          <Section id="calendar-days" title={m.daysHeading}>
            <DaysTable days={calendar.data.days} />
          </Section>
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="lg">
            <Section id="calendar-announcement" title={m.announcement.heading}>
              <AnnouncementForm />
            </Section>
            <Section id="calendar-sessions" title={m.sessions.heading}>
              <SessionsEditor key={JSON.stringify(calendar.data.sessions)} sessions={calendar.data.sessions} />
            </Section>
            <Section id="calendar-due" title={m.due.heading}>
              <DueDateTool />
            </Section>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
