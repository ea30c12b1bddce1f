import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { notifyOutbox } from '../db/schema/notify';
import { startServer } from '../main';
import { enqueueNotification } from '../modules/notify';
import { createMemoryLog, startTestGateway } from '../test/gateway';
import { createTestDatabase, testBackends, testConfig } from '../test/harness';
import { type RunningJobs, startInProcessJobs } from './in-process';
import { jobs, startJobs } from './index';
import { startPgBossJobs } from './pg-boss';
import type { JobDefinition } from './types';

const SECRET = 'test-secret-0123456789';
/** The registry's jobs, every second (a test does not wait five). */
const fastJobs: JobDefinition[] = jobs.map((job) => ({ ...job, everySeconds: 1 }));

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const smsTo = (refId: string) => ({
  channel: 'sms' as const,
  recipient: '0912000111',
  template: 'dossier.received',
  body: 'Hồ sơ đã được tiếp nhận',
  refType: 'dossier',
  refId,
});
const unsentCount = async (database: DatabaseHandle) =>
  (await database.db.select({ id: notifyOutbox.id }).from(notifyOutbox)).length -
  (await database.db.select({ id: notifyOutbox.id }).from(notifyOutbox).where(eq(notifyOutbox.status, 'sent'))).length;

describe('the job registry', () => {
  it('holds the outbox delivery, with a pg-boss queue name', () => {
    expect(jobs.map((job) => job.name)).toContain('notify-deliver');
    for (const job of jobs) expect(job.name).toMatch(/^[a-z]+(-[a-z]+)+$/);
  });

  it('in process: runs each job on its timer, never twice at once, goes on after a failure, stops cleanly', async () => {
    const log = createMemoryLog();
    let runs = 0;
    let running = 0;
    let overlapped = false;
    const slow: JobDefinition = {
      name: 'test-slow',
      everySeconds: 0.01,
      handler: async () => {
        running += 1;
        overlapped ||= running > 1;
        runs += 1;
        await new Promise((resolve) => setTimeout(resolve, 30));
        running -= 1;
        if (runs === 2) throw Object.assign(new Error('secret detail'), { code: 'E_TEST' });
      },
    };
    const started = startInProcessJobs([slow], () => ({ db: undefined as never, config: testConfig(), log }));
    await waitFor(async () => runs >= 4, 5_000);
    await started.stop();
    const after = runs;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(runs).toBe(after);
    expect(overlapped).toBe(false);
    expect(log.lines).toEqual([
      { level: 'error', data: { job: 'test-slow', error: { name: 'Error', code: 'E_TEST' } }, message: 'background job failed' },
    ]);
  });
});

describe('jobs on the embedded database', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'motcua-jobs-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('deliver the outbox in process, and a restart loses no pending message', async () => {
    const gateway = await startTestGateway([503]);
    const config = { ...testConfig(), notify: { ...testConfig().notify, sms: { url: gateway.url, secret: SECRET } } };
    let database = await openDatabase({ dataDir: directory });
    try {
      await applyMigrations(database);
      for (let index = 0; index < 3; index++) await enqueueNotification(database.db, smsTo(`D-${index}`));
      let running = await startJobs(database, config, createMemoryLog(), fastJobs);
      await waitFor(async () => gateway.calls.length >= 3);
      await running.stop();
      await database.close();
      expect(gateway.calls).toHaveLength(3);

      gateway.answer([200]);
      database = await openDatabase({ dataDir: directory });
      expect(await unsentCount(database)).toBe(3);
      // Their retry is due in 15–30 s: move it to now, as the clock would.
      await database.db.update(notifyOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) });
      running = await startJobs(database, config, createMemoryLog(), fastJobs);
      await waitFor(async () => (await unsentCount(database)) === 0);
      await running.stop();
      expect(gateway.calls).toHaveLength(6);
    } finally {
      await database.close();
      await gateway.close();
    }
  }, 60_000);
});

describe('motcua serve', () => {
  it('runs the jobs beside HTTP when JOBS is on, and stops them when it closes', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'motcua-serve-jobs-'));
    const gateway = await startTestGateway([200]);
    const config = testConfig({ dataDir: directory, port: 0, host: '127.0.0.1', loadDemo: false, jobsEnabled: true });
    const server = await startServer(
      { ...config, notify: { ...config.notify, sms: { url: gateway.url, secret: SECRET } } },
      { print: () => undefined },
    );
    try {
      await enqueueNotification(server.database.db, smsTo('S-1'));
      await waitFor(async () => (await unsentCount(server.database)) === 0);
      expect(gateway.calls).toHaveLength(1);
    } finally {
      await server.close();
      await gateway.close();
      await rm(directory, { recursive: true, force: true });
    }
  }, 60_000);
});

describe.skipIf(!testBackends().includes('postgres'))('jobs on PostgreSQL (pg-boss)', () => {
  it('two workers deliver every message once; messages left pending are sent after a restart', async () => {
    const database = await createTestDatabase('postgres');
    const gateway = await startTestGateway([200]);
    const config = { ...testConfig(), notify: { ...testConfig().notify, sms: { url: gateway.url, secret: SECRET } } };
    const second = await openDatabase({ databaseUrl: database.url! });
    try {
      const context = (handle: DatabaseHandle) => () => ({ db: handle.db, config, log: createMemoryLog() });
      let workers: RunningJobs[] = await Promise.all([
        startPgBossJobs(database.url!, fastJobs, context(database)),
        startPgBossJobs(database.url!, fastJobs, context(second)),
      ]);
      for (let index = 0; index < 40; index++) await enqueueNotification(database.db, smsTo(`P-${index}`));
      await waitFor(async () => (await unsentCount(database)) === 0);
      const received = gateway.calls.map((call) => call.headers['x-motcua-message-id']);
      expect(received).toHaveLength(40);
      expect(new Set(received).size).toBe(40);

      await Promise.all(workers.map((worker) => worker.stop()));
      for (let index = 0; index < 5; index++) await enqueueNotification(database.db, smsTo(`R-${index}`));
      expect(await unsentCount(database)).toBe(5);
      workers = [await startPgBossJobs(database.url!, fastJobs, context(second))];
      await waitFor(async () => (await unsentCount(database)) === 0);
      await workers[0]!.stop();
      expect(new Set(gateway.calls.map((call) => call.headers['x-motcua-message-id'])).size).toBe(45);
      expect(gateway.calls).toHaveLength(45);
    } finally {
      await second.close();
      await gateway.close();
      await database.dispose();
    }
  }, 120_000);
});
