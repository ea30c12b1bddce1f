import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: 'pglite' | 'postgres';
  /**
   * LISTEN on `channel`: `onNotify` runs for each notification (delivered at the notifying transaction's commit),
   * `onLost` if the listening connection fails (no notification will come any more). Stops when the handle closes.
   */
  listen(channel: string, onNotify: () => void, onLost: () => void): Promise<void>;
  /** The embedded database's whole folder as an uncompressed tar (PGlite only): reopened with `fromDump`. */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
};

/** `fromDump` (with `inMemory`): the folder a `dump()` gave, so that no initdb and no migration runs again (tests). */
export type DatabaseOptions = { databaseUrl?: string; dataDir?: string; inMemory?: boolean; fromDump?: Blob };

/** PostgreSQL when a URL is given, else the embedded PGlite under DATA_DIR/db (or in memory for tests). */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    pool.on('error', () => undefined); // a dropped idle client must not crash the process
    await pool.query('select 1');
    const db = drizzlePostgres(pool, { schema }) as unknown as Database;
    const listeners: pg.PoolClient[] = [];
    return {
      db,
      kind: 'postgres',
      async listen(channel, onNotify, onLost) {
        // A connection of its own, outside the pool's rotation: LISTEN belongs to a session.
        const client = await pool.connect();
        listeners.push(client);
        client.on('notification', (message) => {
          if (message.channel === channel) onNotify();
        });
        client.on('error', onLost);
        client.on('end', onLost);
        await client.query(`LISTEN "${channel.replaceAll('"', '')}"`);
      },
      async close() {
        for (const client of listeners.splice(0)) client.release(true);
        await pool.end();
      },
    };
  }
  let dataPath: string | undefined;
  let releaseLock: () => void = () => undefined;
  if (!options.inMemory) {
    if (!options.dataDir) throw new Error('dataDir is required for the embedded database');
    dataPath = join(options.dataDir, 'db');
    mkdirSync(dataPath, { recursive: true });
    releaseLock = lockDataDirectory(dataPath);
  }
  try {
    if (dataPath) await createDataDirectory(dataPath);
    const client = await PGlite.create(dataPath, {
      extensions: { unaccent, pg_trgm },
      startParams: PGLITE_START_PARAMS,
      ...(options.fromDump ? { loadDataDir: options.fromDump } : {}),
    });
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    return {
      db,
      kind: 'pglite',
      async listen(channel, onNotify) {
        // One in-process session: nothing can drop it while the handle is open.
        await client.listen(channel, onNotify);
      },
      dump: () => client.dumpDataDir('none'),
      async close() {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * The embedded server's memory settings. PostgreSQL's defaults (128 MB of shared buffers, 64 MB per index build) suit
 * a machine of its own; in PGlite every page they touch is WebAssembly memory, which never shrinks, and the whole
 * demo database is 75 MB. The operating system's file cache still holds what the buffers do not.
 */
const PGLITE_START_PARAMS = [
  ...PGlite.defaultStartParams,
  ...['shared_buffers=32MB', 'maintenance_work_mem=16MB', 'work_mem=4MB', 'temp_buffers=4MB'].flatMap((setting) => ['-c', setting]),
];

const runProcess = promisify(execFile);

/**
 * Creates a new embedded database folder in a short-lived child process. PGlite runs initdb through a second,
 * temporary instance whose few hundred MB of WebAssembly memory a long-running server would otherwise keep.
 */
async function createDataDirectory(dataPath: string): Promise<void> {
  if (existsSync(join(dataPath, 'PG_VERSION'))) return;
  const pglite = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const script = `const { PGlite } = await import(process.argv[1]);
const db = await PGlite.create(process.argv[2], { startParams: JSON.parse(process.argv[3]) });
await db.close();`;
  await runProcess(process.execPath, ['--input-type=module', '-e', script, pglite, dataPath, JSON.stringify(PGLITE_START_PARAMS)]);
}

export class DatabaseBusyError extends Error {}

/**
 * The embedded database is a folder that only one process may open (two would corrupt it): a lock file with the
 * owner's PID guards it; a lock left by a process that no longer runs is taken over.
 */
function lockDataDirectory(dataPath: string): () => void {
  const lockPath = join(dataPath, 'motcua.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockPath, { force: true });
    } catch {
      const owner = Number(readFileSync(lockPath, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isProcessAlive(owner)) {
        throw new DatabaseBusyError(
          `Cơ sở dữ liệu nhúng ${dataPath} đang được tiến trình khác (PID ${owner}) sử dụng. ` +
            'Hãy dừng máy chủ motcua trước khi chạy lệnh này, hoặc dùng PostgreSQL (DATABASE_URL). ' +
            `Nếu chắc chắn không còn tiến trình nào dùng thư mục này, xóa tệp ${lockPath}.`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseBusyError(`Không khóa được thư mục cơ sở dữ liệu ${dataPath}.`);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
