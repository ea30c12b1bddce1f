import { z } from 'zod';
import { isoDateSchema, pageSchema, pageSizeSchema } from './common';
import {
  applicantTypes,
  channels,
  decisionTypes,
  delegationKinds,
  feeKinds,
  internalGroups,
  levels,
  onlineLevels,
  processRoles,
  timeUnits,
  versionStatuses,
} from './enums';

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

/** A file of the files module attached to a version (a form, a result template), under the name the public reads. */
export const attachedFileSchema = z.strictObject({
  fileId: z.string().uuid('Mã tệp không hợp lệ.'),
  name: text(255),
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
  /** The form itself (mẫu đơn, tờ khai), downloadable from the public page; null: obtained at the one-stop desk. */
  formFile: attachedFileSchema.nullable().default(null),
});

export const feeSchema = z.strictObject({
  name: text(500),
  amountVnd: z.number().int('Số tiền phải là số nguyên (đồng).').min(0).max(1e12).nullable(),
  text: optionalText(2000),
  kind: z.enum(feeKinds).default('fee'),
});

export const processStepSchema = z.strictObject({
  order: z.number().int().min(1).max(100),
  name: text(300),
  role: z.enum(processRoles, 'Vai trò xử lý không hợp lệ.'),
  /** null: the unit that handles (or, for desk steps, receives) the dossier — e.g. any commune for commune procedures. */
  unitCode: unitCode.nullable(),
  budget: durationSchema,
});

export const methodSchema = z.strictObject({ channel: z.enum(channels), description: optionalText(4000) });

export const legalDocumentSchema = z.strictObject({
  number: text(200),
  title: optionalText(1000),
  date: isoDateSchema.nullable().default(null),
  /** Ngày có hiệu lực; null where unknown (the national records rarely give it). */
  effectiveDate: isoDateSchema.nullable().default(null),
});

/** The authority that decides (TT 02/2017 forms: "cơ quan có thẩm quyền quyết định"), e.g. Chủ tịch UBND tỉnh. */
export const decidingAuthoritySchema = z.strictObject({
  name: text(500),
  unitCode: unitCode.nullable().default(null),
});

/** An agency that takes part (liên thông), by its name; and its unit code when it is a unit of the tree. */
export const coordinatingAgencySchema = z.strictObject({ unitCode: unitCode.nullable().default(null), name: text(500) });

/** Ủy quyền or phân cấp: who hands the competence to whom, on which legal basis. */
export const delegationSchema = z.strictObject({
  kind: z.enum(delegationKinds, 'Hình thức phải là ủy quyền hoặc phân cấp.'),
  from: text(500),
  to: text(500),
  legalBasis: optionalText(1000),
});

export const resultTemplateSchema = z.strictObject({
  name: text(500),
  file: attachedFileSchema.nullable().default(null),
});

/** Everything a published version holds (NĐ 63 Điều 8 and docs/DOMAIN.md §2), as entered or imported. */
export const procedureContentSchema = z.strictObject({
  name: text(1000),
  field: text(300),
  levels: z.array(z.enum(levels, 'Cấp thực hiện không hợp lệ.')).min(1, 'Chọn ít nhất một cấp thực hiện.').max(3),
  handlingUnitCodes: z.array(unitCode).min(1, 'Chọn ít nhất một cơ quan giải quyết.').max(500),
  receivingUnitCodes: z.array(unitCode).max(500).default([]),
  decidingAuthority: decidingAuthoritySchema.nullable().default(null),
  coordinatingAgencies: z.array(coordinatingAgencySchema).max(100).default([]),
  delegations: z.array(delegationSchema).max(20).default([]),
  applicantTypes: z.array(z.enum(applicantTypes)).min(1, 'Chọn ít nhất một đối tượng thực hiện.').max(applicantTypes.length),
  applicantsText: optionalText(2000),
  methods: z.array(methodSchema).min(1, 'Nêu ít nhất một cách thức thực hiện.').max(10),
  steps: z.array(text(4000)).max(100).default([]),
  components: z.array(componentSchema).max(200).default([]),
  /** Số lượng hồ sơ (bộ); null only in versions published before it was required. */
  dossierSets: z.number().int('Số bộ hồ sơ phải là số nguyên.').min(1, 'Số bộ hồ sơ ít nhất là 1.').max(100).nullable().default(null),
  processingTime: processingTimeSchema,
  fees: z.array(feeSchema).max(100).default([]),
  result: optionalText(4000),
  resultTemplates: z.array(resultTemplateSchema).max(20).default([]),
  conditions: optionalText(8000),
  legalBasis: z.array(legalDocumentSchema).max(200).default([]),
  onlineLevel: z.enum(onlineLevels, 'Mức độ trực tuyến không hợp lệ.'),
  locationIndependent: z.boolean(),
  postalEligible: z.boolean(),
  businessRelated: z.boolean(),
  internalGroup: z.enum(internalGroups).nullable().default(null),
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
  /** Left out when abolishing: the content of the base version is kept. */
  procedure: procedureContentSchema.optional(),
});

export const procedureSearchQuerySchema = z.object({
  q: z.string().max(500).optional(),
  field: z.string().max(300).optional(),
  level: z.enum(levels).optional(),
  unit: z.string().max(40).optional(),
  online: z.enum(onlineLevels).optional(),
  page: pageSchema,
  pageSize: pageSizeSchema,
});

export const procedureCodeParamsSchema = z.object({ code: procedureCodeSchema });
export const procedureVersionParamsSchema = procedureCodeParamsSchema.extend({
  versionNo: z.coerce.number().int().min(1).max(100_000),
});

// Responses

export const unitRefSchema = z.object({ code: z.string(), name: z.string() });
const versionStatusSchema = z.enum(versionStatuses);

export const procedureSummarySchema = z.object({
  code: z.string(),
  versionNo: z.number(),
  name: z.string(),
  field: z.string(),
  levels: z.array(z.enum(levels)),
  onlineLevel: z.enum(onlineLevels),
  processingTime: z.object({ amount: z.number(), unit: z.enum(timeUnits), text: z.string() }),
  handlingUnits: z.array(unitRefSchema),
  businessRelated: z.boolean(),
  locationIndependent: z.boolean(),
  feeSummary: z.string(),
});

export const procedurePageSchema = z.object({
  items: z.array(procedureSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const fieldListSchema = z.object({ items: z.array(z.object({ name: z.string(), count: z.number() })) });

const decisionViewSchema = decisionSchema.nullable();

export const versionSummarySchema = z.object({
  versionNo: z.number(),
  status: versionStatusSchema,
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  decision: decisionViewSchema,
});

export const procedureViewSchema = procedureContentSchema.extend({
  code: z.string(),
  versionNo: z.number(),
  /** The newest published version, possibly not yet in force: new versions are based on it. */
  latestVersionNo: z.number(),
  status: versionStatusSchema,
  handlingUnits: z.array(unitRefSchema),
  receivingUnits: z.array(unitRefSchema),
  decision: decisionViewSchema,
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  versions: z.array(versionSummarySchema),
});

export type ProcedureContent = z.infer<typeof procedureContentSchema>;
export type ProcedureContentInput = z.input<typeof procedureContentSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type PublicationDecision = Decision;
export type Duration = z.infer<typeof durationSchema>;
export type ProcessingTime = z.infer<typeof processingTimeSchema>;
export type ProcedureComponent = z.infer<typeof componentSchema>;
export type ProcedureFee = z.infer<typeof feeSchema>;
export type ProcessStep = z.infer<typeof processStepSchema>;
export type ProcedureMethod = z.infer<typeof methodSchema>;
export type LegalDocument = z.infer<typeof legalDocumentSchema>;
export type UnitRef = z.infer<typeof unitRefSchema>;
export type AttachedFile = z.infer<typeof attachedFileSchema>;
export type DecidingAuthority = z.infer<typeof decidingAuthoritySchema>;
export type CoordinatingAgency = z.infer<typeof coordinatingAgencySchema>;
export type Delegation = z.infer<typeof delegationSchema>;
export type ResultTemplate = z.infer<typeof resultTemplateSchema>;
export type ProcedureSummary = z.infer<typeof procedureSummarySchema>;
export type ProcedurePage = z.infer<typeof procedurePageSchema>;
export type FieldCount = z.infer<typeof fieldListSchema>['items'][number];
export type VersionSummary = z.infer<typeof versionSummarySchema>;
export type ProcedureDetail = z.infer<typeof procedureViewSchema>;
export type ProcedureSearchQuery = z.infer<typeof procedureSearchQuerySchema>;
export type CreateProcedureRequest = z.input<typeof createProcedureBodySchema>;
export type PublishVersionRequest = z.input<typeof publishVersionBodySchema>;
/** A procedure's content as the web form sends it (defaults filled in by the server). */
export type ProcedureInput = ProcedureContentInput;
