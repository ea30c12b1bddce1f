/*
 * The counts every figure of the index and of Biểu 06 is made of, per level and field (docs/api/metrics.md). Two
 * sources give them: the rollups (rollups.ts, what the API reads) and plain aggregation over the dossier tables
 * (raw.ts, the check of the benchmark and the tests).
 */

export type Counters = {
  /** Received before the period and still in progress at its start. */
  carriedOver: number;
  /** Received in the period: all, online, digitised, reusing data, synced to the national portal. */
  received: number;
  receivedOnline: number;
  receivedDigitised: number;
  receivedReused: number;
  receivedSynced: number;
  /** Resolved in the period by timing; with an electronic result. */
  early: number;
  onTime: number;
  late: number;
  electronic: number;
  /** Stopped or refused in processing in the period: ended without a result. */
  closed: number;
  /** Resolved with a working-time figure, the working days they used and were allotted (paused time excluded). */
  timed: number;
  processingDays: number;
  allottedDays: number;
  /** In progress at the end of the period, of which past their due day. */
  inProgress: number;
  overdue: number;
};

export const counterNames = [
  'carriedOver',
  'received',
  'receivedOnline',
  'receivedDigitised',
  'receivedReused',
  'receivedSynced',
  'early',
  'onTime',
  'late',
  'electronic',
  'closed',
  'timed',
  'processingDays',
  'allottedDays',
  'inProgress',
  'overdue',
] as const satisfies readonly (keyof Counters)[];

export const emptyCounters = (): Counters => Object.fromEntries(counterNames.map((name) => [name, 0])) as Counters;

/** Counters per level and field. */
export type CountersByField = { level: string; field: string; counters: Counters }[];

export function sumCounters(rows: readonly Counters[]): Counters {
  const total = emptyCounters();
  for (const row of rows) for (const name of counterNames) total[name] += row[name];
  // Working days are sums of quarters of hours: keep them free of floating-point dust.
  total.processingDays = Math.round(total.processingDays * 1e6) / 1e6;
  total.allottedDays = Math.round(total.allottedDays * 1e6) / 1e6;
  return total;
}

/** Rows in a stable order: level, then field. */
export function sortByField(rows: CountersByField): CountersByField {
  return [...rows].sort((a, b) => a.level.localeCompare(b.level) || a.field.localeCompare(b.field, 'vi'));
}

/** A list of texts as one SQL parameter, whatever its length (a province's units). */
export function jsonTextArray(values: readonly string[]): string {
  return JSON.stringify(values);
}
