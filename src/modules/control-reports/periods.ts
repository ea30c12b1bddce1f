import type { ControlReportKind } from '../../contract/control-reports';
import { dayNumberFromCivil, formatIsoDate, parseIsoDate } from '../../core/calendar/dates';
import { type Period, reportingPeriod } from '../metrics';

/*
 * A report's period and due date (docs/api/control-reports.md, "Periods"). Periods are those of Thông tư 01/2020
 * (src/core/metrics/periods.ts): a month from the `monthStartDay` (21st) of the month before to the day before it in
 * the month (20th), a quarter three such months, a year twelve. The report is due on `dueDay` (23rd) of the month its
 * period ends in (the day after the period's end when that day is earlier).
 */

const metricsKind = { monthly: 'month', quarterly: 'quarter', yearly: 'year' } as const;
export const periodCount: Record<ControlReportKind, number> = { monthly: 12, quarterly: 4, yearly: 1 };

export function reportPeriod(kind: ControlReportKind, year: number, index: number, monthStartDay: number): Period {
  return reportingPeriod(metricsKind[kind], year, index, monthStartDay);
}

/** The due day of a period ending on `to`: day `dueDay` of that month, never before the day after the period. */
export function dueDate(to: string, dueDay: number): string {
  const [year, month, _day] = to.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const due = dayNumberFromCivil(year, month, Math.min(dueDay, lastDay));
  const after = parseIsoDate(to) + 1;
  return formatIsoDate(Math.max(due, after));
}

/** "tháng 3 năm 2026", "quý I năm 2026", "năm 2026": the period in the report's title. */
export function periodLabel(kind: ControlReportKind, year: number, index: number): string {
  if (kind === 'monthly') return `tháng ${index} năm ${year}`;
  if (kind === 'quarterly') return `quý ${['I', 'II', 'III', 'IV'][index - 1]} năm ${year}`;
  return `năm ${year}`;
}

/**
 * The day `count` working days before `day`, by the work calendar (src/modules/calendar: weekends, public holidays,
 * announced days off skipped, make-up Saturdays counted); `count` 0 is `day` itself.
 */
export function workingDaysBefore(day: string, count: number, isWorkingDayNumber: (dayNumber: number) => boolean): string {
  let current = parseIsoDate(day);
  let left = count;
  while (left > 0) {
    current -= 1;
    if (isWorkingDayNumber(current)) left -= 1;
  }
  return formatIsoDate(current);
}

/** Periods of `kind` whose end lies within [from, to] of days (the reminders' look-ahead). */
export function periodsEndingBetween(kind: ControlReportKind, from: string, to: string, monthStartDay: number) {
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4)) + 1;
  const found: { year: number; index: number; period: Period }[] = [];
  for (let year = firstYear; year <= lastYear; year += 1) {
    for (let index = 1; index <= periodCount[kind]; index += 1) {
      const period = reportPeriod(kind, year, index, monthStartDay);
      if (period.to >= from && period.to <= to) found.push({ year, index, period });
    }
  }
  return found;
}
