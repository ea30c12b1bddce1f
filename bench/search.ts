/**
 * npm run bench:search — search quality and latency (embedded PGlite by default, PostgreSQL when DATABASE_URL is set).
 * 1. Quality: the shipped query set (src/modules/catalog/fixtures/search-queries.txt) over the demo catalog — recall@1
 *    and recall@5 on the tuning part and on the held-out part, and the latency of each query through findProcedures
 *    (p50/p95). Goals (issue 11): ≥ 95 % found, p95 ≤ 20 ms.
 * 2. Scale: the same queries over 10,000 procedures (the demo catalog plus variants built from it, so that word
 *    statistics stay realistic), and the time to build the in-memory index.
 * The quality pass runs three times: without popularity, with the counts of the bench database's own dossiers (the
 * job search-popularity's path; the bench loads no demo dossiers, so they are usually 0), and with a realistic
 * spread injected — Zipf (s = 1.1, the most used procedure 30,000 dossiers a year) over the procedures in a seeded
 * random order, unrelated to the queries, the case where the prior can only hurt. The counts are removed afterwards.
 * BENCH_DEMO_DOSSIERS=3000 measures on a database of its own holding that many demo dossiers (made on the first run).
 * Set BENCH_SHOW_FAILURES=1 to list the tuning queries not found first (the held-out ones are never listed).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { procedureContentSchema } from '../src/contract/catalog';
import { chunksOf } from '../src/core/chunks';
import { openDatabase } from '../src/db/client';
import { applyMigrations } from '../src/db/migrate';
import { procedures } from '../src/db/schema';
import { loadDemoData } from '../src/demo';
import { readDemoProcedures } from '../src/demo/fixtures';
import { refreshSearchPopularity } from '../src/jobs/search-popularity';
import { findProcedures, insertDecision, insertVersions, measureRecall, readQueryCases, setPopularity } from '../src/modules/catalog';

const TARGET = 10_000;
const ROUNDS = 5;
const cases = readQueryCases();
const queries = cases.map((entry) => entry.query);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

/** Dossiers a year per procedure: Zipf with exponent 1.1 over the codes in a seeded random order. */
function zipfCounts(codes: string[], top = 30_000, exponent = 1.1): Map<string, number> {
  let state = 20_261_202;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const order = [...codes].sort();
  for (let index = order.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  return new Map(order.map((code, rank) => [code, Math.floor(top / (rank + 1) ** exponent)]));
}

/** BENCH_DEMO_DOSSIERS=3000: a quality database of its own with that many demo dossiers (made once, minutes). */
const demoDossiers = Number(process.env.BENCH_DEMO_DOSSIERS ?? 0);

async function measureQuality(serverUrl: string | undefined) {
  const suffix = demoDossiers > 0 ? `_dossiers_${demoDossiers}` : '';
  const databaseUrl = serverUrl ? await benchDatabaseOn(serverUrl, `motcua_bench_search_demo${suffix}`) : undefined;
  const database = await openDatabase({ databaseUrl, dataDir: `.tmp/bench-search-demo${suffix.replaceAll('_', '-')}` });
  await applyMigrations(database);
  const db = database.db;
  const existing = await db.execute(sql`select count(*)::int as n from procedures`);
  if ((existing as unknown as { rows: { n: number }[] }).rows[0]?.n === 0) {
    const started = performance.now();
    await loadDemoData(db, { baselines: false, dossiers: demoDossiers });
    if (demoDossiers > 0)
      console.log(`Demo catalog with ${demoDossiers} dossiers made in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  // BENCH_POPULARITY_WEIGHT=0.1: the weight to measure with (setting search.popularityWeight), removed afterwards.
  const weight = process.env.BENCH_POPULARITY_WEIGHT;
  if (weight !== undefined) {
    await db.execute(sql`insert into settings (key, value) values ('search.popularityWeight', ${Number(weight)}::text::jsonb)
      on conflict (key) do update set value = excluded.value`);
    console.log(`Popularity weight ${Number(weight)}`);
  }
  const period = { from: '2025-12-02', to: '2026-12-01' };
  await setPopularity(db, { period, computedAt: new Date(), counts: new Map() });
  await reportQuality(db, `Quality on the demo catalog (${database.kind}), ${cases.length} citizen queries, no popularity:`);
  const fed = await refreshSearchPopularity({ db, now: new Date() });
  await reportQuality(db, `The same with the counts of the database's own dossiers (${fed.procedures} procedures with dossiers):`);
  const codes = (await db.execute(sql`select code from procedures`)) as unknown as { rows: { code: string }[] };
  const zipf = zipfCounts(codes.rows.map((row) => row.code));
  await setPopularity(db, { period, computedAt: new Date(), counts: zipf });
  await reportQuality(db, `The same with a Zipf spread of dossiers injected (${zipf.size} procedures):`);
  await setPopularity(db, { period, computedAt: new Date(), counts: new Map() });
  if (weight !== undefined) await db.execute(sql`delete from settings where key = 'search.popularityWeight'`);
  await database.close();
}

async function reportQuality(db: Awaited<ReturnType<typeof openDatabase>>['db'], title: string) {
  const timings: number[] = [];
  const rankings: string[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [position, q] of queries.entries()) {
      const t0 = performance.now();
      const result = await findProcedures(db, { q, page: 1, pageSize: 10 });
      if (round > 0) timings.push(performance.now() - t0);
      rankings[position] = result.items.map((item) => item.code);
    }
  }
  const tuning = cases.flatMap((entry, position) => (entry.isHeldOut ? [] : [{ entry, ranking: rankings[position]! }]));
  const heldOut = cases.flatMap((entry, position) => (entry.isHeldOut ? [{ entry, ranking: rankings[position]! }] : []));
  const tuned = measureRecall(
    tuning.map((item) => item.entry),
    tuning.map((item) => item.ranking),
  );
  const held = measureRecall(
    heldOut.map((item) => item.entry),
    heldOut.map((item) => item.ranking),
  );
  const all = measureRecall(cases, rankings);
  console.log(title);
  console.log(`  tuning   (${tuned.cases}): recall@1 ${percent(tuned.atOne)}, recall@5 ${percent(tuned.atFive)}`);
  console.log(`  held out (${held.cases}): recall@1 ${percent(held.atOne)}, recall@5 ${percent(held.atFive)}`);
  console.log(`  all      (${all.cases}): recall@1 ${percent(all.atOne)}, recall@5 ${percent(all.atFive)} (goal ≥ 95 %)`);
  const empty = rankings.filter((ranking) => ranking.length === 0).length;
  console.log(`  empty result pages: ${empty}`);
  console.log(
    `  latency per query (findProcedures, warm): p50 ${percentile(timings, 50).toFixed(2)} ms, p95 ${percentile(timings, 95).toFixed(2)} ms (goal p95 ≤ 20 ms)`,
  );
  if (process.env.BENCH_SHOW_FAILURES) for (const failure of tuned.failures) console.log(`  not in the top 5: ${failure.query}`);
}

async function main() {
  await measureQuality(process.env.DATABASE_URL);
  // The generated catalog is kept between runs: in .tmp/bench-search (embedded) or, on a server, in a database of its
  // own named motcua_bench_search — never in the database DATABASE_URL names, whose catalog it would replace.
  const databaseUrl = process.env.DATABASE_URL ? await benchDatabaseOn(process.env.DATABASE_URL, 'motcua_bench_search') : undefined;
  const database = await openDatabase({ databaseUrl, dataDir: '.tmp/bench-search' });
  await applyMigrations(database);
  const db = database.db;
  const demo = readDemoProcedures();
  const started = performance.now();
  const existing = await db.execute(sql`select count(*)::int as n from procedure_versions`);
  const isLoaded = (existing as unknown as { rows: { n: number }[] }).rows[0]?.n === TARGET;
  if (!isLoaded)
    await db.transaction(async (tx) => {
      await tx.execute(sql`truncate procedure_versions, procedures, publication_decisions cascade`);
      const decision = await insertDecision(
        tx,
        { number: '1/QĐ-BENCH', date: '2025-06-30', signer: 'Bench', type: 'new', effectiveDate: '2025-07-01' },
        null,
      );
      const procedureRows: (typeof procedures.$inferInsert)[] = [];
      const versionRows: Parameters<typeof insertVersions>[1] = [];
      for (let index = 0; index < TARGET; index++) {
        const { code: _sourceCode, ...source } = demo[index % demo.length]!;
        const round = Math.floor(index / demo.length);
        const code = `9.${String(index).padStart(6, '0')}`;
        const content = procedureContentSchema.parse({
          ...source,
          name: round === 0 ? source.name : `${source.name.slice(0, 960)} (trường hợp ${round + 1})`,
          handlingUnitCodes: ['000.00.00.H01'],
          receivingUnitCodes: [],
          processTemplate: [],
        });
        const procedureId = crypto.randomUUID();
        procedureRows.push({ id: procedureId, code, latestVersionNo: 1 });
        versionRows.push({
          values: {
            procedureId,
            code,
            versionNo: 1,
            decisionId: decision.id,
            effectiveFrom: '2025-07-01',
            isAbolished: false,
            createdBy: null,
          },
          content,
        });
      }
      for (const chunk of chunksOf(procedureRows, 500)) await tx.insert(procedures).values(chunk);
      await insertVersions(tx, versionRows);
    });
  await db.execute(sql`analyze procedure_versions`);
  console.log(
    `${isLoaded ? 'Reused' : 'Loaded'} ${TARGET} procedures in ${((performance.now() - started) / 1000).toFixed(1)} s on ${database.kind}`,
  );

  const buildStarted = performance.now();
  await findProcedures(db, { q: 'khai sinh', page: 1, pageSize: 20 });
  console.log(`In-memory index of ${TARGET} procedures built in ${(performance.now() - buildStarted).toFixed(0)} ms (first query)`);
  const all: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      const t0 = performance.now();
      await findProcedures(db, { q, page: 1, pageSize: 20 });
      if (round > 0) all.push(performance.now() - t0);
    }
  }
  console.log(
    `Latency over ${TARGET} procedures: p50 ${percentile(all, 50).toFixed(2)} ms, p95 ${percentile(all, 95).toFixed(2)} ms (goal p95 ≤ 20 ms)`,
  );
  await database.close();
}

async function benchDatabaseOn(serverUrl: string, name: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

await main();
