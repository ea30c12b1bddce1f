import type { ProposalDocumentData, ProposalDocumentRow } from './types';

/** 1 working hour = 40.000 đ (DOMAIN §7, 2025 figure); 1 working day = 8 hours. */
const HOURLY_INCOME = 40_000;

function buildCosts(timeText: string, timeHours: number, fees: number, dossiersPerYear: number) {
  const costPerDossier = timeHours * HOURLY_INCOME + fees;
  return { timeText, timeHours, costPerDossier, annualCost: costPerDossier * dossiersPerYear };
}

/** The worked example of DOMAIN §7: 10 → 9 working days, 10 dossiers a year, 32.000.000 đ → 28.800.000 đ. */
export function buildMarriageRow(): ProposalDocumentRow {
  return {
    procedureCode: '1.000893',
    procedureName: 'Đăng ký kết hôn có yếu tố nước ngoài',
    measures: ['Rút ngắn thời gian giải quyết', 'Cắt giảm thành phần hồ sơ'],
    before: buildCosts('10 ngày làm việc', 80, 0, 10),
    after: buildCosts('9 ngày làm việc', 72, 0, 10),
    timeReduction: 0.1,
    costReduction: 0.1,
    legalText: 'Khoản 1 Điều 38 Luật Hộ tịch năm 2014',
    reason: 'Việc xác minh được thực hiện qua Cơ sở dữ liệu hộ tịch điện tử, không cần phỏng vấn trực tiếp.',
  };
}

/** A procedure first measured after 2024: no baseline, so no reduction can be stated. */
export function buildDeathReRegistrationRow(): ProposalDocumentRow {
  return {
    procedureCode: '1.004859',
    procedureName: 'Đăng ký lại khai tử có yếu tố nước ngoài',
    measures: ['Thực hiện trực tuyến toàn trình'],
    before: null,
    after: buildCosts('3 ngày làm việc', 24, 0, 4),
    timeReduction: null,
    costReduction: null,
    legalText: null,
    reason: 'Thủ tục mới được số hóa, chưa đo lường chi phí tuân thủ năm 2024.',
  };
}

/** Many citizens a year, so the amounts run into tỷ đồng and test the width of the cost columns. */
export function buildCriminalRecordRow(): ProposalDocumentRow {
  return {
    procedureCode: '2.000488',
    procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    measures: ['Rút ngắn thời gian giải quyết', 'Liên thông với Cơ sở dữ liệu quốc gia về dân cư', 'Giảm phí, lệ phí'],
    before: buildCosts('10 ngày làm việc', 80, 200_000, 5_000),
    after: buildCosts('7 ngày làm việc', 56, 200_000, 5_000),
    timeReduction: 0.3,
    costReduction: (17_000_000_000 - 12_200_000_000) / 17_000_000_000,
    legalText: 'Khoản 1 Điều 48 Luật Lý lịch tư pháp năm 2009',
    reason: 'Thông tin cư trú được tra cứu trực tiếp, người dân không phải nộp bản sao giấy tờ.',
  };
}

/** A realistic proposal of an An Giang department, signed: 2 fields, 3 procedures, one without a 2024 baseline, demo data. */
export function buildProposalDocumentData(overrides: Partial<ProposalDocumentData> = {}): ProposalDocumentData {
  return {
    issuingBody: { parent: 'UBND TỈNH AN GIANG', name: 'SỞ TƯ PHÁP', symbol: 'STP', shortName: 'Sở Tư pháp' },
    place: 'An Giang',
    signedOn: '2026-11-23',
    year: 2026,
    title: 'Phương án cắt giảm, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Tư pháp tỉnh An Giang',
    isDemo: true,
    groups: [
      { field: 'Hộ tịch', rows: [buildMarriageRow(), buildDeathReRegistrationRow()] },
      { field: 'Lý lịch tư pháp', rows: [buildCriminalRecordRow()] },
    ],
    totals: {
      timeReduction: 0.2, // (160 − 128) ÷ 160 hours, procedures with a baseline only
      costReduction: (17_032_000_000 - 12_228_800_000) / 17_032_000_000,
      annualCostBefore: 17_032_000_000,
      annualCostAfter: 12_228_800_000,
      procedures: 3,
      withoutBaseline: 1,
    },
    recipients: ['UBND tỉnh An Giang (qua Văn phòng UBND tỉnh)', 'Lưu: VT'],
    addressee: 'UBND tỉnh An Giang',
    signer: { form: 'head', collectiveBody: null, headTitle: 'GIÁM ĐỐC', deputyTitle: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn An' },
    ...overrides,
  };
}

/** A proposal long enough to run over several pages (header rows must repeat). */
export function buildLongProposalDocumentData(procedureCount: number): ProposalDocumentData {
  const rows = Array.from({ length: procedureCount }, (_, index) => ({
    ...buildMarriageRow(),
    procedureCode: `1.00${String(1000 + index)}`,
    procedureName: `Thủ tục hộ tịch thử nghiệm số ${index + 1} — đăng ký, cấp bản sao trích lục`,
  }));
  return buildProposalDocumentData({
    groups: [{ field: 'Hộ tịch', rows }],
    totals: {
      timeReduction: 0.1,
      costReduction: 0.1,
      annualCostBefore: 32_000_000 * procedureCount,
      annualCostAfter: 28_800_000 * procedureCount,
      procedures: procedureCount,
      withoutBaseline: 0,
    },
  });
}

/** A proposal of Công an tỉnh, a central vertical agency: Bộ Công an above it, addressed to Bộ Công an, not signed yet. */
export function buildPoliceProposalDocumentData(overrides: Partial<ProposalDocumentData> = {}): ProposalDocumentData {
  return buildProposalDocumentData({
    issuingBody: { parent: 'BỘ CÔNG AN', name: 'CÔNG AN TỈNH AN GIANG', symbol: 'CAT', shortName: 'Công an tỉnh An Giang' },
    signedOn: null,
    title: 'Phương án cắt giảm TTHC lĩnh vực an ninh, trật tự năm 2026',
    recipients: ['Bộ Công an (để xem xét, quyết định)', 'UBND tỉnh An Giang (qua Văn phòng UBND tỉnh, để tổng hợp)', 'Lưu: VT'],
    addressee: 'Bộ Công an',
    signer: { form: 'deputy', collectiveBody: null, headTitle: 'GIÁM ĐỐC', deputyTitle: 'PHÓ GIÁM ĐỐC', name: 'Trần Văn Bình' },
    ...overrides,
  });
}
