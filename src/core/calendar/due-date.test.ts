import { describe, expect, it } from 'vitest';
import calendarFile from '../../modules/calendar/fixtures/vn-calendar-2025-2027.json';
import { announcementsFromCalendarFile } from './announcements';
import { formatIsoDate, parseIsoDate } from './dates';
import type { DurationUnit } from './due-date';
import { WorkCalendar } from './work-calendar';

const vn = (local: string) => new Date(`${local}:00+07:00`);
const calendar = new WorkCalendar({
  announcedYears: announcementsFromCalendarFile(calendarFile, [2025, 2026, 2027]),
});
// Monday 16/3/2026 starts a plain week: no holiday until 30/4.
const monday = vn('2026-03-16T09:00');

describe('computeDueDate in working days', () => {
  it('does not count the receipt day and ends at 17:30', () => {
    expect(calendar.computeDueDate(monday, 0, 'working_days')).toEqual(vn('2026-03-16T17:30'));
    expect(calendar.computeDueDate(monday, 1, 'working_days')).toEqual(vn('2026-03-17T17:30'));
    expect(calendar.computeDueDate(monday, 5, 'working_days')).toEqual(vn('2026-03-23T17:30'));
  });

  it('counts a fraction after the whole days, as that share of a working day', () => {
    expect(calendar.computeDueDate(monday, 0.5, 'working_days')).toEqual(vn('2026-03-17T12:00'));
    expect(calendar.computeDueDate(monday, 1.25, 'working_days')).toEqual(vn('2026-03-18T10:00'));
    expect(calendar.computeDueDate(monday, 2.5, 'working_days')).toEqual(vn('2026-03-19T12:00'));
    expect(calendar.computeDueDate(monday, 2.75, 'working_days')).toEqual(vn('2026-03-19T15:30'));
  });

  it('counts a lunch-break receipt on the same day', () => {
    expect(calendar.computeDueDate(vn('2026-03-16T12:30'), 1, 'working_days')).toEqual(vn('2026-03-17T17:30'));
  });
});

describe('computeDueDate in working hours', () => {
  it('skips the lunch break and the night', () => {
    expect(calendar.computeDueDate(vn('2026-03-16T11:00'), 2, 'working_hours')).toEqual(vn('2026-03-16T14:30'));
    expect(calendar.computeDueDate(vn('2026-03-16T12:30'), 1, 'working_hours')).toEqual(vn('2026-03-16T14:30'));
    expect(calendar.computeDueDate(vn('2026-03-16T17:00'), 1, 'working_hours')).toEqual(vn('2026-03-17T08:30'));
  });

  it('ends at a session end rather than at the next session start', () => {
    expect(calendar.computeDueDate(vn('2026-03-16T08:00'), 4, 'working_hours')).toEqual(vn('2026-03-16T12:00'));
    expect(calendar.computeDueDate(vn('2026-03-16T08:00'), 8, 'working_hours')).toEqual(vn('2026-03-16T17:30'));
  });

  it('skips Tết 2026 and counts half hours', () => {
    expect(calendar.computeDueDate(vn('2026-02-13T17:00'), 1.5, 'working_hours')).toEqual(vn('2026-02-23T09:00'));
  });
});

describe('computeDueDate in calendar days', () => {
  it('counts weekends but not weekday holidays, then moves off a day off', () => {
    // 13/2 Fri, 14–15 weekend, 16–20 Tết skipped, 21–22 weekend: day 5 is Sunday 22/2 → Monday
    expect(calendar.computeDueDate(vn('2026-02-12T09:00'), 5, 'calendar_days')).toEqual(vn('2026-02-23T17:30'));
    expect(calendar.computeDueDate(vn('2026-02-12T09:00'), 6, 'calendar_days')).toEqual(vn('2026-02-23T17:30'));
    expect(calendar.computeDueDate(vn('2026-02-12T09:00'), 7, 'calendar_days')).toEqual(vn('2026-02-24T17:30'));
  });

  it('ends on a plain day that is a working day', () => {
    expect(calendar.computeDueDate(vn('2026-03-12T09:00'), 1, 'calendar_days')).toEqual(vn('2026-03-13T17:30'));
    expect(calendar.computeDueDate(vn('2026-03-12T09:00'), 3, 'calendar_days')).toEqual(vn('2026-03-16T17:30'));
    expect(calendar.computeDueDate(vn('2026-03-12T09:00'), 15, 'calendar_days')).toEqual(vn('2026-03-27T17:30'));
  });

  it('starts from the normalised receipt day', () => {
    expect(calendar.computeDueDate(vn('2026-03-13T18:00'), 1, 'calendar_days')).toEqual(vn('2026-03-17T17:30'));
  });
});

describe('computeDueDate validation', () => {
  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, 3651, '3' as unknown as number])('rejects amount %s', (amount) => {
    expect(() => calendar.computeDueDate(monday, amount, 'working_days')).toThrow(RangeError);
  });

  it('rejects fractional calendar days, unknown units and invalid dates', () => {
    expect(() => calendar.computeDueDate(monday, 1.5, 'calendar_days')).toThrow(/whole number/);
    expect(() => calendar.computeDueDate(monday, 1, 'weeks' as DurationUnit)).toThrow(/Unknown duration unit/);
    expect(() => calendar.computeDueDate(new Date('nope'), 1, 'working_days')).toThrow(/valid Date/);
  });

  it('accepts the maximum amount in every unit and finishes', () => {
    expect(calendar.computeDueDate(monday, 3650, 'working_days').getTime()).toBeGreaterThan(monday.getTime());
    expect(calendar.computeDueDate(monday, 3650, 'working_hours').getTime()).toBeGreaterThan(monday.getTime());
    expect(calendar.computeDueDate(monday, 3650, 'calendar_days').getTime()).toBeGreaterThan(monday.getTime());
  });

  it('skips a long closure, and fails instead of looping when no working day is ever found', () => {
    const closedYears = (first: number, last: number) =>
      Array.from({ length: last - first + 1 }, (_, offset) => first + offset).map((year) => ({
        year,
        isComplete: true,
        announcements: Array.from({ length: 366 }, (_, index) => formatIsoDate(parseIsoDate(`${year}-01-01`) + index))
          .filter((date) => date.startsWith(`${year}-`))
          .map((date) => ({ date, kind: 'day_off' as const, name: 'closed' })),
      }));
    const closedTwoYears = new WorkCalendar({ announcedYears: closedYears(2026, 2027) });
    // 1/1/2028 is a Saturday, so Monday 3/1 is its compensatory day off
    expect(closedTwoYears.computeDueDate(vn('2026-01-05T09:00'), 1, 'working_days')).toEqual(vn('2028-01-05T17:30'));
    const closedForever = new WorkCalendar({ announcedYears: closedYears(2026, 2050) });
    expect(() => closedForever.computeDueDate(vn('2026-01-05T09:00'), 1, 'working_days')).toThrow(/No working time/);
    expect(() => closedForever.nextWorkingDay('2026-01-05')).toThrow(/No working day/);
  });
});

describe('classifyCompletion', () => {
  const due = vn('2026-02-24T17:30');

  it.each([
    ['2026-02-22T10:00', 'early'],
    ['2026-02-23T17:29', 'early'],
    ['2026-02-24T00:00', 'on_time'],
    ['2026-02-24T08:05', 'on_time'],
    ['2026-02-24T17:30', 'on_time'],
    ['2026-02-24T17:31', 'late'],
    ['2026-02-25T08:00', 'late'],
  ] as const)('completed %s is %s', (completedAt, expected) => {
    expect(calendar.classifyCompletion(vn(completedAt), due)).toBe(expected);
  });
});

describe('shiftDueByPause', () => {
  const due = vn('2026-03-13T17:30');

  it('moves the due by paused working time', () => {
    expect(calendar.shiftDueByPause(due, 0)).toEqual(due);
    expect(calendar.shiftDueByPause(due, 60)).toEqual(vn('2026-03-16T09:00'));
    expect(calendar.shiftDueByPause(due, 480)).toEqual(vn('2026-03-16T17:30'));
    expect(calendar.shiftDueByPause(vn('2026-02-12T17:30'), 960)).toEqual(vn('2026-02-23T17:30'));
  });

  it('rejects a negative or non-finite pause', () => {
    expect(() => calendar.shiftDueByPause(due, -1)).toThrow(RangeError);
    expect(() => calendar.shiftDueByPause(due, Number.NaN)).toThrow(RangeError);
  });
});
