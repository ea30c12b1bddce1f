import { z } from 'zod';
import { isoDateSchema } from '../../contract/common';
import { decisionTypes } from '../../db/schema';

export const timeUnits = ['working_days', 'working_hours', 'calendar_days'] as const;
export const levels = ['province', 'commune', 'ministry'] as const;
export const onlineLevels = ['full', 'partial', 'none'] as const;
export const applicantTypes = ['citizen', 'business', 'organization', 'foreigner'] as const;
export const processRoles = ['desk_officer', 'specialist', 'division_head', 'unit_leader', 'clerk'] as const;

const text = (max: number) => z.string().trim().min(1, 'Không được để trống.').max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);
const unitCode = z.string().trim().min(2).max(40);

export const durationSchema = z.strictObject({
  amount: z.number().positive('Thời hạn phải lớn hơn 0.').max(3650, 'Thời hạn quá lớn.'),
  unit: z.enum(timeUnits, 'Đơn vị thời gian không hợp lệ.'),
});

export const processingTimeSchema = durationSchema.extend({
  text: optionalText(500),
  isDefault: z.boolean().default(false),
});

export const componentSchema = z.strictObject({
  name: text(2000),
  originals: z.number().int().min(0).max(100).default(1),
  copies: z.number().int().min(0).max(100).default(0),
  required: z.boolean().default(true),
  formTemplate: optionalText(500),
  mustDigitise: z.boolean().default(false),
  reusableDocumentType: optionalText(100),
  group: optionalText(500),
});

export const feeSchema = z.strictObject({
  name: text(500),
  amountVnd: z.number().int('Số tiền phải là số nguyên (đồng).').min(0).max(1e12).nullable(),
  text: optionalText(2000),
  kind: z.enum(['fee', 'charge']).default('fee'),
});

export const processStepSchema = z.strictObject({
  order: z.number().int().min(1).max(100),
  name: text(300),
  role: z.enum(processRoles, 'Vai trò xử lý không hợp lệ.'),
  /** null: the unit that handles (or, for desk steps, receives) the dossier — e.g. any commune for commune procedures. */
  unitCode: unitCode.nullable(),
  budget: durationSchema,
});

/** Everything a published version holds (NĐ 63 Điều 8 and DOMAIN.md §2), as entered or imported. */
export const procedureContentSchema = z.strictObject({
  name: text(1000),
  field: text(300),
  levels: z.array(z.enum(levels, 'Cấp thực hiện không hợp lệ.')).min(1, 'Chọn ít nhất một cấp thực hiện.').max(3),
  handlingUnitCodes: z.array(unitCode).min(1, 'Chọn ít nhất một cơ quan giải quyết.').max(500),
  receivingUnitCodes: z.array(unitCode).max(500).default([]),
  applicantTypes: z.array(z.enum(applicantTypes)).min(1, 'Chọn ít nhất một đối tượng thực hiện.').max(4),
  applicantsText: optionalText(2000),
  methods: z
    .array(z.strictObject({ channel: z.enum(['direct', 'online', 'postal']), description: optionalText(4000) }))
    .min(1, 'Nêu ít nhất một cách thức thực hiện.')
    .max(10),
  steps: z.array(text(4000)).max(100).default([]),
  components: z.array(componentSchema).max(200).default([]),
  processingTime: processingTimeSchema,
  fees: z.array(feeSchema).max(100).default([]),
  result: optionalText(4000),
  conditions: optionalText(8000),
  legalBasis: z
    .array(z.strictObject({ number: text(200), title: optionalText(1000), date: isoDateSchema.nullable().default(null) }))
    .max(200)
    .default([]),
  onlineLevel: z.enum(onlineLevels, 'Mức độ trực tuyến không hợp lệ.'),
  locationIndependent: z.boolean(),
  postalEligible: z.boolean(),
  businessRelated: z.boolean(),
  internalGroup: z.enum(['A', 'B']).nullable().default(null),
  processTemplate: z.array(processStepSchema).max(50).default([]),
  sourceUrl: optionalText(1000),
  source: optionalText(1000),
  demoGenerated: z.array(z.string().max(100)).max(50).default([]),
});

export const procedureCodeSchema = z
  .string()
  .trim()
  .regex(/^\d\.\d{6}(\.\d+)?$/, 'Mã thủ tục phải có dạng 1.000948 (thủ tục nội bộ bắt đầu bằng 5.).');

export const decisionSchema = z.strictObject({
  number: text(100),
  date: isoDateSchema,
  signer: text(200),
  type: z.enum(decisionTypes, 'Loại quyết định không hợp lệ.'),
  effectiveDate: isoDateSchema,
});

export const createProcedureBodySchema = z.strictObject({
  code: procedureCodeSchema,
  decision: decisionSchema,
  procedure: procedureContentSchema,
});

export const publishVersionBodySchema = z.strictObject({
  baseVersionNo: z.number().int().min(1),
  decision: decisionSchema,
  procedure: procedureContentSchema.optional(),
});

export type ProcedureContent = z.infer<typeof procedureContentSchema>;
export type ProcedureContentInput = z.input<typeof procedureContentSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type TimeUnit = (typeof timeUnits)[number];
