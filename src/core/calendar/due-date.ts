/**
 * Deadlines (DOMAIN §4). All functions work on epoch milliseconds; WorkCalendar wraps them
 * with Date in and Date out.
 *
 * Receipt: an instant outside a session (evening, lunch break, weekend, holiday) counts as
 * received at the start of the next session of a working day.
 *
 * - working_days N: due at the END of the N-th working day after the receipt day D (D does
 *   not count), i.e. at the end of its last session. A fractional amount N = k + f is
 *   counted as k whole days by that rule and then f × (working time of a day) more, so
 *   0.5 day received Monday is due Tuesday 12:00 and 2.5 days is due at noon of the third
 *   working day after D. The fraction never makes a due earlier than the whole-day rule.
 * - working_hours N: N hours of session time from the (normalised) receipt instant; the
 *   due is the earliest instant the time is used up (a session end, not the next start).
 * - calendar_days N (integer): count N calendar days after D, skipping weekday days off
 *   (holidays, compensatory and swapped days); Saturdays and Sundays count. If the last
 *   day is not a working day the deadline moves to the end of the next working day
 *   (Bộ luật Dân sự 2015 Điều 148(5): a period ending on a day off ends on the next
 *   working day). Due at the end of that day's last session.
 */
import { dayNumberOfInstant, isWeekendDayNumber, MS_PER_HOUR, MS_PER_MINUTE, startOfDayInstant } from './dates';
import { workingMsPerDay } from './sessions';
import { addWorkingMs, MAX_SCANNED_DAYS, nextWorkingInstantMs, type WorkingTimeContext } from './working-time';

export type DurationUnit = 'working_days' | 'working_hours' | 'calendar_days';
export type CompletionStatus = 'early' | 'on_time' | 'late';

/** Ten years of days: far above any statutory time, low enough to keep every loop bounded. */
export const MAX_DURATION_AMOUNT = 3650;

const DURATION_UNITS: readonly DurationUnit[] = ['working_days', 'working_hours', 'calendar_days'];

export function computeDueDateMs(context: WorkingTimeContext, fromMs: number, amount: number, unit: DurationUnit): number {
  assertDurationAmount(amount, unit);
  const receivedMs = nextWorkingInstantMs(context, fromMs);
  if (unit === 'working_hours') return addWorkingMs(context, receivedMs, Math.round(amount * MS_PER_HOUR));
  const receiptDay = dayNumberOfInstant(receivedMs);
  if (unit === 'calendar_days') return calendarDaysDueMs(context, receiptDay, amount);
  return workingDaysDueMs(context, receiptDay, amount);
}

export function assertDurationAmount(amount: number, unit: DurationUnit): void {
  if (!DURATION_UNITS.includes(unit)) {
    throw new RangeError(`Unknown duration unit "${String(unit)}": expected ${DURATION_UNITS.join(', ')}`);
  }
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || amount > MAX_DURATION_AMOUNT) {
    throw new RangeError(`Duration amount must be a finite number from 0 to ${MAX_DURATION_AMOUNT}, got ${amount}`);
  }
  if (unit === 'calendar_days' && !Number.isInteger(amount)) {
    throw new RangeError(`Calendar days must be a whole number, got ${amount}`);
  }
}

export function endOfWorkingDayMs(context: WorkingTimeContext, dayNumber: number): number {
  const lastSession = context.sessionSpans[context.sessionSpans.length - 1];
  if (!lastSession) throw new RangeError('At least one working session is required');
  return startOfDayInstant(dayNumber) + lastSession.endMs;
}

export function nextWorkingDayNumber(context: WorkingTimeContext, dayNumber: number): number {
  for (let day = dayNumber + 1; day <= dayNumber + MAX_SCANNED_DAYS; day += 1) {
    if (context.isWorkingDayNumber(day)) return day;
  }
  throw new RangeError(`No working day within ${MAX_SCANNED_DAYS} days`);
}

function workingDaysDueMs(context: WorkingTimeContext, receiptDay: number, amount: number): number {
  const wholeDays = Math.floor(amount);
  let day = receiptDay;
  for (let counted = 0; counted < wholeDays; counted += 1) day = nextWorkingDayNumber(context, day);
  const dueMs = endOfWorkingDayMs(context, day);
  const fraction = amount - wholeDays;
  if (fraction === 0) return dueMs;
  return addWorkingMs(context, dueMs, Math.round(fraction * workingMsPerDay(context.sessionSpans)));
}

function calendarDaysDueMs(context: WorkingTimeContext, receiptDay: number, amount: number): number {
  let day = receiptDay;
  let counted = 0;
  while (counted < amount) {
    day += 1;
    if (day - receiptDay > MAX_SCANNED_DAYS) throw new RangeError(`No due date within ${MAX_SCANNED_DAYS} days`);
    const isWeekdayOff = !isWeekendDayNumber(day) && !context.isWorkingDayNumber(day);
    if (!isWeekdayOff) counted += 1;
  }
  const dueDay = context.isWorkingDayNumber(day) ? day : nextWorkingDayNumber(context, day);
  return endOfWorkingDayMs(context, dueDay);
}

/**
 * - late: completed after the due instant;
 * - early: completed on a calendar day (Vietnam time) before the day of the due instant,
 *   i.e. the whole due day was left unused. Biểu 06 counts "trước hạn" against the
 *   appointment date, which is a day, not an hour;
 * - on_time: on the due day, at or before the due instant.
 */
export function classifyCompletionMs(completedMs: number, dueMs: number): CompletionStatus {
  if (completedMs > dueMs) return 'late';
  return dayNumberOfInstant(completedMs) < dayNumberOfInstant(dueMs) ? 'early' : 'on_time';
}

/**
 * Moves a due date later by working time spent paused (waiting for the applicant). A zero
 * pause leaves the due untouched: it is not normalised, so a 17:30 due stays 17:30.
 */
export function shiftDueByPauseMs(context: WorkingTimeContext, dueMs: number, pausedWorkingMinutes: number): number {
  const maxMinutes = (MAX_DURATION_AMOUNT * workingMsPerDay(context.sessionSpans)) / MS_PER_MINUTE;
  const isValid = typeof pausedWorkingMinutes === 'number' && Number.isFinite(pausedWorkingMinutes);
  if (!isValid || pausedWorkingMinutes < 0 || pausedWorkingMinutes > maxMinutes) {
    throw new RangeError(`Paused working minutes must be a finite number from 0 to ${maxMinutes}, got ${pausedWorkingMinutes}`);
  }
  if (pausedWorkingMinutes === 0) return dueMs;
  return addWorkingMs(context, dueMs, Math.round(pausedWorkingMinutes * MS_PER_MINUTE));
}
