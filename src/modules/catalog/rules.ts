import type { ProcedureContent } from '../../contract/catalog';
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
  const template = content.processTemplate;
  if (template.length === 0) return [];
  const details: ErrorDetail[] = [];
  const statutory = toComparable(content.processingTime.amount, content.processingTime.unit);
  let totalHours = 0;
  template.forEach((step, index) => {
    const budget = toComparable(step.budget.amount, step.budget.unit);
    if (budget.scale !== statutory.scale) {
      details.push({
        path: `procedure.processTemplate.${index}.budget.unit`,
        message: 'Thời gian của bước phải cùng loại với thời hạn giải quyết (ngày làm việc/giờ làm việc hoặc ngày).',
      });
    }
    totalHours += budget.hours;
  });
  const orders = template.map((step) => step.order);
  if (new Set(orders).size !== orders.length) {
    details.push({ path: 'procedure.processTemplate', message: 'Số thứ tự các bước không được trùng nhau.' });
  }
  if (details.length === 0 && Math.abs(totalHours - statutory.hours) > 1e-6) {
    details.push({
      path: 'procedure.processTemplate',
      message: `Tổng thời gian các bước (${formatHours(totalHours, statutory.scale)}) phải bằng thời hạn giải quyết (${formatHours(statutory.hours, statutory.scale)}).`,
    });
  }
  return details;
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
