/**
 * Arithmetic on working time: instants are epoch milliseconds, working time is the part of
 * an interval that falls inside a session of a working day. Every loop walks at most
 * MAX_SCANNED_DAYS days so a misconfigured calendar fails loudly instead of hanging.
 */
import { dayNumberOfInstant, startOfDayInstant } from './dates';
import type { SessionSpan } from './sessions';

export interface WorkingTimeContext {
  readonly sessionSpans: readonly SessionSpan[];
  isWorkingDayNumber(dayNumber: number): boolean;
}

/** About 22 years: the longest legal amount (3,650 working days) spans about 14.5 years. */
export const MAX_SCANNED_DAYS = 8_000;

/**
 * The earliest instant at which `durationMs` of working time has elapsed since `fromMs`.
 * "Earliest" means a duration that ends exactly at a session end returns that end (12:00),
 * not the start of the next session (13:30). A zero duration returns the next working
 * instant (fromMs itself when it is inside a session).
 */
export function addWorkingMs(context: WorkingTimeContext, fromMs: number, durationMs: number): number {
  let day = dayNumberOfInstant(fromMs);
  let offset = fromMs - startOfDayInstant(day);
  let remaining = durationMs;
  for (let scanned = 0; scanned <= MAX_SCANNED_DAYS; scanned += 1) {
    if (context.isWorkingDayNumber(day)) {
      for (const span of context.sessionSpans) {
        if (offset >= span.endMs) continue;
        const start = Math.max(offset, span.startMs);
        const available = span.endMs - start;
        if (remaining <= available) return startOfDayInstant(day) + start + remaining;
        remaining -= available;
      }
    }
    day += 1;
    offset = 0;
  }
  throw new RangeError(`No working time found within ${MAX_SCANNED_DAYS} days`);
}

/** Where counting starts: inside a session stays put, otherwise the next session start. */
export function nextWorkingInstantMs(context: WorkingTimeContext, atMs: number): number {
  return addWorkingMs(context, atMs, 0);
}

/** Working time inside [fromMs, toMs]; 0 when toMs is not after fromMs. */
export function workingMsBetween(context: WorkingTimeContext, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  const firstDay = dayNumberOfInstant(fromMs);
  const lastDay = dayNumberOfInstant(toMs);
  if (lastDay - firstDay > MAX_SCANNED_DAYS) {
    throw new RangeError(`Interval longer than ${MAX_SCANNED_DAYS} days`);
  }
  let total = 0;
  for (let day = firstDay; day <= lastDay; day += 1) {
    if (!context.isWorkingDayNumber(day)) continue;
    const dayStart = startOfDayInstant(day);
    for (const span of context.sessionSpans) {
      const overlap = Math.min(toMs, dayStart + span.endMs) - Math.max(fromMs, dayStart + span.startMs);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/**
 * Working time in [fromMs, toMs] minus the working time of the pauses, where pauses are
 * first clipped to the interval and merged so overlapping pauses are not counted twice.
 */
export function workingMsBetweenExcludingPauses(
  context: WorkingTimeContext,
  fromMs: number,
  toMs: number,
  pauses: readonly { fromMs: number; toMs: number }[],
): number {
  const total = workingMsBetween(context, fromMs, toMs);
  const paused = mergeIntervals(pauses, fromMs, toMs).reduce((sum, pause) => sum + workingMsBetween(context, pause.fromMs, pause.toMs), 0);
  return total - paused;
}

function mergeIntervals(
  intervals: readonly { fromMs: number; toMs: number }[],
  lowerBound: number,
  upperBound: number,
): { fromMs: number; toMs: number }[] {
  const clipped = intervals
    .map((interval) => ({ fromMs: Math.max(interval.fromMs, lowerBound), toMs: Math.min(interval.toMs, upperBound) }))
    .filter((interval) => interval.toMs > interval.fromMs)
    .sort((a, b) => a.fromMs - b.fromMs);
  const merged: { fromMs: number; toMs: number }[] = [];
  for (const interval of clipped) {
    const last = merged[merged.length - 1];
    if (last && interval.fromMs <= last.toMs) last.toMs = Math.max(last.toMs, interval.toMs);
    else merged.push({ ...interval });
  }
  return merged;
}
