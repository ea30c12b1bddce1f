import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyOutbox } from '../../db/schema/notify';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { enqueueNotification } from './index';

describe.each(testBackends())('outbox API (%s)', (backend) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['login']>>;
  const ids = { email: '', sms: '', portal: '' };
  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = await t.login('admin');
    const db = t.database.db;
    ids.email = (
      await enqueueNotification(db, {
        channel: 'email',
        recipient: 'nguyenvana@example.vn',
        template: 'auth.verify',
        subject: 'Xác minh',
        body: 'Mã xác minh của bạn: 123456',
        refType: 'user',
        refId: 'U1',
      })
    ).id;
    ids.sms = (
      await enqueueNotification(db, {
        channel: 'sms',
        recipient: '0912345678',
        template: 'dossier.received',
        body: 'Hồ sơ đã được tiếp nhận',
        refType: 'dossier',
        refId: 'D1',
      })
    ).id;
    ids.portal = (
      await enqueueNotification(db, {
        channel: 'national_portal',
        recipient: 'national-portal',
        template: 'dossier.status',
        body: '{"status":"received"}',
        refType: 'dossier',
        refId: 'D1',
      })
    ).id;
    await db.update(notifyOutbox).set({ status: 'failed', attempts: 12, lastError: 'HTTP 503' }).where(eq(notifyOutbox.id, ids.sms));
    await db.update(notifyOutbox).set({ status: 'sent', deliveredVia: 'log' }).where(eq(notifyOutbox.id, ids.email));
  }, 120_000);
  afterAll(() => t?.close());

  const list = (query = '', headers: object = admin) =>
    t.app.inject({ url: `/api/notify/outbox${query}`, headers: headers as Record<string, string> });

  it('lists the outbox to administrators, recipients masked and bodies left out', async () => {
    const response = await list();
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(page.items.map((item: { recipient: string }) => item.recipient).sort()).toEqual([
      '*******678',
      'national-portal',
      'ng***@example.vn',
    ]);
    expect(response.body).not.toContain('123456');
    expect(response.body).not.toContain('0912345678');
    expect(response.body).not.toContain('nguyenvana');
    expect(page.items.find((item: { id: string }) => item.id === ids.email)).toMatchObject({
      status: 'sent',
      deliveredVia: 'log',
      template: 'auth.verify',
      createdAt: expect.stringMatching(/\+07:00$/),
    });
  });

  it('filters by status, channel and subject, and pages', async () => {
    expect((await list('?status=failed')).json().items.map((item: { id: string }) => item.id)).toEqual([ids.sms]);
    expect((await list('?channel=national_portal')).json().items.map((item: { id: string }) => item.id)).toEqual([ids.portal]);
    expect((await list('?refType=dossier&refId=D1')).json().total).toBe(2);
    const second = (await list('?pageSize=2&page=2')).json();
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items).toHaveLength(1);
    expect((await list('?status=lost')).statusCode).toBe(422);
  });

  it('is closed to everyone but administrators', async () => {
    expect((await list('', {})).statusCode).toBe(401);
    const officer = await t.login('tiepnhan');
    expect((await list('', officer)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/notify/outbox/${ids.sms}/retry`, headers: officer })).statusCode).toBe(403);
  });

  it('puts a failed message back in the queue with its audit event; refuses one that did not fail', async () => {
    const retried = await t.app.inject({ method: 'POST', url: `/api/notify/outbox/${ids.sms}/retry`, headers: admin });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ id: ids.sms, status: 'pending', attempts: 0, lastError: 'HTTP 503' });
    const events = (
      (await t.database.db.execute(sql`select action, entity_type, data from audit_events where entity_id = ${ids.sms}`)) as unknown as {
        rows: { action: string; entity_type: string; data: Record<string, unknown> }[];
      }
    ).rows;
    expect(events).toMatchObject([
      { action: 'notify.retry', entity_type: 'notify_outbox', data: { channel: 'sms', template: 'dossier.received' } },
    ]);
    const again = await t.app.inject({ method: 'POST', url: `/api/notify/outbox/${ids.sms}/retry`, headers: admin });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('Chỉ gửi lại được thông báo đã gửi thất bại');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/notify/outbox/0f8fad5b-d9cb-469f-a165-70867728950e/retry',
      headers: admin,
    });
    expect(unknown.statusCode).toBe(404);
  });
});
