import { describe, expect, it } from 'vitest';
import { dayAfter, dayBefore, previousPeriod, reportingPeriod } from './periods';
import { DEFAULT_RATING_BANDS, indexScore, indicatorPoints, ratingOf, ratioOf } from './score';

describe('reporting periods (TT 01/2020: 21st → 20th)', () => {
  it('runs a month from the 21st of the month before to the 20th', () => {
    expect(reportingPeriod('month', 2026, 1)).toEqual({ from: '2025-12-21', to: '2026-01-20' });
    expect(reportingPeriod('month', 2026, 3)).toEqual({ from: '2026-02-21', to: '2026-03-20' });
    expect(reportingPeriod('quarter', 2026, 2)).toEqual({ from: '2026-03-21', to: '2026-06-20' });
    expect(reportingPeriod('year', 2026, 1)).toEqual({ from: '2025-12-21', to: '2026-12-20' });
  });
  it('gives calendar months with a start day of 1, February of a leap year included', () => {
    expect(reportingPeriod('month', 2028, 2, 1)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(reportingPeriod('quarter', 2026, 4, 1)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });
  it('chains periods without a gap: the day after one period is the first of the next', () => {
    for (let month = 1; month <= 12; month++) {
      const current = reportingPeriod('month', 2026, month);
      const before = previousPeriod('month', 2026, month);
      expect(dayAfter(reportingPeriod('month', before.year, before.index).to)).toBe(current.from);
    }
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
  });
  it('refuses an impossible index or start day', () => {
    expect(() => reportingPeriod('quarter', 2026, 5)).toThrow(RangeError);
    expect(() => reportingPeriod('month', 2026, 1, 31)).toThrow(RangeError);
  });
});

describe('indicator score (QĐ 766)', () => {
  it('scores Pmax at or above the target, else ratio × Pmax ÷ target', () => {
    expect(indicatorPoints(0.9, 0.8, 6)).toBe(6);
    expect(indicatorPoints(0.4, 0.8, 6)).toBe(3);
    expect(indicatorPoints(0.5, 0.9, 10)).toBe(5.56);
    expect(indicatorPoints(null, 0.8, 6)).toBeNull();
  });
  it('has no ratio without a denominator', () => {
    expect(ratioOf(0, 0)).toBeNull();
    expect(ratioOf(1, 4)).toBe(0.25);
  });
  it('rates by the configurable bands', () => {
    expect(ratingOf(90)).toBe('xuat_sac');
    expect(ratingOf(89.99)).toBe('tot');
    expect(ratingOf(70)).toBe('kha');
    expect(ratingOf(50)).toBe('trung_binh');
    expect(ratingOf(49.9)).toBe('yeu');
    expect(ratingOf(null)).toBeNull();
    expect(ratingOf(85, [{ band: 'xuat_sac', minScore: 85 }, ...DEFAULT_RATING_BANDS.slice(1)])).toBe('xuat_sac');
  });
  it('brings the points of the indicators with data back to the full scale', () => {
    expect(indexScore(36, 45, 100)).toBe(80);
    expect(indexScore(0, 0, 100)).toBeNull();
  });
});
