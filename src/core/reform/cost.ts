/**
 * Compliance cost of an administrative procedure (TT 02/2017/TT-VPCP Điều 27, docs/DOMAIN.md §7):
 *   cost of one dossier = Σ activity hours × hourly income + fees and charges + other costs
 *   annual cost         = cost of one dossier × times per year × subjects per year
 * Low-average figures, no opportunity cost. Money is in đồng and rounded to the đồng only in the results.
 */
export type CostInput = {
  hourlyIncome: number;
  /** `waiting`: time spent waiting for the agency (e.g. "Chờ giải quyết"), valued at `waitingIncomeShare` of the income. */
  activities: { name: string; hours: number; waiting?: boolean }[];
  /** Share of the hourly income at which waiting time is valued; default 1 (waiting counted as activity at full income). */
  waitingIncomeShare?: number;
  fees: number;
  otherCosts: number;
  timesPerYear: number;
  subjectsPerYear: number;
};

export type CostTerms = {
  activities: { name: string; hours: number; cost: number }[];
  totalHours: number;
  hourlyIncome: number;
  timeCost: number;
  fees: number;
  otherCosts: number;
  dossiersPerYear: number;
};

export type CostResult = { costPerDossier: number; annualCost: number; terms: CostTerms };

const roundDong = (value: number) => Math.round(value);

export function computeComplianceCost(input: CostInput): CostResult {
  for (const [name, value] of Object.entries({
    hourlyIncome: input.hourlyIncome,
    fees: input.fees,
    otherCosts: input.otherCosts,
    timesPerYear: input.timesPerYear,
    subjectsPerYear: input.subjectsPerYear,
  })) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  }
  const waitingShare = input.waitingIncomeShare ?? 1;
  if (!Number.isFinite(waitingShare) || waitingShare < 0 || waitingShare > 1) throw new RangeError('waitingIncomeShare must be in [0, 1]');
  const activityCost = (activity: CostInput['activities'][number]) =>
    activity.hours * input.hourlyIncome * (activity.waiting ? waitingShare : 1);
  const activities = input.activities.map((activity) => {
    if (!Number.isFinite(activity.hours) || activity.hours < 0) throw new RangeError(`hours of "${activity.name}" must be ≥ 0`);
    return { name: activity.name, hours: activity.hours, cost: roundDong(activityCost(activity)) };
  });
  const totalHours = input.activities.reduce((sum, activity) => sum + activity.hours, 0);
  const timeCost = input.activities.reduce((sum, activity) => sum + activityCost(activity), 0);
  const costPerDossier = timeCost + input.fees + input.otherCosts;
  const dossiersPerYear = input.timesPerYear * input.subjectsPerYear;
  return {
    costPerDossier: roundDong(costPerDossier),
    annualCost: roundDong(costPerDossier * dossiersPerYear),
    terms: {
      activities,
      totalHours,
      hourlyIncome: input.hourlyIncome,
      timeCost: roundDong(timeCost),
      fees: input.fees,
      otherCosts: input.otherCosts,
      dossiersPerYear,
    },
  };
}

/** (before − after) ÷ before; null when there is no baseline to compare with. */
export function reductionRatio(before: number | null, after: number | null): number | null {
  if (before === null || after === null || before <= 0) return null;
  return (before - after) / before;
}

export type TimeUnit = 'working_days' | 'working_hours' | 'calendar_days';

/**
 * Processing times of different procedures are added in hours: a working day is 8 hours (docs/DOMAIN.md §4); a
 * calendar day is counted as a day too, so that cutting "15 ngày" to "10 ngày" weighs like 15 → 10 working days.
 */
export function processingHours(amount: number, unit: TimeUnit, hoursPerDay = 8): number {
  return unit === 'working_hours' ? amount : amount * hoursPerDay;
}

export type ReductionItem = { baseline: number | null; current: number | null; weight: number };
export type ReductionMethod = 'unweighted' | 'weighted';

export type AggregateReduction = {
  ratio: number | null;
  baselineTotal: number;
  currentTotal: number;
  counted: number;
  withoutBaseline: number;
  method: ReductionMethod;
};

/**
 * Reduction for a set of procedures: 1 − Σcurrent ÷ Σbaseline over the procedures that have both figures,
 * each term multiplied by its dossier volume when weighted. Procedures without a baseline are counted apart,
 * never as 0.
 */
export function aggregateReduction(items: ReductionItem[], method: ReductionMethod): AggregateReduction {
  let baselineTotal = 0;
  let currentTotal = 0;
  let counted = 0;
  let withoutBaseline = 0;
  for (const item of items) {
    if (item.baseline === null || item.current === null) {
      withoutBaseline += item.baseline === null ? 1 : 0;
      continue;
    }
    const weight = method === 'weighted' ? item.weight : 1;
    baselineTotal += item.baseline * weight;
    currentTotal += item.current * weight;
    counted += 1;
  }
  return { ratio: reductionRatio(baselineTotal, currentTotal), baselineTotal, currentTotal, counted, withoutBaseline, method };
}
