import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  editDistance,
  escapeLikePattern,
  InputShapeError,
  MAX_INPUT_DEPTH,
  normalizeStringsDeep,
  normalizeText,
  stripAccents,
  toSearchForm,
} from './text';

describe('Vietnamese text normalisation', () => {
  it('removes accents including đ and Đ', () => {
    expect(stripAccents('Đăng ký hộ tịch Đồng Tháp đường')).toBe('Dang ky ho tich Dong Thap duong');
  });

  it('makes the search form accent-, case- and i/y-insensitive', () => {
    expect(toSearchForm('Cấp Phiếu lý lịch tư pháp')).toBe('cap phieu li lich tu phap');
    expect(toSearchForm('ly lich tu phap')).toBe(toSearchForm('LÍ LỊCH TƯ PHÁP'));
    expect(toSearchForm('kĩ thuật')).toBe(toSearchForm('kỹ thuật'));
    expect(toSearchForm('ĐĂNG KÝ')).toBe('dang ki');
    expect(toSearchForm('Quý, tỷ, mỹ thuật, y tế')).toBe('qui ti mi thuat i te');
  });

  it('keeps y where it is not a variant of i', () => {
    expect(toSearchForm('Giấy phép thủy sản, yêu cầu, ngày')).toBe('giay phep thuy san yeu cau ngay');
    expect(toSearchForm('Giấy')).not.toBe(toSearchForm('Giải'));
  });

  it('treats decomposed (NFD) input like composed input', () => {
    const decomposed = 'Chứng thực'.normalize('NFD');
    expect(toSearchForm(decomposed)).toBe('chung thuc');
    expect(normalizeText(decomposed)).toBe('Chứng thực'.normalize('NFC'));
  });

  it('strips invisible characters found inside words of the portal data', () => {
    expect(normalizeText('Hộ\u200E tịch\u00A0 \uFEFFmới ')).toBe('Hộ tịch mới');
    expect(toSearchForm('tư\u200Bpháp')).toBe('tuphap');
  });

  it('normalises every string of a nested value to NFC', () => {
    const value = normalizeStringsDeep({ a: ['Hộ'.normalize('NFD')], b: { c: 'ệ'.normalize('NFD'), d: 3 } });
    expect(value).toEqual({ a: ['Hộ'], b: { c: 'ệ', d: 3 } });
  });

  it('refuses NUL characters and nesting deeper than the limit', () => {
    expect(() => normalizeStringsDeep({ a: 'x\u0000y' })).toThrow(InputShapeError);
    let deep: unknown = 'x';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(() => normalizeStringsDeep(deep)).toThrow(InputShapeError);
    let allowed: unknown = 'x';
    for (let level = 0; level < MAX_INPUT_DEPTH; level++) allowed = [allowed];
    expect(() => normalizeStringsDeep(allowed)).not.toThrow();
  });

  it('refuses lone UTF-16 surrogates in values and keys, naming where they are, and keeps real pairs', () => {
    const fault = (value: unknown) => {
      try {
        normalizeStringsDeep(value);
      } catch (error) {
        return error instanceof InputShapeError ? { fault: error.fault, path: error.path.join('.') } : error;
      }
      return undefined;
    };
    expect(fault({ a: [{ b: 'x\ud800' }] })).toEqual({ fault: 'lone_surrogate', path: 'a.0.b' });
    expect(fault({ a: '\udc00y' })).toEqual({ fault: 'lone_surrogate', path: 'a' });
    expect(fault({ 'k\ud800': 1 })).toEqual({ fault: 'lone_surrogate', path: 'k\ud800' });
    expect(fault({ 'k\u0000': 1 })).toEqual({ fault: 'nul', path: 'k\u0000' });
    expect(fault({ a: 'Việt 😀 \ud83d\ude00' })).toBeUndefined();
    expect(new InputShapeError('lone_surrogate').message).toMatch(/UTF-8/);
  });

  it('keeps a "__proto__" key as data, never as the prototype', () => {
    const value = normalizeStringsDeep(JSON.parse('{"__proto__":{"isAdmin":true}}') as Record<string, unknown>);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect((value as { isAdmin?: boolean }).isAdmin).toBeUndefined();
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLikePattern('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });

  it('search form only ever contains a-z, 0-9 and single spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const form = toSearchForm(text);
        expect(form).toMatch(/^([a-z0-9]+( [a-z0-9]+)*)?$/);
        expect(toSearchForm(form)).toBe(form);
      }),
    );
  });
});

describe('edit distance', () => {
  it('counts substitutions, insertions, deletions and adjacent transpositions', () => {
    expect(editDistance('lich', 'lich')).toBe(0);
    expect(editDistance('lihc', 'lich')).toBe(1);
    expect(editDistance('phap', 'pháp'.normalize('NFC'))).toBe(1);
    expect(editDistance('chinhh', 'chinh')).toBe(1);
    expect(editDistance('kethon', 'ket')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops at the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });

  it('is symmetric', () => {
    fc.assert(fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => editDistance(a, b) === editDistance(b, a)));
  });
});
