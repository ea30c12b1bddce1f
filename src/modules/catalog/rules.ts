import type { Duration, ProcedureContent, ProcessStep } from '../../contract/catalog';
import type { TimeUnit, VersionStatus } from '../../contract/enums';
import { timeUnitWords } from '../../contract/labels';
import type { ErrorDetail } from '../../core/errors';

/** Working days and working hours convert at 8 hours a day (docs/DOMAIN.md §4); calendar days stand alone. */
export const WORKING_HOURS_PER_DAY = 8;

function toComparable(amount: number, unit: TimeUnit): { scale: 'working' | 'calendar'; hours: number } {
  if (unit === 'calendar_days') return { scale: 'calendar', hours: amount * 24 };
  return { scale: 'working', hours: unit === 'working_days' ? amount * WORKING_HOURS_PER_DAY : amount };
}

/** Step budgets of the internal process must add up to the statutory processing time. */
export function checkProcessTemplate(content: Pick<ProcedureContent, 'processTemplate' | 'processingTime'>): ErrorDetail[] {
  return checkProcessSteps(content.processTemplate, content.processingTime, {
    path: 'procedure.processTemplate',
    targetLabel: 'thời hạn giải quyết',
  });
}

/**
 * An approved internal process (docs/DOMAIN.md §4): the committed time is no longer than the statutory time, in
 * the same kind of days, and the step budgets add up to the committed time.
 */
export function checkApprovedProcess(approval: { committedTime: Duration; steps: ProcessStep[] }, statutory: Duration): ErrorDetail[] {
  const committed = toComparable(approval.committedTime.amount, approval.committedTime.unit);
  const limit = toComparable(statutory.amount, statutory.unit);
  if (committed.scale !== limit.scale) {
    return [
      {
        path: 'committedTime.unit',
        message: 'Thời gian cam kết phải cùng loại với thời hạn giải quyết (ngày làm việc/giờ làm việc hoặc ngày).',
      },
    ];
  }
  if (committed.hours - limit.hours > 1e-6) {
    return [
      {
        path: 'committedTime.amount',
        message: `Thời gian cam kết (${describeDuration(approval.committedTime.amount, approval.committedTime.unit)}) không được dài hơn thời hạn giải quyết theo quy định (${describeDuration(statutory.amount, statutory.unit)}).`,
      },
    ];
  }
  return checkProcessSteps(approval.steps, approval.committedTime, { path: 'steps', targetLabel: 'thời gian cam kết' });
}

/** True when `time` is shorter than `statutory` (same kind of days). */
export function isShorter(time: Duration, statutory: Duration): boolean {
  const left = toComparable(time.amount, time.unit);
  const right = toComparable(statutory.amount, statutory.unit);
  return left.scale === right.scale && right.hours - left.hours > 1e-6;
}

function checkProcessSteps(steps: ProcessStep[], target: Duration, options: { path: string; targetLabel: string }): ErrorDetail[] {
  if (steps.length === 0) return [];
  const details: ErrorDetail[] = [];
  const goal = toComparable(target.amount, target.unit);
  let totalHours = 0;
  steps.forEach((step, index) => {
    const budget = toComparable(step.budget.amount, step.budget.unit);
    if (budget.scale !== goal.scale) {
      details.push({
        path: `${options.path}.${index}.budget.unit`,
        message: `Thời gian của bước phải cùng loại với ${options.targetLabel} (ngày làm việc/giờ làm việc hoặc ngày).`,
      });
    }
    totalHours += budget.hours;
  });
  const orders = steps.map((step) => step.order);
  if (new Set(orders).size !== orders.length) {
    details.push({ path: options.path, message: 'Số thứ tự các bước không được trùng nhau.' });
  }
  if (details.length === 0 && Math.abs(totalHours - goal.hours) > 1e-6) {
    details.push({
      path: options.path,
      message: `Tổng thời gian các bước (${formatHours(totalHours, goal.scale)}) phải bằng ${options.targetLabel} (${formatHours(goal.hours, goal.scale)}).`,
    });
  }
  return details;
}

/** Unit codes of the agencies by role (the authority that decides, the coordinating agencies), with their paths. */
export function recordUnitCodes(content: Pick<ProcedureContent, 'decidingAuthority' | 'coordinatingAgencies'>) {
  const codes: { code: string; path: string }[] = [];
  if (content.decidingAuthority?.unitCode) {
    codes.push({ code: content.decidingAuthority.unitCode, path: 'procedure.decidingAuthority.unitCode' });
  }
  (content.coordinatingAgencies ?? []).forEach((agency, index) => {
    if (agency.unitCode) codes.push({ code: agency.unitCode, path: `procedure.coordinatingAgencies.${index}.unitCode` });
  });
  return codes;
}

/**
 * The basic parts of a procedure record without which a version is not published (NĐ 63/2010 Điều 8 as amended,
 * docs/DOMAIN.md §2): every missing part at once, each with its path. Versions published before this rule stay as
 * they were: the check runs when a version is published, never when one is read.
 */
export function checkBasicParts(content: ProcedureContent): ErrorDetail[] {
  const missing: ErrorDetail[] = [];
  const lack = (path: string, part: string) => missing.push({ path: `procedure.${path}`, message: `Thiếu ${part}.` });
  if (!content.name.trim()) lack('name', 'tên thủ tục');
  if (content.steps.every((step) => !step.trim())) lack('steps', 'trình tự thực hiện');
  if (content.methods.length === 0) lack('methods', 'cách thức thực hiện');
  if (content.components.length === 0) lack('components', 'thành phần hồ sơ');
  if (content.dossierSets === null) lack('dossierSets', 'số lượng bộ hồ sơ');
  if (!(content.processingTime?.amount > 0)) lack('processingTime', 'thời hạn giải quyết');
  if (content.applicantTypes.length === 0) lack('applicantTypes', 'đối tượng thực hiện');
  if (content.handlingUnitCodes.length === 0) lack('handlingUnitCodes', 'cơ quan giải quyết');
  if (!content.result?.trim()) lack('result', 'kết quả thực hiện');
  content.legalBasis.forEach((document, index) => {
    if (document.date && document.effectiveDate && document.effectiveDate < document.date) {
      missing.push({
        path: `procedure.legalBasis.${index}.effectiveDate`,
        message: `Ngày có hiệu lực của văn bản ${document.number} không được trước ngày ban hành.`,
      });
    }
  });
  return missing;
}

function formatHours(hours: number, scale: 'working' | 'calendar'): string {
  const rounded = (value: number) => Math.round(value * 100) / 100;
  return scale === 'calendar' ? `${rounded(hours / 24)} ngày` : `${rounded(hours)} giờ làm việc`;
}

const vnd = new Intl.NumberFormat('vi-VN');

/** One line a citizen can read in a list: "Miễn phí", "50.000 đ", "Từ 20.000 đ đến 100.000 đ" or the published text. */
export function summarizeFees(fees: ProcedureContent['fees']): string {
  if (fees.length === 0) return 'Không có thông tin';
  const amounts = fees.map((fee) => fee.amountVnd).filter((amount): amount is number => amount !== null);
  if (amounts.length === 0) return fees[0]?.text ?? 'Xem chi tiết';
  const min = Math.min(...amounts);
  const max = Math.max(...amounts);
  if (max === 0) return 'Miễn phí';
  if (min === max) return `${vnd.format(min)} đ`;
  return `Từ ${vnd.format(min)} đ đến ${vnd.format(max)} đ`;
}

export function describeDuration(amount: number, unit: TimeUnit): string {
  return `${vnd.format(amount)} ${timeUnitWords[unit]}`;
}

export type { VersionStatus };

/** Status of a version on `today` (YYYY-MM-DD in Vietnam): versions never change, their status follows the date. */
export function versionStatus(
  version: { effectiveFrom: string; effectiveTo: string | null; isAbolished: boolean },
  today: string,
): VersionStatus {
  if (version.effectiveFrom > today) return 'scheduled';
  if (version.effectiveTo !== null && version.effectiveTo <= today) return 'superseded';
  return version.isAbolished ? 'abolished' : 'in_force';
}
