import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness';

/** Errors raised by Node's HTTP parser never reach Fastify's router: they need a real socket. */
describe('errors below the router', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp('pglite', { demo: false });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(() => t?.close());

  const rawRequest = (text: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(text));
      let response = '';
      socket.on('data', (chunk) => (response += chunk.toString()));
      socket.on('end', () => resolve(response));
      socket.on('error', reject);
    });

  const bodyOf = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));

  it('answers an over-long URL with 431 in the error shape', async () => {
    const response = await rawRequest(`GET /api/procedures?q=${'a'.repeat(100_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(response).toMatch(/^HTTP\/1.1 431/);
    expect(bodyOf(response)).toEqual({ error: { code: 'uri_too_long', message: expect.stringMatching(/quá dài/), details: [] } });
  });

  it('answers a malformed request line with 400 in the error shape', async () => {
    const response = await rawRequest('BLAH\r\n\r\n');
    expect(response).toMatch(/^HTTP\/1.1 400/);
    expect(bodyOf(response).error.code).toBe('bad_request');
  });
});
