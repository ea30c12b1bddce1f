import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../config';
import { users } from '../db/schema';
import { hashPassword } from '../modules/auth/password';
import { createTestDatabase, type TestDatabase, testConfig } from '../test/harness';
import { type App, buildApp } from './app';

/** A tiny built web app: what Vite emits, in miniature. */
const INDEX_HTML = `<!doctype html><html lang="vi"><head><title>Một cửa số</title>${'<meta name="x" content="đệm">'.repeat(60)}
<script type="module" crossorigin src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>`;
const ASSET_JS = `export const greeting = ${JSON.stringify('Xin chào, một cửa số. '.repeat(400))};\n`;

describe('response headers, compression and caching', () => {
  let webRoot: string;
  let database: TestDatabase;
  let app: App;
  let secureApp: App;
  const build = (config: Partial<Config>) => buildApp({ config: testConfig(config), database, webRoot });

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'motcua-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), INDEX_HTML);
    writeFileSync(join(webRoot, 'assets', 'app-abc123.js'), ASSET_JS);
    writeFileSync(join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    database = await createTestDatabase('pglite');
    await database.db
      .insert(users)
      .values({ username: 'nguoidung', fullName: 'Người dùng', passwordHash: await hashPassword('mat-khau-dai-2026') });
    app = await build({});
    secureApp = await build({ cookieSecure: true });
  });
  afterAll(async () => {
    await app?.close();
    await secureApp?.close();
    await database?.dispose();
    rmSync(webRoot, { recursive: true, force: true });
  });

  const expectSecurityHeaders = (headers: Record<string, unknown>) => {
    const policy = String(headers['content-security-policy']);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['strict-transport-security']).toBeUndefined();
  };

  it('sends the security headers with the web app, its assets, the API and its errors', async () => {
    for (const url of ['/', '/thu-tuc/1.001193', '/assets/app-abc123.js', '/favicon.svg', '/api/health', '/api/khong-co', '/api/docs/']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBeLessThan(500);
      expectSecurityHeaders(response.headers);
    }
  });

  it('sends HSTS and upgrades insecure requests only behind HTTPS (COOKIE_SECURE=1)', async () => {
    for (const url of ['/', '/api/health']) {
      const response = await secureApp.inject({ url });
      expect(response.headers['strict-transport-security'], url).toBe('max-age=31536000');
      expect(response.headers['content-security-policy'], url).toContain('upgrade-insecure-requests');
    }
  });

  it('caches hashed assets for a year and revalidates index.html and the app routes', async () => {
    const asset = await app.inject({ url: '/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/quan-tri/thu-tuc/1.001193', '/favicon.svg']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('never lets an API answer to a signed-in user or any write be stored; public reads are revalidated', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nguoidung', password: 'mat-khau-dai-2026' },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const cookie = login.cookies.find((entry) => entry.name === 'motcua_session')!;
    const signedIn = await app.inject({ url: '/api/auth/me', headers: { cookie: `motcua_session=${cookie.value}` } });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers['cache-control']).toBe('no-store');
    const failedLogin = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nguoidung', password: 'sai' } });
    expect(failedLogin.headers['cache-control']).toBe('no-store');

    for (const url of ['/api/health', '/api/units', '/api/procedures']) {
      expect((await app.inject({ url })).headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('sends the same security headers on answers refused before routing as on routed ones', async () => {
    const names = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'strict-transport-security'];
    const pick = (headers: Record<string, unknown>) => Object.fromEntries(names.map((name) => [name, headers[name]]));
    for (const server of [app, secureApp]) {
      const routed = await server.inject({ url: '/api/khong-co' });
      // A broken percent-escape is refused by Fastify's router itself, before any hook (helmet's included) runs.
      const refused = await server.inject({ url: '/api/procedures/%E0%A4%A' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('bad_request');
      expect(pick(refused.headers)).toEqual(pick(routed.headers));
      expect(refused.headers['cache-control']).toBe('no-store');
    }
    expectSecurityHeaders((await app.inject({ url: '/api/procedures/%E0%A4%A' })).headers);
  });

  it('answers HEAD on the app page, its routes and its files like GET, without a body', async () => {
    for (const url of ['/', '/thu-tuc/1.001193', '/quan-tri/thu-tuc', '/assets/app-abc123.js']) {
      const get = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
      const head = await app.inject({ method: 'HEAD', url, headers: { 'accept-encoding': 'identity' } });
      expect(head.statusCode, url).toBe(200);
      expect(head.body, url).toBe('');
      expect(head.headers['content-type'], url).toBe(get.headers['content-type']);
      expect(head.headers['cache-control'], url).toBe(get.headers['cache-control']);
      expectSecurityHeaders(head.headers);
    }
    expect((await app.inject({ method: 'HEAD', url: '/' })).headers['content-type']).toMatch(/^text\/html/);
    // What GET refuses, HEAD refuses too.
    for (const url of ['/api/khong-co', '/assets/app-old999.js', '/huong-dan.pdf']) {
      expect((await app.inject({ method: 'HEAD', url })).statusCode, url).toBe(404);
    }
  });

  it('compresses JSON and assets with brotli or gzip, as the client asks', async () => {
    const asset = (encoding: string) => app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': encoding } });
    const brotli = await asset('br');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(ASSET_JS);
    expect(brotli.rawPayload.length).toBeLessThan(ASSET_JS.length / 10);
    const gzip = await asset('gzip, deflate');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(ASSET_JS);
    expect(String(gzip.headers.vary)).toMatch(/accept-encoding/i);
    const plain = await asset('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(ASSET_JS);

    const json = (encoding: string) => app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': encoding } });
    const jsonBrotli = await json('gzip;q=0.5, br');
    expect(jsonBrotli.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(jsonBrotli.rawPayload).toString()).openapi).toBe('3.1.0');
    const jsonGzip = await json('gzip');
    expect(jsonGzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(jsonGzip.rawPayload).toString()).openapi).toBe('3.1.0');
  });

  it('serves the API docs page with no inline script, so that the one policy fits it', async () => {
    const docs = await app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    const scripts = docs.body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((tag) => !/\ssrc=/.test(tag))).toEqual([]);
  });
});
