import { describe, expect, it } from 'vitest';
import { baselinePeriodOf, changePercent, medianOfSorted, percentileOfSorted } from './processing-times';

describe('statistics of measured times', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(medianOfSorted([])).toBeNull();
    expect(medianOfSorted([7])).toBe(7);
    expect(medianOfSorted([1, 3, 10])).toBe(3);
    expect(medianOfSorted([1, 3, 10, 20])).toBe(6.5);
  });

  it('takes p90 by nearest rank: the ⌈0.9·n⌉-th smallest, a time some dossier took', () => {
    const twenty = Array.from({ length: 20 }, (_, index) => (index + 1) * 10);
    expect(percentileOfSorted(twenty, 90)).toBe(180);
    expect(percentileOfSorted(twenty.slice(0, 11), 90)).toBe(100);
    expect(percentileOfSorted([5, 8, 9, 40], 90)).toBe(40);
    expect(percentileOfSorted([5], 90)).toBe(5);
    expect(percentileOfSorted([], 90)).toBeNull();
  });

  it('gives the change in percent, one decimal, and none against a missing or zero baseline', () => {
    expect(changePercent(1440, 1920)).toBe(-25);
    expect(changePercent(1000, 3000)).toBe(-66.7);
    expect(changePercent(2500, 2000)).toBe(25);
    expect(changePercent(100, null)).toBeNull();
    expect(changePercent(null, 100)).toBeNull();
    expect(changePercent(100, 0)).toBeNull();
  });
});

describe('the 2024 period a period is compared with', () => {
  it('is the same dates of 2024', () => {
    expect(baselinePeriodOf('2026-02-01', '2026-03-31')).toEqual({ from: '2024-02-01', to: '2024-03-31' });
    expect(baselinePeriodOf('2025-12-21', '2026-12-20')).toEqual({ from: '2023-12-21', to: '2024-12-20' });
    expect(baselinePeriodOf('2024-05-01', '2024-05-31')).toEqual({ from: '2024-05-01', to: '2024-05-31' });
  });

  it('moves a period spanning two years so that its end falls in 2024', () => {
    expect(baselinePeriodOf('2025-12-01', '2026-01-31')).toEqual({ from: '2023-12-01', to: '2024-01-31' });
  });

  it('keeps 29/02 in 2024 and turns it into 28/02 in a year without one', () => {
    expect(baselinePeriodOf('2028-02-01', '2028-02-29')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(baselinePeriodOf('2028-02-29', '2029-01-31')).toEqual({ from: '2023-02-28', to: '2024-01-31' });
    expect(baselinePeriodOf('2026-02-01', '2026-02-28')).toEqual({ from: '2024-02-01', to: '2024-02-28' });
  });
});
