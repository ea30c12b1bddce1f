import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

describe.each(testBackends())('authentication and accounts on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { config: { loginMaxFailures: 3 } });
  });
  afterAll(() => t?.close());

  it('logs in with the demo password, sets an httpOnly cookie and returns the user with a CSRF token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'chuyenvien', password: 'motcua2026' },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((entry) => entry.name === 'motcua_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = response.json();
    expect(body.user).toMatchObject({
      username: 'chuyenvien',
      roles: [{ role: 'specialist', unitName: 'Sở Tư pháp' }],
    });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(JSON.stringify(body)).not.toMatch(/argon2|passwordHash/);
  });

  it('refuses a wrong password with a Vietnamese message', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'tiepnhan', password: 'sai-mat-khau' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'congdan', password: 'wrong' },
        remoteAddress: `10.0.0.${attempt}`,
      });
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'congdan', password: 'motcua2026' },
      remoteAddress: '10.0.0.9',
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/thử lại sau \d+ phút/);
  });

  it('locks a client address that tries many accounts', async () => {
    const remoteAddress = '192.0.2.77';
    for (let attempt = 0; attempt < 12; attempt++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `khongco${attempt}`, password: 'x' },
        remoteAddress,
      });
    }
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'lanhdao', password: 'motcua2026' },
      remoteAddress,
    });
    expect(response.statusCode).toBe(429);
  });

  it('requires the CSRF token on state-changing requests and ends the session on logout', async () => {
    const headers = await t.login('admin');
    const withoutToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: headers.cookie } });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('csrf_failed');
    const me = await t.app.inject({ url: '/api/auth/me', headers });
    expect(me.json().user.username).toBe('admin');
    const logout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect(logout.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/auth/me', headers });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ user: null });
  });

  it("keeps an account's position and signing form, edited by the administrator and returned with the session", async () => {
    const admin = await t.login('admin');
    const payload = {
      username: 'pho.giam.doc',
      fullName: 'Lê Thị Phó',
      position: 'Phó Giám đốc',
      signingForm: 'deputy',
      password: 'matkhau-2026-pgd',
      roles: [],
    };
    const created = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ position: 'Phó Giám đốc', signingForm: 'deputy' });
    const me = await t.app.inject({ url: '/api/auth/me', headers: await t.login('pho.giam.doc', payload.password) });
    expect(me.json().user).toMatchObject({ position: 'Phó Giám đốc', signingForm: 'deputy' });
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${created.json().id}`,
      headers: admin,
      payload: { signingForm: 'chairman', position: 'P', version: created.json().version },
    });
    expect(
      refused
        .json()
        .error.details.map((detail: { path: string }) => detail.path)
        .sort(),
    ).toEqual(['position', 'signingForm']);
    const cleared = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${created.json().id}`,
      headers: admin,
      payload: { signingForm: null, position: null, version: created.json().version },
    });
    expect(cleared.json()).toMatchObject({ position: null, signingForm: null });
  });

  it('answers two simultaneous creations of the same account with one 201 and one 409', async () => {
    const admin = await t.login('admin');
    const payload = { username: 'trung.ten', fullName: 'Trùng tên', password: 'matkhau-2026', roles: [] };
    const responses = await Promise.all([
      t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload }),
      t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload }),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
  });

  it('expires sessions', async () => {
    const shortLived = await createTestApp(backend, { config: { sessionTtlMs: 1 } });
    try {
      const headers = await shortLived.login('admin');
      await new Promise((resolve) => setTimeout(resolve, 20));
      const me = await shortLived.app.inject({ url: '/api/auth/me', headers });
      expect(me.json()).toEqual({ user: null });
    } finally {
      await shortLived.close();
    }
  });

  it('lets only an administrator manage accounts, with roles scoped to units', async () => {
    const specialist = await t.login('truongphong');
    const forbidden = await t.app.inject({ url: '/api/users', headers: specialist });
    expect(forbidden.statusCode).toBe(403);

    const admin = await t.login('admin');
    const units = (await t.app.inject({ url: '/api/units' })).json().items as { id: string; name: string; type: string }[];
    const commune = units.find((unit) => unit.type === 'commune')!;
    const staffWithoutUnit = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: { username: 'canbo.xa', fullName: 'Cán bộ xã', password: 'matkhau-2026', roles: [{ role: 'desk_officer', unitId: null }] },
    });
    expect(staffWithoutUnit.statusCode).toBe(422);
    expect(staffWithoutUnit.json().error.details[0].path).toBe('roles.0.unitId');

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: {
        username: 'CanBo.Xa',
        fullName: 'Cán bộ xã',
        password: 'matkhau-2026',
        roles: [{ role: 'desk_officer', unitId: commune.id }],
      },
    });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user.username).toBe('canbo.xa');
    expect(user.roles).toEqual([{ role: 'desk_officer', unitId: commune.id, unitName: commune.name }]);

    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: { username: 'canbo.xa', fullName: 'Khác', password: 'matkhau-2026', roles: [] },
    });
    expect(duplicate.statusCode).toBe(409);

    const deactivated = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: admin,
      payload: { isActive: false, version: user.version },
    });
    expect(deactivated.statusCode).toBe(200);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: admin,
      payload: { fullName: 'Tên mới', version: user.version },
    });
    expect(stale.statusCode).toBe(409);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'canbo.xa', password: 'matkhau-2026' },
    });
    expect(login.statusCode).toBe(403);
  });
});
