import type { ProcedureContent } from '../contract/catalog';
import type { CostActivity } from '../contract/reform';
import { demoFraction } from './hash';

/**
 * GENERATED DEMO DATA. The national catalog is a 2026 snapshot: it holds no version in force on 31/12/2024, the
 * baseline of Nghị quyết 66. The demo gives most procedures a generated 2024 version (longer processing time,
 * less online, no electronic internal process) and a compliance-cost worksheet for each version, so that the
 * programme's dashboard has something true-to-life to show. Every such record is marked as demo data.
 * A real deployment imports its own 2024 versions and worksheets.
 */
export const BASELINE_EFFECTIVE_FROM = '2024-01-01';
export const CURRENT_EFFECTIVE_FROM = '2025-07-01';

/** About 6 % of procedures were created after 2024 and have no baseline (listed as such, never counted as 0). */
export function hasDemoBaseline(code: string): boolean {
  return !code.startsWith('5.') && demoFraction(`baseline:${code}`) >= 0.06;
}

/** The 2024 processing time: unchanged for some procedures, up to twice the current time for others. */
function baselineAmount(code: string, amount: number): number {
  const draw = demoFraction(`time:${code}`);
  const factor = draw < 0.3 ? 1 : draw < 0.55 ? 1.25 : draw < 0.8 ? 1.5 : 2;
  return Math.max(amount, Math.ceil(amount * factor));
}

export function demoBaselineContent(code: string, current: ProcedureContent): ProcedureContent {
  const wasLessOnline = demoFraction(`online:${code}`) < 0.5;
  return {
    ...current,
    processingTime: { ...current.processingTime, amount: baselineAmount(code, current.processingTime.amount), text: null },
    onlineLevel: current.onlineLevel === 'full' && wasLessOnline ? 'partial' : current.onlineLevel,
    locationIndependent: current.locationIndependent && demoFraction(`location:${code}`) < 0.6,
    processTemplate: [],
    demoGenerated: [...new Set([...current.demoGenerated, 'baseline2024', 'processingTime', 'onlineLevel', 'locationIndependent'])],
  };
}

export type DemoWorksheet = {
  activities: CostActivity[];
  feesVnd: number;
  otherCostsVnd: number;
  timesPerYear: number;
  subjectsPerYear: number;
  incomeYear: number;
  note: string;
};

/** About 88 % of versions get a worksheet; the rest show as "chưa có bảng tính chi phí". */
export function hasDemoWorksheet(code: string): boolean {
  return demoFraction(`worksheet:${code}`) < 0.88;
}

/** TT 02/2017 Điều 27 activities with plausible hours; waiting is the processing time itself (8 hours a day). */
export function demoWorksheet(code: string, content: ProcedureContent, isBaseline: boolean): DemoWorksheet {
  const components = content.components.length;
  const isOnline = content.onlineLevel === 'full';
  const waitingHours = content.processingTime.unit === 'working_hours' ? content.processingTime.amount : content.processingTime.amount * 8;
  const knownFees = content.fees.map((fee) => fee.amountVnd).filter((amount): amount is number => amount !== null);
  const copies = content.components.reduce((sum, component) => sum + component.copies, 0);
  const isCommune = content.levels.includes('commune') && !content.levels.includes('province');
  return {
    activities: [
      { name: 'Tìm hiểu quy định, chuẩn bị tờ khai', hours: Math.min(8, 1.5 + 0.5 * components) },
      { name: 'Chuẩn bị, xin xác nhận giấy tờ kèm theo', hours: Math.min(12, (isBaseline ? 1 : 0.5) * components) },
      { name: 'Đi lại, nộp hồ sơ', hours: isOnline && !isBaseline ? 0.5 : isCommune ? 2 : 4 },
      { name: 'Chờ giải quyết', hours: waitingHours, waiting: true },
      { name: 'Nhận kết quả', hours: isOnline && !isBaseline ? 0.5 : isCommune ? 1 : 2 },
    ],
    feesVnd: knownFees.length ? Math.max(...knownFees) : 0,
    otherCostsVnd: copies * (isBaseline ? 12_000 : 2_000),
    timesPerYear: 1,
    subjectsPerYear: Math.round((isCommune ? 200 : 20) + demoFraction(`subjects:${code}`) * (isCommune ? 3000 : 800)),
    incomeYear: 2024,
    note: 'Dữ liệu mẫu: số liệu do hệ thống tạo để trình diễn, không phải số liệu thật của địa phương.',
  };
}
