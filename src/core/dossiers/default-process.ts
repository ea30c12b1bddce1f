/**
 * The default internal process (docs/api/dossiers.md "Steps"): used when a procedure has neither an approved
 * internal process nor a process template. Seven steps whose budgets add up exactly to the time:
 *
 *   1 receive and transfer — desk officer      (1/20)
 *   2 assign               — division head     (1/20)
 *   3 appraise             — specialist        (10/20)
 *   4 review               — division head     (2/20)
 *   5 approve              — unit leader       (3/20)
 *   6 issue                — clerk             (2/20)
 *   7 return               — desk officer      (1/20)
 *
 * Budgets are split in quarter hours (1/4 working hour, 1/32 working day: numbers a float holds exactly, so the sum
 * is exact) by the largest remainder, each step at least one quarter hour; the appraisal step takes what rounding
 * leaves. The unit of the budgets is the unit of the time for working days and working hours.
 *
 * calendar_days N: a calendar day is not a unit of work, so the steps are budgeted in working days: N × 5/7 (the
 * working days of a week), rounded down to a quarter hour, at least one quarter hour per step. These budgets are
 * the internal targets of the steps only; the dossier's own due date is still computed from the N calendar days.
 *
 * A time too short for seven quarter hours (under 1 h 45) gives one desk step holding the whole time.
 */
export type ProcessRoleName = 'desk_officer' | 'specialist' | 'division_head' | 'unit_leader' | 'clerk';
export type ProcessTimeUnit = 'working_days' | 'working_hours' | 'calendar_days';

export interface ProcessTime {
  amount: number;
  unit: ProcessTimeUnit;
}

export interface DefaultProcessStep {
  order: number;
  name: string;
  role: ProcessRoleName;
  /** Always null: the handling unit (the receiving desk for desk-officer steps). */
  unitCode: null;
  budget: { amount: number; unit: 'working_days' | 'working_hours' };
}

const STEPS: readonly { name: string; role: ProcessRoleName; weight: number }[] = [
  { name: 'Tiếp nhận và chuyển hồ sơ', role: 'desk_officer', weight: 1 },
  { name: 'Phân công xử lý', role: 'division_head', weight: 1 },
  { name: 'Thẩm định, xử lý hồ sơ', role: 'specialist', weight: 10 },
  { name: 'Xem xét, trình ký', role: 'division_head', weight: 2 },
  { name: 'Phê duyệt kết quả', role: 'unit_leader', weight: 3 },
  { name: 'Vào sổ, phát hành kết quả', role: 'clerk', weight: 2 },
  { name: 'Trả kết quả', role: 'desk_officer', weight: 1 },
];
const APPRAISAL_INDEX = 2;
const TOTAL_WEIGHT = STEPS.reduce((sum, step) => sum + step.weight, 0);
const QUARTERS_PER_UNIT = { working_days: 32, working_hours: 4 } as const;

/** The working time the steps share, in the budget's unit (calendar days converted, see above). */
export function processBudgetTime(time: ProcessTime): { amount: number; unit: 'working_days' | 'working_hours' } {
  if (!Number.isFinite(time.amount) || time.amount <= 0) throw new RangeError(`Process time must be positive, got ${time.amount}`);
  if (time.unit !== 'calendar_days') return { amount: time.amount, unit: time.unit };
  const quarters = Math.floor((time.amount * 5 * QUARTERS_PER_UNIT.working_days) / 7);
  return { amount: Math.max(quarters, STEPS.length) / QUARTERS_PER_UNIT.working_days, unit: 'working_days' };
}

export function buildDefaultProcess(time: ProcessTime): DefaultProcessStep[] {
  const total = processBudgetTime(time);
  const perUnit = QUARTERS_PER_UNIT[total.unit];
  const quarters = Math.floor(total.amount * perUnit + 1e-9);
  if (quarters < STEPS.length) {
    return [{ order: 1, name: 'Tiếp nhận, giải quyết và trả kết quả', role: 'desk_officer', unitCode: null, budget: total }];
  }
  const shares = splitByLargestRemainder(quarters);
  const amounts = shares.map((share) => share / perUnit);
  // What is not a whole quarter hour (an amount like 1/3 day) goes to the appraisal step, so the sum is the time.
  const others = amounts.reduce((sum, amount, index) => (index === APPRAISAL_INDEX ? sum : sum + amount), 0);
  amounts[APPRAISAL_INDEX] = total.amount - others;
  return STEPS.map((step, index) => ({
    order: index + 1,
    name: step.name,
    role: step.role,
    unitCode: null,
    budget: { amount: amounts[index] ?? 0, unit: total.unit },
  }));
}

/** Each step one quarter first, then the rest by weight, remainders to the largest fractions (ties: earlier step). */
function splitByLargestRemainder(quarters: number): number[] {
  const spare = quarters - STEPS.length;
  const exact = STEPS.map((step) => (spare * step.weight) / TOTAL_WEIGHT);
  const shares = exact.map((value) => 1 + Math.floor(value));
  let left = quarters - shares.reduce((sum, share) => sum + share, 0);
  const order = exact
    .map((value, index) => ({ index, fraction: value - Math.floor(value) }))
    .sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}
