import type { Duration } from '../../../../../src/contract/catalog';
import type { TimeUnit } from '../../../../../src/contract/enums';

/** Working days and hours convert at 8 hours a day, as the server checks (docs/DOMAIN.md §4). */
const WORKING_HOURS_PER_DAY = 8;

type Amount = number | '';

function toHours(amount: Amount, unit: TimeUnit) {
  const value = amount === '' ? 0 : amount;
  if (unit === 'calendar_days') return { scale: 'calendar' as const, hours: value * 24 };
  return { scale: 'working' as const, hours: unit === 'working_days' ? value * WORKING_HOURS_PER_DAY : value };
}

function fromHours(hours: number, unit: TimeUnit): number {
  const perUnit = unit === 'calendar_days' ? 24 : unit === 'working_days' ? WORKING_HOURS_PER_DAY : 1;
  return Math.round((hours / perUnit) * 100) / 100;
}

type BudgetComparison = { status: 'incomparable' } | { status: 'matches' | 'mismatch'; total: Duration };

/** Whether the step budgets of a process template add up to the statutory processing time. */
export function compareBudgets(
  statutory: { amount: Amount; unit: TimeUnit },
  budgets: { amount: Amount; unit: TimeUnit }[],
): BudgetComparison {
  const target = toHours(statutory.amount, statutory.unit);
  const steps = budgets.map((budget) => toHours(budget.amount, budget.unit));
  if (steps.some((step) => step.scale !== target.scale)) return { status: 'incomparable' };
  const totalHours = steps.reduce((sum, step) => sum + step.hours, 0);
  const total = { amount: fromHours(totalHours, statutory.unit), unit: statutory.unit };
  return { status: Math.abs(totalHours - target.hours) < 1e-6 ? 'matches' : 'mismatch', total };
}
