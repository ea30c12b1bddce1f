/**
 * npm run bench:processing-times — how long GET /api/metrics/processing-times takes (docs/api/metrics.md,
 * "Measured processing time"). Not part of npm test. On an in-memory PGlite, or on PostgreSQL when DATABASE_URL names
 * a server (a database of its own is created there and dropped afterwards).
 *
 * A province of 20 departments and 100 communes, BENCH_DOSSIERS resolved dossiers (default 1,000,000 on PostgreSQL,
 * 100,000 on PGlite) — half resolved in 2026, half in 2024, 300 procedures, one in ten with a supplement pause —
 * bulk-inserted through the metrics triggers (which compute each one's working minutes, migration 0032); then, for
 * the province's reporting year 2026 (21/12/2025 → 20/12/2026) by procedure and by unit, p50 / p95 over BENCH_CALLS
 * (default 20) answers of GET /api/metrics/processing-times (the facts' working minutes, median and p90 in SQL), and
 * over BENCH_OLD_CALLS (default 3; 0 leaves it out) of the computation it replaced (the facts pick the dossiers a
 * month at a time, measureProcessingMinutes measures each one, the lists sorted in JavaScript), and over
 * BENCH_STATEMENT_CALLS (default BENCH_CALLS) of session 8's statement (the same facts, but the period's values sorted
 * twice a group and twice again for the total) — and whether all answer the same (exit code 1 when not). Prints the
 * load average beside the times. The three are timed in turn, call after call, so that the load weighs on them alike.
 * BENCH_PROCESSING_DATABASE_URL: a database an earlier run kept (BENCH_KEEP_DATABASE=1), reused as it is — no load.
 */
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import type { ProcessingTimesView } from '../src/contract/metrics-processing-times';
import { formatIsoDate, parseIsoDate } from '../src/core/calendar/dates';
import { baselinePeriodOf, medianOfSorted, percentileOfSorted } from '../src/core/metrics/processing-times';
import type { Database, DatabaseHandle } from '../src/db/client';
import { applyMigrations } from '../src/db/migrate';
import type { Actor } from '../src/modules/auth';
import { measureProcessingMinutes } from '../src/modules/dossiers';
import {
  computeProcessingTimes,
  measureProcessingStatistics,
  type ProcessingTimesGrouping,
  resolveScope,
  syncWorkDays,
} from '../src/modules/metrics';
import { openBenchDatabase, rowsOf } from './lifecycle-setup';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? (process.env.DATABASE_URL ? 1_000_000 : 100_000));
const CALLS = Number(process.env.BENCH_CALLS ?? 20);
const OLD_CALLS = Number(process.env.BENCH_OLD_CALLS ?? 3);
const STATEMENT_CALLS = Number(process.env.BENCH_STATEMENT_CALLS ?? CALLS);
const CHUNK = 20_000;

async function loadUnits(handle: DatabaseHandle): Promise<void> {
  await handle.db.execute(
    sql`insert into units (code, name, type, path, valid_from) values ('000.00.00.H98', 'UBND tỉnh Đo Thời Gian', 'province', '/', '2020-01-01')`,
  );
  await handle.db.execute(sql`update units set path = '/' || id || '/' where type = 'province'`);
  await handle.db.execute(sql`
    insert into units (code, name, type, parent_id, path, valid_from)
    select format('000.%s.00.H98', lpad(i::text, 2, '0')), format('Sở %s', i), 'department', p.id, '/', date '2020-01-01'
    from generate_series(1, 20) i, units p where p.type = 'province'
    union all
    select format('000.00.%s.H98', lpad(i::text, 3, '0')), format('Xã %s', i), 'commune', p.id, '/', date '2020-01-01'
    from generate_series(1, 100) i, units p where p.type = 'province'`);
  await handle.db.execute(sql`update units c set path = p.path || c.id || '/' from units p where c.parent_id = p.id`);
}

/** Dossiers first..last, each resolved 0–14 days and a few hours after receipt; odd ones in 2024, even ones in 2026. */
async function loadChunk(handle: DatabaseHandle, first: number, last: number): Promise<void> {
  await handle.db.execute(sql`
    with units_n as (select id, row_number() over (order by id) - 1 as n, count(*) over () as total from units where type <> 'province'),
    series as (
      select i, abs(hashtext('u' || i)) as hu,
        (case when i % 2 = 1 then timestamptz '2024-01-01 01:00:00+00' else timestamptz '2026-01-01 01:00:00+00' end)
          + (abs(hashtext('x' || i)) % 330) * interval '1 day' + (abs(hashtext('m' || i)) % 480) * interval '1 minute' as received_at,
        abs(hashtext('t' || i)) % 15 as took_days
      from generate_series(${first}::int, ${last}::int) i
    )
    insert into dossiers (code, procedure_code, procedure_version_no, procedure_name, field, level, handling_unit_id, channel,
      source, status, applicant, applicant_id_number, applicant_name, submitted_at, received_at, due_at, appointment_due_at,
      resolved_at, timing, paused_working_minutes)
    select 'TIMES-' || lpad(i::text, 8, '0'), '1.' || lpad((hu % 300)::text, 6, '0'), 1, 'Thủ tục đo', 'Hộ tịch', 'province', u.id,
      'direct', 'desk', 'result_ready',
      '{"kind":"individual","fullName":"Nguyễn Văn Bình","idNumber":"001090012345","address":null,"phone":null,"email":null,"representative":null}'::jsonb,
      '001090012345', 'Nguyễn Văn Bình', received_at, received_at, received_at + interval '10 days', received_at + interval '10 days',
      received_at + took_days * interval '1 day' + interval '3 hours', 'on_time', 0
    from series s join units_n u on u.n = s.hu % u.total`);
  await handle.db.execute(sql`
    insert into dossier_pauses (dossier_id, started_at, ended_at, working_minutes, reason, requested)
    select d.id, d.received_at + interval '2 hours', d.received_at + interval '26 hours', 480, 'Bổ sung', '{"positions":[],"items":[]}'::jsonb
    from dossiers d
    where d.code between ${`TIMES-${String(first).padStart(8, '0')}`} and ${`TIMES-${String(last).padStart(8, '0')}`}
      and abs(hashtext('p' || d.code)) % 10 = 0 and d.resolved_at > d.received_at + interval '1 day'`);
}

const actor: Actor = {
  userId: '00000000-0000-4000-8000-000000000001',
  username: 'bench',
  fullName: 'Đo thời gian',
  roles: [{ role: 'admin', unitId: null, unitPath: null, unitName: null }],
};

const PROVINCE = '000.00.00.H98';
const PERIOD = { from: '2025-12-21', to: '2026-12-20' };

/** Each unit of the province → its direct child (the province itself for its own dossiers), as the service groups. */
async function childOfUnits(db: Database): Promise<Map<string, string>> {
  const rows = rowsOf(
    await db.execute(sql`select u.id, u.code, u.parent_id, p.type as parent_type from units u left join units p on p.id = u.parent_id`),
  );
  return new Map(rows.map((row) => [String(row.id), row.parent_type === 'province' ? String(row.code) : PROVINCE]));
}

/**
 * The computation the precomputed column replaced (processing-times.ts before migration 0032): facts of a month at a
 * time, each dossier measured by measureProcessingMinutes, the minutes grouped, sorted, median and p90 in JavaScript.
 */
async function oldFigures(db: Database, groupBy: 'procedure' | 'unit', childOf: Map<string, string>) {
  const scope = await resolveScope(db, actor, { unit: PROVINCE });
  const ids = `{${scope.unitIds.join(',')}}`;
  const collect = async (period: { from: string; to: string }) => {
    const groups = new Map<string, number[]>();
    const all: number[] = [];
    const last = parseIsoDate(period.to);
    for (let start = parseIsoDate(period.from); start <= last; start += 31) {
      const facts = rowsOf(
        await db.execute(sql`select dossier_id, unit_id, procedure_code from metrics_dossier_facts
          where end_day between ${formatIsoDate(start)}::date and ${formatIsoDate(Math.min(start + 30, last))}::date
            and unit_id = any(${ids}::uuid[]) and outcome in ('early', 'on_time', 'late')`),
      );
      const minutes = await measureProcessingMinutes(
        db,
        facts.map((fact) => String(fact.dossier_id)),
      );
      for (const fact of facts) {
        const value = minutes.get(String(fact.dossier_id));
        if (value === undefined) continue;
        const key = groupBy === 'unit' ? childOf.get(String(fact.unit_id))! : String(fact.procedure_code);
        const list = groups.get(key);
        if (list) list.push(value);
        else groups.set(key, [value]);
        all.push(value);
      }
    }
    const figures = (values: number[]) => {
      const sorted = Float64Array.from(values).sort();
      const round = (value: number | null) => (value === null ? null : Math.round(value));
      return { dossiers: sorted.length, median: round(medianOfSorted(sorted)), p90: round(percentileOfSorted(sorted, 90)) };
    };
    return { total: figures(all), groups: new Map([...groups].map(([key, values]) => [key, figures(values)])) };
  };
  return { current: await collect(PERIOD), baseline: await collect(baselinePeriodOf(PERIOD.from, PERIOD.to)) };
}

/**
 * The statistics statements alone, both periods, every group: the service's (one sort a group and one for the total)
 * or session 8's (processing-times.ts before: the lower middle and the p90 from an ascending sort, the upper middle
 * from a descending one, per group and again in all).
 */
async function statementFigures(db: Database, groupBy: 'procedure' | 'unit', childOf: Map<string, string>, which: 'now' | 'session8') {
  const scope = await resolveScope(db, actor, { unit: PROVINCE });
  const keys = [...new Set(scope.unitIds.map((id) => childOf.get(id)!))];
  const unitGroups = scope.unitIds.map((id) => keys.indexOf(childOf.get(id)!));
  const ids = sql`${`{${scope.unitIds.join(',')}}`}::uuid[]`;
  const groupColumn = groupBy === 'unit' ? sql`g.group_index` : sql`f.procedure_code`;
  const groupJoin =
    groupBy === 'unit'
      ? sql`join unnest(${ids}, ${`{${unitGroups.join(',')}}`}::int[]) as g(unit_id, group_index) on g.unit_id = f.unit_id`
      : sql``;
  const round = (value: number | null) => (value === null ? null : Math.round(value));
  const collectNow = async (period: { from: string; to: string }) => {
    const grouping: ProcessingTimesGrouping = groupBy === 'unit' ? { kind: 'unit', keys, unitGroups } : { kind: 'procedure' };
    const measured = await measureProcessingStatistics(db, scope.unitIds, period, undefined, grouping);
    const figures = (statistics: { dossiers: number; median: number | null; p90: number | null }) => ({
      dossiers: statistics.dossiers,
      median: round(statistics.median),
      p90: round(statistics.p90),
    });
    return { total: figures(measured.all), groups: new Map([...measured.groups].map(([key, statistics]) => [key, figures(statistics)])) };
  };
  const collectSession8 = async (period: { from: string; to: string }) => {
    const rows = rowsOf(
      await db.execute(sql`
      with picked as materialized (
        select f.unit_id, f.procedure_code, f.working_minutes from metrics_dossier_facts f
        where f.end_day between ${period.from}::date and ${period.to}::date and f.unit_id = any(${ids})
          and f.outcome in ('early', 'on_time', 'late') and f.working_minutes is not null
      )
      select ${groupColumn}::text as group_key, grouping(${groupColumn}) = 1 as is_total, count(*)::int as dossiers,
        percentile_disc(0.5) within group (order by f.working_minutes) as lower_middle,
        percentile_disc(0.5) within group (order by f.working_minutes desc) as upper_middle,
        percentile_disc(0.9) within group (order by f.working_minutes) as p90
      from picked f ${groupJoin}
      group by grouping sets ((${groupColumn}), ())`),
    );
    const figures = (row: Record<string, unknown>) => ({
      dossiers: Number(row.dossiers),
      median: row.lower_middle === null ? null : Math.round((Number(row.lower_middle) + Number(row.upper_middle)) / 2),
      p90: row.p90 === null ? null : Math.round(Number(row.p90)),
    });
    const total = rows.find((row) => row.is_total)!;
    const groups = rows.filter((row) => !row.is_total);
    return {
      total: figures(total),
      groups: new Map(groups.map((row) => [groupBy === 'unit' ? keys[Number(row.group_key)]! : String(row.group_key), figures(row)])),
    };
  };
  const collect = which === 'now' ? collectNow : collectSession8;
  return { current: await collect(PERIOD), baseline: await collect(baselinePeriodOf(PERIOD.from, PERIOD.to)) };
}

type StatementFigures = Awaited<ReturnType<typeof statementFigures>>;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

type Timing<T> = { last: T; p50: number; p95: number };

/** `runs` called in turn, `calls` rounds (a run with fewer calls left out of the later rounds). */
async function timedInTurn<T extends unknown[]>(
  runs: { [K in keyof T]: { calls: number; run: () => Promise<T[K]> } },
): Promise<{ [K in keyof T]: Timing<T[K]> | null }> {
  const durations = runs.map((): number[] => []);
  const lasts: unknown[] = runs.map(() => undefined);
  const rounds = Math.max(...runs.map((entry) => entry.calls));
  for (let round = 0; round < rounds; round++) {
    for (const [index, entry] of runs.entries()) {
      if (round >= entry.calls) continue;
      const start = performance.now();
      lasts[index] = await entry.run();
      durations[index]!.push(performance.now() - start);
    }
  }
  return runs.map((entry, index) =>
    entry.calls > 0 ? { last: lasts[index], p50: percentile(durations[index]!, 50), p95: percentile(durations[index]!, 95) } : null,
  ) as { [K in keyof T]: Timing<T[K]> | null };
}

async function main() {
  const reuseUrl = process.env.BENCH_PROCESSING_DATABASE_URL;
  const { handle, drop, kind } = await openBenchDatabase({ reuseUrl });
  let agree = true;
  try {
    if (reuseUrl) console.log(`${kind} (load ${loadavg()[0]!.toFixed(1)})`);
    else {
      await applyMigrations(handle);
      await loadUnits(handle);
      // The work calendar's days and sessions first (as a running server has them): the facts are written against them.
      await syncWorkDays(handle.db, { force: true });
      const loadStart = performance.now();
      for (let first = 1; first <= DOSSIERS; first += CHUNK) await loadChunk(handle, first, Math.min(first + CHUNK - 1, DOSSIERS));
      console.log(
        `${kind}: ${DOSSIERS} dossiers loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s (load ${loadavg()[0]!.toFixed(1)})`,
      );
    }
    const childOf = await childOfUnits(handle.db);
    for (const groupBy of ['procedure', 'unit'] as const) {
      const [api, statementTimes, session8Times, before] = await timedInTurn<
        [ProcessingTimesView, StatementFigures, StatementFigures, Awaited<ReturnType<typeof oldFigures>>]
      >([
        {
          calls: CALLS,
          run: () => computeProcessingTimes(handle.db, actor, { unit: PROVINCE, ...PERIOD, groupBy, page: 1, pageSize: 100 }),
        },
        { calls: STATEMENT_CALLS, run: () => statementFigures(handle.db, groupBy, childOf, 'now') },
        { calls: STATEMENT_CALLS, run: () => statementFigures(handle.db, groupBy, childOf, 'session8') },
        { calls: OLD_CALLS, run: () => oldFigures(handle.db, groupBy, childOf) },
      ]);
      const [now, statement, session8] = [api!, statementTimes!, session8Times!];
      const view = now.last;
      console.log(
        `groupBy=${groupBy}: ${view.total.measured.dossiers} dossiers in the period, ${view.total.baseline?.dossiers ?? 0} in 2024 — ` +
          `API p50 ${now.p50.toFixed(0)} ms, p95 ${now.p95.toFixed(0)} ms over ${CALLS} calls; statements alone (both periods): ` +
          `one sort a group p50 ${statement.p50.toFixed(0)} ms, p95 ${statement.p95.toFixed(0)} ms, ` +
          `session 8's (two sorts a group, two for the total) p50 ${session8.p50.toFixed(0)} ms, p95 ${session8.p95.toFixed(0)} ms over ${STATEMENT_CALLS}` +
          (before
            ? `; measured one by one (before session 8) p50 ${before.p50.toFixed(0)} ms, p95 ${before.p95.toFixed(0)} ms over ${OLD_CALLS}`
            : '') +
          ` (load ${loadavg()[0]!.toFixed(1)})`,
      );
      // Same answers: every group and the total of both statements, in the period and in 2024; the total and every row
      // the API shows against session 8's statement and the measurement one by one.
      for (const part of ['current', 'baseline'] as const) {
        const [a, b] = [statement.last[part], session8.last[part]];
        const sorted = (groups: typeof a.groups) => [...groups].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
        const same = JSON.stringify([a.total, sorted(a.groups)]) === JSON.stringify([b.total, sorted(b.groups)]);
        if (!same) {
          console.log(`  DIFFER (${part}, statements): ${JSON.stringify([a.total, b.total])}`);
          agree = false;
        }
      }
      const shown = (measured: { dossiers: number; medianWorkingMinutes: number | null; p90WorkingMinutes: number | null } | null) =>
        measured ? { dossiers: measured.dossiers, median: measured.medianWorkingMinutes, p90: measured.p90WorkingMinutes } : null;
      const differing: [unknown, unknown][] = [];
      let compared = 0;
      for (const [label, old] of [
        ['session 8', session8.last],
        ['one by one', before?.last],
      ] as const) {
        if (!old) continue;
        const pairs: [unknown, unknown][] = [
          [shown(view.total.measured), old.current.total],
          [shown(view.total.baseline), old.baseline.total.dossiers ? old.baseline.total : null],
          ...view.items.map((row): [unknown, unknown] => [shown(row.measured), old.current.groups.get(row.key!)]),
          ...view.items.map((row): [unknown, unknown] => [shown(row.baseline), old.baseline.groups.get(row.key!) ?? null]),
        ];
        compared = pairs.length / 2 - 1;
        differing.push(
          ...pairs.filter(([a, b]) => JSON.stringify(a) !== JSON.stringify(b)).map(([a, b]): [unknown, unknown] => [label, [a, b]]),
        );
        if (view.totalItems !== old.current.groups.size) differing.push([label, [view.totalItems, old.current.groups.size]]);
      }
      console.log(differing.length ? `  DIFFER: ${JSON.stringify(differing.slice(0, 3))}` : `  all agree (${compared} rows)`);
      if (differing.length) agree = false;
    }
  } finally {
    await handle.close();
    await drop();
  }
  if (!agree) process.exitCode = 1;
}

await main();
