import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDefaultProcess } from './default-process';

const sum = (steps: ReturnType<typeof buildDefaultProcess>) => steps.reduce((total, step) => total + step.budget.amount, 0);

describe('the default internal process', () => {
  it('has the seven steps of the rules, each with its role, in order', () => {
    const steps = buildDefaultProcess({ amount: 10, unit: 'working_days' });
    expect(steps.map((step) => step.role)).toEqual([
      'desk_officer',
      'division_head',
      'specialist',
      'division_head',
      'unit_leader',
      'clerk',
      'desk_officer',
    ]);
    expect(steps.map((step) => step.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(steps.every((step) => step.unitCode === null && step.budget.unit === 'working_days')).toBe(true);
  });

  it('splits 10 working days by the weights (1, 1, 10, 2, 3, 2, 1 of 20)', () => {
    const amounts = buildDefaultProcess({ amount: 10, unit: 'working_days' }).map((step) => step.budget.amount);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(10);
    // 320 quarter hours: 7 fixed + 313 by weight (15.65 per weight unit), remainders to the largest fractions.
    expect(amounts.map((amount) => amount * 32)).toEqual([17, 17, 157, 32, 48, 32, 17]);
  });

  it('keeps working hours in hours', () => {
    const steps = buildDefaultProcess({ amount: 4, unit: 'working_hours' });
    expect(steps.every((step) => step.budget.unit === 'working_hours')).toBe(true);
    expect(sum(steps)).toBe(4);
  });

  it('budgets calendar days in working days, 5/7 of them, rounded down to a quarter hour', () => {
    const steps = buildDefaultProcess({ amount: 30, unit: 'calendar_days' });
    expect(steps.every((step) => step.budget.unit === 'working_days')).toBe(true);
    expect(sum(steps)).toBe(Math.floor((30 * 5 * 32) / 7) / 32);
  });

  it('gives one desk step for a time shorter than seven quarter hours', () => {
    expect(buildDefaultProcess({ amount: 1, unit: 'working_hours' })).toEqual([
      {
        order: 1,
        name: 'Tiếp nhận, giải quyết và trả kết quả',
        role: 'desk_officer',
        unitCode: null,
        budget: { amount: 1, unit: 'working_hours' },
      },
    ]);
  });

  it('refuses a time that is not positive', () => {
    expect(() => buildDefaultProcess({ amount: 0, unit: 'working_days' })).toThrow(RangeError);
  });

  it('always adds up exactly to the time, every budget positive, the appraisal the largest', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 7, max: 3650 * 32 }),
        fc.constantFrom('working_days' as const, 'working_hours' as const),
        (quarters, unit) => {
          const amount = quarters / (unit === 'working_days' ? 32 : 4);
          if (amount > 3650) return;
          const steps = buildDefaultProcess({ amount, unit });
          expect(sum(steps)).toBe(amount);
          expect(steps.every((step) => step.budget.amount > 0)).toBe(true);
          const appraisal = steps[2]?.budget.amount ?? 0;
          expect(steps.every((step) => step.budget.amount <= appraisal)).toBe(true);
        },
      ),
    );
  });
});
