import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { WorkCalendar } from '../../core/calendar';
import { dayAfter } from '../../core/metrics/periods';
import type { Database, Executor } from '../../db/client';
import { metricsWorkDays, metricsWorkSessions } from '../../db/schema/metrics';
import { settings } from '../../db/schema/settings';
import { getWorkCalendar } from '../calendar';

/*
 * The working-day ordinals the triggers use for the average processing time (table metrics_work_days, migration
 * 0018) and the working sessions they use for the measured working minutes (metrics_work_sessions, migration 0032):
 * the migrations write weekdays and the default sessions, this brings them in line with the work calendar (holidays,
 * Tết, swapped days off, make-up Saturdays, the setting calendar.sessions) and recomputes the facts it changes: those
 * whose interval crosses a day that changed, every resolved one when the sessions changed.
 */

export const WORK_DAYS_FIRST = '2015-01-01';
export const WORK_DAYS_LAST = '2045-12-31';
const SIGNATURE_KEY = 'metrics.workDaysSignature';
const CHECK_EVERY_MS = 60_000;

let lastCheck: { db: Database; at: number } | undefined;

const isWeekday = (day: string) => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/** Every day of the table whose working status differs from Monday–Friday, per the work calendar. */
function exceptionalDays(calendar: WorkCalendar): { day: string; isWorking: boolean }[] {
  const days: { day: string; isWorking: boolean }[] = [];
  for (let day = WORK_DAYS_FIRST; day <= WORK_DAYS_LAST; day = dayAfter(day)) {
    const isWorking = calendar.isWorkingDay(day);
    if (isWorking !== isWeekday(day)) days.push({ day, isWorking });
  }
  return days;
}

const RESOLVED_FACTS = sql`outcome in ('early', 'on_time', 'late')`;

/** Replaces the sessions the triggers use when the calendar's differ; true when they did. */
async function syncWorkSessions(tx: Executor, calendar: WorkCalendar): Promise<boolean> {
  const stored = await tx.select().from(metricsWorkSessions).orderBy(metricsWorkSessions.startMs);
  const wanted = calendar.sessionSpans.map((span) => ({ startMs: span.startMs, endMs: span.endMs }));
  if (JSON.stringify(stored) === JSON.stringify(wanted)) return false;
  await tx.delete(metricsWorkSessions);
  await tx.insert(metricsWorkSessions).values(wanted);
  return true;
}

/**
 * Brings the ordinals and the sessions in line with the work calendar when it changed since the last time (checked at
 * most once a minute per process). Returns the number of days whose status changed.
 */
export async function syncWorkDays(db: Database, options: { force?: boolean } = {}): Promise<number> {
  if (!options.force && lastCheck?.db === db && Date.now() - lastCheck.at < CHECK_EVERY_MS) return 0;
  const calendar = await getWorkCalendar(db);
  const exceptions = exceptionalDays(calendar);
  const signature = createHash('sha256')
    .update(JSON.stringify({ exceptions, sessions: calendar.sessionSpans }))
    .digest('hex');
  const [stored] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, SIGNATURE_KEY));
  lastCheck = { db, at: Date.now() };
  if (stored?.value === signature) return 0;
  return db.transaction(async (tx) => {
    // One sync at a time: a second process waits, then finds the table in line.
    await tx.execute(sql`lock table ${metricsWorkDays}, ${metricsWorkSessions} in exclusive mode`);
    const changed = await tx.execute(sql`
      with wanted as (
        select d::date as day,
          coalesce(x.is_working, extract(isodow from d) < 6) as is_working
        from generate_series(${WORK_DAYS_FIRST}::date, ${WORK_DAYS_LAST}::date, interval '1 day') as d
        left join (select (e->>'day')::date as day, (e->>'isWorking')::boolean as is_working
          from jsonb_array_elements(${JSON.stringify(exceptions)}::jsonb) as e) x on x.day = d::date
      )
      update ${metricsWorkDays} w set is_working = wanted.is_working from wanted
      where w.day = wanted.day and w.is_working <> wanted.is_working
      returning w.day`);
    const changedDays = (changed as unknown as { rows: { day: string }[] }).rows.map((row) => String(row.day));
    const haveSessionsChanged = await syncWorkSessions(tx, calendar);
    if (changedDays.length) {
      await tx.execute(sql`
        update ${metricsWorkDays} w set ordinal = x.ordinal
        from (select day, (count(*) filter (where is_working) over (order by day))::integer as ordinal from ${metricsWorkDays}) x
        where w.day = x.day and w.ordinal <> x.ordinal`);
    }
    if (haveSessionsChanged) {
      await tx.execute(sql`select metrics_refresh_facts(array_agg(dossier_id)) from metrics_dossier_facts where ${RESOLVED_FACTS}`);
    } else if (changedDays.length) {
      const first = changedDays.sort()[0]!;
      await tx.execute(sql`
        select metrics_refresh_facts(array_agg(dossier_id)) from metrics_dossier_facts
        where ${RESOLVED_FACTS} and greatest(end_day, due_day) >= ${first}::date`);
    }
    await tx
      .insert(settings)
      .values({ key: SIGNATURE_KEY, value: signature })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: signature, updatedAt: new Date(), version: sql`${settings.version} + 1` },
      });
    return changedDays.length;
  });
}
