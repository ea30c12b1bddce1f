import type { ControlReportFigures, ControlReportNarrative } from '../../contract/control-reports';

/*
 * The narrative parts pre-filled from the figures (docs/api/control-reports.md, "Narrative"): plain sentences the
 * office keeps, rewrites or deletes before signing. Nothing here is an opinion the figures do not support.
 */

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const PERCENT = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
export const formatCount = (value: number) => NUMBER.format(value);
export const formatRatio = (value: number | null) => (value === null ? '—' : `${PERCENT.format(value * 100)} %`);
const SCORE = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
export const formatScore = (value: number) => SCORE.format(value);

function reformSentence(reform: ControlReportFigures['reform']): string {
  const part = (label: string, value: number | null, target: number | null) => {
    if (value === null) return `${label}: chưa có số liệu so sánh với năm 2024`;
    const against = target === null ? '' : ` (mục tiêu ${formatRatio(target)}, ${value + 1e-9 >= target ? 'đạt' : 'chưa đạt'})`;
    return `${label} cắt giảm ${formatRatio(value)} so với năm 2024${against}`;
  };
  return (
    `Thực hiện Nghị quyết số 66/NQ-CP, năm ${reform.year}: ${part('thời gian giải quyết', reform.timeReduction, reform.timeTarget)}; ` +
    `${part('chi phí tuân thủ', reform.costReduction, reform.costTarget)}.`
  );
}

export function generateNarrative(figures: ControlReportFigures, unitName: string, periodText: string): ControlReportNarrative {
  const { dossiers, index, reform } = figures;
  const achievements = [
    `Trong ${periodText}, ${unitName} tiếp nhận ${formatCount(dossiers.received)} hồ sơ` +
      ` (trực tuyến ${formatCount(dossiers.receivedOnline)}, tỷ lệ ${formatRatio(figures.onlineRatio)}),` +
      ` kỳ trước chuyển sang ${formatCount(dossiers.carriedOver)} hồ sơ; đã giải quyết ${formatCount(dossiers.resolved)} hồ sơ,` +
      ` trong đó đúng hạn và trước hạn ${formatCount(dossiers.resolvedEarly + dossiers.resolvedOnTime)} hồ sơ (${formatRatio(figures.onTimeRatio)}).`,
  ];
  if (index.score !== null) {
    achievements.push(
      `Bộ chỉ số phục vụ người dân, doanh nghiệp đạt ${formatScore(index.score)}/${formatScore(index.maxScore ?? 100)} điểm` +
        `${index.rating ? `, xếp loại ${index.rating.toLocaleLowerCase('vi-VN')}` : ''}.`,
    );
  }
  achievements.push(reformSentence(reform));
  const shortcomings: string[] = [];
  if (dossiers.resolvedLate > 0) shortcomings.push(`Còn ${formatCount(dossiers.resolvedLate)} hồ sơ giải quyết quá hạn.`);
  if (dossiers.overdue > 0) shortcomings.push(`Đến cuối kỳ còn ${formatCount(dossiers.overdue)} hồ sơ đang giải quyết đã quá hạn.`);
  const behind = [reform.timeReduction, reform.costReduction].some((value, position) => {
    const target = position === 0 ? reform.timeTarget : reform.costTarget;
    return value !== null && target !== null && value + 1e-9 < target;
  });
  if (behind)
    shortcomings.push('Tỷ lệ cắt giảm thời gian, chi phí tuân thủ thủ tục hành chính chưa đạt mục tiêu của Nghị quyết số 66/NQ-CP.');
  return {
    achievements: achievements.join('\n'),
    shortcomings: shortcomings.join('\n'),
    causes: '',
    nextTasks:
      'Tiếp tục theo dõi, đôn đốc giải quyết hồ sơ đúng hạn; xin lỗi người dân, doanh nghiệp đối với hồ sơ quá hạn;' +
      ' đẩy mạnh tiếp nhận hồ sơ trực tuyến và thực hiện phương án cắt giảm, đơn giản hóa thủ tục hành chính theo Nghị quyết số 66/NQ-CP.',
    proposals: '',
  };
}
