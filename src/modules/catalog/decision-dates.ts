import type { ErrorDetail } from '../../core/errors';
import { formatVietnameseDate } from '../../core/vietnam-time';
import type { DecisionInput } from './decision-record';

/*
 * The one check of a decision's dates, whichever door it comes through (decisions API, single-procedure API,
 * catalog files; docs/DOMAIN.md §2): issued on or before today and on or before its effective date; an effective
 * date already past only as a late publication, whose versions then start today, so that no version in force here
 * is closed or changed in the past.
 */

export type DecisionDateOptions = {
  /**
   * History (catalog files and POST /api/procedures, not the decisions API): the first version of a code this
   * installation does not hold yet, e.g. taken over from another installation with the dates it has there. It closes nothing here, so its past effective
   * date is kept as it was decided.
   */
  isHistory?: boolean;
};

export function checkDecisionDates(decision: DecisionInput, today: string, options: DecisionDateOptions = {}): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (decision.date > today) {
    details.push({ path: 'decision.date', message: `Ngày ban hành không được sau hôm nay (${formatVietnameseDate(today)}).` });
  }
  if (decision.date > decision.effectiveDate) {
    details.push({
      path: 'decision.effectiveDate',
      message: `Ngày hiệu lực không được trước ngày ban hành (${formatVietnameseDate(decision.date)}).`,
    });
  }
  if (decision.effectiveDate < today && !decision.isLatePublication && !options.isHistory) {
    details.push({
      path: 'decision.isLatePublication',
      message: `Quyết định có hiệu lực từ ${formatVietnameseDate(decision.effectiveDate)}, trước hôm nay: chỉ nhập được như công bố muộn (đánh dấu "Công bố muộn"). Các phiên bản khi đó áp dụng từ hôm nay; lịch sử không bị sửa.`,
    });
  }
  if (decision.isLatePublication && decision.effectiveDate >= today) {
    details.push({ path: 'decision.isLatePublication', message: 'Quyết định chưa đến ngày hiệu lực: không phải công bố muộn.' });
  }
  if (decision.nationalPublishedOn && (decision.nationalPublishedOn < decision.date || decision.nationalPublishedOn > today)) {
    details.push({
      path: 'decision.nationalPublishedOn',
      message: 'Ngày công khai trên CSDL quốc gia phải từ ngày ban hành đến hôm nay.',
    });
  }
  return details;
}
