import { describe, expect, it } from 'vitest';
import calendarFile from '../../modules/calendar/fixtures/vn-calendar-2025-2027.json';
import { announcementsFromCalendarFile } from './announcements';

const records = announcementsFromCalendarFile(calendarFile, [2025, 2026, 2027]);
const recordsOf = (year: number) => records.find((record) => record.year === year)?.announcements ?? [];
const recordOn = (date: string) => recordsOf(Number(date.slice(0, 4))).find((record) => record.date === date);

describe('announcementsFromCalendarFile', () => {
  it('marks 2025 and 2026 complete and the provisional 2027 incomplete', () => {
    expect(records.map((record) => [record.year, record.isComplete])).toEqual([
      [2025, true],
      [2026, true],
      [2027, false],
    ]);
  });

  it('turns every listed day off and make-up Saturday into a record', () => {
    for (const year of ['2025', '2026', '2027'] as const) {
      const announcements = recordsOf(Number(year));
      const offDates = announcements.filter((record) => record.kind === 'day_off').map((record) => record.date);
      const workingDates = announcements.filter((record) => record.kind === 'working_day').map((record) => record.date);
      expect(offDates).toEqual(calendarFile.years[year].off);
      expect(workingDates).toEqual(calendarFile.years[year].workingSaturdays);
    }
  });

  it('names a swapped day in Vietnamese and replaces no computed holiday with it', () => {
    expect(recordOn('2026-01-02')).toEqual({
      date: '2026-01-02',
      kind: 'day_off',
      name: 'Nghỉ hoán đổi (làm bù thứ Bảy 10/1)',
      basis: '12729/VPCP-KGVX (25/12/2025)',
      detail: 'Swapped day off (Friday 2/1 worked instead on Saturday 10/1)',
    });
  });

  it('gives the make-up Saturday the basis of its swap', () => {
    expect(recordOn('2026-01-10')).toMatchObject({
      kind: 'working_day',
      name: 'Làm bù cho ngày nghỉ hoán đổi 2/1',
      basis: '12729/VPCP-KGVX (25/12/2025)',
    });
    expect(recordOn('2025-04-26')).toMatchObject({ name: 'Làm bù cho ngày nghỉ hoán đổi 2/5' });
  });

  it('resolves a basis written as "same" and tags Tết days as replacing the computed Tết', () => {
    expect(recordOn('2026-02-18')).toMatchObject({
      name: 'Tết Âm lịch',
      basis: '9859/VPCP-KGVX (13/10/2025); Thông báo 9441/TB-BNV (16/10/2025)',
      replaces: 'tet',
    });
    expect(recordOn('2027-02-10')).toMatchObject({ name: 'Nghỉ bù Tết Âm lịch', replaces: 'tet' });
  });

  it('classifies every day off except the swaps into a holiday group', () => {
    const unclassified = records
      .flatMap((record) => record.announcements)
      .filter((record) => record.kind === 'day_off' && record.replaces === undefined)
      .map((record) => record.date);
    expect(unclassified).toEqual(['2025-05-02', '2026-01-02', '2026-08-31']);
    expect(recordOn('2027-05-03')).toMatchObject({ name: 'Nghỉ bù Ngày Quốc tế Lao động', replaces: 'labour' });
    expect(recordOn('2027-09-03')).toMatchObject({ name: 'Quốc khánh (ngày liền kề)', replaces: 'national_day' });
    expect(recordOn('2026-11-24')).toMatchObject({ name: 'Ngày Văn hóa Việt Nam', replaces: 'culture_day' });
    expect(recordOn('2025-01-01')).toMatchObject({ name: 'Tết Dương lịch', replaces: 'new_year' });
  });

  it('leaves out years the file does not hold', () => {
    expect(announcementsFromCalendarFile(calendarFile, [2024, 2026, 2028]).map((record) => record.year)).toEqual([2026]);
  });
});
