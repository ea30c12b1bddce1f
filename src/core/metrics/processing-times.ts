/*
 * Measured processing time (docs/api/metrics.md, "Measured processing time"): the statistics of a list of working
 * times and the 2024 period a period is compared with. Pure.
 */

/** NQ 66 measures its cuts against 2024. */
export const BASELINE_YEAR = 2024;

/** The median of values sorted ascending: the middle one, or the mean of the two middle ones; null when empty. */
export function medianOfSorted(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const middle = Math.floor(n / 2);
  return n % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The p-th percentile (0 < p ≤ 100) of values sorted ascending by the nearest-rank rule: the ⌈p·n/100⌉-th smallest,
 * a time some dossier really took, with at least p % of the dossiers at or below it (p90 of 4 values is the largest,
 * of 20 values the 18th). Null when empty.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p * n) / 100));
  return sorted[rank - 1]!;
}

/** Change of `value` against `baseline` in percent, one decimal; null when either is missing or the baseline is 0. */
export function changePercent(value: number | null, baseline: number | null): number | null {
  if (value === null || baseline === null || baseline === 0) return null;
  return Math.round(((value - baseline) / baseline) * 1000) / 10;
}

/**
 * The 2024 period a period [from, to] (YYYY-MM-DD) is compared with: both ends moved by the same whole number of
 * years, the one that puts `to` in 2024 (01/03–31/05/2026 → 01/03–31/05/2024; 01/12/2025–31/01/2026 →
 * 01/12/2023–31/01/2024). 2024 is a leap year, so a 29/02 end stays 29/02; a 29/02 start moved into a year
 * without one becomes 28/02.
 */
export function baselinePeriodOf(from: string, to: string): { from: string; to: string } {
  const shift = BASELINE_YEAR - Number(to.slice(0, 4));
  return { from: shiftYears(from, shift), to: shiftYears(to, shift) };
}

function shiftYears(day: string, years: number): string {
  const year = Number(day.slice(0, 4)) + years;
  const monthDay = day.slice(5);
  // 29/02 moved to a year without one: the last day of February.
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' && !isLeap ? '02-28' : monthDay}`;
}
