// Generated internal process templates (quy trình nội bộ): the source has none. Step budgets are
// whole multiples of a power-of-two "tick" of the statutory unit, so they add up exactly (no float drift).

import type { ProcessingTime, ProcessRole, ProcessTemplateStep, TimeUnit } from './procedure-input';

export interface StepSpec {
  name: string;
  role: ProcessRole;
  unitCode: string;
  /** Integer share of the time left after every step got one tick; 0 = one tick only (desk and clerk work). */
  weight: number;
}

/** Largest tick per unit (half a day; one hour) and the smallest one we prefer (1 hour; 15 minutes). */
const TICK_LIMITS: Record<TimeUnit, { largest: number; smallestPreferred: number }> = {
  working_days: { largest: 0.5, smallestPreferred: 0.125 },
  calendar_days: { largest: 0.5, smallestPreferred: 0.125 },
  working_hours: { largest: 1, smallestPreferred: 0.25 },
};
const SMALLEST_TICK = 1 / 1024;

const isWhole = (value: number): boolean => Math.abs(value - Math.round(value)) < 1e-9;

/** Largest tick giving every step room (≥ 2 ticks per step), else the largest giving ≥ 1 tick per step. */
export function chooseTick(amount: number, unit: TimeUnit, stepCount: number): number {
  const { largest, smallestPreferred } = TICK_LIMITS[unit];
  for (let tick = largest; tick >= smallestPreferred; tick /= 2) {
    if (isWhole(amount / tick) && amount / tick >= 2 * stepCount) return tick;
  }
  for (let tick = largest; tick >= SMALLEST_TICK; tick /= 2) {
    if (isWhole(amount / tick) && amount / tick >= stepCount) return tick;
  }
  throw new Error(`Cannot split ${amount} ${unit} into ${stepCount} steps`);
}

/** Every step one tick; the rest by integer weight, largest remainder first, ties to the earlier step. */
export function allocateTicks(totalTicks: number, weights: number[]): number[] {
  if (!weights.every((weight) => Number.isInteger(weight) && weight >= 0)) throw new Error('Weights must be whole numbers');
  const ticks = weights.map(() => 1);
  const spare = totalTicks - weights.length;
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (spare < 0) throw new Error('Not enough ticks for the steps');
  if (spare === 0) return ticks;
  if (weightSum === 0) {
    ticks[0] = (ticks[0] ?? 0) + spare;
    return ticks;
  }
  // Integer arithmetic: quota = spare × weight ÷ weightSum, compared by exact remainders.
  let left = spare;
  weights.forEach((weight, index) => {
    const whole = Math.floor((spare * weight) / weightSum);
    ticks[index] = (ticks[index] ?? 0) + whole;
    left -= whole;
  });
  const order = weights
    .map((weight, index) => ({ index, weight, remainder: (spare * weight) % weightSum }))
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let cursor = 0; left > 0; cursor = (cursor + 1) % order.length, left -= 1) {
    const target = order[cursor]?.index ?? 0;
    ticks[target] = (ticks[target] ?? 0) + 1;
  }
  return ticks;
}

export function buildProcessTemplate(time: ProcessingTime, steps: StepSpec[]): ProcessTemplateStep[] {
  const tick = chooseTick(time.amount, time.unit, steps.length);
  const ticks = allocateTicks(
    Math.round(time.amount / tick),
    steps.map((step) => step.weight),
  );
  return steps.map((step, index) => ({
    order: index + 1,
    name: step.name,
    role: step.role,
    unitCode: step.unitCode,
    budget: { amount: (ticks[index] ?? 0) * tick, unit: time.unit },
  }));
}

export interface RouteUnits {
  desk: string;
  division: string;
  unit: string;
  clerkUnit: string;
}

export function standardSteps(route: RouteUnits): StepSpec[] {
  return [
    { name: 'Tiếp nhận, kiểm tra, số hóa hồ sơ và chuyển xử lý', role: 'desk_officer', unitCode: route.desk, weight: 0 },
    { name: 'Thẩm định hồ sơ, dự thảo kết quả giải quyết', role: 'specialist', unitCode: route.division, weight: 12 },
    { name: 'Xem xét hồ sơ, trình lãnh đạo ký', role: 'division_head', unitCode: route.division, weight: 3 },
    { name: 'Phê duyệt, ký kết quả giải quyết', role: 'unit_leader', unitCode: route.unit, weight: 3 },
    { name: 'Vào sổ, đóng dấu, phát hành kết quả', role: 'clerk', unitCode: route.clerkUnit, weight: 0 },
    { name: 'Trả kết quả cho tổ chức, cá nhân', role: 'desk_officer', unitCode: route.desk, weight: 0 },
  ];
}

export interface ProvinceReview {
  reviewDivision: string;
  provinceOffice: string;
  province: string;
}

/** Department appraises and submits; Văn phòng UBND tỉnh checks; a provincial leader signs. */
export function provinceDecisionSteps(route: RouteUnits, review: ProvinceReview): StepSpec[] {
  return [
    { name: 'Tiếp nhận, kiểm tra, số hóa hồ sơ và chuyển xử lý', role: 'desk_officer', unitCode: route.desk, weight: 0 },
    { name: 'Thẩm định hồ sơ, dự thảo tờ trình và quyết định', role: 'specialist', unitCode: route.division, weight: 8 },
    { name: 'Xem xét hồ sơ, trình lãnh đạo Sở', role: 'division_head', unitCode: route.division, weight: 2 },
    { name: 'Ký tờ trình UBND tỉnh', role: 'unit_leader', unitCode: route.unit, weight: 2 },
    { name: 'Thẩm tra hồ sơ trình, đề xuất', role: 'specialist', unitCode: review.reviewDivision, weight: 3 },
    { name: 'Xem xét, trình lãnh đạo UBND tỉnh', role: 'division_head', unitCode: review.reviewDivision, weight: 1 },
    { name: 'Phê duyệt, ký quyết định', role: 'unit_leader', unitCode: review.province, weight: 3 },
    { name: 'Vào sổ, phát hành quyết định', role: 'clerk', unitCode: review.provinceOffice, weight: 0 },
    { name: 'Trả kết quả cho tổ chức, cá nhân', role: 'desk_officer', unitCode: route.desk, weight: 0 },
  ];
}

export function communeSteps(desk: string, commune: string): StepSpec[] {
  return [
    { name: 'Tiếp nhận, kiểm tra, số hóa hồ sơ và chuyển xử lý', role: 'desk_officer', unitCode: desk, weight: 0 },
    { name: 'Công chức chuyên môn thẩm định hồ sơ, dự thảo kết quả', role: 'specialist', unitCode: commune, weight: 12 },
    { name: 'Trưởng phòng chuyên môn xem xét, trình ký', role: 'division_head', unitCode: commune, weight: 3 },
    { name: 'Lãnh đạo UBND phê duyệt, ký kết quả', role: 'unit_leader', unitCode: commune, weight: 3 },
    { name: 'Vào sổ, đóng dấu, phát hành kết quả', role: 'clerk', unitCode: commune, weight: 0 },
    { name: 'Trả kết quả cho tổ chức, cá nhân', role: 'desk_officer', unitCode: desk, weight: 0 },
  ];
}
