import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import calendarFile from '../../modules/calendar/fixtures/vn-calendar-2025-2027.json';
import { announcementsFromCalendarFile } from './announcements';
import { MS_PER_DAY, MS_PER_MINUTE, VIETNAM_UTC_OFFSET_MS } from './dates';
import type { DurationUnit } from './due-date';
import { toVietnamDate, WorkCalendar } from './work-calendar';

const calendar = new WorkCalendar({
  announcedYears: announcementsFromCalendarFile(calendarFile, [2025, 2026, 2027]),
});
const computedOnly = new WorkCalendar();

/** Instants from mid-2024 to 2027: computed 2024, announced 2025–2027, computed 2028 beyond. */
const instant = fc
  .integer({ min: Date.parse('2024-06-01T00:00:00+07:00'), max: Date.parse('2027-12-31T23:59:59+07:00') })
  .map((ms) => new Date(ms));
const farInstant = fc
  .integer({ min: Date.parse('1990-01-01T00:00:00+07:00'), max: Date.parse('2100-12-31T00:00:00+07:00') })
  .map((ms) => new Date(ms));
const quarters = (max: number) => fc.integer({ min: 0, max: max * 4 }).map((value) => value / 4);
const duration = fc.oneof(
  fc.record({ unit: fc.constant<DurationUnit>('working_days'), amount: quarters(60) }),
  fc.record({ unit: fc.constant<DurationUnit>('working_hours'), amount: quarters(200) }),
  fc.record({ unit: fc.constant<DurationUnit>('calendar_days'), amount: fc.integer({ min: 0, max: 120 }) }),
);

function localMinuteOfDay(at: Date): number {
  return ((((at.getTime() + VIETNAM_UTC_OFFSET_MS) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / MS_PER_MINUTE;
}

/** On a working day and inside a session, session ends included (a due may be 12:00 or 17:30). */
function isWorkingInstant(workCalendar: WorkCalendar, at: Date): boolean {
  const minute = localMinuteOfDay(at);
  const insideSession = workCalendar.sessionSpans.some(
    (span) => minute >= span.startMs / MS_PER_MINUTE && minute <= span.endMs / MS_PER_MINUTE,
  );
  return insideSession && workCalendar.isWorkingDay(toVietnamDate(at));
}

describe('due date properties', () => {
  it('puts every due on a working instant of a working day, never before receipt', () => {
    fc.assert(
      fc.property(instant, duration, (from, { unit, amount }) => {
        const due = calendar.computeDueDate(from, amount, unit);
        expect(isWorkingInstant(calendar, due)).toBe(true);
        expect(due.getTime()).toBeGreaterThanOrEqual(from.getTime());
      }),
      { numRuns: 2_000 },
    );
  });

  it('holds for computed calendars far from the announced years', () => {
    fc.assert(
      fc.property(farInstant, duration, (from, { unit, amount }) => {
        expect(isWorkingInstant(computedOnly, computedOnly.computeDueDate(from, amount, unit))).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it('makes one more working day or hour strictly later, one more calendar day never earlier', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 100 }), (from, amount) => {
        for (const unit of ['working_days', 'working_hours'] as const) {
          const next = calendar.computeDueDate(from, amount + 1, unit).getTime();
          expect(next).toBeGreaterThan(calendar.computeDueDate(from, amount, unit).getTime());
        }
        // Days N and N+1 may both fall on a weekend and move to the same Monday
        const nextCalendarDay = calendar.computeDueDate(from, amount + 1, 'calendar_days').getTime();
        expect(nextCalendarDay).toBeGreaterThanOrEqual(calendar.computeDueDate(from, amount, 'calendar_days').getTime());
      }),
      { numRuns: 500 },
    );
  });

  it('grows with a fractional working-day amount', () => {
    fc.assert(
      fc.property(instant, quarters(30), quarters(30), (from, a, b) => {
        fc.pre(a < b);
        expect(calendar.computeDueDate(from, b, 'working_days').getTime()).toBeGreaterThan(
          calendar.computeDueDate(from, a, 'working_days').getTime(),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('leaves exactly N hours of working time from an in-hours receipt to the due', () => {
    fc.assert(
      fc.property(instant, quarters(300), (raw, hours) => {
        const from = calendar.nextWorkingInstant(raw);
        const due = calendar.computeDueDate(from, hours, 'working_hours');
        expect(calendar.workingTimeBetween(from, due)).toBe(hours * 60);
      }),
      { numRuns: 1_000 },
    );
  });

  it('leaves exactly N working days between the end of day D and the due', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 200 }), (from, days) => {
        const receivedDay = toVietnamDate(calendar.nextWorkingInstant(from));
        const due = calendar.computeDueDate(from, days, 'working_days');
        expect(calendar.workingTimeBetween(calendar.endOfWorkingDay(receivedDay), due)).toBe(days * 480);
      }),
      { numRuns: 500 },
    );
  });

  it('shifts a due by exactly the paused working minutes', () => {
    fc.assert(
      fc.property(instant, duration, fc.integer({ min: 0, max: 10_000 }), (from, { unit, amount }, minutes) => {
        const due = calendar.computeDueDate(from, amount, unit);
        expect(calendar.workingTimeBetween(due, calendar.shiftDueByPause(due, minutes))).toBe(minutes);
      }),
      { numRuns: 1_000 },
    );
  });

  it('classifies the due itself as on time, a millisecond later as late', () => {
    fc.assert(
      fc.property(instant, duration, (from, { unit, amount }) => {
        const due = calendar.computeDueDate(from, amount, unit);
        expect(calendar.classifyCompletion(due, due)).toBe('on_time');
        expect(calendar.classifyCompletion(new Date(due.getTime() + 1), due)).toBe('late');
        const previousDayEnd = new Date(due.getTime() - localMinuteOfDay(due) * MS_PER_MINUTE - 1);
        expect(calendar.classifyCompletion(previousDayEnd, due)).toBe('early');
      }),
      { numRuns: 1_000 },
    );
  });

  it('stays cheap over 10,000 random computations', () => {
    let checksum = 0;
    fc.assert(
      fc.property(instant, duration, (from, { unit, amount }) => {
        checksum += calendar.computeDueDate(from, amount, unit).getTime() % 7;
      }),
      { numRuns: 10_000 },
    );
    expect(checksum).toBeGreaterThan(0);
  });
});
