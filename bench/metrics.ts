/**
 * npm run bench:metrics — the KPI index and Biểu 06 at provincial scale (issue 13, docs/api/metrics.md "Rollups").
 * On PostgreSQL when DATABASE_URL names a server (a database of its own is created there and dropped afterwards), on
 * an in-memory PGlite otherwise.
 *
 * 1. A province of 1 + 20 departments × 2 divisions + 100 communes and BENCH_METRICS_DOSSIERS dossiers (default
 *    1,000,000 on PostgreSQL, 50,000 on PGlite) received from 01/01/2025 to 30/11/2026 — channels, fields, levels,
 *    timings, stops, pauses, open and overdue ones, components digitised or reused, national-portal messages sent or
 *    pending — bulk-inserted with INSERT … SELECT generate_series in chunks, through the triggers that keep the
 *    rollups. Prints the load time.
 * 2. p50 / p95 over BENCH_CALLS (default 30) calls of the index and of Biểu 06 for the province over the reporting
 *    year 2026 (21/12/2025 → 20/12/2026) from the rollups (goal p95 ≤ 100 ms), then the same counters by plain
 *    aggregation over the dossier tables (BENCH_RAW_CALLS, default 3), and whether both agree — for the province's
 *    year, a reporting month and a department's quarter. Figures only: no exit code, except when they disagree.
 *    Also p50 / p95 over BENCH_TREND_CALLS (default 5) of the dashboards' trend (12 reporting months) and ranking
 *    (the province's direct children) for that year, then the same series one index a month or a child (session 8's
 *    path, the same-run baseline); exit code 1 when the two answers differ.
 * BENCH_METRICS_KEEP=1 keeps the generated database; BENCH_METRICS_DATABASE_URL runs the queries on a kept one.
 */
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { dossierIndicatorFormulas } from '../src/contract/metrics';
import { vietnamDate } from '../src/core/vietnam-time';
import type { DatabaseHandle } from '../src/db/client';
import { applyMigrations } from '../src/db/migrate';
import type { Actor } from '../src/modules/auth';
import {
  bieu06FromCounters,
  type CountersByField,
  computeBieu06ForScope,
  computeIndexForScope,
  computeRanking,
  computeTrendForScope,
  countersFromDossiers,
  countersFromRollups,
  dossierFraction,
  type MetricsScope,
  readMonthStartDay,
  reportingMonthsWithin,
  reportingPeriod,
  sumCounters,
  syncWorkDays,
  toScoreFields,
} from '../src/modules/metrics';
import { findUnitsByCodes, listSubtreeUnits } from '../src/modules/org';
import { openBenchDatabase } from './lifecycle-setup';

const isPostgres = !!process.env.DATABASE_URL;
const DOSSIERS = Number(process.env.BENCH_METRICS_DOSSIERS ?? (isPostgres ? 1_000_000 : 50_000));
const CALLS = Number(process.env.BENCH_CALLS ?? 30);
const RAW_CALLS = Number(process.env.BENCH_RAW_CALLS ?? 3);
const TREND_CALLS = Number(process.env.BENCH_TREND_CALLS ?? 5);
const admin: Actor = {
  userId: '00000000-0000-4000-8000-000000000001',
  username: 'bench',
  fullName: 'Đo chỉ số',
  roles: [{ role: 'admin', unitId: null, unitPath: null, unitName: null }],
};
const CHUNK = 100_000;
const FIELDS = [
  'Hộ tịch',
  'Chứng thực',
  'Đất đai',
  'Xây dựng',
  'Đăng ký kinh doanh',
  'Lao động',
  'Giáo dục',
  'Y tế',
  'Tư pháp',
  'Giao thông',
  'Tài nguyên nước',
  'Môi trường',
  'Văn hóa',
  'Nông nghiệp',
  'Công thương',
];

type Rows = { rows: Record<string, unknown>[] };
const rowsOf = (result: unknown) => (result as Rows).rows;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The province's units, written in bulk (an importer may: ADR 0002 §5). */
async function loadUnits(handle: DatabaseHandle): Promise<void> {
  await handle.db.execute(
    sql`insert into units (code, name, type, path, valid_from) values ('000.00.00.H99', 'UBND tỉnh Đo Lường', 'province', '/', '2020-01-01')`,
  );
  await handle.db.execute(sql`update units set path = '/' || id || '/' where type = 'province'`);
  await handle.db.execute(sql`
    insert into units (code, name, type, parent_id, path, valid_from)
    select format('000.%s.00.H99', lpad(i::text, 2, '0')), format('Sở %s', i), 'department', p.id, '/', '2020-01-01'
    from generate_series(1, 20) i, units p where p.type = 'province'`);
  await handle.db.execute(sql`
    insert into units (code, name, type, parent_id, path, valid_from)
    select format('%s.%s', d.code, j), format('Phòng %s, %s', j, d.name), 'division', d.id, '/', '2020-01-01'
    from units d, generate_series(1, 2) j where d.type = 'department'`);
  await handle.db.execute(sql`
    insert into units (code, name, type, parent_id, path, valid_from)
    select format('000.00.%s.H99', lpad(i::text, 3, '0')), format('Xã %s', i), 'commune', p.id, '/', '2020-01-01'
    from generate_series(1, 100) i, units p where p.type = 'province'`);
  // Paths: the province's, then one level, then two.
  await handle.db.execute(
    sql`update units c set path = p.path || c.id || '/' from units p where c.parent_id = p.id and p.type = 'province'`,
  );
  await handle.db.execute(
    sql`update units c set path = p.path || c.id || '/' from units p where c.parent_id = p.id and p.type = 'department'`,
  );
}

/**
 * Dossiers first..last: each row's figures are hashes of its number, so a run is reproducible. Handling units: 60 %
 * communes (commune level), 40 % departments or their divisions (province level).
 */
async function loadChunk(handle: DatabaseHandle, first: number, last: number): Promise<string> {
  const fields = JSON.stringify(FIELDS);
  const steps: string[] = [];
  let stepStarted = performance.now();
  const stepDone = (label: string) => {
    steps.push(`${label} ${((performance.now() - stepStarted) / 1000).toFixed(1)} s`);
    stepStarted = performance.now();
  };
  await handle.db.execute(sql`
    with commune as (select id, row_number() over (order by id) - 1 as n, count(*) over () as total from units where type = 'commune'),
    office as (select id, row_number() over (order by id) - 1 as n, count(*) over () as total from units where type in ('department', 'division')),
    series as (
      select i, abs(hashtext('u' || i)) as hu, abs(hashtext('c' || i)) % 100 as hc, abs(hashtext('t' || i)) % 100 as ht,
        abs(hashtext('d' || i)) % 25 + 1 as due_days, abs(hashtext('r' || i)) % 30 as took_days,
        -- Received over 700 days from 01/01/2025, between 07:00 and 17:00 in Vietnam.
        timestamptz '2025-01-01 00:00:00+00' + (abs(hashtext('x' || i)) % 700) * interval '1 day'
          + (abs(hashtext('m' || i)) % 600) * interval '1 minute' as received_at
      from generate_series(${first}::int, ${last}::int) i
    ), placed as (
      select s.*, case when s.hu % 10 < 6 then c.id else o.id end as unit_id, case when s.hu % 10 < 6 then 'commune' else 'province' end as level,
        -- A commune handles the commune-level fields (the first six); a department and its divisions three fields of their own.
        case when s.hu % 10 < 6 then ${fields}::jsonb ->> (abs(hashtext('f' || s.i)) % 6)::int
          else ${fields}::jsonb ->> (6 + (o.n / 3 + abs(hashtext('f' || s.i)) % 3) % ${FIELDS.length - 6})::int end as field,
        s.received_at + s.due_days * interval '1 day' + interval '8 hours' as due_at,
        s.received_at + s.took_days * interval '1 day' + interval '3 hours' as end_at
      from series s
      join commune c on c.n = abs(hashtext('k' || s.i)) % (select max(total) from commune)
      join office o on o.n = abs(hashtext('o' || s.i)) % (select max(total) from office)
    )
    insert into dossiers (code, procedure_code, procedure_version_no, procedure_name, field, level, handling_unit_id, channel,
      source, status, applicant, applicant_id_number, applicant_name, submitted_at, received_at, due_at, appointment_due_at,
      resolved_at, closed_at, timing, paused_working_minutes, result_is_electronic)
    select 'BENCH-' || lpad(i::text, 8, '0'), '1.' || lpad((hu % 400)::text, 6, '0'), 1, 'Thủ tục ' || field, field, level, unit_id,
      case when hc < 45 then 'online' when hc < 90 then 'direct' else 'postal' end,
      case when hc < 45 then 'online' else 'desk' end,
      case when ended and ht < 90 then (case when ht % 3 = 0 then 'result_ready' else 'returned' end)
        when ended then (case when ht < 95 then 'stopped' else 'refused' end)
        else (case when ht % 7 = 0 then 'supplement_requested' else 'processing' end) end,
      '{"kind":"individual","fullName":"Nguyễn Văn Bình","idNumber":"001090012345","address":null,"phone":null,"email":null,"representative":null}'::jsonb,
      '001090012345', 'Nguyễn Văn Bình', received_at, received_at, due_at, due_at,
      case when ended and ht < 90 then end_at end,
      case when ended and ht >= 90 then end_at when ended and ht % 3 <> 0 then end_at + interval '1 day' end,
      case when ended and ht < 90 then (case when end_at < due_at - interval '2 days' then 'early' when end_at <= due_at then 'on_time' else 'late' end) end,
      case when ht % 11 = 0 then 240 else 0 end,
      ht % 4 <> 0
    from (select *, end_at < timestamptz '2026-11-30 10:00:00+00' and ht < 97 as ended from placed) p`);
  // Statistics of the rows just written, as a bulk import gathers them: the triggers of the next statements join the
  // chunk's dossiers and facts, and planned on the counts of before the chunk, they scanned them once per row
  // (session 10: 54 s for the components of 20,000 dossiers, 4.7 s with statistics; 1,000,000 did not load in an hour).
  await handle.db.execute(sql`analyze dossiers, metrics_dossier_facts`);
  stepDone('hồ sơ');
  await handle.db.execute(sql`
    insert into dossier_components (dossier_id, position, name, is_required, presence, is_digitised, reused_from)
    select d.id, k, 'Thành phần ' || (k + 1), true,
      case when h % 10 < 6 then 'file' when h % 10 < 8 then 'paper' when h % 10 < 9 then 'reused' else 'missing' end,
      h % 10 < 6 or (h % 10 between 6 and 7 and h % 3 = 0),
      case when h % 10 = 8 then 'KQ-' || (h % 9999) end
    from dossiers d, generate_series(0, 1) k, lateral (select abs(hashtext(d.code || k)) as h) x
    where d.code between ${`BENCH-${String(first).padStart(8, '0')}`} and ${`BENCH-${String(last).padStart(8, '0')}`}`);
  await handle.db.execute(sql`analyze dossier_components`);
  stepDone('thành phần');
  await handle.db.execute(sql`
    insert into notify_outbox (channel, recipient, template, body, ref_type, ref_id, status)
    select 'national_portal', 'cong-dvcqg', 'dossier.status', '{}', 'dossier', d.id::text,
      case when abs(hashtext('p' || d.code)) % 10 < 8 then 'sent' when abs(hashtext('p' || d.code)) % 10 < 9 then 'pending' else 'failed' end
    from dossiers d
    where d.code between ${`BENCH-${String(first).padStart(8, '0')}`} and ${`BENCH-${String(last).padStart(8, '0')}`}
      and abs(hashtext('q' || d.code)) % 10 < 7`);
  stepDone('tin nhắn');
  return steps.join(', ');
}

async function scopeOf(handle: DatabaseHandle, code: string): Promise<MetricsScope> {
  const [unit] = await findUnitsByCodes(handle.db, [code]);
  const subtree = await listSubtreeUnits(handle.db, unit!.id);
  return {
    unit: { id: unit!.id, code: unit!.code, name: unit!.name },
    unitIds: subtree.map((row) => row.id),
    unitCodes: subtree.map((row) => row.code),
  };
}

async function time<T>(calls: number, run: () => Promise<T>): Promise<{ p50: number; p95: number; last: T }> {
  const durations: number[] = [];
  let last: T | undefined;
  for (let call = 0; call < calls; call++) {
    const started = performance.now();
    last = await run();
    durations.push(performance.now() - started);
  }
  return { p50: percentile(durations, 50), p95: percentile(durations, 95), last: last! };
}

function compare(
  label: string,
  fromRollups: CountersByField,
  fromDossiers: CountersByField,
  scope: MetricsScope,
  period: { from: string; to: string },
): boolean {
  const same = JSON.stringify(fromRollups) === JSON.stringify(fromDossiers);
  const rollupTable = bieu06FromCounters(scope, period.from, period.to, fromRollups);
  const rawTable = bieu06FromCounters(scope, period.from, period.to, fromDossiers);
  const rollupTotal = sumCounters(fromRollups.map((row) => row.counters));
  const rawTotal = sumCounters(fromDossiers.map((row) => row.counters));
  const fractions = dossierIndicatorFormulas.every(
    (formula) => JSON.stringify(dossierFraction(formula, rollupTotal)) === JSON.stringify(dossierFraction(formula, rawTotal)),
  );
  const agree = same && JSON.stringify(rollupTable) === JSON.stringify(rawTable) && fractions;
  console.log(
    `  ${label}: ${fromRollups.length} dòng lĩnh vực × cấp — ${agree ? 'khớp' : 'KHÔNG KHỚP'} (Biểu 06 và ${dossierIndicatorFormulas.length} chỉ số tính theo hồ sơ)`,
  );
  if (!agree) {
    console.log('    rollups:', JSON.stringify(rollupTotal));
    console.log('    dossiers:', JSON.stringify(rawTotal));
  }
  return agree;
}

async function main() {
  const { handle, drop, kind } = await openBenchDatabase({
    reuseUrl: process.env.BENCH_METRICS_DATABASE_URL,
    keep: !!process.env.BENCH_METRICS_KEEP,
  });
  try {
    console.log(`motcua bench:metrics — ${kind}, ${DOSSIERS.toLocaleString('vi-VN')} hồ sơ, tải máy ${loadavg()[0]!.toFixed(1)}`);
    await applyMigrations(handle);
    // BENCH_METRICS_DATABASE_URL: a database an earlier run kept (BENCH_METRICS_KEEP=1) — the queries only.
    const isLoaded = !!process.env.BENCH_METRICS_DATABASE_URL;
    if (!isLoaded) await loadUnits(handle);
    await syncWorkDays(handle.db, { force: true });
    const loadStarted = performance.now();
    for (let first = 1; !isLoaded && first <= DOSSIERS; first += CHUNK) {
      const last = Math.min(DOSSIERS, first + CHUNK - 1);
      const started = performance.now();
      const steps = await loadChunk(handle, first, last);
      console.log(
        `  nạp ${first.toLocaleString('vi-VN')}–${last.toLocaleString('vi-VN')}: ${((performance.now() - started) / 1000).toFixed(1)} s (${steps})`,
      );
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    // What a bulk import is followed by (autovacuum would do it later): dead row versions of the rollups reclaimed.
    await handle.db.execute(sql`vacuum analyze`);
    const [counts] = rowsOf(
      await handle.db.execute(sql`select (select count(*) from dossiers)::int as dossiers, (select count(*) from metrics_dossier_facts)::int as facts,
        (select count(*) from metrics_daily)::int as daily, (select count(*) from metrics_monthly)::int as monthly`),
    );
    console.log(
      `Nạp dữ liệu: ${loadSeconds.toFixed(1)} s (hồ sơ, thành phần, tin nhắn Cổng DVCQG qua trigger) — ${JSON.stringify(counts)}, tải máy ${loadavg()[0]!.toFixed(1)}`,
    );

    const province = await scopeOf(handle, '000.00.00.H99');
    const year = reportingPeriod('year', 2026, 1);
    const index = await time(CALLS, () => computeIndexForScope(handle.db, province, year.from, year.to));
    const report = await time(CALLS, () => computeBieu06ForScope(handle.db, province, year.from, year.to));
    console.log(`Toàn tỉnh, năm báo cáo ${year.from} → ${year.to} (${CALLS} lần, từ bảng tổng hợp):`);
    console.log(`  chỉ số QĐ 766: p50 ${ms(index.p50)}, p95 ${ms(index.p95)} — ${index.last.score} điểm (${index.last.ratingLabel})`);
    console.log(
      `  Biểu 06: p50 ${ms(report.p50)}, p95 ${ms(report.p95)} — tiếp nhận ${report.last.totals.received.total.toLocaleString('vi-VN')}, đã giải quyết ${report.last.totals.resolved.total.toLocaleString('vi-VN')}`,
    );
    // The dashboards' series for the same year: 12 reporting months, the province's direct children.
    const afterYear = new Date('2026-12-21T05:00:00Z');
    const trend = await time(TREND_CALLS, () => computeTrendForScope(handle.db, province, year.from, year.to, afterYear));
    const ranking = await time(TREND_CALLS, () =>
      computeRanking(handle.db, admin, { unit: province.unit.code, from: year.from, to: year.to }),
    );
    console.log(
      `  xu hướng theo tháng (${trend.last.months.length} tháng): p50 ${ms(trend.p50)}, p95 ${ms(trend.p95)}; ` +
        `xếp hạng (${ranking.last.items.length} đơn vị): p50 ${ms(ranking.p50)}, p95 ${ms(ranking.p95)} (${TREND_CALLS} lần, tải máy ${loadavg()[0]!.toFixed(1)})`,
    );
    // Session 8's path: one index a month or a child, each reading its own indicator set, bands and catalog figures.
    const oneAtATime = async (scope: MetricsScope, from: string, to: string) => {
      const counters = sumCounters((await countersFromRollups(handle.db, scope.unitIds, from, to)).map((row) => row.counters));
      return toScoreFields(await computeIndexForScope(handle.db, scope, from, to, counters), counters);
    };
    const months = reportingMonthsWithin(year.from, year.to, await readMonthStartDay(handle.db), vietnamDate(afterYear));
    const trendBefore = await time(TREND_CALLS, async () => {
      const points = [];
      for (const month of months) points.push({ ...month, ...(await oneAtATime(province, month.from, month.to)) });
      return points;
    });
    const subtree = await listSubtreeUnits(handle.db, province.unit.id);
    const children = subtree.filter((row) => row.parentId === province.unit.id && row.type !== 'desk' && row.validTo === null);
    const rankingBefore = await time(TREND_CALLS, async () => {
      const items = [];
      for (const child of children) {
        const below = subtree.filter((row) => row.path.startsWith(child.path));
        const scope: MetricsScope = {
          unit: { id: child.id, code: child.code, name: child.name },
          unitIds: below.map((row) => row.id),
          unitCodes: below.map((row) => row.code),
        };
        items.push({ unit: scope.unit, type: child.type, ...(await oneAtATime(scope, year.from, year.to)) });
      }
      return items.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.unit.name.localeCompare(b.unit.name, 'vi'));
    });
    const isSameSeries =
      JSON.stringify(trend.last.months) === JSON.stringify(trendBefore.last) &&
      JSON.stringify(ranking.last.items) === JSON.stringify(rankingBefore.last);
    console.log(
      `  từng chỉ số một (cách của phiên 8): xu hướng p50 ${ms(trendBefore.p50)}, p95 ${ms(trendBefore.p95)}; ` +
        `xếp hạng p50 ${ms(rankingBefore.p50)}, p95 ${ms(rankingBefore.p95)} (tải máy ${loadavg()[0]!.toFixed(1)}) — ${isSameSeries ? 'khớp' : 'KHÔNG KHỚP'}`,
    );
    if (!isSameSeries) process.exitCode = 1;
    const raw = await time(RAW_CALLS, () => countersFromDossiers(handle.db, province.unitIds, year.from, year.to));
    console.log(`Cùng số liệu bằng tổng hợp trực tiếp trên bảng hồ sơ (${RAW_CALLS} lần): p50 ${ms(raw.p50)}, p95 ${ms(raw.p95)}`);

    let agree = compare(
      'toàn tỉnh, năm',
      await countersFromRollups(handle.db, province.unitIds, year.from, year.to),
      raw.last,
      province,
      year,
    );
    const month = reportingPeriod('month', 2026, 3);
    agree =
      compare(
        'toàn tỉnh, tháng 3/2026',
        await countersFromRollups(handle.db, province.unitIds, month.from, month.to),
        await countersFromDossiers(handle.db, province.unitIds, month.from, month.to),
        province,
        month,
      ) && agree;
    const department = await scopeOf(handle, '000.07.00.H99');
    const quarter = reportingPeriod('quarter', 2026, 2);
    agree =
      compare(
        'Sở 7, quý 2/2026',
        await countersFromRollups(handle.db, department.unitIds, quarter.from, quarter.to),
        await countersFromDossiers(handle.db, department.unitIds, quarter.from, quarter.to),
        department,
        quarter,
      ) && agree;
    if (!agree) process.exitCode = 1;
  } finally {
    await handle.close();
    await drop();
  }
}

await main();
