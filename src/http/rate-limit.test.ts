import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness';

describe('request budgets per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { demo: false, config: { rateLimitPerMinute: 5, loginRateLimitPerMinute: 2 } });
  });
  afterAll(() => t?.close());

  const expectTooManyRequests = (response: Awaited<ReturnType<TestApp['app']['inject']>>) => {
    expect(response.statusCode).toBe(429);
    expect(response.json()).toEqual({
      error: { code: 'too_many_requests', message: expect.stringMatching(/^Quá nhiều yêu cầu .* thử lại sau \d+ giây\.$/), details: [] },
    });
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  };

  it('lets an address try to log in only a few times a minute, whatever X-Forwarded-For says', async () => {
    const attempt = (remoteAddress: string, index: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `khong.co.${index}`, password: 'sai' },
        remoteAddress,
        headers: { 'x-forwarded-for': `203.0.113.${index}` },
      });
    expect((await attempt('198.51.100.1', 1)).statusCode).toBe(401);
    expect((await attempt('198.51.100.1', 2)).statusCode).toBe(401);
    expectTooManyRequests(await attempt('198.51.100.1', 3));
    expect((await attempt('198.51.100.2', 4)).statusCode).toBe(401);
  });

  it('gives every address a budget on every route, an IPv6 /64 counting as one address', async () => {
    const responses = [];
    for (let index = 1; index <= 6; index++) {
      responses.push(await t.app.inject({ url: '/api/health', remoteAddress: `2001:db8:0:9::${index}` }));
    }
    expect(responses.slice(0, 5).map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expectTooManyRequests(responses[5]!);
    expect((await t.app.inject({ url: '/api/health', remoteAddress: '2001:db8:0:a::1' })).statusCode).toBe(200);
  });
});
