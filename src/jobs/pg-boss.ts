import PgBoss from 'pg-boss';
import type { RunningJobs } from './in-process';
import { runJob } from './in-process';
import type { JobContext, JobDefinition } from './types';

/** pg-boss keeps its queues in a schema of its own, next to motcua's tables. */
export const PG_BOSS_SCHEMA = 'pgboss';

/**
 * PostgreSQL's runner: every job is a pg-boss queue with the "stately" policy — at most one run waiting and one
 * running across all the workers (`motcua serve` and `motcua worker` processes alike). Each process offers a run every
 * `everySeconds`, throttled to one per period by a singleton key; whichever worker fetches it runs it.
 * (pg-boss's own `schedule` is cron, at most once a minute: too slow for the outbox.)
 */
export async function startPgBossJobs(
  databaseUrl: string,
  jobs: JobDefinition[],
  contextOf: () => Omit<JobContext, 'now'>,
): Promise<RunningJobs & { boss: PgBoss }> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: PG_BOSS_SCHEMA,
    max: 4,
    application_name: 'motcua-jobs',
    // A run every few seconds makes many small rows: archived after an hour, gone after two days.
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 2,
  });
  boss.on('error', (error) =>
    contextOf().log.error({ error: { name: error.name, code: (error as { code?: unknown }).code } }, 'pg-boss error'),
  );
  await boss.start();
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    await ensureQueue(boss, job);
    await boss.work(job.name, { pollingIntervalSeconds: Math.min(Math.max(job.everySeconds / 2, 0.5), 30) }, async () => {
      await runJob(job, { ...contextOf(), now: new Date() });
    });
    const offer = () => boss.send(job.name, {}, { singletonKey: job.name, singletonSeconds: job.everySeconds }).catch(() => undefined);
    await offer();
    timers.push(setInterval(offer, job.everySeconds * 1000));
  }
  return {
    boss,
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}

/**
 * Creates the job's queue unless it exists. Two workers starting at once may both create it: PostgreSQL then reports
 * a deadlock or a duplicate to one of them, which looks again and finds the queue the other created.
 */
async function ensureQueue(boss: PgBoss, job: JobDefinition): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(job.name)) return;
    try {
      await boss.createQueue(job.name, {
        name: job.name,
        policy: 'stately',
        retryLimit: 0,
        // pg-boss refuses an expiry of 24 hours or more (a daily job would ask for 12 days).
        expireInSeconds: Math.min(Math.max(60, job.everySeconds * 12), 23 * 3600),
      });
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 5 || (code !== '40P01' && code !== '23505' && code !== '42P07')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}
