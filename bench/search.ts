/**
 * npm run bench:search — search latency on a catalog of 10,000 procedures (embedded PGlite by default,
 * PostgreSQL when DATABASE_URL is set). Goal: p95 ≤ 20 ms per query on a 2-core machine.
 * The catalog is the demo catalog (real names) plus variants built from it, so that word statistics stay realistic.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { procedureContentSchema } from '../src/contract/catalog';
import { chunksOf } from '../src/core/chunks';
import { openDatabase } from '../src/db/client';
import { applyMigrations } from '../src/db/migrate';
import { procedures } from '../src/db/schema';
import { readDemoProcedures } from '../src/demo/fixtures';
import { findProcedures, insertDecision, insertVersions } from '../src/modules/catalog';

const TARGET = 10_000;
const ROUNDS = 60;
const queries = [
  'ly lich tu phap',
  'đăng ký khai sinh',
  'chung thuc ban sao',
  'cấp giấy phép xây dựng',
  'dang ki kết hôn',
  'tu phap ly lich',
  'ly lihc tu phap',
  'giấy chứng nhận quyền sử dụng đất',
  'nuoi con nuoi',
  'kĩ thuật',
  'doanh nghiệp',
  '1.000894',
];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function main() {
  // The generated catalog is kept between runs: in .tmp/bench-search (embedded) or, on a server, in a database of its
  // own named motcua_bench_search — never in the database DATABASE_URL names, whose catalog it would replace.
  const databaseUrl = process.env.DATABASE_URL ? await benchDatabaseOn(process.env.DATABASE_URL) : undefined;
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

  const all: number[] = [];
  console.log('query'.padEnd(40), 'median ms', '  p95 ms', ' results');
  for (const q of queries) {
    const timings: number[] = [];
    let total = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const t0 = performance.now();
      const result = await findProcedures(db, { q, page: 1, pageSize: 20 });
      timings.push(performance.now() - t0);
      total = result.total;
    }
    all.push(...timings.slice(5));
    console.log(
      q.padEnd(40),
      percentile(timings.slice(5), 50).toFixed(2).padStart(9),
      percentile(timings.slice(5), 95).toFixed(2).padStart(8),
      String(total).padStart(8),
    );
  }
  console.log(`ALL QUERIES: median ${percentile(all, 50).toFixed(2)} ms, p95 ${percentile(all, 95).toFixed(2)} ms (goal p95 ≤ 20 ms)`);
  await database.close();
}

async function benchDatabaseOn(serverUrl: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = 'motcua_bench_search'");
  if (exists.rowCount === 0) await client.query('create database motcua_bench_search');
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = '/motcua_bench_search';
  return url.toString();
}

await main();
