import { Badge, Group, SimpleGrid, Text } from '@mantine/core';
import { Month } from '@mantine/dates';
import dayjs from 'dayjs';
import type { CalendarDay } from '../../../../../src/contract/calendar';
import type { DayKind } from '../../../../../src/contract/enums';
import { vi } from '../../../i18n/vi';

const m = vi.calendar;

/** Background and text colour of each kind of exceptional day (text stays dark for contrast). */
const kindColors: Record<DayKind, { background: string; color: string }> = {
  holiday: { background: 'var(--mantine-color-red-2)', color: 'var(--mantine-color-red-9)' },
  compensatory: { background: 'var(--mantine-color-orange-2)', color: 'var(--mantine-color-orange-9)' },
  day_off: { background: 'var(--mantine-color-grape-2)', color: 'var(--mantine-color-grape-9)' },
  working_day: { background: 'var(--mantine-color-green-2)', color: 'var(--mantine-color-green-9)' },
};
/** Weekends stand apart by their background; their text stays dark enough to read (4.5:1). */
const weekendColors = { background: 'var(--mantine-color-gray-1)', color: 'var(--mantine-color-gray-7)' };

function describeDay(date: string, day: CalendarDay | undefined): string {
  const label = dayjs(date).format('dddd DD/MM/YYYY');
  if (day) return m.dayLabel(label, `${vi.labels.dayKinds[day.kind]}${day.name ? ` — ${day.name}` : ''}`);
  const isWeekend = [0, 6].includes(dayjs(date).day());
  return m.dayLabel(label, isWeekend ? m.weekendDay : m.workingDay);
}

function Legend() {
  return (
    <Group gap="xs" aria-label={m.legendLabel} role="list">
      {(Object.keys(kindColors) as DayKind[]).map((kind) => (
        <Badge key={kind} role="listitem" tt="none" variant="filled" style={{ ...kindColors[kind] }}>
          {vi.labels.dayKinds[kind]}
        </Badge>
      ))}
      <Badge role="listitem" tt="none" variant="filled" style={weekendColors}>
        {m.weekend}
      </Badge>
    </Group>
  );
}

export function YearGrid({ year, days }: { year: number; days: CalendarDay[] }) {
  const byDate = new Map(days.map((day) => [day.date, day]));
  const months = Array.from({ length: 12 }, (_, index) => dayjs(new Date(year, index, 1)).format('YYYY-MM-DD'));

  return (
    <>
      <Legend />
      <Text size="sm" c="gray.7" mt="xs">
        {m.gridHint}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="lg" mt="md">
        {months.map((month) => (
          <div key={month}>
            <Text fw={700} ta="center" mb={4} tt="capitalize">
              {dayjs(month).format('MMMM')}
            </Text>
            <Month
              month={month}
              static
              hideOutsideDates
              size="sm"
              getDayAriaLabel={(date) => describeDay(date, byDate.get(date))}
              getDayProps={(date) => {
                const day = byDate.get(date);
                const title = describeDay(date, day);
                if (day) return { title, style: { ...kindColors[day.kind], fontWeight: 700 } };
                return [0, 6].includes(dayjs(date).day()) ? { title, style: weekendColors } : { title };
              }}
            />
          </div>
        ))}
      </SimpleGrid>
    </>
  );
}
