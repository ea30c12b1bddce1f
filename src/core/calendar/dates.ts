/**
 * Date arithmetic in Vietnam's civil time.
 *
 * Asia/Ho_Chi_Minh has been a fixed UTC+7 without daylight saving since 1975, so plain
 * arithmetic on epoch milliseconds is exact and no timezone library is needed. Calendar
 * days are handled as integer "day numbers" (days since 1970-01-01) because integer keys
 * make the per-year lookup tables cheap.
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
export const VIETNAM_UTC_OFFSET_MS = 7 * MS_PER_HOUR;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayNumberFromCivil(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function civilFromDayNumber(dayNumber: number): CivilDate {
  const date = new Date(dayNumber * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekendDayNumber(dayNumber: number): boolean {
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday === 0 || weekday === 6;
}

/** Parses a strict `YYYY-MM-DD`; rejects impossible dates such as 2026-02-30. */
export function parseIsoDate(text: string): number {
  const match = ISO_DATE_PATTERN.exec(text);
  if (!match) throw new RangeError(`Invalid date "${text}": expected YYYY-MM-DD`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const dayNumber = dayNumberFromCivil(year, month, day);
  const back = civilFromDayNumber(dayNumber);
  if (back.year !== year || back.month !== month || back.day !== day) {
    throw new RangeError(`Invalid date "${text}": no such day`);
  }
  return dayNumber;
}

export function formatIsoDate(dayNumber: number): string {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function formatCivilDate(date: CivilDate): string {
  return formatIsoDate(dayNumberFromCivil(date.year, date.month, date.day));
}

export function dayNumberOfInstant(epochMs: number): number {
  return Math.floor((epochMs + VIETNAM_UTC_OFFSET_MS) / MS_PER_DAY);
}

/** The instant of local midnight (00:00 +07:00) that starts the given day. */
export function startOfDayInstant(dayNumber: number): number {
  return dayNumber * MS_PER_DAY - VIETNAM_UTC_OFFSET_MS;
}

/** Reads a Date as epoch ms, refusing Invalid Date so it cannot poison later arithmetic. */
export function instantOf(date: Date, label: string): number {
  const epochMs = date instanceof Date ? date.getTime() : Number.NaN;
  if (!Number.isFinite(epochMs)) throw new RangeError(`${label} must be a valid Date`);
  return epochMs;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
