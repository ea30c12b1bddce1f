import type { Config } from '../config';
import type { DatabaseHandle } from '../db/client';
import { type RunningJobs, startInProcessJobs } from './in-process';
import { startPgBossJobs } from './pg-boss';
import { jobs } from './registry';
import type { JobDefinition, JobLog } from './types';

export { type RunningJobs, runJob } from './in-process';
export { jobs } from './registry';
export type { JobContext, JobDefinition, JobLog } from './types';

/** The jobs a PostgreSQL server's runner takes: those not `embeddedOnly` (the server does that work itself). */
export function serverJobs(definitions: readonly JobDefinition[] = jobs): JobDefinition[] {
  return definitions.filter((job) => !job.embeddedOnly);
}

/** Starts the background jobs on the database's runner: pg-boss on PostgreSQL, in-process timers on PGlite. */
export async function startJobs(
  database: DatabaseHandle,
  config: Config,
  log: JobLog,
  definitions: JobDefinition[] = jobs,
): Promise<RunningJobs> {
  const contextOf = () => ({ db: database.db, config, log });
  if (database.kind === 'postgres') {
    if (!config.databaseUrl) throw new Error('startJobs: a PostgreSQL database without DATABASE_URL');
    return startPgBossJobs(config.databaseUrl, serverJobs(definitions), contextOf);
  }
  return startInProcessJobs(definitions, contextOf);
}
