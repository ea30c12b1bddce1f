// Invented internal procedures (TTHC nội bộ) of the demo province's procedure-control function.
// Codes 5.9000xx are outside the national catalog (checked by the generator). demoGenerated = ["*"].

import { provinceCode, unitCodeOf } from './org-units';
import type { ProcedureInput, ProcessingTime } from './procedure-input';
import { buildProcessTemplate, type StepSpec } from './process-template';

interface InternalSpec {
  code: string;
  name: string;
  /** Nhóm B: internal procedures of the provincial system (docs/DOMAIN.md §2). */
  group: 'B';
  days: number;
  result: string;
  steps: string[];
  needsProvinceSignature: boolean;
}

const SPECS: InternalSpec[] = [
  {
    code: '5.900001',
    name: 'Thủ tục ban hành Kế hoạch kiểm soát thủ tục hành chính hằng năm của UBND tỉnh',
    group: 'B',
    days: 15,
    result: 'Kế hoạch kiểm soát thủ tục hành chính năm của UBND tỉnh',
    steps: [
      'Bước 1: Các sở, ngành, UBND cấp xã gửi đề xuất nhiệm vụ kiểm soát thủ tục hành chính về Văn phòng UBND tỉnh.',
      'Bước 2: Phòng Kiểm soát thủ tục hành chính tổng hợp, dự thảo Kế hoạch.',
      'Bước 3: Lãnh đạo Văn phòng trình Chủ tịch UBND tỉnh ký ban hành.',
    ],
    needsProvinceSignature: true,
  },
  {
    code: '5.900002',
    name: 'Thủ tục trình công bố danh mục thủ tục hành chính và phê duyệt quy trình nội bộ',
    group: 'B',
    days: 10,
    result: 'Quyết định công bố danh mục thủ tục hành chính, phê duyệt quy trình nội bộ',
    steps: [
      'Bước 1: Sở, ngành gửi dự thảo Quyết định công bố kèm quy trình nội bộ về Văn phòng UBND tỉnh.',
      'Bước 2: Phòng Kiểm soát thủ tục hành chính kiểm soát chất lượng, đề xuất.',
      'Bước 3: Chủ tịch UBND tỉnh ký Quyết định công bố.',
    ],
    needsProvinceSignature: true,
  },
  {
    code: '5.900003',
    name: 'Thủ tục xử lý phản ánh, kiến nghị về quy định hành chính',
    group: 'B',
    days: 10,
    result: 'Văn bản trả lời phản ánh, kiến nghị',
    steps: [
      'Bước 1: Văn phòng UBND tỉnh tiếp nhận, phân loại phản ánh, kiến nghị.',
      'Bước 2: Chuyển cơ quan có thẩm quyền nghiên cứu, đề xuất phương án xử lý.',
      'Bước 3: Ban hành văn bản trả lời và công khai kết quả.',
    ],
    needsProvinceSignature: true,
  },
  {
    code: '5.900004',
    name: 'Thủ tục rà soát, đánh giá thủ tục hành chính tại Văn phòng UBND tỉnh',
    group: 'B',
    days: 7,
    result: 'Báo cáo kết quả rà soát, đánh giá thủ tục hành chính',
    steps: [
      'Bước 1: Phòng Kiểm soát thủ tục hành chính lập danh mục thủ tục cần rà soát.',
      'Bước 2: Điền biểu mẫu rà soát, tính chi phí tuân thủ.',
      'Bước 3: Lãnh đạo Văn phòng phê duyệt báo cáo.',
    ],
    needsProvinceSignature: false,
  },
];

function internalSteps(spec: InternalSpec): StepSpec[] {
  const kstthc = unitCodeOf('pco.kstthc');
  const office = unitCodeOf('pco');
  const steps: StepSpec[] = [
    { name: 'Tiếp nhận văn bản, hồ sơ đề nghị', role: 'clerk', unitCode: office, weight: 0 },
    { name: 'Nghiên cứu, tổng hợp, dự thảo văn bản', role: 'specialist', unitCode: kstthc, weight: 12 },
    { name: 'Xem xét, trình lãnh đạo Văn phòng', role: 'division_head', unitCode: kstthc, weight: 3 },
    { name: 'Lãnh đạo Văn phòng UBND tỉnh duyệt', role: 'unit_leader', unitCode: office, weight: 3 },
  ];
  if (spec.needsProvinceSignature) {
    steps.push({ name: 'Chủ tịch UBND tỉnh ký ban hành', role: 'unit_leader', unitCode: provinceCode(), weight: 3 });
  }
  steps.push({ name: 'Phát hành văn bản, cập nhật hệ thống', role: 'clerk', unitCode: office, weight: 0 });
  return steps;
}

function buildInternal(spec: InternalSpec): ProcedureInput {
  const processingTime: ProcessingTime = { amount: spec.days, unit: 'working_days', text: `${spec.days} ngày làm việc`, isDefault: false };
  const handlingUnitCodes = [unitCodeOf('pco'), ...(spec.needsProvinceSignature ? [provinceCode()] : [])];
  return {
    code: spec.code,
    name: spec.name,
    field: 'Kiểm soát thủ tục hành chính',
    levels: ['province'],
    handlingUnitCodes,
    receivingUnitCodes: [unitCodeOf('pco')],
    applicantTypes: ['state_agency'],
    decidingAuthority: { name: 'Chủ tịch UBND tỉnh', unitCode: '000.00.00.H01' },
    coordinatingAgencies: [],
    delegations: [],
    applicantsText: 'Cơ quan hành chính nhà nước',
    methods: [{ channel: 'online', description: 'Qua Hệ thống quản lý văn bản và điều hành' }],
    steps: spec.steps,
    components: [
      {
        name: 'Văn bản đề nghị kèm dự thảo và tài liệu liên quan',
        originals: 1,
        copies: 0,
        required: true,
        formTemplate: null,
        mustDigitise: true,
        reusableDocumentType: null,
        group: null,
        formFile: null,
      },
    ],
    dossierSets: 1,
    processingTime,
    fees: [],
    result: spec.result,
    resultTemplates: [],
    conditions: null,
    legalBasis: [
      { number: '63/2010/NĐ-CP', title: 'Nghị định về kiểm soát thủ tục hành chính', date: '2010-06-08', effectiveDate: '2010-10-14' },
    ],
    onlineLevel: 'full',
    locationIndependent: false,
    postalEligible: false,
    businessRelated: false,
    internalGroup: spec.group,
    processTemplate: buildProcessTemplate(processingTime, internalSteps(spec)),
    sourceUrl: null,
    source: 'demo: sinh bởi scripts/demo-data/internal-procedures.ts (không có trong dữ liệu nguồn)',
    demoGenerated: ['*'],
  };
}

export const buildInternalProcedures = (): ProcedureInput[] => SPECS.map(buildInternal);
