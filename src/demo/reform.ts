import type { ProposalStatus, ReformIndicator, ReformMeasure } from '../contract/enums';
import { vietnamDate } from '../core/vietnam-time';
import type { Executor } from '../db/client';
import {
  businessConditions,
  businessReportingRegimes,
  reformIncomeRates,
  reformProposalItems,
  reformProposals,
  reformTargets,
} from '../db/schema/reform';
import { listDecisions } from '../modules/catalog';
import { loadReformRows } from '../modules/reform';
import { demoFraction } from './hash';
import { demoConditions, demoRegimes } from './reform-inventory';

type UnitIds = Map<string, { id: string; path: string }>;

/** Real targets of Nghị quyết 66/NQ-CP (26/3/2025), as the provincial plans in seeds/ restate them. */
const targets: { year: number; indicator: ReformIndicator; target: number; source: string }[] = [
  {
    year: 2025,
    indicator: 'time_reduction',
    target: 0.3,
    source: 'NQ 66/NQ-CP, mục tiêu năm 2025: giảm ít nhất 30% thời gian giải quyết TTHC',
  },
  {
    year: 2025,
    indicator: 'cost_reduction',
    target: 0.3,
    source: 'NQ 66/NQ-CP, mục tiêu năm 2025: giảm ít nhất 30% chi phí tuân thủ TTHC',
  },
  {
    year: 2025,
    indicator: 'business_procedures_online',
    target: 1,
    source: 'NQ 66/NQ-CP: 100% TTHC liên quan đến doanh nghiệp thực hiện trực tuyến',
  },
  {
    year: 2025,
    indicator: 'location_independent',
    target: 1,
    source: 'NQ 66/NQ-CP: 100% TTHC không phụ thuộc địa giới hành chính trong tỉnh',
  },
  {
    year: 2025,
    indicator: 'internal_procedures_published',
    target: 1,
    source: 'NQ 66/NQ-CP: 100% TTHC nội bộ được rà soát, cắt giảm, đơn giản hóa',
  },
  {
    year: 2025,
    indicator: 'business_conditions_cut',
    target: 0.3,
    source: 'NQ 66/NQ-CP, năm 2025: bãi bỏ ít nhất 30% điều kiện kinh doanh (trên tổng số điều kiện được rà soát)',
  },
  {
    year: 2026,
    indicator: 'time_reduction',
    target: 0.5,
    source: 'NQ 66/NQ-CP, mục tiêu năm 2026: giảm 50% thời gian giải quyết so với năm 2024',
  },
  {
    year: 2026,
    indicator: 'cost_reduction',
    target: 0.5,
    source: 'NQ 66/NQ-CP, mục tiêu năm 2026: giảm 50% chi phí tuân thủ so với năm 2024',
  },
  {
    year: 2026,
    indicator: 'business_procedures_online',
    target: 1,
    source: 'NQ 66/NQ-CP: 100% TTHC liên quan đến doanh nghiệp thực hiện trực tuyến',
  },
  {
    year: 2026,
    indicator: 'location_independent',
    target: 1,
    source: 'NQ 66/NQ-CP: 100% TTHC không phụ thuộc địa giới hành chính trong tỉnh',
  },
  { year: 2026, indicator: 'internal_procedures_published', target: 1, source: 'NQ 66/NQ-CP: 100% TTHC nội bộ được rà soát, công bố' },
  {
    year: 2026,
    indicator: 'internal_procedures_electronic',
    target: 1,
    source: 'NQ 66/NQ-CP, mục tiêu năm 2026: 100% TTHC nội bộ thực hiện trên môi trường điện tử',
  },
  {
    year: 2026,
    indicator: 'business_conditions_outside_list',
    target: 1,
    source:
      'NQ 66/NQ-CP, năm 2026: bãi bỏ 100% điều kiện kinh doanh của ngành, nghề ngoài danh mục ngành, nghề đầu tư kinh doanh có điều kiện (Phụ lục IV Luật Đầu tư)',
  },
  {
    year: 2026,
    indicator: 'business_reporting_electronic',
    target: 1,
    source: 'NQ 66/NQ-CP, năm 2026: 100% chế độ báo cáo của doanh nghiệp thực hiện điện tử',
  },
];

/** Targets of the indicators added by issue 10 (the same rows migration 0007 adds to installations holding targets). */
const scopeTargets: typeof targets = [
  [
    2025,
    'time_reduction_business',
    0.3,
    'NQ 66/NQ-CP, năm 2025: giảm ít nhất 30% thời gian giải quyết TTHC liên quan đến hoạt động kinh doanh',
  ],
  [
    2025,
    'cost_reduction_business',
    0.3,
    'NQ 66/NQ-CP, năm 2025: giảm ít nhất 30% chi phí tuân thủ TTHC liên quan đến hoạt động kinh doanh',
  ],
  [
    2025,
    'time_reduction_internal',
    0.3,
    'Kế hoạch thực hiện NQ 66/NQ-CP của tỉnh: TTHC nội bộ cắt giảm như TTHC (giá trị mặc định, sửa được)',
  ],
  [
    2025,
    'cost_reduction_internal',
    0.3,
    'Kế hoạch thực hiện NQ 66/NQ-CP của tỉnh: TTHC nội bộ cắt giảm như TTHC (giá trị mặc định, sửa được)',
  ],
  [2025, 'procedures_full_online', 0.8, 'QĐ 766/QĐ-TTg: TTHC cung cấp trực tuyến toàn trình trên tổng số TTHC đủ điều kiện ≥ 80%'],
  [
    2026,
    'time_reduction_business',
    0.5,
    'NQ 66/NQ-CP, năm 2026: giảm 50% thời gian giải quyết TTHC liên quan đến hoạt động kinh doanh so với năm 2024',
  ],
  [
    2026,
    'cost_reduction_business',
    0.5,
    'NQ 66/NQ-CP, năm 2026: giảm 50% chi phí tuân thủ TTHC liên quan đến hoạt động kinh doanh so với năm 2024',
  ],
  [
    2026,
    'time_reduction_internal',
    0.5,
    'Kế hoạch thực hiện NQ 66/NQ-CP của tỉnh: TTHC nội bộ cắt giảm như TTHC (giá trị mặc định, sửa được)',
  ],
  [
    2026,
    'cost_reduction_internal',
    0.5,
    'Kế hoạch thực hiện NQ 66/NQ-CP của tỉnh: TTHC nội bộ cắt giảm như TTHC (giá trị mặc định, sửa được)',
  ],
  [2026, 'procedures_full_online', 1, 'NQ 66/NQ-CP, năm 2026: 100% TTHC đủ điều kiện được cung cấp trực tuyến toàn trình'],
  [
    2026,
    'information_once',
    1,
    'NQ 66/NQ-CP: người dân, doanh nghiệp chỉ cung cấp thông tin một lần (giấy tờ đã số hóa được khai thác lại)',
  ],
].map(([year, indicator, target, source]) => ({
  year: year as number,
  indicator: indicator as ReformIndicator,
  target: target as number,
  source: source as string,
}));

/** Demo proposals: one per department and year, in every state of the lifecycle. */
const demoProposals: { unitCode: string; year: number; status: ProposalStatus; title: string; note?: string }[] = [
  { unitCode: '000.00.03.H01', year: 2025, status: 'implemented', title: 'Phương án cắt giảm, đơn giản hóa TTHC ngành Tư pháp năm 2025' },
  { unitCode: '000.00.03.H01', year: 2026, status: 'draft', title: 'Phương án cắt giảm, đơn giản hóa TTHC ngành Tư pháp năm 2026' },
  {
    unitCode: '000.00.04.H01',
    year: 2025,
    status: 'approved',
    title: 'Phương án cắt giảm TTHC lĩnh vực tài chính năm 2025',
    note: 'Quyết định số 1530/QĐ-UBND ngày 27/6/2025',
  },
  { unitCode: '000.00.05.H01', year: 2026, status: 'submitted', title: 'Phương án đơn giản hóa TTHC lĩnh vực xây dựng năm 2026' },
  { unitCode: '000.00.07.H01', year: 2026, status: 'consolidated', title: 'Phương án cắt giảm TTHC ngành Công Thương năm 2026' },
  // Công an tỉnh is a central vertical agency: its procedures are Bộ Công an's, so its proposal goes to Bộ Công an for
  // decision (its document says so, under "BỘ CÔNG AN", numbered …/PA-CAT) and the province only consolidates it into
  // its report; a QĐ-UBND cannot approve it.
  {
    unitCode: '000.00.20.H01',
    year: 2026,
    status: 'consolidated',
    title: 'Phương án cắt giảm TTHC lĩnh vực an ninh, trật tự năm 2026',
  },
  {
    unitCode: '000.00.06.H01',
    year: 2026,
    status: 'rejected',
    title: 'Phương án cắt giảm TTHC ngành Nông nghiệp và Môi trường năm 2026',
    note: 'Chưa tính chi phí tuân thủ sau cắt giảm; đề nghị bổ sung và trình lại.',
  },
];

const measureSets: ReformMeasure[][] = [
  ['shorten_time'],
  ['shorten_time', 'move_online_full'],
  ['cut_components', 'reuse_data'],
  ['shorten_time', 'location_independent'],
  ['ex_post_control', 'shorten_time'],
  ['decentralise', 'shorten_time'],
];

export async function insertReformDemo(tx: Executor, unitIds: UnitIds) {
  await tx.insert(reformIncomeRates).values({
    year: 2024,
    hourlyIncomeVnd: 40_000,
    hoursPerDay: 8,
    source: 'Mức áp dụng khi tính chi phí tuân thủ năm 2025 (1 ngày = 8 giờ)',
  });
  await tx.insert(reformTargets).values([...targets, ...scopeTargets]);
  const unitId = (code: string) => {
    const unit = unitIds.get(code);
    if (!unit) throw new Error(`demo unit ${code} missing`);
    return unit.id;
  };
  for (const proposal of demoProposals) await insertDemoProposal(tx, proposal, unitId(proposal.unitCode));
  await tx
    .insert(businessConditions)
    .values(demoConditions.map(({ unitCode, ...condition }) => ({ ...condition, unitId: unitId(unitCode), isDemo: true })));
  await tx
    .insert(businessReportingRegimes)
    .values(demoRegimes.map(({ unitCode, ...regime }) => ({ ...regime, unitId: unitId(unitCode), isDemo: true })));
}

async function insertDemoProposal(tx: Executor, proposal: (typeof demoProposals)[number], unitId: string) {
  const rows = (await loadReformRows(tx, { unitCodes: [proposal.unitCode] }, vietnamDate())).filter(
    (row) => row.baseline && row.current.worksheet,
  );
  const draw = (code: string) => demoFraction(`proposal:${proposal.year}:${code}`);
  const chosen = [...rows].sort((a, b) => draw(a.code) - draw(b.code)).slice(0, 5);
  const isPastDraft = proposal.status !== 'draft';
  const at = (monthDay: string) => new Date(`${proposal.year}-${monthDay}T09:00:00+07:00`);
  let implementedDecisionId: string | null = null;
  if (proposal.status === 'implemented') {
    const [decision] = await listDecisions(tx, { type: 'amended', limit: 1 });
    implementedDecisionId = decision?.id ?? null;
  }
  const [row] = await tx
    .insert(reformProposals)
    .values({
      unitId,
      year: proposal.year,
      title: proposal.title,
      status: proposal.status,
      submittedAt: isPastDraft ? at('06-10') : null,
      consolidatedAt: ['consolidated', 'approved', 'implemented'].includes(proposal.status) ? at('06-20') : null,
      decidedAt: ['approved', 'implemented', 'rejected'].includes(proposal.status) ? at('06-28') : null,
      approvalReference:
        proposal.status === 'approved' || proposal.status === 'implemented'
          ? (proposal.note ?? 'Quyết định số 1501/QĐ-UBND ngày 28/6/2025')
          : null,
      rejectionReason: proposal.status === 'rejected' ? (proposal.note ?? null) : null,
      implementedDecisionId,
      isDemo: true,
      createdAt: at('05-02'),
    })
    .returning({ id: reformProposals.id });
  if (chosen.length === 0) return;
  await tx.insert(reformProposalItems).values(
    chosen.map((reform, index) => {
      const measures = measureSets[Math.floor(demoFraction(`measures:${reform.code}`) * measureSets.length)]!;
      const share = 0.35 + demoFraction(`cut:${reform.code}`) * 0.3;
      const current = reform.current;
      const amount = Math.max(
        current.processingTime.unit === 'working_hours' ? 1 : 0.5,
        Math.round(current.processingTime.amount * (1 - share) * 2) / 2,
      );
      const worksheet = current.worksheet!;
      const proposedHours = current.processingTime.unit === 'working_hours' ? amount : amount * 8;
      return {
        proposalId: row!.id,
        procedureCode: reform.code,
        position: index + 1,
        measures,
        proposed: {
          timeAmount: amount,
          timeUnit: current.processingTime.unit,
          activities: worksheet.activities.map((activity) =>
            activity.name === 'Chờ giải quyết'
              ? { ...activity, hours: proposedHours }
              : measures.includes('move_online_full') && /Đi lại|Nhận kết quả/.test(activity.name)
                ? { ...activity, hours: 0.5 }
                : activity,
          ),
          feesVnd: worksheet.feesVnd,
          otherCostsVnd:
            measures.includes('cut_components') || measures.includes('reuse_data')
              ? Math.round(worksheet.otherCostsVnd / 2)
              : worksheet.otherCostsVnd,
        },
        legalText: `Sửa đổi quy định về thời hạn giải quyết tại văn bản quy định thủ tục ${reform.code} (dữ liệu mẫu)`,
        reason: 'Quy trình nội bộ đã được số hóa; khai thác dữ liệu từ cơ sở dữ liệu quốc gia về dân cư thay cho giấy tờ (dữ liệu mẫu).',
      };
    }),
  );
}
