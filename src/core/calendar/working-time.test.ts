import { describe, expect, it } from 'vitest';
import calendarFile from '../../modules/calendar/fixtures/vn-calendar-2025-2027.json';
import { announcementsFromCalendarFile } from './announcements';
import { WorkCalendar } from './work-calendar';

const vn = (local: string) => new Date(`${local}:00+07:00`);
const calendar = new WorkCalendar({
  announcedYears: announcementsFromCalendarFile(calendarFile, [2025, 2026, 2027]),
});

describe('workingTimeBetween', () => {
  it('counts session minutes only', () => {
    expect(calendar.workingTimeBetween(vn('2026-03-16T09:00'), vn('2026-03-16T11:00'))).toBe(120);
    expect(calendar.workingTimeBetween(vn('2026-03-16T11:00'), vn('2026-03-16T14:30'))).toBe(120);
    expect(calendar.workingTimeBetween(vn('2026-03-13T16:30'), vn('2026-03-16T11:00'))).toBe(240);
    expect(calendar.workingTimeBetween(vn('2026-03-16T00:00'), vn('2026-03-21T00:00'))).toBe(5 * 480);
  });

  it('skips Tết 2026 and counts make-up Saturday 10/1/2026', () => {
    expect(calendar.workingTimeBetween(vn('2026-02-13T08:00'), vn('2026-02-23T08:00'))).toBe(480);
    expect(calendar.workingTimeBetween(vn('2026-01-09T17:00'), vn('2026-01-12T08:00'))).toBe(30 + 480);
  });

  it('is zero when the end is not after the start', () => {
    expect(calendar.workingTimeBetween(vn('2026-03-16T11:00'), vn('2026-03-16T09:00'))).toBe(0);
  });

  it('subtracts pauses once even when they overlap, and only inside the interval', () => {
    const from = vn('2026-03-16T08:00');
    const to = vn('2026-03-17T17:30');
    const pauses = [
      { from: vn('2026-03-16T09:00'), to: vn('2026-03-16T11:00') },
      { from: vn('2026-03-16T10:00'), to: vn('2026-03-16T15:30') },
      { from: vn('2026-03-17T17:00'), to: vn('2026-03-18T12:00') },
    ];
    // paused 09:00–15:30 on Monday = 3h + 2h, and 30 min on Tuesday
    expect(calendar.workingTimeBetween(from, to, pauses)).toBe(960 - 300 - 30);
  });

  it('rejects a pause that ends before it starts', () => {
    const pause = { from: vn('2026-03-16T10:00'), to: vn('2026-03-16T09:00') };
    expect(() => calendar.workingTimeBetween(vn('2026-03-16T08:00'), vn('2026-03-16T17:00'), [pause])).toThrow(RangeError);
  });
});

describe('addWorkingMinutes', () => {
  it('returns the earliest instant the minutes are used up', () => {
    expect(calendar.addWorkingMinutes(vn('2026-03-16T11:00'), 60)).toEqual(vn('2026-03-16T12:00'));
    expect(calendar.addWorkingMinutes(vn('2026-03-16T11:00'), 61)).toEqual(vn('2026-03-16T13:31'));
    expect(calendar.addWorkingMinutes(vn('2026-03-16T12:30'), 30)).toEqual(vn('2026-03-16T14:00'));
  });

  it('moves a zero amount to the next working instant', () => {
    expect(calendar.addWorkingMinutes(vn('2026-03-16T18:00'), 0)).toEqual(vn('2026-03-17T08:00'));
  });

  it('rejects negative minutes', () => {
    expect(() => calendar.addWorkingMinutes(vn('2026-03-16T08:00'), -5)).toThrow(RangeError);
  });
});

describe('configurable sessions', () => {
  const early = new WorkCalendar({
    sessions: [
      { start: '07:30', end: '11:30' },
      { start: '13:00', end: '17:00' },
    ],
  });

  it('ends days and counts hours with the configured sessions', () => {
    expect(early.minutesPerWorkingDay).toBe(480);
    expect(early.computeDueDate(vn('2026-03-16T09:00'), 1, 'working_days')).toEqual(vn('2026-03-17T17:00'));
    expect(early.computeDueDate(vn('2026-03-16T11:00'), 1, 'working_hours')).toEqual(vn('2026-03-16T13:30'));
    expect(early.endOfWorkingDay('2026-03-16')).toEqual(vn('2026-03-16T17:00'));
  });

  it.each([
    [[]],
    [[{ start: '8:00', end: '12:00' }]],
    [[{ start: '12:00', end: '08:00' }]],
    [
      [
        { start: '08:00', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ],
    ],
    [
      [
        { start: '13:00', end: '17:00' },
        { start: '08:00', end: '12:00' },
      ],
    ],
  ])('rejects invalid sessions %j', (sessions) => {
    expect(() => new WorkCalendar({ sessions })).toThrow(RangeError);
  });
});
