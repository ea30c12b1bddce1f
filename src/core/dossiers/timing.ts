/**
 * The clock of a dossier and of its steps (docs/api/dossiers.md "Steps", "Actions"): a step's due, the timing of a
 * completion, the shift a pause makes, and the apology rule. Pure: the WorkCalendar is passed in.
 */
import type { WorkCalendar } from '../calendar';
import type { ProcessTimeUnit } from './default-process';

/** A working day is 8 working hours (DOMAIN §4). */
export const WORKING_MINUTES_PER_DAY = 480;
/** Near due: less than 4 working hours left. */
export const NEAR_DUE_WORKING_MINUTES = 240;

/**
 * A step's due: `startedAt` + its budget in working time (days × 8 working hours). Whole calendar days count like the
 * dossier's own calendar-day time; a fraction of one (a template's "0,5 ngày") as that part of a working day — the
 * calendar counts only whole calendar days.
 */
export function stepDueAt(calendar: WorkCalendar, startedAt: Date, budget: { amount: number; unit: ProcessTimeUnit }): Date {
  if (budget.unit === 'calendar_days' && Number.isInteger(budget.amount)) {
    return calendar.computeDueDate(startedAt, budget.amount, 'calendar_days');
  }
  const minutes = budget.unit === 'working_hours' ? budget.amount * 60 : budget.amount * WORKING_MINUTES_PER_DAY;
  return calendar.addWorkingMinutes(calendar.nextWorkingInstant(startedAt), minutes);
}

/** Working minutes left before the due (negative when past it). */
export function remainingWorkingMinutes(calendar: WorkCalendar, now: Date, dueAt: Date): number {
  if (now.getTime() <= dueAt.getTime()) return calendar.workingTimeBetween(now, dueAt);
  return -calendar.workingTimeBetween(dueAt, now);
}

export function isNearDue(calendar: WorkCalendar, now: Date, dueAt: Date): boolean {
  const left = remainingWorkingMinutes(calendar, now, dueAt);
  return left >= 0 && left < NEAR_DUE_WORKING_MINUTES && now.getTime() <= dueAt.getTime();
}

/** The end of a pause: its working minutes, and the dossier's and the active step's dues moved by them. */
export function shiftForPause(
  calendar: WorkCalendar,
  pause: { startedAt: Date; endedAt: Date },
  dues: { dossierDueAt: Date | null; stepDueAt: Date | null },
): { workingMinutes: number; dossierDueAt: Date | null; stepDueAt: Date | null } {
  const workingMinutes = Math.round(calendar.workingTimeBetween(pause.startedAt, pause.endedAt));
  const shift = (due: Date | null) => (due === null ? null : calendar.shiftDueByPause(due, workingMinutes));
  return { workingMinutes, dossierDueAt: shift(dues.dossierDueAt), stepDueAt: shift(dues.stepDueAt) };
}

/** An apology may still be made: at least 1 working day (8 working hours) before the current due. */
export function apologyStillOpen(calendar: WorkCalendar, now: Date, dueAt: Date): boolean {
  return now.getTime() <= dueAt.getTime() && calendar.workingTimeBetween(now, dueAt) >= WORKING_MINUTES_PER_DAY;
}

export type ApologyCheck = { allowed: true; newDueAt: Date } | { allowed: false; reason: string };

/**
 * The apology and new appointment (Mẫu 04): at least 1 working day (8 working hours) before the current due, and the
 * new due date (a working day; due at its end) after the current due. "Once per dossier" is the transitions table's.
 */
export function checkApology(calendar: WorkCalendar, now: Date, dueAt: Date, newDueDate: string): ApologyCheck {
  if (!apologyStillOpen(calendar, now, dueAt)) {
    return { allowed: false, reason: 'Phải xin lỗi và hẹn lại chậm nhất 01 ngày làm việc trước thời hạn trả kết quả.' };
  }
  if (!calendar.isWorkingDay(newDueDate)) {
    return { allowed: false, reason: 'Ngày hẹn trả mới phải là ngày làm việc.' };
  }
  const newDueAt = calendar.endOfWorkingDay(newDueDate);
  if (newDueAt.getTime() <= dueAt.getTime()) {
    return { allowed: false, reason: 'Ngày hẹn trả mới phải sau thời hạn hiện tại.' };
  }
  return { allowed: true, newDueAt };
}

/** When the reminder to apologise falls due: 1 working day before the due, or now if already inside it. */
export function shouldRemindApology(calendar: WorkCalendar, now: Date, dueAt: Date): boolean {
  const left = remainingWorkingMinutes(calendar, now, dueAt);
  return left >= 0 && left <= WORKING_MINUTES_PER_DAY;
}

/** The working minutes a dossier took: from receipt to resolution, paused time excluded. */
export function processingWorkingMinutes(
  calendar: WorkCalendar,
  receivedAt: Date,
  resolvedAt: Date,
  pauses: readonly { startedAt: Date; endedAt: Date | null }[],
): number {
  const intervals = pauses.map((pause) => ({ from: pause.startedAt, to: pause.endedAt ?? resolvedAt }));
  return calendar.workingTimeBetween(receivedAt, resolvedAt, intervals);
}
