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

  const rawRequest = (text: string | Buffer) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(text));
      let response = '';
      socket.on('data', (chunk) => (response += chunk.toString()));
      socket.on('end', () => resolve(response));
      socket.on('error', reject);
    });

  const rawResponse = (response: string) =>
    Object.fromEntries(
      response
        .slice(0, response.indexOf('\r\n\r\n'))
        .split('\r\n')
        .slice(1)
        .map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
    );
  const bodyOf = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));

  it('answers an over-long URL with 431 in the error shape', async () => {
    const response = await rawRequest(`GET /api/procedures?q=${'a'.repeat(100_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(response).toMatch(/^HTTP\/1.1 431/);
    expect(bodyOf(response)).toEqual({ error: { code: 'uri_too_long', message: expect.stringMatching(/quá dài/), details: [] } });
  });

  it('sends the security headers with the answers written to the socket', async () => {
    const routed = await t.app.inject({ url: '/api/khong-co' });
    for (const text of [`GET /?q=${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 'BLAH\r\n\r\n']) {
      const head = rawResponse(await rawRequest(text));
      for (const name of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy']) {
        expect(head[name], name).toBe(routed.headers[name]);
      }
      expect(head['cache-control']).toBe('no-store');
    }
  });

  it('answers a malformed request line with 400 in the error shape', async () => {
    const response = await rawRequest('BLAH\r\n\r\n');
    expect(response).toMatch(/^HTTP\/1.1 400/);
    expect(bodyOf(response).error.code).toBe('bad_request');
  });

  const post = (headers: string, body: string) => `POST /api/auth/login HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${headers}\r\n${body}`;
  const json = 'Content-Type: application/json\r\n';
  const credentials = '{"username":"a","password":"b"}';
  const chunked = (text: string) => `${text.length.toString(16)}\r\n${text}\r\n0\r\n\r\n`;
  it.each([
    ['a control character in a header', 400, 'GET /api/health HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n\r\n'],
    ['both Transfer-Encoding and Content-Length', 400, post(`${json}Transfer-Encoding: chunked\r\nContent-Length: 5\r\n`, '0\r\n\r\n')],
    ['a chunk size that is no number', 400, post(`${json}Transfer-Encoding: chunked\r\n`, 'zz\r\n')],
    ['two Content-Length headers', 400, post(`${json}Content-Length: 5\r\nContent-Length: 6\r\n`, credentials)],
    ['a Content-Length that is no number', 400, post(`${json}Content-Length: abc\r\n`, credentials)],
    ['a compressed chunked body', 415, post(`${json}Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n`, chunked(credentials))],
    [
      'a chunked body in UTF-16',
      415,
      post('Content-Type: application/json; charset=utf-16\r\nTransfer-Encoding: chunked\r\n', chunked(credentials)),
    ],
  ])('answers %s with %i in the error shape', async (_name, status, text) => {
    const response = await rawRequest(text);
    expect(response.slice(0, 12)).toBe(`HTTP/1.1 ${status}`);
    expect(Object.keys(bodyOf(response).error)).toEqual(['code', 'message', 'details']);
  });

  it('answers bytes that are not UTF-8 in the request line with 400', async () => {
    const text = Buffer.concat([
      Buffer.from('GET /api/units/'),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
    ]);
    const response = await rawRequest(text);
    expect(response).toMatch(/^HTTP\/1.1 400/);
    expect(bodyOf(response).error.code).toBe('bad_request');
  });
});
