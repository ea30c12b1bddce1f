import { describe, expect, it } from 'vitest';
import calendarFile from '../../modules/calendar/fixtures/vn-calendar-2025-2027.json';
import { isWeekendDayNumber, parseIsoDate } from './dates';
import { computeStatutoryHolidays } from './holidays';

/** Weekdays the computed rules make non-working: what a calendar without announcements uses. */
function computedWeekdaysOff(year: number): string[] {
  return computeStatutoryHolidays(year)
    .map((holiday) => holiday.date)
    .filter((date) => !isWeekendDayNumber(parseIsoDate(date)));
}

function difference(left: readonly string[], right: readonly string[]): string[] {
  return left.filter((date) => !right.includes(date)).sort();
}

describe('computeStatutoryHolidays compared with the announced calendars', () => {
  // Only the announced choices differ from the statutory defaults; each is listed here.
  it.each([
    {
      year: 2025,
      // Tết announced from 28 Chạp (27/1) instead of a compensatory Monday 3/2 for mùng 4 on
      // Saturday 1/2; Friday 2/5 swapped with Saturday 26/4.
      announcedOnly: ['2025-01-27', '2025-05-02'],
      computedOnly: ['2025-02-03'],
    },
    {
      year: 2026,
      // Swaps: Friday 2/1 (worked 10/1) and Monday 31/8 (worked 22/8).
      announcedOnly: ['2026-01-02', '2026-08-31'],
      computedOnly: [],
    },
    {
      year: 2027,
      // Tết announced 4/2–10/2 (28 Chạp on) where the default runs 5/2–11/2; 2/9's adjacent
      // day announced as 3/9 instead of the default 1/9.
      announcedOnly: ['2027-02-04', '2027-09-03'],
      computedOnly: ['2027-02-11', '2027-09-01'],
    },
  ] as const)('$year differs only by the announced choices', ({ year, announcedOnly, computedOnly }) => {
    const announced = calendarFile.years[String(year) as '2025' | '2026' | '2027'].off;
    const computed = computedWeekdaysOff(year);
    expect(difference(announced, computed)).toEqual(announcedOnly);
    expect(difference(computed, announced)).toEqual(computedOnly);
  });

  it('puts Giỗ Tổ 2027 on Friday 16/4 (the UTC+7 lunar date)', () => {
    expect(computeStatutoryHolidays(2027)).toContainEqual({
      date: '2027-04-16',
      name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      kind: 'holiday',
      group: 'hung_kings',
    });
  });
});

describe('computeStatutoryHolidays rules', () => {
  it('gives Ngày Văn hóa Việt Nam (24/11) from 2026 only', () => {
    expect(computeStatutoryHolidays(2025).map((h) => h.date)).not.toContain('2025-11-24');
    expect(computeStatutoryHolidays(2026).map((h) => h.date)).toContain('2026-11-24');
    expect(computeStatutoryHolidays(2031).map((h) => h.date)).toContain('2031-11-24');
  });

  it('compensates weekend holidays on the next free weekdays (2022: Saturday 30/4 and Sunday 1/5)', () => {
    const compensatory = computeStatutoryHolidays(2022).filter((holiday) => holiday.kind === 'compensatory');
    expect(compensatory.map((holiday) => [holiday.date, holiday.group])).toEqual([
      ['2022-01-03', 'new_year'],
      ['2022-04-11', 'hung_kings'],
      ['2022-05-02', 'reunification'],
      ['2022-05-03', 'labour'],
    ]);
    expect(compensatory[0]?.name).toBe('Nghỉ bù Tết Dương lịch');
  });

  it('starts Tết on 30 tháng Chạp when the month is full and compensates after the block', () => {
    const tet = computeStatutoryHolidays(2024).filter((holiday) => holiday.group === 'tet');
    expect(tet.map((holiday) => [holiday.date, holiday.kind])).toEqual([
      ['2024-02-09', 'holiday'],
      ['2024-02-10', 'holiday'],
      ['2024-02-11', 'holiday'],
      ['2024-02-12', 'holiday'],
      ['2024-02-13', 'holiday'],
      ['2024-02-14', 'compensatory'],
      ['2024-02-15', 'compensatory'],
    ]);
    expect(tet[0]?.name).toBe('Tết Âm lịch (30 tháng Chạp)');
    expect(tet[1]?.name).toBe('Tết Âm lịch (mùng 1)');
  });

  it('lets the yearly choice put the adjacent Quốc khánh day after 2/9', () => {
    const dates = computeStatutoryHolidays(2027, { nationalDayAdjacent: 'after' }).map((h) => h.date);
    expect(dates).toContain('2027-09-03');
    expect(dates).not.toContain('2027-09-01');
  });

  it('returns sorted, distinct dates', () => {
    for (const year of [2022, 2024, 2025, 2026, 2027, 2040]) {
      const dates = computeStatutoryHolidays(year).map((holiday) => holiday.date);
      expect(dates).toEqual([...new Set(dates)].sort());
    }
  });

  it('rejects years outside the lunar range', () => {
    expect(() => computeStatutoryHolidays(1800)).toThrow(RangeError);
    expect(() => computeStatutoryHolidays(2026.5)).toThrow(RangeError);
  });
});
