/**
 * npm run bench:lifecycle-statements — how many SQL statements one dossier lifecycle costs, per service call (the
 * intake, each action of bench:dossiers part (a)), counted by a logger on the Drizzle session (BEGIN / COMMIT not
 * included). On an in-memory PGlite (or DATABASE_URL's server: a database of its own, dropped afterwards).
 * BENCH_LIFECYCLES (default 5) lifecycles; STATEMENTS_VERBOSE=1 prints each statement of the last lifecycle.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { dossierActionBodySchema, receiveDossierBodySchema } from '../src/contract/dossiers';
import { type DatabaseHandle, openDatabase } from '../src/db/client';
import { applyMigrations } from '../src/db/migrate';
import { loadDemoData } from '../src/demo';
import { demoApplicant, seededRandom } from '../src/demo/dossier-people';
import { DemoStaff } from '../src/demo/dossier-staff';
import { nextAction } from '../src/demo/dossier-walk';
import { readDemoProcedures } from '../src/demo/fixtures';
import { type Actor, loadActor } from '../src/modules/auth';
import { getWorkCalendar } from '../src/modules/calendar';
import { getDossierView, performAction, receiveDossier } from '../src/modules/dossiers';

const LIFECYCLES = Number(process.env.BENCH_LIFECYCLES ?? 5);
const VERBOSE = process.env.STATEMENTS_VERBOSE === '1';
const JUSTICE = '000.00.03.H01';

type Rows = { rows: Record<string, unknown>[] };
const rowsOf = (result: unknown) => (result as Rows).rows;

let label: string | null = null;
const counts = new Map<string, { calls: number; statements: number; ms: number }>();
const lastTexts: string[] = [];
const logger = {
  logQuery(query: string) {
    if (!label) return;
    const entry = counts.get(label)!;
    entry.statements++;
    if (VERBOSE) lastTexts.push(`[${label}] ${query.replace(/\s+/g, ' ').slice(0, 160)}`);
  },
};

async function counted<T>(name: string, run: () => Promise<T>): Promise<T> {
  const entry = counts.get(name) ?? { calls: 0, statements: 0, ms: 0 };
  entry.calls++;
  counts.set(name, entry);
  label = name;
  const started = performance.now();
  try {
    return await run();
  } finally {
    entry.ms += performance.now() - started;
    label = null;
  }
}

async function open(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) return { handle: await openDatabase({ inMemory: true }), drop: async () => undefined };
  const name = `motcua_stmts_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    handle: await openDatabase({ databaseUrl: url.toString() }),
    drop: async () => {
      const cleaner = new pg.Client({ connectionString: server });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}

async function main() {
  const { handle, drop } = await open();
  const { db } = handle;
  try {
    await applyMigrations(handle);
    const chosen = readDemoProcedures()
      .filter(
        (entry) =>
          entry.handlingUnitCodes.length === 1 && entry.handlingUnitCodes[0] === JUSTICE && (entry.processTemplate ?? []).length > 0,
      )
      .slice(0, 8);
    const codes = chosen.map((entry) => entry.code);
    const componentsOf = new Map(chosen.map((entry) => [entry.code, entry.components?.length ?? 0]));
    await loadDemoData(db, { procedureCodes: codes, baselines: false, dossiers: 0 });
    const unitRows = rowsOf(await db.execute(sql`select id, code, path, name from units`));
    const units = new Map(
      unitRows.map((row) => [String(row.code), { id: String(row.id), path: String(row.path), name: String(row.name) }]),
    );
    const userIds = rowsOf(
      await db.execute(sql`select id, username from users where username in ('tiepnhan','chuyenvien','truongphong','lanhdao')`),
    );
    const actors: Actor[] = [];
    for (const row of userIds) actors.push((await loadActor(db, String(row.id)))!);
    const desk = actors.find((actor) => actor.username === 'tiepnhan')!;
    const random = seededRandom(7);
    const staff = new DemoStaff(db, units, 'x', random, actors);
    const calendar = await getWorkCalendar(db);
    // The session's logger, also handed to the sessions of its transactions (drizzle copies `options`).
    const session = (db as unknown as { session: { logger: unknown; options: { logger?: unknown } } }).session;
    session.logger = logger;
    session.options.logger = logger;

    for (let index = 0; index < LIFECYCLES; index++) {
      if (VERBOSE) lastTexts.length = 0;
      const body = receiveDossierBodySchema.parse({
        procedureCode: codes[index % codes.length],
        channel: 'direct',
        applicant: demoApplicant(random),
        components: [],
        decision: { action: 'accept' },
      });
      const components = Array.from({ length: componentsOf.get(body.procedureCode) ?? 0 }, (_, position) => ({
        position,
        presence: 'paper' as const,
        fileIds: [],
        reusedFrom: null,
      }));
      const row = await counted('receiveDossier', () => receiveDossier(db, desk, { ...body, components }));
      const context = { db, calendar, staff, random, until: new Date(Date.now() + 86_400_000) };
      let view = await counted('getDossierView (after the intake)', () => getDossierView(db, desk, row.id, { calendar }));
      for (let guard = 0; guard < 20 && view.status !== 'returned'; guard++) {
        const next = await nextAction(context, view);
        if (!next) throw new Error(`lifecycle stuck at ${view.status}`);
        const parsed = dossierActionBodySchema.parse({ ...next.body, version: view.version });
        view = await counted(`performAction ${parsed.action}`, () => performAction(db, next.actor, row.id, parsed));
      }
    }
    let total = 0;
    let calls = 0;
    console.log(`Câu lệnh SQL mỗi lần gọi (${LIFECYCLES} vòng đời, ${handle.kind}; không kể BEGIN/COMMIT):`);
    for (const [name, entry] of counts) {
      total += entry.statements;
      calls += entry.calls;
      console.log(
        `  ${name.padEnd(40)} ${String(entry.calls).padStart(4)} lần  ${(entry.statements / entry.calls).toFixed(1).padStart(6)} câu/lần  ${(entry.ms / entry.calls).toFixed(1).padStart(6)} ms/lần`,
      );
    }
    console.log(
      `  mỗi vòng đời: ${(total / LIFECYCLES).toFixed(1)} câu lệnh trong ${(calls / LIFECYCLES).toFixed(1)} lần gọi (${(total / calls).toFixed(1)} câu/lần)`,
    );
    if (VERBOSE) for (const text of lastTexts) console.log(text);
  } finally {
    await handle.close();
    await drop();
  }
}

await main();
