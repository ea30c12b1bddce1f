import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userRoles, users } from '../db/schema';
import { hashPassword } from '../modules/auth/password';
import { createTestDatabase, type TestDatabase, testConfig } from '../test/harness';
import { type App, buildApp } from './app';

/** A citizen's ID number (CCCD), a name and a password: what users type, and what a log must never keep. */
const PERSONAL_ID = '089095001234';
const PASSWORD = 'mat-khau-rat-dai-2026';
const CLIENT_ADDRESS = '198.51.100.23';

describe('the request log', () => {
  let database: TestDatabase;
  let app: App;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const [admin] = await database.db
      .insert(users)
      .values({ username: 'quantri', fullName: 'Quản trị', passwordHash: await hashPassword(PASSWORD) })
      .returning();
    await database.db.insert(userRoles).values({ userId: admin!.id, role: 'admin', unitId: null });
    app = await buildApp(
      { config: testConfig({ logLevel: 'info' }), database, webRoot: '/nonexistent' },
      { logDestination: { write: (line) => lines.push(line) } },
    );
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it('writes exactly one line per request, with method, path, status, duration and request id, and nothing personal', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'quantri', password: PASSWORD },
      remoteAddress: CLIENT_ADDRESS,
    });
    expect(login.statusCode).toBe(200);
    const session = login.cookies.find((cookie) => cookie.name === 'motcua_session')!;
    const headers = { cookie: `motcua_session=${session.value}` };
    lines.length = 0;

    const requests = [
      { method: 'GET', url: `/api/users?q=${PERSONAL_ID}`, headers, status: 200 },
      { method: 'GET', url: `/api/procedures?q=${encodeURIComponent('Nguyễn Văn An')}&page=1`, headers: {}, status: 200 },
      { method: 'POST', url: '/api/auth/login', payload: { username: PERSONAL_ID, password: 'sai-mat-khau' }, headers: {}, status: 401 },
      { method: 'GET', url: `/api/khong-co?cccd=${PERSONAL_ID}`, headers: {}, status: 404 },
      { method: 'GET', url: `/thu-tuc?q=${PERSONAL_ID}`, headers: {}, status: 503 },
    ] as const;
    for (const request of requests) {
      const response = await app.inject({ ...request, remoteAddress: CLIENT_ADDRESS });
      expect(response.statusCode, request.url).toBe(request.status);
    }

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toHaveLength(requests.length);
    expect(entries.map(({ msg, method, path, status }) => ({ msg, method, path, status }))).toEqual(
      requests.map(({ method, url, status }) => ({ msg: 'request', method, path: url.split('?')[0], status })),
    );
    for (const entry of entries) {
      expect(entry.reqId).toEqual(expect.any(String));
      expect(entry.durationMs).toEqual(expect.any(Number));
    }
    const text = lines.join('');
    for (const secret of [PERSONAL_ID, 'Nguy', '?', 'q=', CLIENT_ADDRESS, 'sai-mat-khau', session.value]) {
      expect(text, secret).not.toContain(secret);
    }
  });
});
