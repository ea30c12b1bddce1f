import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { loginThrottles } from '../db/schema';
import { createTestDatabase, type TestDatabase, testBackends, testConfig } from '../test/harness';
import { buildApp } from './app';

describe('the TRUST_PROXY setting', () => {
  const trustProxyOf = (value: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;

  it('trusts no proxy by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(trustProxyOf('0')).toBe(false);
  });

  it('takes a list of addresses and CIDRs', () => {
    expect(trustProxyOf(' 10.0.0.5, 10.1.0.0/16 ,loopback, fd00::/8 ')).toEqual(['10.0.0.5', '10.1.0.0/16', 'loopback', 'fd00::/8']);
  });

  it('refuses "true" and anything that is not an address', () => {
    expect(() => trustProxyOf('true')).toThrow(ConfigError);
    expect(() => trustProxyOf('true')).toThrow(/TRUST_PROXY: không chấp nhận "true"/);
    expect(() => trustProxyOf('10.0.0.0/33')).toThrow(/"10.0.0.0\/33" không phải địa chỉ IP/);
    expect(() => trustProxyOf('proxy.local')).toThrow(ConfigError);
    // Fastify 5 ignores a hop count: accepting one would silently trust nobody.
    expect(() => trustProxyOf('1')).toThrow(/không chấp nhận số tầng proxy/);
  });
});

describe.each(testBackends())('the client address on %s', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });
  afterAll(() => database?.dispose());

  /** The address a failed login is counted against, as the login throttle recorded it. */
  async function addressCounted(trustProxy: ReturnType<typeof testConfig>['trustProxy'], remoteAddress: string, forwardedFor: string) {
    await database.db.delete(loginThrottles);
    const app = await buildApp({ config: testConfig({ trustProxy }), database, webRoot: '/nonexistent' });
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'khong.co', password: 'sai-mat-khau' },
        remoteAddress,
        headers: { 'x-forwarded-for': forwardedFor },
      });
      expect(response.statusCode).toBe(401);
      const rows = await database.db.select({ key: loginThrottles.key }).from(loginThrottles);
      return rows.map((row) => row.key).filter((key) => key.startsWith('address:'));
    } finally {
      await app.close();
    }
  }

  it('ignores X-Forwarded-For by default', async () => {
    expect(await addressCounted(false, '198.51.100.7', '203.0.113.99')).toEqual(['address:198.51.100.7']);
  });

  it('takes the address a trusted proxy forwards', async () => {
    expect(await addressCounted(['10.0.0.0/8'], '10.0.0.5', '203.0.113.99')).toEqual(['address:203.0.113.99']);
    // Only the proxy's own entry is believed: what the client wrote before it is not.
    expect(await addressCounted(['10.0.0.5'], '10.0.0.5', '192.0.2.1, 203.0.113.99')).toEqual(['address:203.0.113.99']);
  });

  it('ignores X-Forwarded-For from a peer that is not a listed proxy', async () => {
    expect(await addressCounted(['10.0.0.0/8'], '198.51.100.7', '203.0.113.99')).toEqual(['address:198.51.100.7']);
  });
});
