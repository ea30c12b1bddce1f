import type { DecisionRequest, ProcedureContentInput } from '../../../contract/catalog';
import { type DemoProcedure, readDemoProcedures } from '../../../demo/fixtures';
import { TEST_PROCEDURE_CODES } from '../../../test/harness';
import { FORMAT_NAME, FORMAT_VERSION } from './format';

/** Units of the demo organisation (src/modules/org/fixtures/demo-units.json). */
export const PROVINCE = '000.00.00.H01';
export const PROVINCE_DESK = '000.00.90.H01';
export const PROVINCE_OFFICE = '000.00.01.H01';

export function buildDecision(overrides: Partial<DecisionRequest> = {}): DecisionRequest {
  return {
    number: '1500/QĐ-UBND',
    date: '2026-03-01',
    signer: 'Chủ tịch UBND tỉnh',
    type: 'new',
    effectiveDate: '2026-03-15',
    ...overrides,
  };
}

/** A province procedure whose process template adds up to its 10 working days. */
export function buildProcedureContent(overrides: Partial<ProcedureContentInput> = {}): ProcedureContentInput {
  return {
    name: 'Cấp giấy phép thử nghiệm nhập khẩu',
    field: 'Thử nghiệm',
    levels: ['province'],
    handlingUnitCodes: [PROVINCE_OFFICE],
    receivingUnitCodes: [PROVINCE_DESK],
    applicantTypes: ['citizen', 'business'],
    applicantsText: null,
    methods: [
      { channel: 'direct', description: 'Nộp tại Trung tâm Phục vụ hành chính công tỉnh.' },
      { channel: 'direct', description: 'Nhận kết quả tại nơi nộp.' },
      { channel: 'online', description: null },
    ],
    steps: ['Bước 1: Nộp hồ sơ.', 'Bước 2: Nhận kết quả.'],
    components: [
      {
        name: 'Đơn đề nghị (Mẫu 01)',
        originals: 1,
        copies: 0,
        required: true,
        formTemplate: 'Mẫu 01',
        mustDigitise: true,
        reusableDocumentType: null,
        group: null,
      },
      {
        name: 'Bản sao căn cước',
        originals: 0,
        copies: 1,
        required: false,
        formTemplate: null,
        mustDigitise: false,
        reusableDocumentType: 'CCCD',
        group: 'Giấy tờ cá nhân',
      },
    ],
    dossierSets: 1,
    processingTime: { amount: 10, unit: 'working_days', text: '10 ngày làm việc', isDefault: false },
    fees: [
      { name: 'Lệ phí cấp giấy phép', amountVnd: 150000, text: null, kind: 'charge' },
      { name: 'Phí thẩm định', amountVnd: null, text: 'Theo Nghị quyết của HĐND tỉnh', kind: 'fee' },
    ],
    result: 'Giấy phép',
    conditions: null,
    legalBasis: [{ number: '118/2025/NĐ-CP', title: 'Nghị định về thủ tục hành chính một cửa', date: '2025-06-09' }],
    onlineLevel: 'partial',
    locationIndependent: true,
    postalEligible: false,
    businessRelated: true,
    internalGroup: null,
    processTemplate: [
      { order: 1, name: 'Tiếp nhận', role: 'desk_officer', unitCode: PROVINCE_DESK, budget: { amount: 0.5, unit: 'working_days' } },
      { order: 2, name: 'Thẩm định', role: 'specialist', unitCode: null, budget: { amount: 7.5, unit: 'working_days' } },
      { order: 3, name: 'Phê duyệt', role: 'unit_leader', unitCode: PROVINCE_OFFICE, budget: { amount: 2, unit: 'working_days' } },
    ],
    sourceUrl: null,
    source: null,
    demoGenerated: [],
    ...overrides,
  };
}

export function buildJsonFile(procedures: unknown[], header: Record<string, unknown> = {}): Buffer {
  return Buffer.from(
    JSON.stringify({ format: FORMAT_NAME, version: FORMAT_VERSION, exportedAt: '2026-11-23T08:00:00+07:00', procedures, ...header }),
  );
}

/**
 * A small catalog that covers what the format must carry: the integration-test procedures plus the first demo
 * procedure with each feature (several methods on one channel, commune level, fees in đồng, an internal group...).
 */
export function pickSampleCodes(): string[] {
  const all = readDemoProcedures();
  const features: ((procedure: DemoProcedure) => boolean)[] = [
    (procedure) => new Set(procedure.methods.map((method) => method.channel)).size < procedure.methods.length,
    (procedure) => procedure.levels.includes('commune') && procedure.handlingUnitCodes.includes('COMMUNE'),
    (procedure) => (procedure.fees ?? []).some((fee) => (fee.amountVnd ?? 0) > 0),
    (procedure) => procedure.internalGroup !== null,
    (procedure) => (procedure.legalBasis ?? []).some((basis) => basis.date),
    (procedure) => procedure.processingTime.unit === 'working_hours',
    (procedure) => procedure.processingTime.unit === 'calendar_days',
    (procedure) => (procedure.processTemplate ?? []).length === 0,
  ];
  const picked = features.map((feature) => all.find(feature)?.code).filter((code): code is string => !!code);
  return [...new Set([...TEST_PROCEDURE_CODES, ...picked])];
}
