import Fastify from 'fastify';
import type { Config } from '../config';
import { openDatabase } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { loggerOptions } from '../http/request-log';
import { serverJobs, startJobs } from './index';

/** Said by `motcua worker` on the embedded database, which only one process may open. */
export const EMBEDDED_WORKER_MESSAGE =
  'Cơ sở dữ liệu nhúng (PGlite) chỉ mở được trong một tiến trình: các tác vụ nền chạy ngay trong motcua serve. ' +
  'motcua worker chỉ dùng với PostgreSQL (đặt DATABASE_URL).';

export type RunningWorker = { close(): Promise<void> };

/** `motcua worker`: the background jobs without HTTP, on PostgreSQL; as many workers as wanted may run at once. */
export async function startWorker(config: Config, print: (line: string) => void = console.log): Promise<RunningWorker> {
  if (!config.databaseUrl) throw new WorkerUnavailableError(EMBEDDED_WORKER_MESSAGE);
  const database = await openDatabase({ databaseUrl: config.databaseUrl });
  try {
    await applyMigrations(database);
    // The same logger as the HTTP server's (pino, with the same options), without a server.
    const logHost = Fastify(loggerOptions(config));
    const running = await startJobs(database, config, logHost.log);
    const served = serverJobs();
    print(`motcua worker đang chạy ${served.length} tác vụ nền: ${served.map((job) => job.name).join(', ')} (PostgreSQL)`);
    return {
      async close() {
        await running.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export class WorkerUnavailableError extends Error {}
