import { createHmac } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../config';
import { type DatabaseHandle, openDatabase } from '../../db/client';
import { notifyOutbox } from '../../db/schema/notify';
import { createMemoryLog, startTestGateway } from '../../test/gateway';
import { createTestDatabase, type TestDatabase, testBackends, testConfig } from '../../test/harness';
import { claimDueMessages, deliverPendingNotifications } from './delivery';
import { enqueueNotification } from './index';

const SECRET = 'test-secret-0123456789';
const minutes = (from: Date, count: number) => new Date(from.getTime() + count * 60_000);
/** The instant of a run just after the messages were written (the database keeps microseconds, a Date milliseconds). */
const justAfter = () => new Date(Date.now() + 1000);

describe.each(testBackends())('outbox delivery (%s)', (backend) => {
  let database: TestDatabase;
  let gateway: Awaited<ReturnType<typeof startTestGateway>>;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
    gateway = await startTestGateway();
  }, 60_000);
  afterAll(async () => {
    await gateway?.close();
    await database?.dispose();
  });
  beforeEach(async () => {
    await database.db.delete(notifyOutbox);
    gateway.calls.length = 0;
    gateway.answer([200]);
  });

  const configWith = (notify: Partial<Config['notify']>): Config => {
    const config = testConfig();
    return { ...config, notify: { ...config.notify, ...notify } };
  };
  const sms = (refId: string) => ({
    channel: 'sms' as const,
    recipient: '0912345678',
    template: 'dossier.received',
    body: `Hồ sơ ${refId} đã được tiếp nhận`,
    refType: 'dossier',
    refId,
  });
  const rowOf = async (id: string) => (await database.db.select().from(notifyOutbox).where(eq(notifyOutbox.id, id)))[0]!;

  it('writes a message of an unconfigured channel to the log, masked and without its body, and marks it sent', async () => {
    const log = createMemoryLog();
    const { id } = await enqueueNotification(database.db, sms('D-LOG'));
    const outcome = await deliverPendingNotifications({ db: database.db, now: justAfter(), config: configWith({}), log });
    expect(outcome).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await rowOf(id)).toMatchObject({ status: 'sent', deliveredVia: 'log', attempts: 1, lastError: null });
    const written = JSON.stringify(log.lines);
    expect(written).toContain('*******678');
    expect(written).not.toContain('0912345678');
    expect(written).not.toContain('tiếp nhận');
  });

  it('retries a gateway that fails, with backoff, until it answers; the call is signed', async () => {
    gateway.answer([503, 200]);
    const config = configWith({ sms: { url: gateway.url, secret: SECRET } });
    const log = createMemoryLog();
    const { id } = await enqueueNotification(database.db, sms('D-RETRY'));
    const now = justAfter();
    expect(await deliverPendingNotifications({ db: database.db, now, config, log })).toEqual({ sent: 0, retried: 1, failed: 0 });
    const waiting = await rowOf(id);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503', lockedUntil: null });
    expect(waiting.nextAttemptAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(15_000);
    expect(JSON.stringify(waiting)).not.toContain('recipient data');
    // Not due yet: nothing is sent again.
    expect(await deliverPendingNotifications({ db: database.db, now: new Date(now.getTime() + 10_000), config, log })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(await deliverPendingNotifications({ db: database.db, now: minutes(now, 2), config, log })).toEqual({
      sent: 1,
      retried: 0,
      failed: 0,
    });
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 2, deliveredVia: 'webhook', lastError: null });
    expect(gateway.calls).toHaveLength(2);
    const call = gateway.calls[1]!;
    const expected = createHmac('sha256', SECRET).update(`${call.headers['x-motcua-timestamp']}.${call.body}`).digest('hex');
    expect(call.headers['x-motcua-signature']).toBe(`sha256=${expected}`);
    expect(call.headers['x-motcua-message-id']).toBe(id);
    expect(JSON.parse(call.body)).toMatchObject({
      id,
      recipient: '0912345678',
      template: 'dossier.received',
      body: 'Hồ sơ D-RETRY đã được tiếp nhận',
    });
  });

  it('keeps a message while its gateway is down, and fails it only after the last attempt', async () => {
    const closed = await startTestGateway();
    await closed.close();
    const config = configWith({ zalo: { url: closed.url, secret: SECRET }, maxAttempts: 3 });
    const log = createMemoryLog();
    const { id } = await enqueueNotification(database.db, { ...sms('D-DOWN'), channel: 'zalo', recipient: '8877665544332211' });
    let now = justAfter();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await deliverPendingNotifications({ db: database.db, now, config, log });
      expect(await rowOf(id)).toMatchObject({
        attempts: attempt,
        status: attempt < 3 ? 'pending' : 'failed',
        lastError: 'network ECONNREFUSED',
      });
      now = minutes(now, 120);
    }
    expect(await deliverPendingNotifications({ db: database.db, now: minutes(now, 600), config, log })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(JSON.stringify(log.lines)).not.toContain('8877665544332211');
  });

  it('fails at once a message the gateway refuses (4xx), and posts the national-portal document as it is', async () => {
    gateway.answer([400, 200]);
    const config = configWith({ sms: { url: gateway.url, secret: SECRET }, nationalPortal: { url: gateway.url, secret: SECRET } });
    const refused = await enqueueNotification(database.db, sms('D-REFUSED'));
    const log = createMemoryLog();
    await deliverPendingNotifications({ db: database.db, now: justAfter(), config, log });
    expect(await rowOf(refused.id)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 400' });
    const document = JSON.stringify({ dossierCode: 'H01.01-260101-0001', status: 'received' });
    const portal = await enqueueNotification(database.db, {
      channel: 'national_portal',
      recipient: 'national-portal',
      template: 'dossier.status',
      body: document,
      refType: 'dossier',
      refId: 'D-PORTAL',
    });
    await deliverPendingNotifications({ db: database.db, now: justAfter(), config, log });
    expect(await rowOf(portal.id)).toMatchObject({ status: 'sent', deliveredVia: 'webhook' });
    expect(gateway.calls.at(-1)?.body).toBe(document);
  });

  it('two deliverers at once send each message exactly once', async () => {
    const config = configWith({ sms: { url: gateway.url, secret: SECRET } });
    const ids = new Set<string>();
    for (let index = 0; index < 45; index++) ids.add((await enqueueNotification(database.db, sms(`D-PAR-${index}`))).id);
    const second: DatabaseHandle = database.url ? await openDatabase({ databaseUrl: database.url }) : database;
    try {
      const now = justAfter();
      const outcomes = await Promise.all([
        deliverPendingNotifications({ db: database.db, now, config, log: createMemoryLog() }),
        deliverPendingNotifications({ db: second.db, now, config, log: createMemoryLog() }),
      ]);
      expect(outcomes[0].sent + outcomes[1].sent).toBe(45);
    } finally {
      if (second !== database) await second.close();
    }
    const received = gateway.calls.map((call) => call.headers['x-motcua-message-id'] as string);
    expect(received).toHaveLength(45);
    expect(new Set(received)).toEqual(ids);
    const [{ count }] = (await database.db
      .select({ count: sql<number>`count(*)`.mapWith(Number) })
      .from(notifyOutbox)
      .where(eq(notifyOutbox.status, 'sent'))) as [{ count: number }];
    expect(count).toBe(45);
  });

  it('takes up again, after its lease, a message claimed by a worker that died', async () => {
    const config = configWith({ sms: { url: gateway.url, secret: SECRET } });
    const { id } = await enqueueNotification(database.db, sms('D-CRASH'));
    const now = justAfter();
    const [claimed] = await claimDueMessages(database.db, now, 10); // ... and the worker dies before sending
    expect(claimed?.id).toBe(id);
    expect(await deliverPendingNotifications({ db: database.db, now: minutes(now, 1), config, log: createMemoryLog() })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(await deliverPendingNotifications({ db: database.db, now: minutes(now, 6), config, log: createMemoryLog() })).toEqual({
      sent: 1,
      retried: 0,
      failed: 0,
    });
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(gateway.calls).toHaveLength(1);
  });
});
