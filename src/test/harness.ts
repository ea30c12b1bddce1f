import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Config, loadConfig, readTestSettings } from '../config';
import { type DatabaseHandle, openDatabase } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { DEMO_PASSWORD, type DemoLoadOptions, loadDemoData } from '../demo';
import { type App, buildApp } from '../http/app';

export type TestBackend = 'pglite' | 'postgres';

/** Integration tests run on PGlite, and also on a real PostgreSQL server when TEST_DATABASE_URL is set. */
export function testBackends(): TestBackend[] {
  return readTestSettings().testDatabaseUrl ? ['pglite', 'postgres'] : ['pglite'];
}

/** `url`: the test database's address on the PostgreSQL server (absent on PGlite), for a second connection pool. */
export type TestDatabase = DatabaseHandle & { url?: string; dispose(): Promise<void> };

/** A migrated, empty database: PGlite in memory, or a fresh database created on the test server. */
/**
 * pg warns (once per process) when a client is handed a query while it runs one — concurrent queries on one
 * transaction's client, which pg 9 will refuse. The PostgreSQL run of a file fails when it happened.
 */
const concurrentQueryWarnings: string[] = [];
let isWatchingWarnings = false;
function watchConcurrentQueries(): void {
  if (isWatchingWarnings) return;
  isWatchingWarnings = true;
  process.on('warning', (warning) => {
    if (warning.message.includes('already executing a query')) concurrentQueryWarnings.push(warning.stack ?? warning.message);
  });
}

export async function createTestDatabase(backend: TestBackend): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const handle = await openDatabase({ inMemory: true, fromDump: await migratedPgliteDump() });
    // Nothing left to apply on the run's migrated copy; this checks it and keeps a test without the template working.
    await applyMigrations(handle);
    return { ...handle, dispose: () => handle.close() };
  }
  watchConcurrentQueries();
  const serverUrl = readTestSettings().testDatabaseUrl!;
  const name = `motcua_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await createFromTemplate(admin, name, await migratedPostgresTemplate(admin, serverUrl));
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  await applyMigrations(handle);
  return {
    ...handle,
    url: url.toString(),
    async dispose() {
      await handle.close();
      const cleaner = new pg.Client({ connectionString: serverUrl });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
      if (concurrentQueryWarnings.length) throw new Error(`Concurrent queries on one client:\n${concurrentQueryWarnings.join('\n')}`);
    },
  };
}

/*
 * Migrating a new database takes seconds (tens of migrations; on PGlite also initdb in WebAssembly) and every
 * integration test file needs one or two. The first file of a run that needs one migrates a database once and keeps
 * it in the run's folder or on the server (src/test/global-setup.ts names both and removes them after the run); every
 * other file starts from a copy. Outside vitest (no run folder) each database is migrated as before.
 */

function providedByRun<K extends 'testRunDir' | 'postgresTemplate'>(key: K): string | undefined {
  try {
    return inject(key);
  } catch {
    return undefined;
  }
}

/** The run's migrated empty PGlite database as a tar, made by the first file that asks (another may make it too). */
async function migratedPgliteDump(): Promise<Blob | undefined> {
  const runDir = providedByRun('testRunDir');
  if (!runDir || !existsSync(runDir)) return undefined;
  const path = join(runDir, 'pglite-migrated.tar');
  if (!existsSync(path)) {
    const handle = await openDatabase({ inMemory: true });
    try {
      await applyMigrations(handle);
      const dump = await handle.dump!();
      // Written under a name of its own, then renamed: a reader never sees half a file.
      const partial = `${path}.${process.pid}`;
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      renameSync(partial, path);
    } finally {
      await handle.close();
    }
  }
  return new Blob([readFileSync(path)]);
}

/** An arbitrary constant: the advisory lock under which the first file of a run makes the template database. */
const TEMPLATE_LOCK_KEY = 7_316_842_020;

/** The run's migrated template database on the test server (made under an advisory lock by the first file). */
async function migratedPostgresTemplate(admin: pg.Client, serverUrl: string): Promise<string | undefined> {
  const template = providedByRun('postgresTemplate');
  if (!template) return undefined;
  await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (exists.rowCount === 0) {
      const building = `${template}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      const url = new URL(serverUrl);
      url.pathname = `/${building}`;
      const handle = await openDatabase({ databaseUrl: url.toString() });
      try {
        await applyMigrations(handle);
      } finally {
        await handle.close();
      }
      await admin.query(`alter database ${building} rename to ${template}`);
    }
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
  }
  return template;
}

/** A new database copied from the template (or empty without one); a copy under way elsewhere is waited for. */
async function createFromTemplate(admin: pg.Client, name: string, template: string | undefined): Promise<void> {
  if (!template) {
    await admin.query(`create database ${name}`);
    return;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      return;
    } catch (error) {
      // 55006 object_in_use: "source database is being accessed by other users" — another file's copy, for a moment.
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/** The national portal's shared secret in tests (sign a body with it: src/modules/dossiers/national-portal.test.ts). */
export const TEST_NATIONAL_PORTAL_SECRET = 'kiem-thu-cong-dich-vu-cong-quoc-gia-0123456789';

/** Request budgets off: a test file sends thousands of requests from one address (src/http/rate-limit.test.ts turns them on). */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: '.tmp/test-data',
      RATE_LIMIT_PER_MINUTE: '0',
      LOGIN_RATE_LIMIT_PER_MINUTE: '0',
      PUBLIC_LOOKUP_RATE_LIMIT_PER_MINUTE: '0',
      NATIONAL_PORTAL_SECRET: TEST_NATIONAL_PORTAL_SECRET,
    },
    overrides,
  );
}

export type TestApp = {
  app: App;
  database: TestDatabase;
  config: Config;
  /** Logs in through the API and returns the headers that later requests of that user need. */
  login(username: string, password?: string): Promise<{ cookie: string; 'x-csrf-token': string }>;
  close(): Promise<void>;
};

/** Procedures the integration tests rely on: lý lịch tư pháp, hộ tịch, chứng thực... (see demo fixtures). */
export const TEST_PROCEDURE_CODES = ['3.000333', '3.000334', '3.000335', '1.001193', '2.000815'];

export async function createTestApp(
  backend: TestBackend,
  options: { demo?: DemoLoadOptions | false; config?: Partial<Config>; database?: TestDatabase } = {},
): Promise<TestApp> {
  // `database`: one the test opened itself (a file-backed PGlite a child process reopens, src/modules/dossiers/codes.test.ts).
  const database = options.database ?? (await createTestDatabase(backend));
  // Demo dossiers only when a test asks for them (`demo: { dossiers: n }`): they take seconds to make.
  if (options.demo !== false)
    await loadDemoData(database.db, { dossiers: 0, plans: false, ...(options.demo ?? { procedureCodes: TEST_PROCEDURE_CODES }) });
  const config = testConfig(options.config);
  const app = await buildApp({ config, database, webRoot: '/nonexistent' });
  await app.ready();
  return {
    app,
    database,
    config,
    async login(username, password = DEMO_PASSWORD) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((entry) => entry.name === 'motcua_session');
      return { cookie: `motcua_session=${cookie!.value}`, 'x-csrf-token': response.json().csrfToken as string };
    },
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}
