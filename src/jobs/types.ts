import type { Config } from '../config';
import type { Database } from '../db/client';

/** The process's logger (Fastify's pino): objects first, then the message. No personal data in either. */
export type JobLog = {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
};

/** What a job's handler receives; `now` is the instant of this run (a test passes the one it needs). */
export type JobContext = { db: Database; now: Date; config: Config; log: JobLog };

/**
 * A background job: run every `everySeconds` on one worker at a time (pg-boss on PostgreSQL, an in-process timer on
 * PGlite). The handler must be idempotent and short: a run that finds nothing to do does nothing, a run cut off half
 * way is finished by the next one, and two runs at once on two workers (a lease that ran out) do no harm.
 */
export type JobDefinition = {
  /** Letters, digits and hyphens (pg-boss queue names): `<module>-<what>`, e.g. "notify-deliver". */
  name: string;
  everySeconds: number;
  /** Run on the embedded database (PGlite) only: work PostgreSQL's own background processes do on a server. */
  embeddedOnly?: boolean;
  handler: (context: JobContext) => Promise<unknown>;
};
