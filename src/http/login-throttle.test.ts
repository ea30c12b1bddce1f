import { inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loginThrottles } from '../db/schema';
import { DEMO_PASSWORD } from '../demo';
import { addressGroupOf } from '../modules/auth/login-throttle';
import { createTestApp, type TestApp, testBackends } from '../test/harness';

const MAX_FAILURES = 3;
const ADDRESS_MAX_FAILURES = MAX_FAILURES * 4;
const PARALLEL_ATTEMPTS = 40;

describe('the address a login is counted against', () => {
  it('is the IPv4 address, or the /64 of an IPv6 one', () => {
    expect(addressGroupOf('198.51.100.7')).toBe('198.51.100.7');
    expect(addressGroupOf('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(addressGroupOf('2001:db8:0:7::1')).toBe('2001:db8:0:7::/64');
    expect(addressGroupOf('2001:0db8:0000:0007:ffff:1:2:3')).toBe('2001:db8:0:7::/64');
  });
});

describe.each(testBackends())('login throttling under parallel attempts on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, {
      config: { loginMaxFailures: MAX_FAILURES, rateLimitPerMinute: 0, loginRateLimitPerMinute: 0 },
    });
  });
  afterAll(() => t?.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  const attempt = (username: string, password: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress, headers });

  const statuses = (responses: { statusCode: number }[]) => {
    const count: Record<number, number> = {};
    for (const { statusCode } of responses) count[statusCode] = (count[statusCode] ?? 0) + 1;
    return count;
  };

  /** Moves the clock past the lock (only Date: the server's timers keep running). */
  const passTheLock = () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + t.config.loginLockMs + 61_000 });
  };

  it('locks an account after exactly LOGIN_MAX_FAILURES of 40 simultaneous wrong passwords, then refuses the right one', async () => {
    const responses = await Promise.all(
      Array.from({ length: PARALLEL_ATTEMPTS }, (_, index) => attempt('tiepnhan', `sai-${index}`, `198.51.100.${index + 1}`)),
    );
    expect(statuses(responses)).toEqual({ 401: MAX_FAILURES, 429: PARALLEL_ATTEMPTS - MAX_FAILURES });
    const locked = await attempt('tiepnhan', DEMO_PASSWORD, '198.51.100.200');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toEqual({
      error: { code: 'too_many_requests', message: expect.stringMatching(/thử lại sau 15 phút/), details: [] },
    });

    passTheLock();
    expect((await attempt('tiepnhan', DEMO_PASSWORD, '198.51.100.200')).statusCode).toBe(200);
  });

  it('locks an address (an IPv6 /64) after exactly 4 × LOGIN_MAX_FAILURES, whatever X-Forwarded-For says', async () => {
    const responses = await Promise.all(
      Array.from({ length: PARALLEL_ATTEMPTS }, (_, index) =>
        attempt(`khong.co.${index}`, 'sai', `2001:db8:0:7::${(index + 1).toString(16)}`, {
          'x-forwarded-for': `203.0.113.${index + 1}`,
        }),
      ),
    );
    expect(statuses(responses)).toEqual({ 401: ADDRESS_MAX_FAILURES, 429: PARALLEL_ATTEMPTS - ADDRESS_MAX_FAILURES });
    expect((await attempt('chuyenvien', DEMO_PASSWORD, '2001:db8:0:7::ffff')).statusCode).toBe(429);
    // The accounts were not the target: from elsewhere they still log in.
    expect((await attempt('chuyenvien', DEMO_PASSWORD, '2001:db8:0:8::1')).statusCode).toBe(200);

    passTheLock();
    expect((await attempt('chuyenvien', DEMO_PASSWORD, '2001:db8:0:7::ffff')).statusCode).toBe(200);
  });

  it('does not count the successful logins of an office that shares one address', async () => {
    for (let index = 0; index < ADDRESS_MAX_FAILURES + 3; index++) {
      expect((await attempt('truongphong', DEMO_PASSWORD, '192.0.2.50')).statusCode).toBe(200);
    }
    expect((await attempt('truongphong', 'sai', '192.0.2.50')).statusCode).toBe(401);
  });

  it('does not let one locked account lock the address it is retried from', async () => {
    for (let index = 0; index < MAX_FAILURES; index++) await attempt('lanhdao', 'sai', '192.0.2.60');
    for (let index = 0; index < ADDRESS_MAX_FAILURES; index++) {
      expect((await attempt('lanhdao', DEMO_PASSWORD, '192.0.2.60')).statusCode).toBe(429);
    }
    expect((await attempt('kiemsoat', DEMO_PASSWORD, '192.0.2.60')).statusCode).toBe(200);
  });

  it('purges counters whose window and lock have ended', async () => {
    await attempt('doanhnghiep', 'sai', '192.0.2.70');
    const keys = ['account:doanhnghiep', 'address:192.0.2.70'];
    const remaining = () => t.database.db.select().from(loginThrottles).where(inArray(loginThrottles.key, keys));
    expect(await remaining()).toHaveLength(2);
    passTheLock();
    await attempt('someone.else', 'sai', '192.0.2.71');
    expect(await remaining()).toEqual([]);
  });
});
