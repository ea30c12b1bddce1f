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

/** Header values the API does not read: whatever they say, the answer is the one the request deserves. */
const ODD_LANGUAGES = ['*;q=1e999, vi-VN;q=-1, xx-', ';;;,,,q=', `${'vi-VN,'.repeat(1000)}en`, 'ÿ'];

/** Cases that must change nothing: success is fine (the request is otherwise plausible), a 5xx is not. */
export function headerCases(operation: Operation, fixtures: Fixtures, parts: RequestParts): RobustnessCase[] {
  const cases: RobustnessCase[] = ODD_LANGUAGES.map((language, index) => ({
    name: `headers: odd Accept-Language #${index + 1}`,
    allowSuccess: true,
    request: () => {
      const request = parts.request({});
      return { ...request, headers: { ...request.headers, 'accept-language': language } };
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
