import { describe, expect, it } from 'vitest';
import calendarFile from '../../modules/calendar/fixtures/vn-calendar-2025-2027.json';
import { civilFromDayNumber, dayNumberFromCivil, formatCivilDate } from './dates';
import { convertLunarToSolar, lunarToSolar, solarToLunar } from './lunar';

const iso = (date: { year: number; month: number; day: number }) => formatCivilDate(date);

describe('lunarToSolar', () => {
  const lunarYears = ['2025', '2026', '2027', '2028'] as const;

  it.each(lunarYears)('gives the Tết and Giỗ Tổ dates of the reference file for %s', (year) => {
    const expected = calendarFile.lunar[year];
    expect(iso(lunarToSolar(Number(year), 1, 1))).toBe(expected.tet);
    expect(iso(lunarToSolar(Number(year), 3, 10))).toBe(expected.gioTo);
  });

  it.each([
    [2020, '2020-01-25'],
    [2024, '2024-02-10'],
    // Vietnam's Tết is a day before China's in 2030 (new moon 2030-02-02 ~23:07 at UTC+7)
    [2030, '2030-02-02'],
    [2007, '2007-02-17'],
    // 1985: the month-long split with China, a classic check of the UTC+7 solstice month
    [1985, '1985-01-21'],
  ])('puts Tết %i on %s', (year, expected) => {
    expect(iso(lunarToSolar(year, 1, 1))).toBe(expected);
  });

  it('depends on the time zone: UTC misplaces Giỗ Tổ 2027, UTC+8 (China) Tết 2030 and 1985', () => {
    // new moon 2027-04-06 23:51 UTC: still 6/4 in UTC, already 7/4 at UTC+7 and UTC+8
    expect(iso(convertLunarToSolar(2027, 3, 10, false, 0))).toBe('2027-04-15');
    expect(iso(convertLunarToSolar(2027, 3, 10, false, 8))).toBe('2027-04-16');
    expect(iso(convertLunarToSolar(2030, 1, 1, false, 8))).toBe('2030-02-03');
    expect(iso(convertLunarToSolar(1985, 1, 1, false, 8))).toBe('1985-02-20');
  });

  it.each([
    [2020, 4, '2020-05-23'],
    [2023, 2, '2023-03-22'],
    [2025, 6, '2025-07-25'],
    [2028, 5, '2028-06-23'],
  ])('finds leap month %i/%i starting on %s', (year, month, expected) => {
    expect(iso(lunarToSolar(year, month, 1, true))).toBe(expected);
  });

  it('rejects a leap month the year does not have and a day the month does not have', () => {
    expect(() => lunarToSolar(2025, 5, 1, true)).toThrow(RangeError);
    expect(() => lunarToSolar(2026, 1, 1, true)).toThrow(RangeError);
    // tháng Chạp Ất Tỵ has 29 days: giao thừa 2026 is on the 29th
    expect(() => lunarToSolar(2025, 12, 30)).toThrow(/only 29 days/);
    expect(() => lunarToSolar(2025, 13, 1)).toThrow(RangeError);
    expect(() => lunarToSolar(1899, 1, 1)).toThrow(RangeError);
  });
});

describe('solarToLunar', () => {
  it('reads the last day of the old year and the new year', () => {
    expect(solarToLunar(2026, 2, 16)).toEqual({ year: 2025, month: 12, day: 29, isLeapMonth: false });
    expect(solarToLunar(2026, 2, 17)).toEqual({ year: 2026, month: 1, day: 1, isLeapMonth: false });
    expect(solarToLunar(2028, 6, 30)).toEqual({ year: 2028, month: 5, day: 8, isLeapMonth: true });
  });

  it('round-trips every day from 2019 to 2031', () => {
    const first = dayNumberFromCivil(2019, 1, 1);
    const last = dayNumberFromCivil(2031, 12, 31);
    for (let day = first; day <= last; day += 1) {
      const solar = civilFromDayNumber(day);
      const lunar = solarToLunar(solar.year, solar.month, solar.day);
      expect(lunarToSolar(lunar.year, lunar.month, lunar.day, lunar.isLeapMonth)).toEqual(solar);
    }
  });
});
