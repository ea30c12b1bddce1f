/**
 * Hostile content inside a plausible body: strings no database text can hold (NUL, lone UTF-16 surrogates, bytes
 * that are not UTF-8), huge strings, and dates that match the pattern but name no day.
 */
import type { BodyFault } from './body-cases';
import { json } from './body-cases';
import { JSON_TYPE } from './requests';
import { bodySample, bodyWithEveryLeaf, isDateSchema, isFreeTextLeaf, isTextLeaf, nonNullOption } from './samples';

/** A month-day field (MM-DD, a yearly deadline): takes 06-15 and, being a pattern, 02-30 too. */
const isMonthDaySchema = (schema: Parameters<typeof isDateSchema>[0]) => {
  const pattern = nonNullOption(schema).pattern;
  return pattern !== undefined && new RegExp(pattern).test('06-15') && new RegExp(pattern).test('02-30');
};

/** The plausible body's JSON text with the given bytes spliced into each of its free-text strings. */
function withBytesInText(operation: Parameters<BodyFault['build']>[0], fixtures: Parameters<BodyFault['build']>[1], bytes: number[]) {
  const token = '__robustness_bytes__';
  const text = bodyWithEveryLeaf(operation, fixtures, isFreeTextLeaf, `Kiểm thử ${token}`);
  if (!text) return undefined;
  const pieces = text.split(token).flatMap((piece, index) => (index ? [Buffer.from(bytes), Buffer.from(piece)] : [Buffer.from(piece)]));
  return { payload: Buffer.concat(pieces), headers: JSON_TYPE };
}

export const TEXT_FAULTS: BodyFault[] = [
  {
    name: 'every string 100 KB',
    wellFormed: true,
    build: (operation, fixtures) => json(bodyWithEveryLeaf(operation, fixtures, isTextLeaf, 'đ'.repeat(50_000))), // 100 KB of UTF-8
  },
  {
    name: 'strings with a NUL character',
    wellFormed: true,
    build: (operation, fixtures) => json(bodyWithEveryLeaf(operation, fixtures, isFreeTextLeaf, 'Kiểm thử\u0000độ bền')),
  },
  // JSON.stringify writes a lone surrogate as the escape \ud800: valid JSON, yet no UTF-8 text can hold it.
  {
    name: 'strings with a lone UTF-16 surrogate (escaped)',
    wellFormed: false,
    build: (operation, fixtures) => json(bodyWithEveryLeaf(operation, fixtures, isFreeTextLeaf, 'Kiểm thử\ud800độ bền')),
  },
  {
    name: 'strings with a lone low surrogate at the end (escaped)',
    wellFormed: false,
    build: (operation, fixtures) => json(bodyWithEveryLeaf(operation, fixtures, isFreeTextLeaf, 'Kiểm thử\udfff')),
  },
  {
    name: 'a key with a lone UTF-16 surrogate',
    wellFormed: false,
    build: (operation, fixtures) => json(JSON.stringify({ 'khóa\udbff': 1, ...bodySample(operation, fixtures) })),
  },
  {
    name: 'strings with the raw bytes of a surrogate (ED A0 80)',
    wellFormed: false,
    build: (operation, fixtures) => withBytesInText(operation, fixtures, [0xed, 0xa0, 0x80]),
  },
  {
    name: 'strings with an overlong UTF-8 encoding (C0 AF)',
    wellFormed: false,
    build: (operation, fixtures) => withBytesInText(operation, fixtures, [0xc0, 0xaf]),
  },
  {
    name: 'invalid UTF-8 bytes',
    wellFormed: false,
    build: () => ({ payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), headers: JSON_TYPE }),
  },
  {
    name: "every date '2026-02-31' (no such day)",
    wellFormed: true,
    build: (operation, fixtures) => json(bodyWithEveryLeaf(operation, fixtures, isDateSchema, '2026-02-31')),
  },
  {
    name: "every date '0000-01-01' (no year 0)",
    wellFormed: true,
    build: (operation, fixtures) => json(bodyWithEveryLeaf(operation, fixtures, isDateSchema, '0000-01-01')),
  },
  {
    name: "every month-day '02-30' (no such day)",
    wellFormed: true,
    build: (operation, fixtures) => json(bodyWithEveryLeaf(operation, fixtures, isMonthDaySchema, '02-30')),
  },
];
