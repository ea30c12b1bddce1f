import { z } from 'zod';
import { isoDateSchema } from './common';
import { conditionActions, conditionAssessments, conditionForms, conditionSourceLevels, conditionStatuses } from './enums';
import { moneySchema } from './reform';

/** The fields of a business condition, without defaults: a PATCH changes only the fields it sends. */
const conditionFields = {
  unitId: z.string().uuid(),
  field: z.string().trim().min(2).max(300),
  text: z.string().trim().min(5, 'Nhập nội dung điều kiện.').max(4000),
  form: z.enum(conditionForms),
  sourceRegulation: z.string().trim().min(2).max(500),
  /** Central or provincial text: a central condition is abolished only by a central text (`abolishedByText`). */
  sourceLevel: z.enum(conditionSourceLevels),
  /** The central text that abolished it (e.g. "Nghị định số …/NĐ-CP"), required to record a central condition as abolished or simplified. */
  abolishedByText: z.string().trim().min(2).max(500).nullable(),
  /** The sector is outside the Investment Law's list of conditional business sectors (Phụ lục IV). */
  isOutsideConditionalList: z.boolean(),
  procedureCodes: z.array(z.string().trim().max(20)).max(50),
  complianceCostVnd: moneySchema.nullable(),
  assessment: z.enum(conditionAssessments),
  proposedAction: z.enum(conditionActions),
  reason: z.string().trim().max(2000).nullable(),
  status: z.enum(conditionStatuses),
  /** The day the status last changed; stamped with Vietnam's date when a change of status leaves it out. */
  statusChangedOn: isoDateSchema.nullable(),
};

export const conditionCreateSchema = z.strictObject({
  ...conditionFields,
  procedureCodes: conditionFields.procedureCodes.default([]),
  sourceLevel: conditionFields.sourceLevel.default('central'),
  abolishedByText: conditionFields.abolishedByText.default(null),
  isOutsideConditionalList: conditionFields.isOutsideConditionalList.default(false),
  complianceCostVnd: conditionFields.complianceCostVnd.default(null),
  reason: conditionFields.reason.default(null),
  status: conditionFields.status.default('in_force'),
  statusChangedOn: conditionFields.statusChangedOn.default(null),
});

export const conditionUpdateSchema = z
  .strictObject(conditionFields)
  .partial()
  .extend({ version: z.number().int().min(1) });

export const conditionListQuerySchema = z.object({
  field: z.string().max(300).optional(),
  unit: z.string().uuid().optional(),
  status: z.enum(conditionStatuses).optional(),
  assessment: z.enum(conditionAssessments).optional(),
});

export const conditionSchema = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  field: z.string(),
  text: z.string(),
  form: z.enum(conditionForms),
  sourceRegulation: z.string(),
  sourceLevel: z.enum(conditionSourceLevels),
  abolishedByText: z.string().nullable(),
  isOutsideConditionalList: z.boolean(),
  procedureCodes: z.array(z.string()),
  complianceCostVnd: z.number().nullable(),
  assessment: z.enum(conditionAssessments),
  proposedAction: z.enum(conditionActions),
  reason: z.string().nullable(),
  status: z.enum(conditionStatuses),
  statusChangedOn: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number(),
  canEdit: z.boolean(),
});

/** NQ 66 2025: abolished ÷ every condition inventoried; simplified counted apart; 2026: sectors outside Phụ lục IV. */
export const conditionSummarySchema = z.object({
  total: z.number(),
  /** Assessed as not necessary (also overlapping or vague). */
  unnecessary: z.number(),
  /** Abolished (a central condition only with its abolishing central text recorded). */
  abolished: z.number(),
  /** Simplified: counted apart, never as abolished. */
  simplified: z.number(),
  /** Proposed for abolition or simplification (central conditions the province proposes to the ministries). */
  proposed: z.number(),
  /** abolished ÷ total. */
  share: z.number().nullable(),
  outsideList: z.object({ total: z.number(), abolished: z.number(), share: z.number().nullable() }),
  fields: z.array(z.object({ field: z.string(), total: z.number(), abolished: z.number(), simplified: z.number() })),
});

export const conditionListSchema = z.object({ items: z.array(conditionSchema), summary: conditionSummarySchema });

export type ConditionCreateRequest = z.input<typeof conditionCreateSchema>;
export type ConditionCreateInput = z.infer<typeof conditionCreateSchema>;
export type ConditionUpdateInput = z.infer<typeof conditionUpdateSchema>;
export type ConditionFilter = z.infer<typeof conditionListQuerySchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type ConditionContent = Omit<ConditionCreateInput, 'unitId'>;
export type ConditionSummary = z.infer<typeof conditionSummarySchema>;
