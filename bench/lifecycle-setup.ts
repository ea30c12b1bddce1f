/**
 * What the dossier benchmarks share (bench:dossiers, bench:lifecycle-statements): a database of their own (PostgreSQL
 * when DATABASE_URL names a server — created and dropped —, in-memory PGlite otherwise) and the demo set-up of their
 * lifecycles: eight Sở Tư pháp procedures with a process, the demo accounts, the staff who act and the work calendar.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { dossierActionBodySchema, receiveDossierBodySchema } from '../src/contract/dossiers';
import { type Database, type DatabaseHandle, openDatabase } from '../src/db/client';
import { loadDemoData } from '../src/demo';
import { demoApplicant, seededRandom } from '../src/demo/dossier-people';
import { DemoStaff } from '../src/demo/dossier-staff';
import { nextAction } from '../src/demo/dossier-walk';
import { readDemoProcedures } from '../src/demo/fixtures';
import { type Actor, loadActor } from '../src/modules/auth';
import { getWorkCalendar } from '../src/modules/calendar';
import { getDossierView, performAction, receiveDossier } from '../src/modules/dossiers';

export const JUSTICE = '000.00.03.H01';

type Rows = { rows: Record<string, unknown>[] };
export const rowsOf = (result: unknown) => (result as Rows).rows;

/**
 * `reuseUrl`: a database an earlier run kept — opened as it is, never dropped. `keep`: keep the created database
 * (its address is printed); BENCH_KEEP_DATABASE does the same for every benchmark.
 */
export type BenchDatabaseOptions = { reuseUrl?: string; keep?: boolean };

export async function openBenchDatabase(
  options: BenchDatabaseOptions = {},
): Promise<{ handle: DatabaseHandle; drop: () => Promise<void>; kind: string }> {
  if (options.reuseUrl) {
    const handle = await openDatabase({ databaseUrl: options.reuseUrl });
    return { handle, drop: async () => undefined, kind: `PostgreSQL, dữ liệu có sẵn (${new URL(options.reuseUrl).pathname})` };
  }
  const server = process.env.DATABASE_URL;
  if (!server) {
    const handle = await openDatabase({ inMemory: true });
    return { handle, drop: async () => undefined, kind: 'PGlite (trong bộ nhớ)' };
  }
  const name = `motcua_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  return {
    handle,
    kind: `PostgreSQL (${url.host})`,
    drop: async () => {
      if (options.keep || process.env.BENCH_KEEP_DATABASE) return console.log(`base giữ lại: ${url.toString()}`);
      const cleaner = new pg.Client({ connectionString: server });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}

/** The demo data of the lifecycles (migrations applied before), and what the walk needs. */
export async function prepareLifecycles(db: Database) {
  const chosen = readDemoProcedures()
    .filter(
      (entry) => entry.handlingUnitCodes.length === 1 && entry.handlingUnitCodes[0] === JUSTICE && (entry.processTemplate ?? []).length > 0,
    )
    .slice(0, 8);
  const codes = chosen.map((entry) => entry.code);
  const componentsOf = new Map(chosen.map((entry) => [entry.code, entry.components?.length ?? 0]));
  await loadDemoData(db, { procedureCodes: codes, baselines: false, dossiers: 0 });
  const unitRows = rowsOf(await db.execute(sql`select id, code, path, name from units`));
  const units = new Map(unitRows.map((row) => [String(row.code), { id: String(row.id), path: String(row.path), name: String(row.name) }]));
  const userIds = rowsOf(
    await db.execute(sql`select id, username from users where username in ('tiepnhan','chuyenvien','truongphong','lanhdao')`),
  );
  const actors: Actor[] = [];
  for (const row of userIds) actors.push((await loadActor(db, String(row.id)))!);
  const desk = actors.find((actor) => actor.username === 'tiepnhan')!;
  const random = seededRandom(7);
  const staff = new DemoStaff(db, units, 'x', random, actors);
  const calendar = await getWorkCalendar(db);
  return { db, codes, componentsOf, units, actors, desk, random, staff, calendar };
}

export type Lifecycles = Awaited<ReturnType<typeof prepareLifecycles>>;

/** Runs a service call; bench:lifecycle-statements passes one that counts the call's statements under `label`. */
export type LifecycleCall = <T>(label: string, run: () => Promise<T>) => Promise<T>;

/**
 * Lifecycle number `index`: a dossier of the index's procedure received at the desk with every component on paper and
 * accepted, then walked to its return by the staff who hold each step (the demo's `nextAction`). Returns the service
 * calls that wrote (the intake and each action, a transaction each); the view read after the intake is not one.
 */
export async function runLifecycle(setup: Lifecycles, index: number, call: LifecycleCall = (_label, run) => run()): Promise<number> {
  const { db, codes, componentsOf, desk, random, staff, calendar } = setup;
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
  const row = await call('receiveDossier', () => receiveDossier(db, desk, { ...body, components }));
  let writes = 1;
  const context = { db, calendar, staff, random, until: new Date(Date.now() + 86_400_000) };
  let view = await call('getDossierView (after the intake)', () => getDossierView(db, desk, row.id, { calendar }));
  for (let guard = 0; guard < 20 && view.status !== 'returned'; guard++) {
    const next = await nextAction(context, view);
    if (!next) throw new Error(`lifecycle stuck at ${view.status}`);
    const parsed = dossierActionBodySchema.parse({ ...next.body, version: view.version });
    view = await call(`performAction ${parsed.action}`, () => performAction(db, next.actor, row.id, parsed));
    writes++;
  }
  return writes;
}
