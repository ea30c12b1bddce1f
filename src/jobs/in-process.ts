import type { JobContext, JobDefinition } from './types';

export type RunningJobs = { stop(): Promise<void> };

/**
 * The embedded database's runner: each job on a timer of its own in this process, one run at a time (the next run is
 * timed from the end of the last, so a slow run never overlaps itself). PGlite has one connection, shared with the
 * HTTP requests: handlers keep their transactions short.
 */
export function startInProcessJobs(jobs: JobDefinition[], contextOf: () => Omit<JobContext, 'now'>): RunningJobs {
  let isStopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  const schedule = (job: JobDefinition, delayMs: number) => {
    if (isStopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const run = runJob(job, { ...contextOf(), now: new Date() }).finally(() => {
        running.delete(run);
        schedule(job, job.everySeconds * 1000);
      });
      running.add(run);
    }, delayMs);
    timers.add(timer);
  };
  for (const job of jobs) schedule(job, 0);
  return {
    async stop() {
      isStopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(running);
    },
  };
}

/** Runs one job once; a failure is logged (name and error code, no data) and the next run tries again. */
export async function runJob(job: JobDefinition, context: JobContext): Promise<void> {
  try {
    await job.handler(context);
  } catch (error) {
    const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
    context.log.error({ job: job.name, error: { name, code } }, 'background job failed');
  }
}
