/**
 * Statutory holidays (Bộ luật Lao động 2019 Điều 112) computed for any year, for use when
 * no yearly announcement says otherwise:
 * - 1/1; Tết Âm lịch 5 days; Giỗ Tổ Hùng Vương 10/3 lunar; 30/4; 1/5; 2/9 plus one adjacent
 *   day; from 2026 also 24/11 Ngày Văn hóa Việt Nam (Nghị quyết 28/2026/QH16).
 * - Tết default: the last day of the lunar year (29 or 30 tháng Chạp) and mùng 1–4. The
 *   Prime Minister fixes the real days each year; announcements override this default.
 * - Điều 111(3): a holiday on Saturday or Sunday gives a compensatory day off on the next
 *   working day. Compensatory days follow the whole holiday block (so Tết's follow the Tết
 *   block, and 2/9's follow the 1/9–2/9 pair), and never land on another holiday.
 */
import { civilFromDayNumber, dayNumberFromCivil, formatIsoDate, isWeekendDayNumber } from './dates';
import { lunarToSolar, MAX_LUNAR_YEAR, MIN_LUNAR_YEAR, solarToLunar } from './lunar';

export type HolidayGroup = 'new_year' | 'tet' | 'hung_kings' | 'reunification' | 'labour' | 'national_day' | 'culture_day';

export type HolidayKind = 'holiday' | 'compensatory';

export interface StatutoryHoliday {
  date: string;
  name: string;
  kind: HolidayKind;
  group: HolidayGroup;
}

export interface HolidayOptions {
  /** Which day next to 2/9 is off; chosen yearly, 'before' (1/9) when not announced. */
  nationalDayAdjacent?: 'before' | 'after';
}

/** Ngày Văn hóa Việt Nam is a day off from 1/7/2026, so 24/11/2026 is the first one. */
export const CULTURE_DAY_FIRST_YEAR = 2026;

export const HOLIDAY_GROUP_NAMES: Readonly<Record<HolidayGroup, string>> = {
  new_year: 'Tết Dương lịch',
  tet: 'Tết Âm lịch',
  hung_kings: 'Giỗ Tổ Hùng Vương',
  reunification: 'Ngày Chiến thắng',
  labour: 'Ngày Quốc tế Lao động',
  national_day: 'Quốc khánh',
  culture_day: 'Ngày Văn hóa Việt Nam',
};

interface HolidayBlock {
  group: HolidayGroup;
  days: { dayNumber: number; name: string }[];
}

const MAX_COMPENSATION_SEARCH_DAYS = 31;

export function computeStatutoryHolidays(year: number, options: HolidayOptions = {}): StatutoryHoliday[] {
  if (!Number.isInteger(year) || year < MIN_LUNAR_YEAR || year > MAX_LUNAR_YEAR) {
    throw new RangeError(`Year must be an integer from ${MIN_LUNAR_YEAR} to ${MAX_LUNAR_YEAR}, got ${year}`);
  }
  const blocks = buildHolidayBlocks(year, options);
  const taken = new Set(blocks.flatMap((block) => block.days.map((day) => day.dayNumber)));
  const holidays: { dayNumber: number; holiday: StatutoryHoliday }[] = [];
  for (const block of blocks) {
    for (const day of block.days) {
      holidays.push({ dayNumber: day.dayNumber, holiday: toHoliday(day.dayNumber, day.name, 'holiday', block.group) });
    }
    for (const dayNumber of compensatoryDays(block, taken)) {
      taken.add(dayNumber);
      const name = `Nghỉ bù ${HOLIDAY_GROUP_NAMES[block.group]}`;
      holidays.push({ dayNumber, holiday: toHoliday(dayNumber, name, 'compensatory', block.group) });
    }
  }
  return holidays.sort((a, b) => a.dayNumber - b.dayNumber).map((entry) => entry.holiday);
}

function buildHolidayBlocks(year: number, options: HolidayOptions): HolidayBlock[] {
  const fixed = (group: HolidayGroup, month: number, day: number, name = HOLIDAY_GROUP_NAMES[group]) => ({
    dayNumber: dayNumberFromCivil(year, month, day),
    name,
  });
  const nationalDay = fixed('national_day', 9, 2);
  const adjacentDay = options.nationalDayAdjacent === 'after' ? 3 : 1;
  const adjacent = fixed('national_day', 9, adjacentDay, 'Quốc khánh (ngày liền kề)');
  const blocks: HolidayBlock[] = [
    { group: 'new_year', days: [fixed('new_year', 1, 1)] },
    { group: 'tet', days: tetDays(year) },
    { group: 'hung_kings', days: [hungKingsDay(year)] },
    { group: 'reunification', days: [fixed('reunification', 4, 30)] },
    { group: 'labour', days: [fixed('labour', 5, 1)] },
    { group: 'national_day', days: adjacentDay === 1 ? [adjacent, nationalDay] : [nationalDay, adjacent] },
  ];
  if (year >= CULTURE_DAY_FIRST_YEAR) blocks.push({ group: 'culture_day', days: [fixed('culture_day', 11, 24)] });
  return blocks.sort((a, b) => firstDayOf(a) - firstDayOf(b));
}

/** Default Tết: giao thừa day (last day of the old lunar year) and mùng 1–4. */
function tetDays(year: number): HolidayBlock['days'] {
  const newYear = lunarToSolar(year, 1, 1);
  const firstDay = dayNumberFromCivil(newYear.year, newYear.month, newYear.day);
  const eve = firstDay - 1;
  const eveCivil = civilFromDayNumber(eve);
  const eveLunarDay = solarToLunar(eveCivil.year, eveCivil.month, eveCivil.day).day;
  const days = [{ dayNumber: eve, name: `Tết Âm lịch (${eveLunarDay} tháng Chạp)` }];
  for (let index = 0; index < 4; index += 1) {
    days.push({ dayNumber: firstDay + index, name: `Tết Âm lịch (mùng ${index + 1})` });
  }
  return days;
}

function hungKingsDay(year: number): HolidayBlock['days'][number] {
  const date = lunarToSolar(year, 3, 10);
  return { dayNumber: dayNumberFromCivil(date.year, date.month, date.day), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' };
}

/** One compensatory weekday per weekend day of the block, after the block, skipping holidays. */
function compensatoryDays(block: HolidayBlock, taken: ReadonlySet<number>): number[] {
  const weekendCount = block.days.filter((day) => isWeekendDayNumber(day.dayNumber)).length;
  const result: number[] = [];
  let cursor = Math.max(...block.days.map((day) => day.dayNumber));
  for (let searched = 0; result.length < weekendCount; searched += 1) {
    if (searched > MAX_COMPENSATION_SEARCH_DAYS) throw new Error('No weekday found for a compensatory day off');
    cursor += 1;
    if (!isWeekendDayNumber(cursor) && !taken.has(cursor) && !result.includes(cursor)) result.push(cursor);
  }
  return result;
}

function firstDayOf(block: HolidayBlock): number {
  return Math.min(...block.days.map((day) => day.dayNumber));
}

function toHoliday(dayNumber: number, name: string, kind: HolidayKind, group: HolidayGroup): StatutoryHoliday {
  return { date: formatIsoDate(dayNumber), name, kind, group };
}
