import type { PlanDeadline } from '../../contract/plans';

/**
 * The due occurrences of a task's deadlines within the plan's horizon (docs/api/plans.md, "Occurrences"), in Vietnam
 * calendar days (YYYY-MM-DD). Pure: the plans module stores them (table plan_occurrences) and the sweep reminds and
 * flags from them.
 *
 * Each occurrence has its due day and the first day of its period: a progress report dated from that day counts for it.
 * - date: that day, once; year, quarter, month: the period's last day, once; the period starts with the horizon;
 * - annual (15/6): every year of the horizon; the period runs from the day after the previous year's;
 * - periodic: every week (Sunday), month, quarter or year of the horizon, on the period's last day or on the given
 *   day (20 of every month; for a quarter, that day of its last month); the period runs from the day after the
 *   previous occurrence (or the period's first day when none is given);
 * - relative: N days or months after its event, or N working days (day D not counted, the work calendar's holidays
 *   skipped) when a calendar is given — the plan's own issue counts from the plan's date, another event from the day
 *   recorded for it (`eventDate`); while that day is unknown: none;
 * - ongoing, text: none.
 */
export type DeadlineOccurrence = { dueOn: string; periodFrom: string };
export type PlanHorizon = { from: string; to: string };
export type WorkingDays = { isWorkingDay(day: string): boolean };

/** At most this many years of recurring occurrences after the plan's first year (a plan "giai đoạn 2025–2030" fits). */
export const MAX_HORIZON_YEARS = 10;

/**
 * The span in which recurring deadlines occur: from the plan's date (or the day it was saved) to the end of the
 * latest year the plan names — in its title, its deadlines and its targets —, at least its first year's end.
 */
export function planHorizon(input: {
  issuedOn: string | null;
  savedOn: string;
  title: string;
  deadlines: PlanDeadline[];
  targetYears: (number | null)[];
}): PlanHorizon {
  const from = input.issuedOn ?? input.savedOn;
  const firstYear = Number(from.slice(0, 4));
  const years = [firstYear, ...input.targetYears.filter((year): year is number => year !== null)];
  for (const match of input.title.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)) years.push(Number(match[1]));
  for (const deadline of input.deadlines) {
    if (deadline.kind === 'date') years.push(Number(deadline.date.slice(0, 4)));
    if (deadline.kind === 'year' || deadline.kind === 'quarter' || deadline.kind === 'month') years.push(deadline.year);
  }
  const lastYear = Math.min(Math.max(...years.filter((year) => year >= firstYear)), firstYear + MAX_HORIZON_YEARS);
  return { from, to: `${lastYear}-12-31` };
}

/** The occurrences of one deadline in the horizon, by due day. */
export function deadlineOccurrences(
  deadline: PlanDeadline,
  horizon: PlanHorizon,
  planDate: string | null,
  calendar?: WorkingDays,
): DeadlineOccurrence[] {
  const once = (dueOn: string | null): DeadlineOccurrence[] =>
    dueOn ? [{ dueOn, periodFrom: horizon.from < dueOn ? horizon.from : dueOn }] : [];
  switch (deadline.kind) {
    case 'date':
      return once(deadline.date);
    case 'year':
      return once(`${deadline.year}-12-31`);
    case 'quarter':
      return once(lastDayOf(deadline.year, deadline.quarter * 3));
    case 'month':
      return once(lastDayOf(deadline.year, deadline.month));
    case 'annual':
      return chain(
        horizon,
        yearsOf(horizon).map((year) => dayOf(year, deadline.month, deadline.day)),
      );
    case 'periodic':
      return periodicOccurrences(deadline.every, deadline.day, horizon);
    case 'relative':
      return once(relativeDueDate(deadline, planDate, calendar));
    case 'ongoing':
    case 'text':
      return [];
  }
}

function periodicOccurrences(every: 'week' | 'month' | 'quarter' | 'year', day: number | undefined, horizon: PlanHorizon) {
  if (every === 'week') {
    const sundays: string[] = [];
    for (let sunday = addDays(horizon.from, (7 - weekday(horizon.from)) % 7); sunday <= horizon.to; sunday = addDays(sunday, 7)) {
      sundays.push(sunday);
    }
    return chain(horizon, sundays, (due) => addDays(due, -6));
  }
  const months = every === 'month' ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : every === 'quarter' ? [3, 6, 9, 12] : [12];
  const span = every === 'month' ? 1 : every === 'quarter' ? 3 : 12;
  const dues = yearsOf(horizon).flatMap((year) => months.map((month) => (day ? dayOf(year, month, day) : lastDayOf(year, month))));
  // Without a day, a period is the calendar month, quarter or year; with one, it runs from the day after the last.
  const startOf = day ? undefined : (due: string) => addMonthsToFirst(due, 1 - span);
  return chain(horizon, dues, startOf);
}

/** Dues within the horizon, each period starting the day after the one before (or at `startOf`), never before the horizon. */
function chain(horizon: PlanHorizon, dues: string[], startOf?: (due: string) => string): DeadlineOccurrence[] {
  const all = dues.sort();
  const result: DeadlineOccurrence[] = [];
  all.forEach((dueOn, index) => {
    if (dueOn < horizon.from || dueOn > horizon.to) return;
    const previous = index > 0 ? addDays(all[index - 1]!, 1) : null;
    const start = startOf ? startOf(dueOn) : (previous ?? horizon.from);
    result.push({ dueOn, periodFrom: [start, horizon.from].sort()[1]! });
  });
  return result;
}

/**
 * The day a relative deadline falls on, counted from the day of its event: the plan's date for the plan's own issue,
 * else the event's recorded day (`eventDate`); none while that day is unknown. N days or months after it (a day past
 * the month's end is its last day), N working days on the work calendar (day D not counted; none without a calendar).
 * The next due date (next-due.ts) counts alike.
 */
export function relativeDueDate(
  deadline: Extract<PlanDeadline, { kind: 'relative' }>,
  planDate: string | null,
  calendar?: WorkingDays,
): string | null {
  const start = relativeStart(deadline, planDate);
  if (!start) return null;
  if (deadline.unit === 'days') return addDays(start, deadline.amount);
  if (deadline.unit === 'months') {
    const [year, month, date] = start.split('-').map(Number) as [number, number, number];
    const total = year * 12 + (month - 1) + deadline.amount;
    return dayOf(Math.floor(total / 12), (total % 12) + 1, date);
  }
  return calendar ? addWorkingDays(start, deadline.amount, calendar) : null;
}

/** The day a relative deadline counts from: the plan's date for its own issue, else the event's recorded day. */
export function relativeStart(deadline: Extract<PlanDeadline, { kind: 'relative' }>, planDate: string | null): string | null {
  return isPlanIssue(deadline.after) ? planDate : (deadline.eventDate ?? null);
}

/** A deadline counted from another event than the plan's own issue: its day is recorded on the task when it happens. */
export function isEventDated(deadline: PlanDeadline): deadline is Extract<PlanDeadline, { kind: 'relative' }> {
  return deadline.kind === 'relative' && !isPlanIssue(deadline.after);
}

/**
 * Why `date` cannot be the day a deadline's event happened, in Vietnamese, or null: an event recorded after the fact
 * is not after today (the Vietnam day `today`) nor before the plan's date.
 */
export function eventDateProblem(date: string, planDate: string | null, today: string): string | null {
  if (date > today) return `Ngày ${vietnameseDay(date)} chưa đến: chỉ ghi nhận sự kiện đã diễn ra (hôm nay là ${vietnameseDay(today)}).`;
  if (planDate && date < planDate) {
    return `Ngày ${vietnameseDay(date)} trước ngày ban hành kế hoạch (${vietnameseDay(planDate)}): kiểm tra lại ngày của sự kiện.`;
  }
  return null;
}

/** The event days a task's deadlines carry as saved or edited, checked: by the deadline's index, the problem. */
export function eventDateProblems(deadlines: PlanDeadline[], planDate: string | null, today: string): { index: number; message: string }[] {
  return deadlines.flatMap((deadline, index) => {
    if (deadline.kind !== 'relative' || !deadline.eventDate) return [];
    const message = isEventDated(deadline)
      ? eventDateProblem(deadline.eventDate, planDate, today)
      : 'Thời hạn tính từ ngày ban hành kế hoạch không nhận ngày sự kiện: hạn tính theo ngày của kế hoạch.';
    return message ? [{ index, message }] : [];
  });
}

const vietnameseDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** "kể từ ngày Kế hoạch được ban hành", "sau khi ký Kế hoạch này": the plan's own issue. */
export function isPlanIssue(event: string): boolean {
  return /kế hoạch/iu.test(event) && /(ban hành|ký|phê duyệt)/iu.test(event);
}

/** The working day N working days after `day` (day D does not count). */
export function addWorkingDays(day: string, count: number, calendar: WorkingDays): string {
  let current = day;
  for (let left = count; left > 0; ) {
    current = addDays(current, 1);
    if (calendar.isWorkingDay(current)) left -= 1;
  }
  return current;
}

/** The working day N working days before `day` (a reminder's day: holidays and weekends skipped). */
export function workingDaysBefore(day: string, count: number, calendar: WorkingDays): string {
  let current = day;
  for (let left = count; left > 0; ) {
    current = addDays(current, -1);
    if (calendar.isWorkingDay(current)) left -= 1;
  }
  return current;
}

const pad = (value: number) => String(value).padStart(2, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
function dayOf(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(Math.min(day, daysInMonth(year, month)))}`;
}
function lastDayOf(year: number, month: number): string {
  return dayOf(year, month, 31);
}
export function addDays(day: string, amount: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + amount);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}
/** The first day of the month `amount` months from the month of `day`. */
function addMonthsToFirst(day: string, amount: number): string {
  const total = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + amount;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-01`;
}
function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}
function yearsOf(horizon: PlanHorizon): number[] {
  const years: number[] = [];
  for (let year = Number(horizon.from.slice(0, 4)); year <= Number(horizon.to.slice(0, 4)); year += 1) years.push(year);
  return years;
}

/**
 * Whether a deadline recurs (a report is due every period) or is a completion deadline, met once by the report that
 * marks the task done.
 */
export function isRecurring(deadline: PlanDeadline): boolean {
  return deadline.kind === 'annual' || deadline.kind === 'periodic';
}

/**
 * Which occurrences the reports satisfy, for one deadline of one unit (the caller passes, for a completion deadline,
 * only the reports that marked the task done): occurrences in due order each take the
 * earliest report not yet taken dated on or after the first day of its period — in its period, or late for an
 * occurrence missed before. The caller dates each report (the modules: the last day of the period it covers, or the
 * day it was made). Returns, per occurrence, the index of its report in `reportDates` (or null).
 */
export function matchReports(occurrences: DeadlineOccurrence[], reportDates: string[]): (number | null)[] {
  const order = reportDates.map((date, index) => ({ date, index })).sort((a, b) => a.date.localeCompare(b.date) || a.index - b.index);
  const taken = new Set<number>();
  return occurrences.map((occurrence) => {
    const found = order.find((report) => !taken.has(report.index) && report.date >= occurrence.periodFrom);
    if (!found) return null;
    taken.add(found.index);
    return found.index;
  });
}
