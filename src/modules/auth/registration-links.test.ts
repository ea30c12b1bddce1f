import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { users } from '../../db/schema/auth';
import { createFactories } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { ABANDONED_REGISTRATION_AGE_MS, sweepAbandonedRegistrations } from './registration-sweep';

// The link of a code's message and the sweep of registrations never verified (docs/api/auth.md).

const BASE = 'https://motcua.angiang.gov.vn';

async function lastBodyTo(t: TestApp, recipient: string): Promise<string> {
  const result = (await t.database.db.execute(
    sql`select body from notify_outbox where recipient = ${recipient} order by created_at desc, id desc limit 1`,
  )) as unknown as { rows: { body: string }[] };
  if (!result.rows[0]) throw new Error(`no message to ${recipient}`);
  return result.rows[0].body;
}

/** The link in a message, and the token and code it carries. */
function linkIn(body: string, page: string) {
  const found = /(https:\/\/\S+)/.exec(body)?.[1];
  if (!found) throw new Error('no link in the message');
  const url = new URL(found);
  expect(`${url.origin}${url.pathname}`).toBe(`${BASE}${page}`);
  return { token: url.searchParams.get('token')!, code: url.searchParams.get('ma')! };
}

let sequence = 0;
const freshPersonalId = () => `0010${String(91_000_000 + Math.floor(Math.random() * 8_000_000) * 10 + (sequence++ % 10)).slice(-8)}`;

describe.each(testBackends())('registration links and the sweep on %s', (backend) => {
  let t: TestApp;
  let plain: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false, config: { publicBaseUrl: BASE } });
  });
  afterEach(() => vi.useRealTimers());
  afterAll(async () => {
    await t?.close();
    await plain?.close();
  });

  let address = 10;
  const register = (app: TestApp, personalId: string, email: string) =>
    app.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      remoteAddress: `198.51.100.${address++}`,
      payload: { kind: 'citizen', identityNumber: personalId, fullName: 'Trần Thị Link', email, password: 'Sen-hong-no-2026' },
    });

  it('sends a link to /dang-ky/xac-nhan with the token and the code, which verifies as the code does', async () => {
    const personalId = freshPersonalId();
    const email = `link.${personalId}@example.vn`;
    const pending = (await register(t, personalId, email)).json();
    const body = await lastBodyTo(t, email);
    const link = linkIn(body, '/dang-ky/xac-nhan');
    expect(link.token).toBe(pending.token);
    expect(body).toContain(`là ${link.code}.`);
    const verified = await t.app.inject({ method: 'POST', url: '/api/auth/register/verify', payload: link });
    expect(verified.statusCode).toBe(200);
    // Used once: the link opened again refuses.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/register/verify', payload: link })).statusCode).toBe(422);
  });

  it('keeps the code’s limits: five wrong tries lock the link too, and an expired code refuses the link', async () => {
    const personalId = freshPersonalId();
    const email = `limits.${personalId}@example.vn`;
    await register(t, personalId, email);
    const link = linkIn(await lastBodyTo(t, email), '/dang-ky/xac-nhan');
    const wrong = link.code === '000000' ? '111111' : '000000';
    for (let index = 0; index < 5; index++) {
      await t.app.inject({ method: 'POST', url: '/api/auth/register/verify', payload: { token: link.token, code: wrong } });
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/register/verify', payload: link })).statusCode).toBe(429);

    const later = freshPersonalId();
    await register(t, later, `late.${later}@example.vn`);
    const lateLink = linkIn(await lastBodyTo(t, `late.${later}@example.vn`), '/dang-ky/xac-nhan');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.now() + 16 * 60_000));
    const expired = await t.app.inject({ method: 'POST', url: '/api/auth/register/verify', payload: lateLink });
    expect(expired.statusCode).toBe(422);
    expect(expired.json().error.details[0].path).toBe('token');
  });

  it('links the password reset to /quen-mat-khau, whose code sets the new password', async () => {
    const personalId = freshPersonalId();
    const email = `reset.${personalId}@example.vn`;
    await register(t, personalId, email);
    const verified = linkIn(await lastBodyTo(t, email), '/dang-ky/xac-nhan');
    await t.app.inject({ method: 'POST', url: '/api/auth/register/verify', payload: verified });
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { login: email },
      remoteAddress: '198.51.100.200',
    });
    expect(asked.statusCode).toBe(202);
    const link = linkIn(await lastBodyTo(t, email), '/quen-mat-khau');
    expect(link.token).toBe(asked.json().token);
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { ...link, newPassword: 'Mat-khau-moi-2026' },
    });
    expect(confirmed.statusCode).toBe(204);
  });

  it('puts no link in the message without PUBLIC_BASE_URL (never one built from the Host header)', async () => {
    plain = await createTestApp(backend, { demo: false });
    const personalId = freshPersonalId();
    const email = `plain.${personalId}@example.vn`;
    const response = await plain.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: { host: 'evil.example' },
      payload: { kind: 'citizen', identityNumber: personalId, fullName: 'Lê Văn Không', email, password: 'Sen-hong-no-2026' },
    });
    expect(response.statusCode).toBe(201);
    const body = await lastBodyTo(plain, email);
    expect(body).toMatch(/\b\d{6}\b/);
    expect(body).not.toContain('http');
  });

  it('sweeps registrations a day after their code died, only those, once; the number may then be registered again', async () => {
    const make = createFactories(t);
    const abandonedId = freshPersonalId();
    const resentId = freshPersonalId();
    const verifiedId = freshPersonalId();
    await register(t, abandonedId, `gone.${abandonedId}@example.vn`);
    await register(t, verifiedId, `kept.${verifiedId}@example.vn`);
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/register/verify',
      payload: linkIn(await lastBodyTo(t, `kept.${verifiedId}@example.vn`), '/dang-ky/xac-nhan'),
    });
    // A citizen account an administrator created and disabled: inactive, never verified, no registration code.
    const staff = await make.buildUser({ roles: [{ role: 'citizen' }] });
    await t.database.db.update(users).set({ isActive: false }).where(eq(users.id, staff.id));

    const registeredAt = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    // Twenty hours later the second one asks for a new code: its life starts again.
    vi.setSystemTime(new Date(registeredAt + 20 * 3_600_000));
    await register(t, resentId, `resent.${resentId}@example.vn`);
    const now = new Date(registeredAt + ABANDONED_REGISTRATION_AGE_MS + 60_000);
    vi.setSystemTime(now);

    const exists = async (username: string) =>
      (await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username))).length === 1;
    // Just before the age: nothing goes.
    expect(await sweepAbandonedRegistrations({ db: t.database.db, now: new Date(now.getTime() - 120_000) })).toBe(0);
    // This one, and those the tests above left unverified (locked, expired).
    expect(await sweepAbandonedRegistrations({ db: t.database.db, now })).toBe(3);
    expect(await sweepAbandonedRegistrations({ db: t.database.db, now })).toBe(0);
    expect(await exists(abandonedId)).toBe(false);
    expect(await exists(resentId)).toBe(true);
    expect(await exists(verifiedId)).toBe(true);
    expect(await exists(staff.username)).toBe(true);
    const codes = (await t.database.db.execute(
      sql`select count(*)::int as n from account_codes c left join users u on u.id = c.user_id where c.user_id is not null and u.id is null`,
    )) as unknown as { rows: { n: number }[] };
    expect(codes.rows[0]!.n).toBe(0);
    const again = await register(t, abandonedId, `back.${abandonedId}@example.vn`);
    expect(again.statusCode).toBe(201);
  });
});
