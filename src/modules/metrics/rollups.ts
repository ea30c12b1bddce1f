import { sql } from 'drizzle-orm';
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

/** Counters per level and field of the units `unitIds` for the days from..to (Vietnam days, both included). */
export async function countersFromRollups(
  executor: Executor,
  unitIds: readonly string[],
  from: string,
  to: string,
): Promise<CountersByField> {
  if (!unitIds.length) return [];
  const startDay = await readMonthStartDay(executor);
  // Reporting months cut by a boundary: the one of `from` unless `from` starts it, the one of `to` unless `to` ends it.
  const cutMonths = new Set<string>();
  if (monthBucketOf(from, startDay) !== from) cutMonths.add(monthBucketOf(from, startDay));
  if (monthBucketOf(dayAfter(to), startDay) !== dayAfter(to)) cutMonths.add(monthBucketOf(to, startDay));
  const cut = [...cutMonths];
  const units = sql`(select (jsonb_array_elements_text(${jsonTextArray(unitIds)}::jsonb))::uuid)`;
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
  const result = await executor.execute(sql`
    with rows as (${sql.join([monthly, ...daily], sql` union all `)})
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
