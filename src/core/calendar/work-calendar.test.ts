import { describe, expect, it } from 'vitest';
import calendarFile from '../../modules/calendar/fixtures/vn-calendar-2025-2027.json';
import { announcementsFromCalendarFile } from './announcements';
import { dayNumberFromCivil, formatIsoDate, weekdayOfDayNumber } from './dates';
import { WorkCalendar } from './work-calendar';

/** An instant given as Vietnam local time, `YYYY-MM-DDTHH:MM`. */
const vn = (local: string) => new Date(`${local}:00+07:00`);

const announced = new WorkCalendar({
  announcedYears: announcementsFromCalendarFile(calendarFile, [2025, 2026, 2027]),
});
const computedOnly = new WorkCalendar();

describe('WorkCalendar days (announced 2025–2027 calendar)', () => {
  it.each(['2025', '2026', '2027'] as const)('matches the file for every day of %s', (year) => {
    const weekdaysOff: string[] = [];
    const workingWeekends: string[] = [];
    for (let day = dayNumberFromCivil(Number(year), 1, 1); day <= dayNumberFromCivil(Number(year), 12, 31); day += 1) {
      const date = formatIsoDate(day);
      const isWeekend = [0, 6].includes(weekdayOfDayNumber(day));
      if (!isWeekend && !announced.isWorkingDay(date)) weekdaysOff.push(date);
      if (isWeekend && announced.isWorkingDay(date)) workingWeekends.push(date);
    }
    expect(weekdaysOff).toEqual(calendarFile.years[year].off);
    expect(workingWeekends).toEqual(calendarFile.years[year].workingSaturdays);
  });

  it('treats make-up Saturday 10/1/2026 as a working day and Friday 2/1/2026 as off', () => {
    expect(announced.describeDay('2026-01-10')).toEqual({
      date: '2026-01-10',
      isWorking: true,
      reason: 'make_up_working_day',
      name: 'Làm bù cho ngày nghỉ hoán đổi 2/1',
    });
    expect(announced.describeDay('2026-01-02')).toMatchObject({ isWorking: false, reason: 'announced_day_off' });
  });

  it('has 24/11 off from 2026 only', () => {
    expect(announced.isWorkingDay('2026-11-24')).toBe(false);
    expect(announced.isWorkingDay('2025-11-24')).toBe(true);
    expect(computedOnly.isWorkingDay('2025-11-24')).toBe(true);
    expect(computedOnly.isWorkingDay('2026-11-24')).toBe(false);
  });

  it('replaces the computed Tết and 2/9 defaults in the partly announced 2027', () => {
    expect(announced.isWorkingDay('2027-02-04')).toBe(false);
    expect(announced.isWorkingDay('2027-02-11')).toBe(true);
    expect(announced.isWorkingDay('2027-09-01')).toBe(true);
    expect(announced.isWorkingDay('2027-09-03')).toBe(false);
    expect(announced.isWorkingDay('2027-04-16')).toBe(false);
    expect(computedOnly.isWorkingDay('2027-02-11')).toBe(false);
  });

  it('describes weekends, plain days and computed holidays', () => {
    expect(announced.describeDay('2026-03-14')).toEqual({ date: '2026-03-14', isWorking: false, reason: 'weekend' });
    expect(announced.describeDay('2026-03-16')).toEqual({ date: '2026-03-16', isWorking: true, reason: 'working_day' });
    expect(computedOnly.describeDay('2026-04-27')).toEqual({
      date: '2026-04-27',
      isWorking: false,
      reason: 'compensatory',
      name: 'Nghỉ bù Giỗ Tổ Hùng Vương',
    });
  });

  it('finds the next working day across Tết and onto a make-up Saturday', () => {
    expect(announced.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(announced.nextWorkingDay('2026-01-09')).toBe('2026-01-10');
    expect(announced.nextWorkingDay('2026-01-01')).toBe('2026-01-05');
  });

  it('lists the exceptional days of a year in order', () => {
    const exceptional = announced.listExceptionalDays(2026).map((day) => day.date);
    expect(exceptional).toEqual([...calendarFile.years['2026'].off, ...calendarFile.years['2026'].workingSaturdays].sort());
  });
});

describe('WorkCalendar announcement precedence', () => {
  it('keeps computed holidays of groups an incomplete year does not announce', () => {
    const calendar = new WorkCalendar({
      announcedYears: [
        {
          year: 2028,
          isComplete: false,
          announcements: [{ date: '2028-01-24', kind: 'day_off', name: 'Tết Âm lịch', replaces: 'tet' }],
        },
      ],
    });
    expect(calendar.isWorkingDay('2028-01-24')).toBe(false);
    expect(calendar.isWorkingDay('2028-01-26')).toBe(true); // computed mùng 1, replaced
    expect(calendar.isWorkingDay('2028-04-04')).toBe(false); // computed Giỗ Tổ, kept
  });

  it('uses nothing but the announcements of a complete year', () => {
    const calendar = new WorkCalendar({ announcedYears: [{ year: 2030, isComplete: true, announcements: [] }] });
    expect(calendar.isWorkingDay('2030-01-01')).toBe(true);
    expect(calendar.isWorkingDay('2031-01-01')).toBe(false);
  });

  it('rejects inconsistent announcement data', () => {
    const dayOff = { date: '2026-01-02', kind: 'day_off', name: 'x' } as const;
    expect(() => new WorkCalendar({ announcedYears: [{ year: 2025, isComplete: true, announcements: [dayOff] }] })).toThrow(
      /filed under year 2025/,
    );
    const twice = { year: 2026, isComplete: true, announcements: [] };
    expect(() => new WorkCalendar({ announcedYears: [twice, twice] })).toThrow(/more than once/);
    const conflicting = [dayOff, { ...dayOff, kind: 'working_day' as const }];
    expect(() => new WorkCalendar({ announcedYears: [{ year: 2026, isComplete: true, announcements: conflicting }] })).toThrow(/both/);
    const badDate = { ...dayOff, date: '2026-02-30' };
    expect(() => new WorkCalendar({ announcedYears: [{ year: 2026, isComplete: true, announcements: [badDate] }] })).toThrow(RangeError);
  });

  it('rejects malformed dates and years outside the supported range', () => {
    expect(() => announced.isWorkingDay('2026-1-2')).toThrow(RangeError);
    expect(() => announced.isWorkingDay('1850-01-01')).toThrow(RangeError);
  });
});

describe('WorkCalendar receipt in Vietnam time', () => {
  it('counts 3 working days over Tết 2026 (announced data)', () => {
    expect(announced.computeDueDate(vn('2026-02-12T09:00'), 3, 'working_days')).toEqual(vn('2026-02-24T17:30'));
    expect(computedOnly.computeDueDate(vn('2026-02-12T09:00'), 3, 'working_days')).toEqual(vn('2026-02-24T17:30'));
  });

  it('counts 3 working days over Giỗ Tổ (Sunday 26/4, Monday 27/4 off), 30/4 and 1/5 2026', () => {
    expect(announced.computeDueDate(vn('2026-04-24T09:00'), 3, 'working_days')).toEqual(vn('2026-05-04T17:30'));
  });

  it('counts a receipt at 18:00 from the next working day', () => {
    expect(announced.computeDueDate(vn('2026-03-12T17:00'), 1, 'working_days')).toEqual(vn('2026-03-13T17:30'));
    expect(announced.computeDueDate(vn('2026-03-12T18:00'), 1, 'working_days')).toEqual(vn('2026-03-16T17:30'));
    expect(announced.nextWorkingInstant(vn('2026-03-12T18:00'))).toEqual(vn('2026-03-13T08:00'));
  });

  it('counts a Saturday receipt as Monday 08:00, Monday being day D', () => {
    expect(announced.nextWorkingInstant(vn('2026-03-14T10:00'))).toEqual(vn('2026-03-16T08:00'));
    expect(announced.computeDueDate(vn('2026-03-14T10:00'), 1, 'working_days')).toEqual(vn('2026-03-17T17:30'));
  });

  it('takes a receipt on make-up Saturday 10/1/2026 on that day', () => {
    expect(announced.nextWorkingInstant(vn('2026-01-10T10:00'))).toEqual(vn('2026-01-10T10:00'));
    expect(announced.computeDueDate(vn('2026-01-10T10:00'), 1, 'working_days')).toEqual(vn('2026-01-12T17:30'));
    expect(announced.computeDueDate(vn('2026-01-02T10:00'), 0, 'working_days')).toEqual(vn('2026-01-05T17:30'));
  });

  it('uses local time, not UTC: 23:30 UTC on Sunday is Monday 06:30 in Hanoi', () => {
    const mondayEarly = new Date('2026-03-15T23:30:00Z');
    expect(announced.nextWorkingInstant(mondayEarly)).toEqual(vn('2026-03-16T08:00'));
    expect(announced.computeDueDate(mondayEarly, 1, 'working_days')).toEqual(vn('2026-03-17T17:30'));
  });

  it('adds 4 working hours from Friday 16:30 to Monday 11:00', () => {
    expect(announced.computeDueDate(vn('2026-03-13T16:30'), 4, 'working_hours')).toEqual(vn('2026-03-16T11:00'));
  });
});
