import type { PlanDeadline } from '../../contract/plans';
import { isEventDated, relativeDueDate, type WorkingDays } from './occurrences';

/**
 * The next due date of a task's deadline, counted in Vietnam days (`today` is `vietnamDate(now)`, never the UTC
 * date): the day by which the task must next be done, or null when the deadline has none (docs/api/plans.md,
 * "Next due date").
 *
 * - date: that day (past or not: a past one is overdue, not gone);
 * - annual (15/6): the next 15/6 on or after today (a day past the month's end is its last day);
 * - year, quarter, month: the last day of that period;
 * - periodic (every week, month, quarter, year): the end of the current period (Sunday, the month's, the quarter's,
 *   the year's last day), or the next given day ("trước ngày 20 hằng tháng": the next 20th; for a quarter, that day
 *   of its last month) — the stored occurrences and reminders: src/core/plans/occurrences.ts;
 * - relative (N days, months or working days after an event): from the plan's date when the event is the plan's own
 *   issue, from the event's recorded day (`eventDate`) otherwise, none while that day is unknown; working days on the
 *   work calendar given (`calendar`, the one the stored occurrence was counted on: day D not counted, weekends and
 *   holidays skipped), none without it;
 * - ongoing (thường xuyên) and text (as written): none.
 */
export function nextDueDate(deadline: PlanDeadline, today: string, planDate: string | null = null, calendar?: WorkingDays): string | null {
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  switch (deadline.kind) {
    case 'date':
      return deadline.date;
    case 'annual': {
      const thisYear = dayOf(year, deadline.month, deadline.day);
      return thisYear >= today ? thisYear : dayOf(year + 1, deadline.month, deadline.day);
    }
    case 'year':
      return dayOf(deadline.year, 12, 31);
    case 'quarter':
      return lastDayOfMonth(deadline.year, deadline.quarter * 3);
    case 'month':
      return lastDayOfMonth(deadline.year, deadline.month);
    case 'periodic':
      if (deadline.day && (deadline.every === 'month' || deadline.every === 'quarter')) {
        // "trước ngày 20 hằng tháng": the next 20th on or after today (for a quarter, that day of its last month).
        const step = deadline.every === 'month' ? 1 : 3;
        const first = deadline.every === 'month' ? month : Math.ceil(month / 3) * 3;
        const thisPeriod = dayOf(year, first, deadline.day);
        if (thisPeriod >= today) return thisPeriod;
        const total = year * 12 + first - 1 + step;
        return dayOf(Math.floor(total / 12), (total % 12) + 1, deadline.day);
      }
      switch (deadline.every) {
        case 'week':
          return sundayOf(today);
        case 'month':
          return lastDayOfMonth(year, month);
        case 'quarter':
          return lastDayOfMonth(year, Math.ceil(month / 3) * 3);
        case 'year':
          return dayOf(year, 12, 31);
      }
      return null;
    case 'relative':
      return relativeDueDate(deadline, planDate, calendar);
    case 'ongoing':
    case 'text':
      return null;
  }
}

/**
 * One deadline as a task view shows it: its next due date, whether it counts from an event whose day is recorded on
 * the task, and — for a relative deadline without a due date — why, in Vietnamese: "Chờ ghi nhận ngày tiếp nhận văn
 * bản" (the event's day not recorded yet), "Chờ ngày ban hành kế hoạch" (the plan has no date).
 */
export function deadlineDue(
  deadline: PlanDeadline,
  today: string,
  planDate: string | null = null,
  calendar?: WorkingDays,
): { dueOn: string | null; isEventDated: boolean; note: string | null } {
  const dueOn = nextDueDate(deadline, today, planDate, calendar);
  const isEvent = isEventDated(deadline);
  const note =
    deadline.kind !== 'relative' || dueOn ? null : isEvent ? `Chờ ghi nhận ngày ${deadline.after}` : 'Chờ ngày ban hành kế hoạch';
  return { dueOn, isEventDated: isEvent, note };
}

/** The earliest next due date of a task's deadlines (null when none has one). */
export function nextDueOfTask(
  deadlines: PlanDeadline[],
  today: string,
  planDate: string | null = null,
  calendar?: WorkingDays,
): string | null {
  const dates = deadlines.map((deadline) => nextDueDate(deadline, today, planDate, calendar)).filter((day): day is string => day !== null);
  return dates.length ? dates.sort()[0]! : null;
}

const pad = (value: number) => String(value).padStart(2, '0');
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
function dayOf(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(Math.min(day, daysInMonth(year, month)))}`;
}
function lastDayOfMonth(year: number, month: number): string {
  return dayOf(year, month, 31);
}
function fromUtc(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}
function addDays(day: string, amount: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + amount);
  return fromUtc(date);
}
function sundayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, (7 - weekday) % 7);
}
