import { z } from 'zod';
import { isoDateSchema, pageSchema, pageSizeSchema } from './common';
import {
  applicantTypes,
  channels,
  decisionForms,
  decisionTypes,
  delegationKinds,
  feeKinds,
  internalGroups,
  levels,
  onlineLevels,
  procedureListFlags,
  processRoles,
  timeUnits,
  versionStatuses,
} from './enums';
import { receivingPlaceSchema } from './org';

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

/** What a decision of publication says of itself (NĐ 63 Điều 15; TT 02/2017 forms). */
const decisionHeaderFields = {
  /** Số and ký hiệu as written on the decision: "1234/QĐ-UBND". */
  number: text(100),
  date: isoDateSchema,
  signer: text(200),
  effectiveDate: isoDateSchema,
  /** A unit of the tree (UBND tỉnh); null for an authority outside it (a ministry). */
  issuerUnitCode: unitCode.nullable(),
  issuerName: z.string().trim().max(300).nullable(),
  signerTitle: z.string().trim().max(200).nullable(),
  form: z.enum(decisionForms, 'Hình thức công bố không hợp lệ.'),
  /** The day it was made public on the national database of procedures (CSDL quốc gia). */
  nationalPublishedOn: isoDateSchema.nullable(),
  /** Where the signed decision can be read (the national database, the province's gazette...): links recorded before uploads. */
  signedFileUrl: z.string().trim().max(1000).nullable(),
  /** The signed decision, a PDF uploaded through POST /api/decision-files (docs/api/decisions.md). */
  signedFileId: z.uuid('Mã tệp không hợp lệ.').nullable(),
  /** Entered after its effective date (a KPI): its versions start the day it is entered. */
  isLatePublication: z.boolean(),
};

/**
 * A decision as one procedure's publication names it (the single-procedure API and the catalog files): `type` is
 * what it does to that procedure. The fields after the first four may be left out; without an issuing authority,
 * the root of the unit tree (UBND tỉnh) is taken.
 */
export const decisionSchema = z.strictObject({
  number: decisionHeaderFields.number,
  date: decisionHeaderFields.date,
  signer: decisionHeaderFields.signer,
  type: z.enum(decisionTypes, 'Loại quyết định không hợp lệ.'),
  effectiveDate: decisionHeaderFields.effectiveDate,
  issuerUnitCode: decisionHeaderFields.issuerUnitCode.optional(),
  issuerName: decisionHeaderFields.issuerName.optional(),
  signerTitle: decisionHeaderFields.signerTitle.optional(),
  form: decisionHeaderFields.form.optional(),
  nationalPublishedOn: decisionHeaderFields.nationalPublishedOn.optional(),
  signedFileUrl: decisionHeaderFields.signedFileUrl.optional(),
  signedFileId: decisionHeaderFields.signedFileId.optional(),
  isLatePublication: decisionHeaderFields.isLatePublication.optional(),
});

/** A decision entered with its items (POST /api/decisions): the issuing authority and signer's title are required. */
export const decisionHeaderSchema = z.strictObject({
  ...decisionHeaderFields,
  issuerUnitCode: decisionHeaderFields.issuerUnitCode.default(null),
  issuerName: text(300),
  signerTitle: text(200),
  form: decisionHeaderFields.form.default('full'),
  nationalPublishedOn: decisionHeaderFields.nationalPublishedOn.default(null),
  signedFileUrl: optionalText(1000),
  signedFileId: decisionHeaderFields.signedFileId.default(null),
  isLatePublication: decisionHeaderFields.isLatePublication.default(false),
});

export const decisionItemSchema = z.strictObject({
  action: z.enum(decisionTypes, 'Hành động không hợp lệ.'),
  code: procedureCodeSchema,
  /** The version the item amends, replaces or abolishes (optimistic lock); the latest one when left out. */
  baseVersionNo: z.number().int().min(1).nullable().default(null),
  /** For "replaced": the old codes the new code replaces; empty when a code's new version replaces its own. */
  replacesCodes: z.array(procedureCodeSchema).max(50).default([]),
  /** The new content; left out when abolishing. */
  procedure: procedureContentSchema.optional(),
});

export const createDecisionBodySchema = z.strictObject({
  decision: decisionHeaderSchema,
  items: z.array(decisionItemSchema).min(1, 'Quyết định phải có ít nhất một thủ tục.').max(1000),
});

export const flagChangeSchema = z.strictObject({
  code: procedureCodeSchema,
  flag: z.enum(procedureListFlags, 'Danh mục không hợp lệ.'),
  value: z.boolean(),
});

/** A list decision (form "list") that changes the flags the province publishes as lists, for many procedures. */
export const createFlagDecisionBodySchema = z.strictObject({
  decision: decisionHeaderSchema,
  changes: z.array(flagChangeSchema).min(1, 'Quyết định phải có ít nhất một thủ tục.').max(5000),
});

export const decisionIdParamsSchema = z.object({ id: z.uuid('Mã quyết định không hợp lệ.') });

export const procedureFlagsQuerySchema = z.object({ date: isoDateSchema.optional() });

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

const facetCountSchema = z.object({ value: z.string(), count: z.number() });

export const procedurePageSchema = z.object({
  items: z.array(procedureSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** The query as the catalog spells it when words were corrected ("Có phải bạn muốn tìm …"), else null. */
  suggestion: z.string().nullable(),
  /** Words that matched, in search form (no accents, lower case), for highlighting. */
  matchedWords: z.array(z.string()),
  /** The items only resemble the query: the closest procedures, shown instead of an empty page. */
  isApproximate: z.boolean(),
  /** Counts among the matches per level, field and handling unit (each under the other filters). */
  facets: z.object({
    levels: z.array(facetCountSchema),
    fields: z.array(facetCountSchema),
    units: z.array(facetCountSchema.extend({ name: z.string() })),
  }),
});

export const fieldListSchema = z.object({ items: z.array(z.object({ name: z.string(), count: z.number() })) });

const procedureRefSchema = z.object({ code: z.string(), name: z.string() });

/** The signed decision uploaded (a PDF), downloaded from GET /api/decisions/{id}/signed-file. */
export const signedFileSchema = z
  .object({ fileId: z.string(), name: z.string(), size: z.number(), mediaType: z.string() })
  .nullable()
  .describe('Bản quyết định đã ký (PDF) đã tải lên; null khi chưa có');

/** The decision that published a version, and what its item did to it. */
const decisionViewSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    date: z.string(),
    signer: z.string(),
    type: z.enum(decisionTypes),
    effectiveDate: z.string(),
    issuerUnitCode: z.string().nullable(),
    issuerName: z.string().nullable(),
    signerTitle: z.string().nullable(),
    form: z.enum(decisionForms),
    nationalPublishedOn: z.string().nullable(),
    signedFileUrl: z.string().nullable(),
    signedFile: signedFileSchema,
    isLatePublication: z.boolean(),
    /** Old codes this version replaces ("Thay thế thủ tục …"). */
    replaces: z.array(procedureRefSchema),
    /** On the abolished version of a replaced code: the code that replaced it ("Đã được thay thế bởi …"). */
    replacedBy: procedureRefSchema.nullable(),
  })
  .nullable();

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
  /** Where to submit, with address, phone and opening hours: the receiving units, or the handling units' one-stop desks. */
  receivingPlaces: z.array(receivingPlaceSchema),
  decision: decisionViewSchema,
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  /** Every version, newest first; one with status "scheduled" is announced on the page of the version in force. */
  versions: z.array(versionSummarySchema),
});

const decisionRecordHeaderSchema = z.object({
  id: z.string(),
  number: z.string(),
  date: z.string(),
  signer: z.string(),
  effectiveDate: z.string(),
  issuerUnitCode: z.string().nullable(),
  issuerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  form: z.enum(decisionForms),
  nationalPublishedOn: z.string().nullable(),
  signedFileUrl: z.string().nullable(),
  signedFile: signedFileSchema,
  isLatePublication: z.boolean(),
});

/** What one item of a decision does, as the confirmation summary and the decision's page show it. */
export const decisionItemOutcomeSchema = z.object({
  position: z.number(),
  action: z.enum(decisionTypes),
  code: z.string(),
  name: z.string(),
  versionNo: z.number(),
  baseVersionNo: z.number().nullable(),
  /** The day the version takes effect here (the decision's effective date, or the day of entry when late). */
  effectiveFrom: z.string(),
  /** Parts of the record that differ from the base version (keys of the record: name, components...). */
  changedParts: z.array(z.string()),
  replaces: z.array(procedureRefSchema),
});

export const flagChangeViewSchema = z.object({
  code: z.string(),
  flag: z.enum(procedureListFlags),
  value: z.boolean(),
  effectiveFrom: z.string(),
});

export const decisionRecordSchema = decisionRecordHeaderSchema.extend({
  items: z.array(decisionItemOutcomeSchema),
  flagChanges: z.array(flagChangeViewSchema),
});

/** The dry run of a decision: what would change, written nowhere. */
export const decisionPreviewSchema = z.object({
  decision: decisionRecordHeaderSchema.omit({ id: true }),
  items: z.array(decisionItemOutcomeSchema),
  flagChanges: z.array(flagChangeViewSchema),
});

export const decisionListSchema = z.object({
  items: z.array(decisionRecordHeaderSchema.extend({ itemCount: z.number(), flagChangeCount: z.number() })),
});

/** The list flags of one procedure on a day, and every change of them. */
export const procedureFlagsViewSchema = z.object({
  code: z.string(),
  date: z.string(),
  flags: z.record(z.enum(procedureListFlags), z.boolean()),
  history: z.array(flagChangeViewSchema.extend({ decision: z.object({ id: z.string(), number: z.string(), date: z.string() }) })),
});

export type ProcedureContent = z.infer<typeof procedureContentSchema>;
export type ProcedureContentInput = z.input<typeof procedureContentSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type DecisionRequest = z.input<typeof decisionSchema>;
export type DecisionHeader = z.infer<typeof decisionHeaderSchema>;
export type DecisionHeaderInput = z.input<typeof decisionHeaderSchema>;
export type DecisionItem = z.infer<typeof decisionItemSchema>;
export type CreateDecisionRequest = z.input<typeof createDecisionBodySchema>;
export type CreateFlagDecisionRequest = z.input<typeof createFlagDecisionBodySchema>;
export type DecisionRecord = z.infer<typeof decisionRecordSchema>;
export type DecisionPreview = z.infer<typeof decisionPreviewSchema>;
export type DecisionItemOutcome = z.infer<typeof decisionItemOutcomeSchema>;
export type DecisionList = z.infer<typeof decisionListSchema>;
export type ProcedureFlagsView = z.infer<typeof procedureFlagsViewSchema>;
export type SignedFile = z.infer<typeof signedFileSchema>;
export type FlagChange = z.infer<typeof flagChangeSchema>;
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
