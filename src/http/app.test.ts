import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testBackends } from '../test/harness';

describe.each(testBackends())('HTTP basics on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
  });
  afterAll(() => t?.close());

  it('reports health once migrations are applied', async () => {
    const response = await t.app.inject({ url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('publishes the OpenAPI document and the browsable docs', async () => {
    const document = await t.app.inject({ url: '/api/openapi.json' });
    expect(document.statusCode).toBe(200);
    const paths = Object.keys(document.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/procedures', '/api/calendar/due', '/api/auth/login', '/api/units']));
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  const expectErrorShape = (body: unknown, code: string) => {
    expect(body).toMatchObject({ error: { code, message: expect.any(String), details: expect.any(Array) } });
  };

  it('answers an unknown API path with 404 in the error shape', async () => {
    const response = await t.app.inject({ url: '/api/khong-co' });
    expect(response.statusCode).toBe(404);
    expectErrorShape(response.json(), 'not_found');
  });

  it('rejects malformed JSON with 400, never 500', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "admin", ',
    });
    expect(response.statusCode).toBe(400);
    expectErrorShape(response.json(), 'bad_request');
    expect(response.json().error.message).toMatch(/JSON/);
  });

  it('rejects wrong types and unknown fields with the field that is wrong', async () => {
    const wrongType = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 5, password: 'x' } });
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.json().error.details[0].path).toBe('username');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'b', role: 'admin' },
    });
    expect(unknown.statusCode).toBe(422);
    expectErrorShape(unknown.json(), 'validation_failed');
  });

  it('rejects oversized bodies with 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'a', password: 'x'.repeat(t.config.bodyLimitBytes) }),
    });
    expect(response.statusCode).toBe(413);
    expectErrorShape(response.json(), 'payload_too_large');
  });

  it('rejects a body that is not JSON with 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/xml' },
      payload: '<a/>',
    });
    expect(response.statusCode).toBe(415);
    expectErrorShape(response.json(), 'unsupported_media_type');
  });

  it('rejects a bad percent-escape in the URL with 400', async () => {
    const response = await t.app.inject({ url: '/api/procedures/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expectErrorShape(response.json(), 'bad_request');
  });

  it('refuses Infinity and 1e999 where a number is expected', async () => {
    for (const value of ['Infinity', '1e999', '-1', 'abc']) {
      const response = await t.app.inject({ url: `/api/procedures?page=${value}` });
      expect(response.statusCode, value).toBe(422);
      expectErrorShape(response.json(), 'validation_failed');
    }
    const body = await t.app.inject({
      method: 'PUT',
      url: '/api/calendar/sessions',
      headers: { 'content-type': 'application/json' },
      payload: '{"sessions": 1e999}',
    });
    expect(body.statusCode).toBeGreaterThanOrEqual(400);
    expect(body.statusCode).toBeLessThan(500);
  });
});

describe('serving the web app', () => {
  it('serves index.html for app routes (including procedure codes with dots) and 404 for missing assets', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { buildApp } = await import('./app');
    const { createTestDatabase, testConfig } = await import('../test/harness');
    const webRoot = mkdtempSync(join(tmpdir(), 'motcua-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>motcua</title>');
    const database = await createTestDatabase('pglite');
    const app = await buildApp({ config: testConfig(), database, webRoot });
    try {
      for (const url of ['/', '/thu-tuc/1.001193', '/quan-tri/thu-tuc/1.001193', '/thu-tuc?q=ly']) {
        const response = await app.inject({ url });
        expect(response.statusCode, url).toBe(200);
        expect(response.body).toContain('<title>motcua</title>');
      }
      for (const url of ['/assets/index-old.js', '/favicon-missing.ico']) {
        expect((await app.inject({ url })).statusCode, url).toBe(404);
      }
      // Opened in a browser, a missing file answers a Vietnamese page with a language, a title, a main region and a heading.
      const page = await app.inject({ url: '/huong-dan.pdf', headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
      expect(page.statusCode).toBe(404);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toMatch(/<html lang="vi">[\s\S]*<title>Không tìm thấy trang[\s\S]*<main><h1>Không tìm thấy trang<\/h1>/);
      expect((await app.inject({ url: '/huong-dan.pdf', headers: { accept: '*/*' } })).json().error.code).toBe('not_found');
    } finally {
      await app.close();
      await database.dispose();
      rmSync(webRoot, { recursive: true, force: true });
    }
  });
});
