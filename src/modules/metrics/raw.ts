import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { dossierComponents, dossiers } from '../../db/schema/dossiers';
import { type CountersByField, jsonTextArray, sortByField } from './counters';
import { type RawCounterRow, toCounters } from './rollups';

/*
 * The same counters as rollups.ts, by plain aggregation over the dossier tables (the read-side join of ADR 0004):
 * what the benchmark and the tests compare the rollups with. Written from the definitions of docs/api/metrics.md,
 * not from the triggers. The national-portal sync state is read from the notify outbox, as the triggers do.
 */
export async function countersFromDossiers(
  executor: Executor,
  unitIds: readonly string[],
  from: string,
  to: string,
): Promise<CountersByField> {
  if (!unitIds.length) return [];
  const ids = jsonTextArray(unitIds);
  const vietnamDay = (column: unknown) => sql`((${column} at time zone 'UTC') + interval '7 hours')::date`;
  const result = await executor.execute(sql`
    with units as (select (jsonb_array_elements_text(${ids}::jsonb))::uuid as id),
    base as (
      select d.*, ${vietnamDay(sql`d.received_at`)} as rd,
        case when d.resolved_at is not null or (d.status in ('refused', 'stopped') and d.closed_at is not null)
          then greatest(${vietnamDay(sql`coalesce(d.resolved_at, d.closed_at)`)}, ${vietnamDay(sql`d.received_at`)}) end as ed,
        case when d.due_at is not null then greatest(${vietnamDay(sql`d.due_at`)}, ${vietnamDay(sql`d.received_at`)}) end as dd
      from ${dossiers} d join units u on u.id = d.handling_unit_id
      where d.received_at is not null and ${vietnamDay(sql`d.received_at`)} <= ${to}::date
    ),
    facts as (
      select b.*,
        b.resolved_at is not null as is_resolved,
        coalesce(b.timing, 'on_time') as timing_class,
        exists (select 1 from ${dossierComponents} k where k.dossier_id = b.id and k.presence <> 'missing')
          and not exists (select 1 from ${dossierComponents} k where k.dossier_id = b.id and k.presence <> 'missing'
            and not k.is_digitised and k.presence <> 'reused') as digitised,
        exists (select 1 from ${dossierComponents} k where k.dossier_id = b.id
          and (k.presence = 'reused' or k.reused_from is not null)) as reused,
        exists (select 1 from notify_outbox m where m.ref_type = 'dossier' and m.ref_id = b.id::text and m.channel = 'national_portal')
          and not exists (select 1 from notify_outbox m where m.ref_type = 'dossier' and m.ref_id = b.id::text
            and m.channel = 'national_portal' and m.status <> 'sent') as synced
      from base b
    )
    select level, field,
      count(*) filter (where rd < ${from}::date and (ed is null or ed >= ${from}::date)) as carried_over,
      count(*) filter (where rd >= ${from}::date) as received,
      count(*) filter (where rd >= ${from}::date and channel = 'online') as received_online,
      count(*) filter (where rd >= ${from}::date and digitised) as received_digitised,
      count(*) filter (where rd >= ${from}::date and reused) as received_reused,
      count(*) filter (where rd >= ${from}::date and synced) as received_synced,
      count(*) filter (where is_resolved and ed between ${from}::date and ${to}::date and timing_class = 'early') as early,
      count(*) filter (where is_resolved and ed between ${from}::date and ${to}::date and timing_class = 'on_time') as on_time,
      count(*) filter (where is_resolved and ed between ${from}::date and ${to}::date and timing_class = 'late') as late,
      count(*) filter (where is_resolved and ed between ${from}::date and ${to}::date and result_is_electronic) as electronic,
      count(*) filter (where not is_resolved and ed between ${from}::date and ${to}::date) as closed,
      count(*) filter (where is_resolved and ed between ${from}::date and ${to}::date
        and metrics_work_ordinal(ed) is not null and metrics_work_ordinal(rd) is not null) as timed,
      coalesce(sum(metrics_work_ordinal(ed) - metrics_work_ordinal(rd) - paused_working_minutes / 480.0)
        filter (where is_resolved and ed between ${from}::date and ${to}::date), 0) as processing_days,
      coalesce(sum(metrics_work_ordinal(dd) - metrics_work_ordinal(rd) - paused_working_minutes / 480.0)
        filter (where is_resolved and ed between ${from}::date and ${to}::date), 0) as allotted_days,
      count(*) filter (where ed is null or ed > ${to}::date) as in_progress,
      count(*) filter (where (ed is null or ed > ${to}::date) and dd <= ${to}::date) as overdue
    from facts group by level, field`);
  return sortByField(toCounters((result as unknown as { rows: RawCounterRow[] }).rows));
}
