import { describe, expect, it } from 'vitest';
import { formatVietnameseDate, formatVietnamIso, parseVietnamInstant, vietnamDate } from './vietnam-time';

describe('Vietnam time helpers', () => {
  it('gives the Vietnam date of an instant, which differs from UTC late in the UTC day', () => {
    expect(vietnamDate(new Date('2026-02-16T17:30:00Z'))).toBe('2026-02-17');
    expect(vietnamDate(new Date('2026-02-16T16:59:59Z'))).toBe('2026-02-16');
  });

  it('writes days for messages as dd/mm/yyyy, an instant as its day in Vietnam', () => {
    expect(formatVietnameseDate('2025-07-01')).toBe('01/07/2025');
    expect(formatVietnameseDate(new Date('2026-02-16T17:30:00Z'))).toBe('17/02/2026');
    expect(formatVietnameseDate('không phải ngày')).toBe('không phải ngày');
  });

  it('formats instants with the +07:00 offset', () => {
    expect(formatVietnamIso(new Date('2026-02-24T10:30:00Z'))).toBe('2026-02-24T17:30:00+07:00');
  });

  it('parses ISO instants; without an offset they are Vietnam local time', () => {
    expect(parseVietnamInstant('2026-02-12T09:00+07:00')?.toISOString()).toBe('2026-02-12T02:00:00.000Z');
    expect(parseVietnamInstant('2026-02-12T09:00')?.toISOString()).toBe('2026-02-12T02:00:00.000Z');
    expect(parseVietnamInstant('2026-02-12')?.toISOString()).toBe('2026-02-11T17:00:00.000Z');
    expect(parseVietnamInstant('2026-02-12T02:00:00.000Z')?.toISOString()).toBe('2026-02-12T02:00:00.000Z');
    expect(parseVietnamInstant('2026-02-12T09:00+0700')?.toISOString()).toBe('2026-02-12T02:00:00.000Z');
  });

  it('refuses impossible or malformed instants', () => {
    for (const text of ['2026-02-30T09:00', '2026-13-01', '2026-02-12T25:00', 'hôm nay', '', '2026-02-12T09:00+07:00junk']) {
      expect(parseVietnamInstant(text), text).toBeNull();
    }
  });
});
