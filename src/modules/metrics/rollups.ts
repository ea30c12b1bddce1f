import { type SQL, sql } from 'drizzle-orm';
import { dayAfter } from '../../core/metrics/periods';
import type { Executor } from '../../db/client';
import { metricsDaily, metricsMonthly } from '../../db/schema/metrics';
import { type CountersByField, jsonTextArray, sortByField } from './counters';
import { readMonthStartDay } from './settings';

/*
 * The counters of a period read from the rollups kept by the triggers of migration 0018 (docs/api/metrics.md,
 * "Rollups"). A day counts on the side of each boundary it lies: before the period (carry-over), in it, or after
 * (ignored). Whole reporting months (21st → 20th by default) on one side are read from the monthly rollup, the (at
 * most two) months a boundary cuts from the daily one: a reporting month, quarter or year reads no daily row.
 */

/** The reporting month (named by its first day) of a day, months starting on `startDay` (1–28). */
export function monthBucketOf(day: string, startDay: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const start = new Date(Date.UTC(year, month - 1 - (date >= startDay ? 0 : 1), startDay));
  return `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}-${String(start.getUTCDate()).padStart(2, '0')}`;
}

/**
 * The rollup rows of the units `units` (an SQL set of ids) up to `to` that count for the period from..to: whole reporting
 * months from the monthly rollup, the (at most two) months a boundary cuts — the one of `from` unless `from` starts it,
 * the one of `to` unless `to` ends it — from the daily one.
 */
function rollupRows(units: SQL, from: string, to: string, startDay: number): SQL {
  const cutMonths = new Set<string>();
  if (monthBucketOf(from, startDay) !== from) cutMonths.add(monthBucketOf(from, startDay));
  if (monthBucketOf(dayAfter(to), startDay) !== dayAfter(to)) cutMonths.add(monthBucketOf(to, startDay));
  const cut = [...cutMonths];
  // The cut months as literal ranges (no daily part at all without one): the planner then estimates the rows from the
  // table's statistics — an estimate in millions would make PostgreSQL compile the query (JIT) for a second.
  const monthly = sql`select m.* from ${metricsMonthly} m where m.unit_id in ${units} and m.day <= ${to}::date${
    cut.length
      ? sql` and m.day not in (${sql.join(
          cut.map((month) => sql`${month}::date`),
          sql`, `,
        )})`
      : sql``
  }`;
  const daily = cut.map(
    (month) => sql`select d.* from ${metricsDaily} d where d.unit_id in ${units}
      and d.day >= ${month}::date and d.day < (${month}::date + interval '1 month')::date and d.day <= ${to}::date`,
  );
  return sql.join([monthly, ...daily], sql` union all `);
}

/** Counters per level and field of the units `unitIds` for the days from..to (Vietnam days, both included). */
export async function countersFromRollups(
  executor: Executor,
  unitIds: readonly string[],
  from: string,
  to: string,
): Promise<CountersByField> {
  if (!unitIds.length) return [];
  const startDay = await readMonthStartDay(executor);
  const units = sql`(select (jsonb_array_elements_text(${jsonTextArray(unitIds)}::jsonb))::uuid)`;
  const result = await executor.execute(sql`
    with rows as (${rollupRows(units, from, to, startDay)})
    select level, field,
      coalesce(sum(received - ended) filter (where day < ${from}::date), 0)::bigint as carried_over,
      coalesce(sum(received) filter (where day >= ${from}::date), 0)::bigint as received,
      coalesce(sum(received_online) filter (where day >= ${from}::date), 0)::bigint as received_online,
      coalesce(sum(received_digitised) filter (where day >= ${from}::date), 0)::bigint as received_digitised,
      coalesce(sum(received_reused) filter (where day >= ${from}::date), 0)::bigint as received_reused,
      coalesce(sum(received_synced) filter (where day >= ${from}::date), 0)::bigint as received_synced,
      coalesce(sum(resolved_early) filter (where day >= ${from}::date), 0)::bigint as early,
      coalesce(sum(resolved_on_time) filter (where day >= ${from}::date), 0)::bigint as on_time,
      coalesce(sum(resolved_late) filter (where day >= ${from}::date), 0)::bigint as late,
      coalesce(sum(resolved_electronic) filter (where day >= ${from}::date), 0)::bigint as electronic,
      coalesce(sum(ended - resolved_early - resolved_on_time - resolved_late) filter (where day >= ${from}::date), 0)::bigint as closed,
      coalesce(sum(timed) filter (where day >= ${from}::date), 0)::bigint as timed,
      coalesce(sum(processing_days) filter (where day >= ${from}::date), 0) as processing_days,
      coalesce(sum(allotted_days) filter (where day >= ${from}::date), 0) as allotted_days,
      coalesce(sum(received - ended), 0)::bigint as in_progress,
      coalesce(sum(due - due_or_end), 0)::bigint as overdue
    from rows group by level, field`);
  return sortByField(toCounters((result as unknown as { rows: RawCounterRow[] }).rows));
}

export type RawCounterRow = Record<
  | 'level'
  | 'field'
  | 'carried_over'
  | 'received'
  | 'received_online'
  | 'received_digitised'
  | 'received_reused'
  | 'received_synced'
  | 'early'
  | 'on_time'
  | 'late'
  | 'electronic'
  | 'closed'
  | 'timed'
  | 'processing_days'
  | 'allotted_days'
  | 'in_progress'
  | 'overdue',
  string | number
>;

/** Rows as both drivers answer them (bigint and numeric as text on node-postgres) → numbers; empty rows dropped. */
export function toCounters(rows: RawCounterRow[]): CountersByField {
  return rows
    .map((row) => ({
      level: String(row.level),
      field: String(row.field),
      counters: {
        carriedOver: Number(row.carried_over),
        received: Number(row.received),
        receivedOnline: Number(row.received_online),
        receivedDigitised: Number(row.received_digitised),
        receivedReused: Number(row.received_reused),
        receivedSynced: Number(row.received_synced),
        early: Number(row.early),
        onTime: Number(row.on_time),
        late: Number(row.late),
        electronic: Number(row.electronic),
        closed: Number(row.closed),
        timed: Number(row.timed),
        processingDays: Math.round(Number(row.processing_days) * 1e6) / 1e6,
        allottedDays: Math.round(Number(row.allotted_days) * 1e6) / 1e6,
        inProgress: Number(row.in_progress),
        overdue: Number(row.overdue),
      },
    }))
    .filter(({ counters }) => Object.values(counters).some((value) => value !== 0));
}

/** A run of contiguous periods whose inner boundaries are reporting-month starts (the dashboard's trend months). */
export type GroupedPeriods = readonly { from: string; to: string }[];

/**
 * The counters of `countersFromRollups`, for several unit groups and several periods in one statement: `unitGroups`
 * maps each unit id to its group (the ranking: a child and its subtree), `periods` follow each other day after day and
 * meet on reporting-month starts (the trend: its months). Each group's row set of a period is the one
 * `countersFromRollups` reads for the group's units and that period (the same monthly and daily rows), so the figures
 * are the same: sums per reporting-month bucket, the carried-over and in-progress ones added up bucket after bucket.
 * Answers, per group, the counters of each period in order.
 */
export async function countersFromRollupsGrouped(
  executor: Executor,
  unitGroups: ReadonlyMap<string, string>,
  periods: GroupedPeriods,
): Promise<Map<string, CountersByField[]>> {
  const answer = new Map<string, CountersByField[]>();
  for (const group of new Set(unitGroups.values()))
    answer.set(
      group,
      periods.map(() => []),
    );
  if (!unitGroups.size || !periods.length) return answer;
  const startDay = await readMonthStartDay(executor);
  const from = periods[0]!.from;
  const to = periods.at(-1)!.to;
  periods.forEach((period, index) => {
    const isContiguous = index === 0 || dayAfter(periods[index - 1]!.to) === period.from;
    if (period.from > period.to || !isContiguous || (index > 0 && monthBucketOf(period.from, startDay) !== period.from)) {
      throw new Error('countersFromRollupsGrouped: periods must follow each other and meet on reporting-month starts');
    }
  });
  // Inner boundaries are month starts (checked above), so only from and to can cut a month, as for one period.
  const pairs = JSON.stringify([...unitGroups].map(([unitId, group]) => [unitId, group]));
  const units = sql`(select (pair->>0)::uuid as unit_id, pair->>1 as grp from jsonb_array_elements(${pairs}::jsonb) as e(pair))`;
  const starts = JSON.stringify(periods.map((period) => period.from));
  const result = await executor.execute(sql`
    with units as ${units},
    starts as (select (jsonb_array_elements_text(${starts}::jsonb))::date as start),
    rows as (${rollupRows(sql`(select unit_id from units)`, from, to, startDay)}),
    tagged as (
      select r.*, u.grp, (select max(start) from starts where start <= r.day) as bucket
      from rows r join units u on u.unit_id = r.unit_id
    )
    select grp, bucket::text as bucket, level, field,
      sum(received - ended)::bigint as net,
      sum(received)::bigint as received,
      sum(received_online)::bigint as received_online,
      sum(received_digitised)::bigint as received_digitised,
      sum(received_reused)::bigint as received_reused,
      sum(received_synced)::bigint as received_synced,
      sum(resolved_early)::bigint as early,
      sum(resolved_on_time)::bigint as on_time,
      sum(resolved_late)::bigint as late,
      sum(resolved_electronic)::bigint as electronic,
      sum(ended - resolved_early - resolved_on_time - resolved_late)::bigint as closed,
      sum(timed)::bigint as timed,
      sum(processing_days) as processing_days,
      sum(allotted_days) as allotted_days,
      sum(due - due_or_end)::bigint as overdue_net
    from tagged group by grp, bucket, level, field`);
  type Row = Record<string, string | number | null>;
  const position = new Map(periods.map((period, index) => [period.from, index]));
  // Per group and (level, field): the sums of each bucket; index 0 the days before `from`, then one per period.
  const sums = new Map<string, Map<string, { level: string; field: string; buckets: (Row | undefined)[] }>>();
  for (const row of (result as unknown as { rows: Row[] }).rows) {
    const group = String(row.grp);
    const byKey = sums.get(group) ?? new Map();
    sums.set(group, byKey);
    const key = JSON.stringify([row.level, row.field]);
    const entry = byKey.get(key) ?? { level: String(row.level), field: String(row.field), buckets: [] };
    byKey.set(key, entry);
    entry.buckets[row.bucket === null ? 0 : position.get(String(row.bucket))! + 1] = row;
  }
  const numberOf = (row: Row | undefined, column: string) => (row ? Number(row[column]) : 0);
  for (const [group, byKey] of sums) {
    const series = answer.get(group)!;
    for (let index = 0; index < periods.length; index++) {
      const raw: RawCounterRow[] = [];
      for (const { level, field, buckets } of byKey.values()) {
        let carriedOver = 0;
        let overdue = 0;
        for (let bucket = 0; bucket <= index; bucket++) {
          carriedOver += numberOf(buckets[bucket], 'net');
          overdue += numberOf(buckets[bucket], 'overdue_net');
        }
        const own = buckets[index + 1];
        const net = numberOf(own, 'net');
        overdue += numberOf(own, 'overdue_net');
        const figure = (column: string) => numberOf(own, column);
        raw.push({
          level,
          field,
          carried_over: carriedOver,
          received: figure('received'),
          received_online: figure('received_online'),
          received_digitised: figure('received_digitised'),
          received_reused: figure('received_reused'),
          received_synced: figure('received_synced'),
          early: figure('early'),
          on_time: figure('on_time'),
          late: figure('late'),
          electronic: figure('electronic'),
          closed: figure('closed'),
          timed: figure('timed'),
          processing_days: own ? (own.processing_days ?? 0) : 0,
          allotted_days: own ? (own.allotted_days ?? 0) : 0,
          in_progress: carriedOver + net,
          overdue,
        });
      }
      series[index] = sortByField(toCounters(raw));
    }
  }
  return answer;
}
