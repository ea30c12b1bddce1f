import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../http/app';
import { createTestDatabase, type TestDatabase, testConfig } from '../../test/harness';

/** What a registering citizen types, and the codes they get: none of it may reach the application log (NĐ 13/2023). */
const PERSONAL_ID = '001095004321';
const EMAIL = 'nguyen.an.log@example.vn';
const PHONE = '0912777888';

describe('the application log during registration and password reset', () => {
  let database: TestDatabase;
  let app: App;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    app = await buildApp(
      { config: testConfig({ logLevel: 'trace' }), database, webRoot: '/nonexistent' },
      { logDestination: { write: (line) => lines.push(line) } },
    );
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it('holds no identity number, e-mail, phone or code', async () => {
    const payload = {
      kind: 'citizen',
      identityNumber: PERSONAL_ID,
      fullName: 'Nguyễn An',
      email: EMAIL,
      phone: PHONE,
      password: 'Hoa-sen-no-2026',
    };
    const registered = await app.inject({ method: 'POST', url: '/api/auth/register', payload });
    expect(registered.statusCode).toBe(201);
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...payload, identityNumber: '003095004321' } })).statusCode,
    ).toBe(422);
    const bodies = async () =>
      ((await database.db.execute(sql`select body from notify_outbox order by created_at`)) as unknown as { rows: { body: string }[] })
        .rows;
    const code = /\b(\d{6})\b/.exec((await bodies()).at(-1)!.body)![1]!;
    const verified = await app.inject({
      method: 'POST',
      url: '/api/auth/register/verify',
      payload: { token: registered.json().token, code },
    });
    expect(verified.statusCode).toBe(200);
    const reset = await app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { login: PHONE } });
    expect(reset.statusCode).toBe(202);
    const resetCode = /\b(\d{6})\b/.exec((await bodies()).at(-1)!.body)![1]!;
    const confirmed = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: reset.json().token, code: resetCode, newPassword: 'Mat-khau-moi-2026' },
    });
    expect(confirmed.statusCode).toBe(204);

    expect(lines.length).toBeGreaterThan(0);
    const log = lines.join('\n');
    for (const secret of [PERSONAL_ID, '003095004321', EMAIL, PHONE, code, resetCode, 'Hoa-sen-no-2026', 'Mat-khau-moi-2026']) {
      expect(log).not.toContain(secret);
    }
  });
});
