import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import type { PlanCalendar, PlanOccurrence } from '../../../../src/contract/plans-occurrences';
import { usePlanCalendar } from '../../api/plan-occurrences';
import { usePageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { vi } from '../../i18n/vi';
import { formatDate, todayInVietnam } from '../../lib/format';
import { OccurrenceLinks, OccurrenceStateTag, OccurrenceTask, UnitFilter, useUnitParam } from './occurrence-parts';

const m = vi.planOccurrences;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A day's cell of the grid shows this many, the rest on request (the list on a phone shows them all). */
const PER_CELL = 3;

function shiftMonth(month: string, amount: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + amount;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The weeks of the month, Monday first: each a list of 7 days (null outside the month). */
function weeksOf(month: string): (string | null)[][] {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, monthNumber - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_, index) => `${month}-${String(index + 1).padStart(2, '0')}`),
  ];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

function Item({ occurrence }: { occurrence: PlanOccurrence }) {
  return (
    <Stack gap={2}>
      <OccurrenceTask occurrence={occurrence} isCompact />
      <Group gap={4}>
        <Text size="xs">{occurrence.unit.name}</Text>
        <OccurrenceStateTag occurrence={occurrence} />
      </Group>
    </Stack>
  );
}

function DayCell({ day, isToday, items }: { day: string; isToday: boolean; items: PlanOccurrence[] }) {
  const [isOpen, setOpen] = useState(false);
  const shown = isOpen ? items : items.slice(0, PER_CELL);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={isToday ? 700 : 500} aria-label={formatDate(day)}>
        {Number(day.slice(8, 10))}
      </Text>
      {shown.map((occurrence) => (
        <Item key={occurrence.id} occurrence={occurrence} />
      ))}
      {items.length > PER_CELL && (
        <Anchor component="button" type="button" size="xs" ta="left" onClick={() => setOpen(!isOpen)} aria-expanded={isOpen}>
          {isOpen ? m.fewer : m.more(items.length - PER_CELL)}
        </Anchor>
      )}
    </Stack>
  );
}

function MonthGrid({ calendar }: { calendar: PlanCalendar }) {
  const byDay = new Map(calendar.days.map((day) => [day.date, day.items]));
  return (
    <Table aria-label={m.monthLabel(calendar.month)} withColumnBorders withTableBorder layout="fixed">
      <Table.Thead>
        <Table.Tr>
          {m.weekdays.map((day) => (
            <Table.Th key={day}>{day}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {weeksOf(calendar.month).map((week) => (
          <Table.Tr key={week.find(Boolean)}>
            {week.map((day, index) => {
              const items = day ? (byDay.get(day) ?? []) : [];
              return (
                <Table.Td key={day ?? `empty-${index}`} valign="top" bg={day === calendar.today ? 'blue.0' : undefined} h={96}>
                  {day && <DayCell day={day} isToday={day === calendar.today} items={items} />}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function DayList({ calendar }: { calendar: PlanCalendar }) {
  if (calendar.days.length === 0) return <Text>{m.noneThisMonth}</Text>;
  return (
    <Stack gap="sm">
      {calendar.days.map((day) => (
        <Paper key={day.date} withBorder p="sm" component="section" aria-label={formatDate(day.date)}>
          <Title order={2} size="h4" mb="xs">
            {formatDate(day.date)}
          </Title>
          <Stack gap="sm">
            {day.items.map((occurrence) => (
              <Item key={occurrence.id} occurrence={occurrence} />
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** /ke-hoach/lich?thang=YYYY-MM: what falls due in the month, a grid on a laptop, a list of days on a phone. */
export function DueCalendarPage() {
  usePageTitle(m.calendarTitle);
  const [unit, setUnit, params, setParams] = useUnitParam();
  const asked = params.get('thang') ?? '';
  const thisMonth = todayInVietnam().slice(0, 7);
  const month = MONTH.test(asked) ? asked : thisMonth;
  const query = usePlanCalendar(month, unit || undefined);
  const isPhone = useMediaQuery('(max-width: 48em)');
  const go = (target: string) => {
    const next = new URLSearchParams(params);
    next.set('thang', target);
    setParams(next);
  };
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{m.calendarTitle}</Title>
        <Text c="gray.8">{m.calendarIntro}</Text>
      </div>
      <OccurrenceLinks />
      <UnitFilter value={unit} onChange={setUnit}>
        <Group gap="xs" aria-label={m.month} role="group">
          <Button variant="default" onClick={() => go(shiftMonth(month, -1))} leftSection={<IconChevronLeft size={16} aria-hidden />}>
            {m.previousMonth}
          </Button>
          <Text fw={600} miw={120} ta="center" aria-live="polite">
            {m.monthLabel(month)}
          </Text>
          <Button variant="default" onClick={() => go(shiftMonth(month, 1))} rightSection={<IconChevronRight size={16} aria-hidden />}>
            {m.nextMonth}
          </Button>
          {month !== thisMonth && (
            <Button variant="subtle" onClick={() => go(thisMonth)}>
              {m.thisMonth}
            </Button>
          )}
        </Group>
      </UnitFilter>
      {!query.data ? (
        <QueryState query={query} />
      ) : isPhone ? (
        <DayList calendar={query.data} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <MonthGrid calendar={query.data} />
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
