import type { ReportingPeriodKind } from '../../contract/metrics';

/*
 * Reporting periods of Thông tư 01/2020/TT-VPCP (docs/DOMAIN.md §6): a month runs from the 21st of the month before
 * to the 20th (the start day is a setting, `metrics.monthStartDay`); quarters and years are three and twelve such
 * months. A start day of 1 gives calendar months. Days are Vietnam days, both ends included.
 */

export type Period = { from: string; to: string };

const iso = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
};

/** The day before an ISO day. */
export function dayBefore(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return iso(year, month, date - 1);
}

/** The day after an ISO day. */
export function dayAfter(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return iso(year, month, date + 1);
}

/**
 * Period `index` (month 1–12, quarter 1–4, year: 1) of `year`. With start day S > 1, month m of year y runs from
 * S of month m − 1 to S − 1 of month m (December's report: 21/11 → 20/12); the year from S of December before.
 */
export function reportingPeriod(kind: ReportingPeriodKind, year: number, index: number, monthStartDay = 21): Period {
  if (!Number.isInteger(monthStartDay) || monthStartDay < 1 || monthStartDay > 28) {
    throw new RangeError(`monthStartDay must be 1–28, got ${monthStartDay}`);
  }
  const months = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  const count = 12 / months;
  if (!Number.isInteger(index) || index < 1 || index > count) throw new RangeError(`${kind} index must be 1–${count}, got ${index}`);
  const lastMonth = index * months;
  const firstMonth = lastMonth - months + 1;
  if (monthStartDay === 1) return { from: iso(year, firstMonth, 1), to: iso(year, lastMonth + 1, 0) };
  return { from: iso(year, firstMonth - 1, monthStartDay), to: iso(year, lastMonth, monthStartDay - 1) };
}

/** The period of the same kind just before (its carry-over is this one's "carried over"). */
export function previousPeriod(kind: ReportingPeriodKind, year: number, index: number): { year: number; index: number } {
  if (index > 1) return { year, index: index - 1 };
  const count = kind === 'month' ? 12 : kind === 'quarter' ? 4 : 1;
  return { year: year - 1, index: count };
}
