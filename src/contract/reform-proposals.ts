import { z } from 'zod';
import { procedureCodeSchema } from './catalog';
import { idParamsSchema, isoDateSchema } from './common';
import {
  centralDecisionOutcomes,
  proposalActions,
  proposalDocumentFormats,
  proposalStatuses,
  reformMeasures,
  signingForms,
  timeUnits,
} from './enums';
import { activitySchema, moneySchema, reformYearSchema } from './reform';

export const proposalListQuerySchema = z.object({
  unit: z.string().uuid().optional(),
  year: reformYearSchema.optional(),
  status: z.enum(proposalStatuses).optional(),
});

export const proposalCreateSchema = z.strictObject({
  unitId: z.string().uuid(),
  year: z.number().int().min(2024).max(2100),
  title: z.string().trim().min(3, 'Tiêu đề quá ngắn.').max(500),
});

/** PATCH of a draft: its title (the only field a unit renames). */
export const proposalRenameSchema = z.strictObject({
  title: z.string().trim().min(3, 'Tiêu đề quá ngắn.').max(500),
  version: z.number().int().min(1),
});

export const proposedFiguresSchema = z.strictObject({
  timeAmount: z.number().min(0).max(3650),
  timeUnit: z.enum(timeUnits),
  activities: z.array(activitySchema).max(50),
  feesVnd: moneySchema,
  otherCostsVnd: moneySchema,
});

/**
 * Procedures one proposal may hold, and the length of its texts: a department's proposal covers far fewer, and the
 * bound keeps its DOCX/PDF rendering within seconds (about ten for the largest PDF at these limits).
 */
export const MAX_PROPOSAL_ITEMS = 200;
/** Characters of the law to amend and of the reason, each (the web form counts them down). */
export const MAX_PROPOSAL_ITEM_TEXT = 2000;

/** PUT: the whole item (measures, proposed figures, law to amend, reason) replaces what was there. */
export const proposalItemInputSchema = z.strictObject({
  measures: z.array(z.enum(reformMeasures, 'Biện pháp không hợp lệ.')).min(1, 'Chọn ít nhất một biện pháp.').max(reformMeasures.length),
  proposed: proposedFiguresSchema,
  legalText: z.string().trim().max(MAX_PROPOSAL_ITEM_TEXT, `Tối đa ${MAX_PROPOSAL_ITEM_TEXT} ký tự.`).nullable().default(null),
  reason: z.string().trim().min(3, 'Nêu lý do.').max(MAX_PROPOSAL_ITEM_TEXT, `Tối đa ${MAX_PROPOSAL_ITEM_TEXT} ký tự.`),
  version: z.number().int().min(1),
});

export const proposalItemParamsSchema = idParamsSchema.extend({ code: procedureCodeSchema });
export const proposalItemDeleteQuerySchema = z.object({ version: z.coerce.number().int().min(1) });

/**
 * How the submitting leader signs the proposal (NĐ 30/2020 Điều 13): as the head, "KT." for the head with their own
 * deputy title, or "Q." as acting head. `title` is the signer's title as printed ("Phó Giám đốc" for KT., the head's
 * title for the head and Q.); omitted, the title of the unit's kind applies.
 */
export const proposalSigningForms = signingForms;
export const proposalSigningSchema = z.strictObject({
  form: z.enum(proposalSigningForms, 'Hình thức ký không hợp lệ.'),
  title: z.string().trim().min(2, 'Chức vụ quá ngắn.').max(100, 'Tối đa 100 ký tự.').optional(),
});

export const proposalActionSchema = z.strictObject({
  action: z.enum(proposalActions, 'Thao tác không hợp lệ.'),
  version: z.number().int().min(1),
  /** Only with `submit`: how the submitting leader signs. Omitted, the unit's head signs. */
  signing: proposalSigningSchema.optional(),
  reason: z.string().trim().max(2000).optional(),
  approvalReference: z.string().trim().max(200).optional(),
  decisionNumber: z.string().trim().max(100).optional(),
  /** Only with `record_central_decision`: the ministry's decision on a central vertical agency's proposal. */
  centralDecision: z
    .strictObject({
      number: z.string().trim().min(1, 'Nhập số, ký hiệu quyết định.').max(100),
      date: isoDateSchema,
      issuerName: z.string().trim().min(2, 'Nhập tên bộ, ngành quyết định.').max(200),
      outcome: z.enum(centralDecisionOutcomes, 'Kết quả không hợp lệ.'),
    })
    .optional(),
});

export const proposalDocumentParamsSchema = idParamsSchema.extend({ format: z.enum(proposalDocumentFormats) });

const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Hạn có dạng MM-DD.')
  // A yearly deadline must exist every year: 30/2, 31/4... never do, 29/2 only in leap years.
  .refine(
    (value) => Number(value.slice(3)) <= [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(value.slice(0, 2)) - 1]!,
    'Ngày không tồn tại.',
  );
/** Yearly deadlines (MM-DD): submission of proposals (15/6) and their approval (30/6). */
export const deadlineSettingsSchema = z.strictObject({ submissionDeadline: monthDay, approvalDeadline: monthDay });
export const deadlineSettingsViewSchema = z.object({ submissionDeadline: z.string(), approvalDeadline: z.string() });

/** One year's deadlines: those stored for the year, or the yearly rule above applied to it. */
export const yearDeadlinesParamsSchema = z.object({ year: z.coerce.number().int().min(2024).max(2100) });
export const yearDeadlinesInputSchema = z.strictObject({ submissionDeadline: isoDateSchema, approvalDeadline: isoDateSchema });
export const yearDeadlinesSchema = z.object({
  year: z.number(),
  /** YYYY-MM-DD: the units submit their proposals by this day (default 15/6). */
  submissionDeadline: z.string(),
  /** YYYY-MM-DD: the proposals are approved by this day (default 30/6). */
  approvalDeadline: z.string(),
  /** No deadlines stored for the year: the yearly rule (`/settings`) applies. */
  isDefault: z.boolean(),
});

// Responses

export const proposalSummarySchema = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  year: z.number(),
  title: z.string(),
  status: z.enum(proposalStatuses),
  itemCount: z.number(),
  /** A draft past its year's submission deadline. */
  isOverdue: z.boolean(),
  /** The submission deadline of the proposal's year (YYYY-MM-DD). */
  deadline: z.string(),
  /** The approval deadline of the proposal's year (YYYY-MM-DD). */
  approvalDeadline: z.string(),
  /** Submitted or consolidated, and still not approved (nor rejected) past its year's approval deadline. */
  isApprovalOverdue: z.boolean(),
  submittedAt: z.string().nullable(),
  isDemo: z.boolean(),
});

export const proposalListSchema = z.object({ items: z.array(proposalSummarySchema) });

const figuresSchema = { hours: z.number(), costPerDossier: z.number(), annualCost: z.number() };

export const proposalItemSchema = z.object({
  id: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  field: z.string(),
  measures: z.array(z.enum(reformMeasures)),
  /** The 2024 baseline; its cost is null when the baseline version has no worksheet. */
  baseline: z
    .object({
      timeAmount: z.number(),
      timeUnit: z.enum(timeUnits),
      hours: z.number(),
      costPerDossier: z.number().nullable(),
      annualCost: z.number().nullable(),
    })
    .nullable(),
  proposed: z.object({
    timeAmount: z.number(),
    timeUnit: z.enum(timeUnits),
    activities: z.array(z.object({ name: z.string(), hours: z.number() })),
    feesVnd: z.number(),
    otherCostsVnd: z.number(),
    ...figuresSchema,
  }),
  timeReduction: z.number().nullable(),
  costReduction: z.number().nullable(),
  legalText: z.string().nullable(),
  reason: z.string(),
});

export const proposalEventSchema = z.object({
  at: z.string(),
  actorName: z.string(),
  /** The audit action, e.g. proposal.submit. */
  action: z.string(),
  note: z.string().nullable(),
});

export const proposalSchema = proposalSummarySchema.extend({
  version: z.number(),
  approvalReference: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  /** The ministry's decision on a central vertical agency's proposal, as the province recorded it. */
  centralDecision: z
    .object({ number: z.string(), date: z.string(), issuerName: z.string(), outcome: z.enum(centralDecisionOutcomes) })
    .nullable(),
  implementedDecision: z.object({ number: z.string(), date: z.string() }).nullable(),
  items: z.array(proposalItemSchema),
  totals: z.object({
    timeReduction: z.number().nullable(),
    costReduction: z.number().nullable(),
    annualCostBefore: z.number(),
    annualCostAfter: z.number(),
    procedures: z.number(),
    withoutBaseline: z.number(),
  }),
  allowedActions: z.array(z.enum(proposalActions)),
  canEdit: z.boolean(),
  /** How the submitted proposal is signed (chosen at submission); null: a draft, or signed by the head by default. */
  signing: z.object({ form: z.enum(proposalSigningForms), title: z.string().nullable() }).nullable(),
  /**
   * The central body that decides on the proposal of a central vertical agency ("Bộ Công an"): the province
   * consolidates it but neither approves nor rejects it. Null for the province's own units.
   */
  decidedBy: z.string().nullable(),
  events: z.array(proposalEventSchema),
});

export type ProposalFilter = z.infer<typeof proposalListQuerySchema>;
export type ProposalCreateInput = z.infer<typeof proposalCreateSchema>;
export type ProposedFigures = z.infer<typeof proposedFiguresSchema>;
export type ProposalItemInput = z.infer<typeof proposalItemInputSchema>;
export type ProposalActionInput = z.infer<typeof proposalActionSchema>;
export type ProposalSigning = z.infer<typeof proposalSigningSchema>;
export type DeadlineSettings = z.infer<typeof deadlineSettingsSchema>;
export type YearDeadlinesInput = z.infer<typeof yearDeadlinesInputSchema>;
export type YearDeadlines = z.infer<typeof yearDeadlinesSchema>;
export type ProposalSummary = z.infer<typeof proposalSummarySchema>;
export type ProposalItem = z.infer<typeof proposalItemSchema>;
export type ProposalEvent = z.infer<typeof proposalEventSchema>;
export type Proposal = z.infer<typeof proposalSchema>;
