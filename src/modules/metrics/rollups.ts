import { sql } from 'drizzle-orm';
import { dayAfter } from '../../core/metrics/periods';
import type { Executor } from '../../db/client';
import { metricsDaily, metricsMonthly } from '../../db/schema/metrics';
import { type CountersByField, jsonTextArray, sortByField } from './counters';

/*
 * The counters of a period read from the rollups kept by the triggers of migration 0018 (docs/api/metrics.md,
 * "Rollups"). A day counts on the side of each boundary it lies: before the period (carry-over), in it, or after
 * (ignored). Whole months on one side are read from the monthly rollup, the two months a boundary cuts from the
 * daily one, so a year for a province reads tens of thousands of rows, not a million.
 */

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;

/** Counters per level and field of the units `unitIds` for the days from..to (Vietnam days, both included). */
export async function countersFromRollups(
  executor: Executor,
  unitIds: readonly string[],
  from: string,
  to: string,
): Promise<CountersByField> {
  if (!unitIds.length) return [];
  // Months cut by a boundary: the month of `from` unless it starts on the 1st, the month of `to` unless it ends on the last day.
  const cutMonths = new Set<string>();
  if (from.slice(8) !== '01') cutMonths.add(firstOfMonth(from));
  if (firstOfMonth(dayAfter(to)) === firstOfMonth(to)) cutMonths.add(firstOfMonth(to));
  const cut = [...cutMonths];
  const ids = jsonTextArray(unitIds);
  const cutJson = JSON.stringify(cut);
  const result = await executor.execute(sql`
    with units as (select (jsonb_array_elements_text(${ids}::jsonb))::uuid as id),
    cut as (select (jsonb_array_elements_text(${cutJson}::jsonb))::date as month),
    rows as (
      select m.* from ${metricsMonthly} m join units u on u.id = m.unit_id
      where m.day <= ${to}::date and m.day not in (select month from cut)
      union all
      select d.* from ${metricsDaily} d join units u on u.id = d.unit_id join cut c on d.day >= c.month
        and d.day < (c.month + interval '1 month')::date
      where d.day <= ${to}::date
    )
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
