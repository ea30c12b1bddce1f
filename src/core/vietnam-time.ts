import { toVietnamDate } from './calendar';
import { VIETNAM_UTC_OFFSET_MS } from './calendar/dates';

/** The calendar date (YYYY-MM-DD) in Vietnam at `instant` — today by default. */
export function vietnamDate(instant: Date = new Date()): string {
  return toVietnamDate(instant);
}

/**
 * A day as Vietnamese readers write it, for messages: "2025-07-01" → "01/07/2025"; an instant → its day in Vietnam.
 * Text that is not an ISO date is returned as it is.
 */
export function formatVietnameseDate(day: string | Date): string {
  const iso = typeof day === 'string' ? day : vietnamDate(day);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** ISO 8601 with the Vietnam offset, e.g. 2026-02-24T17:30:00+07:00 — what officials expect to read. */
export function formatVietnamIso(instant: Date): string {
  // biome-ignore lint/plugin: the instant is shifted to Vietnam time first, so its UTC fields are Vietnam's wall clock
  return `${new Date(instant.getTime() + VIETNAM_UTC_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses an ISO 8601 date or date-time; without an offset it is Vietnam local time. Returns null when the text
 * is not such a value or names a day that does not exist (2026-02-30).
 */
export function parseVietnamInstant(text: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour = '00', minute = '00', second = '00', offset] = match;
  const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day)) return null;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  const zone = offset === undefined ? '+07:00' : offset === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const parsed = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}
