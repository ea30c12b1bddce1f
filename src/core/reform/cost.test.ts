import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateReduction, computeComplianceCost, processingHours, reductionRatio } from './cost';

const waitingDays = (days: number) => ({
  hourlyIncome: 40_000,
  activities: [{ name: 'Chờ kết quả', hours: processingHours(days, 'working_days') }],
  fees: 0,
  otherCosts: 0,
  timesPerYear: 1,
  subjectsPerYear: 10,
});

describe('compliance cost (TT 02/2017 Điều 27)', () => {
  it('values 10 working days of waiting for 10 dossiers a year at 32,000,000 đ, and 9 days at 28,800,000 đ (−10%)', () => {
    const before = computeComplianceCost(waitingDays(10));
    const after = computeComplianceCost(waitingDays(9));
    expect(before.costPerDossier).toBe(3_200_000);
    expect(before.annualCost).toBe(32_000_000);
    expect(after.annualCost).toBe(28_800_000);
    expect(reductionRatio(before.annualCost, after.annualCost)).toBeCloseTo(0.1, 10);
  });

  it('shows every term of the computation', () => {
    const result = computeComplianceCost({
      hourlyIncome: 40_000,
      activities: [
        { name: 'Tìm hiểu thủ tục', hours: 2 },
        { name: 'Chuẩn bị tờ khai', hours: 1.5 },
      ],
      fees: 200_000,
      otherCosts: 30_000,
      timesPerYear: 2,
      subjectsPerYear: 100,
    });
    expect(result.terms).toEqual({
      activities: [
        { name: 'Tìm hiểu thủ tục', hours: 2, cost: 80_000 },
        { name: 'Chuẩn bị tờ khai', hours: 1.5, cost: 60_000 },
      ],
      totalHours: 3.5,
      hourlyIncome: 40_000,
      timeCost: 140_000,
      fees: 200_000,
      otherCosts: 30_000,
      dossiersPerYear: 200,
    });
    expect(result.costPerDossier).toBe(370_000);
    expect(result.annualCost).toBe(74_000_000);
  });

  it('rounds to the đồng only in the results', () => {
    const result = computeComplianceCost({
      hourlyIncome: 33_333.33,
      activities: [{ name: 'a', hours: 1 / 3 }],
      fees: 0,
      otherCosts: 0,
      timesPerYear: 3,
      subjectsPerYear: 1,
    });
    expect(result.costPerDossier).toBe(11_111);
    expect(result.annualCost).toBe(33_333);
  });

  it('refuses negative or non-finite figures', () => {
    expect(() => computeComplianceCost({ ...waitingDays(1), hourlyIncome: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => computeComplianceCost({ ...waitingDays(1), subjectsPerYear: -1 })).toThrow(RangeError);
    expect(() => computeComplianceCost({ ...waitingDays(1), activities: [{ name: 'x', hours: Number.NaN }] })).toThrow(RangeError);
  });

  it('has no reduction without a baseline', () => {
    expect(reductionRatio(null, 5)).toBeNull();
    expect(reductionRatio(0, 0)).toBeNull();
  });
});

describe('reduction over a set of procedures', () => {
  const items = [
    { baseline: 100, current: 50, weight: 1 },
    { baseline: 100, current: 100, weight: 9 },
    { baseline: null, current: 10, weight: 5 },
  ];

  it('is 1 − Σcurrent ÷ Σbaseline, unweighted', () => {
    const result = aggregateReduction(items, 'unweighted');
    expect(result).toMatchObject({ baselineTotal: 200, currentTotal: 150, counted: 2, withoutBaseline: 1, method: 'unweighted' });
    expect(result.ratio).toBeCloseTo(0.25, 10);
  });

  it('weights each procedure by its dossier volume when asked', () => {
    const result = aggregateReduction(items, 'weighted');
    expect(result.baselineTotal).toBe(1000);
    expect(result.currentTotal).toBe(950);
    expect(result.ratio).toBeCloseTo(0.05, 10);
  });

  it('lists procedures without a baseline apart instead of counting them as zero', () => {
    expect(aggregateReduction([{ baseline: null, current: 3, weight: 1 }], 'unweighted')).toMatchObject({
      ratio: null,
      counted: 0,
      withoutBaseline: 1,
    });
  });

  it('never exceeds 100% and equals the single ratio for one procedure', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (before, after) => {
        const result = aggregateReduction([{ baseline: before, current: after, weight: 3 }], 'weighted');
        expect(result.ratio).toBeCloseTo(reductionRatio(before, after)!, 10);
        expect(result.ratio!).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('waiting time in the compliance cost', () => {
  const input = {
    hourlyIncome: 40_000,
    activities: [
      { name: 'Nộp hồ sơ', hours: 2 },
      { name: 'Chờ giải quyết', hours: 80, waiting: true },
    ],
    fees: 0,
    otherCosts: 0,
    timesPerYear: 1,
    subjectsPerYear: 10,
  };

  it('counts waiting time as activity at full income by default', () => {
    expect(computeComplianceCost(input).costPerDossier).toBe(82 * 40_000);
  });

  it('values waiting time at the share the cost method sets, other activities at full income', () => {
    const result = computeComplianceCost({ ...input, waitingIncomeShare: 0.25 });
    expect(result.costPerDossier).toBe(2 * 40_000 + 80 * 10_000);
    expect(result.terms.activities.map((activity) => activity.cost)).toEqual([80_000, 800_000]);
    expect(result.terms.totalHours).toBe(82);
    expect(() => computeComplianceCost({ ...input, waitingIncomeShare: 1.5 })).toThrow(RangeError);
  });
});
