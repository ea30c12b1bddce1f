/**
 * npm run bench:processing-times — how long GET /api/metrics/processing-times takes (docs/api/metrics.md,
 * "Measured processing time"). Not part of npm test. On an in-memory PGlite, or on PostgreSQL when DATABASE_URL names
 * a server (a database of its own is created there and dropped afterwards).
 *
 * A province of 20 departments and 100 communes, BENCH_DOSSIERS resolved dossiers (default 40,000) — half resolved in
 * 2026, half in 2024, 300 procedures, one in ten with a supplement pause — bulk-inserted through the metrics triggers;
 * then BENCH_CALLS (default 3) answers for the province's reporting year 2026 (21/12/2025 → 20/12/2026) by procedure
 * and by unit. Prints the load average beside the times: the work is linear in the dossiers resolved in both periods.
 */
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../src/db/client';
import { applyMigrations } from '../src/db/migrate';
import type { Actor } from '../src/modules/auth';
import { computeProcessingTimes } from '../src/modules/metrics';
import { openBenchDatabase } from './lifecycle-setup';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 40_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 3);
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

async function main() {
  const { handle, drop, kind } = await openBenchDatabase();
  try {
    await applyMigrations(handle);
    await loadUnits(handle);
    const loadStart = performance.now();
    for (let first = 1; first <= DOSSIERS; first += CHUNK) await loadChunk(handle, first, Math.min(first + CHUNK - 1, DOSSIERS));
    console.log(`${kind}: ${DOSSIERS} dossiers loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
    for (const groupBy of ['procedure', 'unit'] as const) {
      const durations: number[] = [];
      let resolved = 0;
      let baseline = 0;
      for (let call = 0; call < CALLS; call++) {
        const start = performance.now();
        const view = await computeProcessingTimes(handle.db, actor, {
          unit: '000.00.00.H98',
          from: '2025-12-21',
          to: '2026-12-20',
          groupBy,
          page: 1,
          pageSize: 50,
        });
        durations.push(performance.now() - start);
        resolved = view.total.measured.dossiers;
        baseline = view.total.baseline?.dossiers ?? 0;
      }
      durations.sort((a, b) => a - b);
      console.log(
        `groupBy=${groupBy}: ${resolved} dossiers in the period, ${baseline} in 2024; ` +
          `median ${durations[Math.floor(durations.length / 2)]!.toFixed(0)} ms over ${CALLS} calls (load ${loadavg()[0]!.toFixed(1)})`,
      );
    }
  } finally {
    await handle.close();
    await drop();
  }
}

await main();
