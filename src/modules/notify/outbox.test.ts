import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyOutbox } from '../../db/schema/notify';
import { createTestDatabase, type TestDatabase, testBackends } from '../../test/harness';
import { deliveryStates, enqueueNotification } from './index';

describe.each(testBackends())('notify outbox (%s)', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
  }, 60_000);
  afterAll(() => database?.dispose());

  it('writes the message only when the caller’s transaction commits', async () => {
    const rolledBack = database.db.transaction(async (tx) => {
      await enqueueNotification(tx, {
        channel: 'email',
        recipient: 'a@example.vn',
        template: 't',
        body: 'x',
        refType: 'test',
        refId: 'rb',
      });
      throw new Error('rollback');
    });
    await expect(rolledBack).rejects.toThrow('rollback');
    const { id } = await database.db.transaction((tx) =>
      enqueueNotification(tx, {
        channel: 'email',
        recipient: ' a@example.vn ',
        template: 't',
        body: 'Hồ sơ',
        refType: 'test',
        refId: 'ok',
      }),
    );
    const rows = await database.db.select().from(notifyOutbox).where(eq(notifyOutbox.refType, 'test'));
    expect(rows.map((row) => row.id)).toEqual([id]);
    expect(rows[0]).toMatchObject({ status: 'pending', attempts: 0, recipient: 'a@example.vn', body: 'Hồ sơ'.normalize('NFC') });
  });

  it('keeps one message per dedupe key and returns its id', async () => {
    const message = { channel: 'sms' as const, recipient: '0912345678', template: 't', body: 'x', dedupeKey: 'dedupe-1' };
    const first = await enqueueNotification(database.db, message);
    const second = await enqueueNotification(database.db, { ...message, body: 'y' });
    expect(second.id).toBe(first.id);
    const rows = await database.db.select().from(notifyOutbox).where(eq(notifyOutbox.dedupeKey, 'dedupe-1'));
    expect(rows.map((row) => row.body)).toEqual(['x']);
  });

  it('tells the delivery state of each subject, per channel', async () => {
    const portal = {
      channel: 'national_portal' as const,
      recipient: 'national-portal',
      template: 'dossier.status',
      body: '{}',
      refType: 'dossier',
    };
    const sent = await enqueueNotification(database.db, { ...portal, refId: 'd1' });
    await enqueueNotification(database.db, { ...portal, refId: 'd2' });
    const failed = await enqueueNotification(database.db, { ...portal, refId: 'd3' });
    await enqueueNotification(database.db, { ...portal, refId: 'd3' });
    await enqueueNotification(database.db, { ...portal, channel: 'email', recipient: 'x@example.vn', refId: 'd4' });
    await database.db.update(notifyOutbox).set({ status: 'sent' }).where(eq(notifyOutbox.id, sent.id));
    await database.db.update(notifyOutbox).set({ status: 'failed' }).where(eq(notifyOutbox.id, failed.id));
    const states = await deliveryStates(database.db, 'dossier', ['d1', 'd2', 'd3', 'd4', 'd5'], 'national_portal');
    expect(Object.fromEntries(states)).toEqual({ d1: 'sent', d2: 'pending', d3: 'failed' });
    expect((await deliveryStates(database.db, 'dossier', ['d4'])).get('d4')).toBe('pending');
    expect((await deliveryStates(database.db, 'dossier', [])).size).toBe(0);
  });
});
