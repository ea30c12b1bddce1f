/**
 * Hostile headers and encodings: media types, charsets and content encodings the API does not read (all refused
 * with 415), and headers it must simply ignore (an odd Accept-Language, a byte-order mark before the JSON).
 */
import { gzipSync } from 'node:zlib';
import type { BodyFault } from './body-cases';
import type { Operation } from './openapi';
import type { RequestParts, RobustnessCase } from './requests';
import { bodySample, type Fixtures } from './samples';

const plausibleText = (operation: Operation, fixtures: Fixtures) => JSON.stringify(bodySample(operation, fixtures));
const withHeaders = (payload: string | Buffer, headers: Record<string, string>) => ({ payload, headers });

export const ENCODING_FAULTS: BodyFault[] = [
  {
    name: 'text/plain content-type',
    wellFormed: false,
    build: (operation, fixtures) => withHeaders(plausibleText(operation, fixtures), { 'content-type': 'text/plain' }),
  },
  {
    name: 'multipart/form-data with a broken boundary',
    wellFormed: false,
    build: () =>
      withHeaders('--wrong\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--wrong', {
        'content-type': 'multipart/form-data; boundary=expected',
      }),
  },
  { name: 'a content-type that is no media type', wellFormed: false, build: () => withHeaders('{}', { 'content-type': 'json' }) },
  {
    name: 'application/json in charset utf-16',
    wellFormed: false,
    build: () => withHeaders(Buffer.from('{}', 'utf16le'), { 'content-type': 'application/json; charset=utf-16' }),
  },
  {
    name: 'application/json; charset=utf-16 on an ASCII body',
    wellFormed: false,
    build: (operation, fixtures) => withHeaders(plausibleText(operation, fixtures), { 'content-type': 'application/json; charset=utf-16' }),
  },
  {
    name: 'application/json; charset=iso-8859-1',
    wellFormed: false,
    build: (operation, fixtures) =>
      withHeaders(Buffer.from(plausibleText(operation, fixtures), 'latin1'), { 'content-type': 'application/json; charset=iso-8859-1' }),
  },
  {
    name: 'body without a content-type',
    wellFormed: false,
    build: (operation, fixtures) => withHeaders(plausibleText(operation, fixtures), {}),
  },
  {
    name: 'content-encoding: gzip on a plain body',
    wellFormed: false,
    build: (operation, fixtures) =>
      withHeaders(plausibleText(operation, fixtures), { 'content-type': 'application/json', 'content-encoding': 'gzip' }),
  },
  {
    name: 'content-encoding: gzip on a gzipped body',
    wellFormed: false,
    build: (operation, fixtures) =>
      withHeaders(gzipSync(plausibleText(operation, fixtures)), { 'content-type': 'application/json', 'content-encoding': 'gzip' }),
  },
  {
    name: 'content-encoding: br, x-unknown',
    wellFormed: false,
    build: (operation, fixtures) =>
      withHeaders(plausibleText(operation, fixtures), { 'content-type': 'application/json', 'content-encoding': 'br, x-unknown' }),
  },
];

/**
 * Header values the API does not read, or reads only to choose among equals (the response encoding), or reads
 * defensively (a session cookie, the CSRF token, a forwarded address it does not trust): whatever they say, the
 * answer is the one the request deserves. (The actor's own cookie and token, added by the test, win over these.)
 */
const ODD_HEADERS: Record<string, string[]> = {
  'accept-language': ['*;q=1e999, vi-VN;q=-1, xx-', ';;;,,,q=', `${'vi-VN,'.repeat(1000)}en`, 'ÿ'],
  'accept-encoding': ['gzip;q=abc, br;q=1e999, *;q=-1', 'identity;q=0, *;q=0'],
  accept: ['application/xml;q=abc, */*;q=-1'],
  cookie: [`motcua_session=%ZZ; other=${'y'.repeat(3000)}`],
  'x-csrf-token': ['ÿ'.repeat(500)],
  'x-forwarded-for': ['ÿ, 999.1.1.1, ::gg'],
  range: ['bytes=9999999999999999999-'],
};
/** As many requests as the longest list; request i carries variant i of each header (or none when a list is short). */
const ODD_HEADER_SETS = Array.from({ length: Math.max(...Object.values(ODD_HEADERS).map((values) => values.length)) }, (_, index) =>
  Object.fromEntries(
    Object.entries(ODD_HEADERS).flatMap(([name, values]) => (values[index] === undefined ? [] : [[name, values[index]!]])),
  ),
);

/** Cases that must change nothing: success is fine (the request is otherwise plausible), a 5xx is not. */
export function headerCases(operation: Operation, fixtures: Fixtures, parts: RequestParts): RobustnessCase[] {
  const cases: RobustnessCase[] = ODD_HEADER_SETS.map((headers, index) => ({
    name: `headers: odd ${Object.keys(headers).join(', ')} #${index + 1}`,
    allowSuccess: true,
    request: () => {
      const request = parts.request({});
      return { ...request, headers: { ...request.headers, ...headers } };
    },
  }));
  if (operation.bodySchema) {
    cases.push({
      name: 'headers: a byte-order mark before the JSON',
      allowSuccess: true,
      request: () =>
        parts.request({
          body: { payload: `\ufeff${plausibleText(operation, fixtures)}`, headers: { 'content-type': 'application/json' } },
        }),
    });
  }
  return cases;
}
