import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

/** The last message the outbox holds for `recipient`, read in SQL (the outbox is the notify module's table). */
async function lastMessageTo(t: TestApp, recipient: string): Promise<{ body: string; template: string; channel: string }> {
  const result = (await t.database.db.execute(
    sql`select body, template, channel from notify_outbox where recipient = ${recipient} order by created_at desc, id desc limit 1`,
  )) as unknown as { rows: { body: string; template: string; channel: string }[] };
  if (!result.rows[0]) throw new Error(`no message to ${recipient}`);
  return result.rows[0];
}
const codeIn = (body: string) => /\b(\d{6})\b/.exec(body)![1]!;

let sequence = 0;
/** A plausible CCCD no other test uses: Hà Nội (001), born in the 1990s. */
const freshPersonalId = () => `0010${String(90_000_000 + Math.floor(Math.random() * 9_000_000) * 10 + (sequence++ % 10)).slice(-8)}`;

describe.each(testBackends())('citizen and business accounts on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t?.close());

  const register = (payload: Record<string, unknown>, remoteAddress = '203.0.113.10') =>
    t.app.inject({ method: 'POST', url: '/api/auth/register', payload, remoteAddress });

  it('registers a citizen inactive until the code sent to the e-mail is entered, then signs in', async () => {
    const personalId = freshPersonalId();
    const email = `an.${personalId}@example.vn`;
    const response = await register({
      kind: 'citizen',
      identityNumber: personalId,
      fullName: 'Nguyễn Văn An',
      email,
      password: 'Hoa-sen-no-2026',
    });
    expect(response.statusCode).toBe(201);
    const pending = response.json();
    expect(pending).toMatchObject({ channel: 'email', maskedRecipient: 'an***@example.vn' });
    const message = await lastMessageTo(t, email);
    expect(message.template).toBe('auth.verify');
    const code = codeIn(message.body);

    const early = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: personalId, password: 'Hoa-sen-no-2026' },
    });
    expect(early.statusCode).toBe(403);
    expect(early.json().error.message).toMatch(/chưa được xác minh/);

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register/verify',
      payload: { token: pending.token, code: code === '000000' ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(422);
    const verified = await t.app.inject({ method: 'POST', url: '/api/auth/register/verify', payload: { token: pending.token, code } });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().user).toMatchObject({ username: personalId, fullName: 'Nguyễn Văn An', roles: [{ role: 'citizen' }] });
    const cookie = verified.cookies.find((entry) => entry.name === 'motcua_session')!;
    const headers = { cookie: `motcua_session=${cookie.value}`, 'x-csrf-token': verified.json().csrfToken };

    const profile = await t.app.inject({ url: '/api/auth/me/profile', headers });
    expect(profile.json()).toMatchObject({ kind: 'citizen', personalId, email, isEmailVerified: true, phone: null });
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/register/verify', payload: { token: pending.token, code } });
    expect(again.statusCode).toBe(422);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: personalId, password: 'Hoa-sen-no-2026' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('refuses a number already registered with a 409 that names no one, and lets an unverified one be registered again', async () => {
    const demo = await register({
      kind: 'citizen',
      identityNumber: '089095001234',
      fullName: 'Người khác',
      phone: '0912345678',
      password: 'Hoa-sen-no-2026',
    });
    expect(demo.statusCode).toBe(409);
    expect(demo.json().error.message).toMatch(/^Số CCCD này đã được đăng ký\./);
    expect(demo.body).not.toMatch(/Trần|Nguyễn|congdan/);

    const personalId = freshPersonalId();
    const body = {
      kind: 'citizen',
      identityNumber: personalId,
      fullName: 'Lê Thị Bình',
      phone: '0987 654 321',
      password: 'Hoa-sen-no-2026',
    };
    const first = await register(body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ channel: 'sms', maskedRecipient: '*******321' });
    const second = await register(body);
    expect(second.statusCode).toBe(201);
    const stale = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register/verify',
      payload: { token: first.json().token, code: '123456' },
    });
    expect(stale.statusCode).toBe(422);
    const code = codeIn((await lastMessageTo(t, '0987654321')).body);
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register/verify',
      payload: { token: second.json().token, code },
    });
    expect(verified.statusCode).toBe(200);
    expect((await register(body)).statusCode).toBe(409);
  });

  it('validates the identity numbers and asks for an e-mail or a phone', async () => {
    const base = { fullName: 'Công ty TNHH Sen Vàng', password: 'Hoa-sen-no-2026', email: 'senvang@example.vn' };
    const badProvince = await register({ ...base, kind: 'citizen', identityNumber: '003095001234' });
    expect(badProvince.statusCode).toBe(422);
    expect(badProvince.json().error.details[0]).toMatchObject({ path: 'identityNumber' });
    const taxCodeAsCitizen = await register({ ...base, kind: 'citizen', identityNumber: '0101234567' });
    expect(taxCodeAsCitizen.statusCode).toBe(422);
    const noContact = await register({ ...base, email: null, kind: 'business', identityNumber: '0101234567' });
    expect(noContact.json().error.details).toEqual([expect.objectContaining({ path: 'email' })]);
    const branch = await register({ ...base, kind: 'business', identityNumber: `0${String(100_000_000 + sequence++)}001` });
    expect(branch.statusCode).toBe(201);
    const weak = await register({ ...base, kind: 'business', identityNumber: '0109999999', password: '1234567890' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.details[0].path).toBe('password');
  });

  it('counts wrong codes: after five the code is dead even when right', async () => {
    const personalId = freshPersonalId();
    const email = `tho.${personalId}@example.vn`;
    const pending = (
      await register({ kind: 'citizen', identityNumber: personalId, fullName: 'Phạm Thơ', email, password: 'Hoa-sen-no-2026' })
    ).json();
    const code = codeIn((await lastMessageTo(t, email)).body);
    const wrongCode = code === '999999' ? '888888' : '999999';
    const statuses = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push(
        (await t.app.inject({ method: 'POST', url: '/api/auth/register/verify', payload: { token: pending.token, code: wrongCode } }))
          .statusCode,
      );
    }
    expect(statuses).toEqual([422, 422, 422, 422, 429]);
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/register/verify', payload: { token: pending.token, code } });
    expect(right.statusCode).toBe(429);
    const resend = await t.app.inject({ method: 'POST', url: '/api/auth/register/resend', payload: { token: pending.token } });
    expect(resend.statusCode).toBe(429); // not before a minute has passed
    expect(resend.json().error.message).toMatch(/giây/);
  });

  it('answers a forgotten password alike for an account and for nobody, and resets it with the code', async () => {
    const personalId = freshPersonalId();
    const email = `hoa.${personalId}@example.vn`;
    const pending = (
      await register({ kind: 'citizen', identityNumber: personalId, fullName: 'Đỗ Hoa', email, password: 'Hoa-sen-no-2026' })
    ).json();
    const code = codeIn((await lastMessageTo(t, email)).body);
    const verified = await t.app.inject({ method: 'POST', url: '/api/auth/register/verify', payload: { token: pending.token, code } });
    const cookie = verified.cookies.find((entry) => entry.name === 'motcua_session')!;
    const oldSession = { cookie: `motcua_session=${cookie.value}` };

    const known = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { login: email.toUpperCase() } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { login: 'khongai@example.vn' } });
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(Object.keys(known.json()).sort()).toEqual(Object.keys(unknown.json()).sort());
    const message = await lastMessageTo(t, email);
    expect(message.template).toBe('auth.password_reset');
    const resetCode = codeIn(message.body);

    const forNobody = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: unknown.json().token, code: resetCode, newPassword: 'Mat-khau-moi-2026' },
    });
    expect(forNobody.statusCode).toBe(422);
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: known.json().token, code: resetCode, newPassword: `${personalId}-abc` },
    });
    expect(weak.statusCode).toBe(422);
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: known.json().token, code: resetCode, newPassword: 'Mat-khau-moi-2026' },
    });
    expect(confirmed.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/me', headers: oldSession })).json()).toEqual({ user: null });
    const oldLogin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: personalId, password: 'Hoa-sen-no-2026' },
    });
    expect(oldLogin.statusCode).toBe(401);
    const newLogin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: personalId, password: 'Mat-khau-moi-2026' },
    });
    expect(newLogin.statusCode).toBe(200);
    const audit = (await t.database.db.execute(
      sql`select count(*)::int as n from audit_events where action = 'user.password_reset'`,
    )) as unknown as { rows: { n: number }[] };
    expect(audit.rows[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('limits password-reset requests per login', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        payload: { login: 'gioi.han@example.vn' },
        remoteAddress: `198.51.100.${attempt}`,
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
  });

  it('lets a citizen edit their own account with a version, and keeps staff out of it', async () => {
    const headers = await t.login('congdan');
    const profile = (await t.app.inject({ url: '/api/auth/me/profile', headers })).json();
    expect(profile).toMatchObject({ kind: 'citizen', personalId: '089095001234' });
    const updated = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me/profile',
      headers,
      payload: { address: 'Số 1 đường Lê Lợi, phường Bến Thành', phone: '0912 000 111', version: profile.version },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ address: 'Số 1 đường Lê Lợi, phường Bến Thành', phone: '0912000111', isPhoneVerified: false });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me/profile',
      headers,
      payload: { fullName: 'Khác', version: profile.version },
    });
    expect(stale.statusCode).toBe(409);
    const changeId = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me/profile',
      headers,
      payload: { identityNumber: '001095009999', version: updated.json().version },
    });
    expect(changeId.statusCode).toBe(422);
    const staff = await t.login('tiepnhan');
    expect((await t.app.inject({ url: '/api/auth/me/profile', headers: staff })).statusCode).toBe(403);
  });
});
