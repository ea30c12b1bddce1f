import { z } from 'zod';
import { isoDateSchema } from './common';
import { planDeadlineSchema, planMetricNames, planTargetInputSchema } from './plans';

/**
 * Editing a saved plan, its tasks, and the live figures of its targets (issue 14, docs/api/plans.md "Editing a saved
 * plan", "Targets and live figures"). Every field of a PATCH may be left out: it is then unchanged.
 */

const uuid = (what: string) => z.string().uuid(`Mã ${what} không hợp lệ.`);
const requiredText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Thiếu ${what}.`)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} quá dài (tối đa ${max} ký tự).`);
const optionalText = (max: number) => z.string().max(max, `Quá dài (tối đa ${max} ký tự).`);
const version = z.number().int().min(1);

/** `PATCH /api/plans/{id}`: the plan's metadata, its parent plan, the documents it implements, its targets (replaced as a whole). */
export const planUpdateSchema = z.object({
  /** The plan's version as read (stale → 409, nothing written). */
  version,
  number: optionalText(100).nullable().optional(),
  date: isoDateSchema.nullable().optional(),
  title: requiredText('tên kế hoạch', 2000).optional(),
  implements: z.array(requiredText('văn bản thực hiện', 2000)).max(50).optional(),
  /** The plan this one implements (another saved plan; no cycles); null: none. */
  parentPlanId: uuid('kế hoạch cấp trên').nullable().optional(),
  signer: optionalText(200).nullable().optional(),
  targets: z.array(planTargetInputSchema).max(500).optional(),
});
export type PlanUpdateInput = z.infer<typeof planUpdateSchema>;

/** A unit a task names: the name as written and the unit of the tree (null: left unmatched, e.g. "các Sở, ngành"). */
export const planTaskUnitInputSchema = z.object({
  name: requiredText('tên đơn vị', 500),
  unitId: uuid('đơn vị').nullable(),
});

const taskFields = {
  ref: requiredText('số thứ tự của nhiệm vụ', 50),
  title: requiredText('tên nhiệm vụ', 2000),
  content: optionalText(20_000),
  items: z.array(optionalText(4000)).max(200),
  deliverables: z.array(optionalText(2000)).max(100),
  deadlines: z.array(planDeadlineSchema).max(20),
  lead: z.array(planTaskUnitInputSchema).max(100),
  coordinating: z.array(planTaskUnitInputSchema).max(200),
};

/** `POST /api/plans/{id}/tasks`: a task added to a saved plan (placed after its parent's subtree, by reference). */
export const planTaskCreateSchema = z.object({
  ...taskFields,
  content: taskFields.content.default(''),
  items: taskFields.items.default([]),
  deliverables: taskFields.deliverables.default([]),
  deadlines: taskFields.deadlines.default([]),
  coordinating: taskFields.coordinating.default([]),
});
export type PlanTaskCreateInput = z.infer<typeof planTaskCreateSchema>;

/** `PATCH /api/plans/tasks/{id}`: `cancelled` true cancels the task (kept with its reports), false restores it. */
export const planTaskUpdateSchema = z.object({
  version,
  ref: taskFields.ref.optional(),
  title: taskFields.title.optional(),
  content: taskFields.content.optional(),
  items: taskFields.items.optional(),
  deliverables: taskFields.deliverables.optional(),
  deadlines: taskFields.deadlines.optional(),
  lead: taskFields.lead.optional(),
  coordinating: taskFields.coordinating.optional(),
  cancelled: z.boolean().optional(),
});
export type PlanTaskUpdateInput = z.infer<typeof planTaskUpdateSchema>;

/** `PUT /api/plans/tasks/{id}/deadlines/{index}/event`: the deadline by its position in the task's `deadlines` (from 0). */
export const planDeadlineParamsSchema = z.object({
  id: z.string().uuid('Mã định danh không hợp lệ.'),
  index: z.coerce.number('Số thứ tự thời hạn phải là số.').int('Số thứ tự thời hạn phải là số nguyên.').min(0, 'Số thứ tự thời hạn từ 0.'),
});
/**
 * The day the event a relative deadline counts from happened (Vietnam day, not after today nor before the plan's
 * date); null clears it. `version`: the task's version as read (stale → 409).
 */
export const planDeadlineEventInputSchema = z.object({
  date: isoDateSchema.nullable(),
  version,
});
export type PlanDeadlineEventInput = z.infer<typeof planDeadlineEventInputSchema>;

export const planTaskDeleteQuerySchema = z.object({ version: z.coerce.number().int().min(1) });
export const planTaskDeletedSchema = z.object({ id: z.string().uuid(), deleted: z.literal(true) });

/** Where a live figure comes from. */
export const liveFigureSources = ['reform', 'metrics_index'] as const;

/** One measure of a target with the current figure the system computes for it (null with a note when it cannot). */
export const liveMeasureSchema = z.object({
  metric: z.enum(planMetricNames),
  /** The target's value, in percent. */
  target: z.number(),
  /** The current figure in percent (one decimal); null when there is none. */
  current: z.number().nullable(),
  source: z.enum(liveFigureSources).nullable(),
  /** The source in Vietnamese ("Chương trình cắt giảm, đơn giản hóa TTHC (NQ 66/NQ-CP) — Sở Tư pháp, năm 2026"). */
  sourceLabel: z.string().nullable(),
  /** The indicator of the source (`time_reduction`, `digitised`…). */
  indicator: z.string().nullable(),
  /** The period the figure covers (both days included) and the day it was computed (Vietnam day). */
  from: isoDateSchema.nullable(),
  to: isoDateSchema.nullable(),
  asOf: isoDateSchema,
  /** Whether the current figure reaches the target. */
  isMet: z.boolean().nullable(),
  /** Why there is no figure ("Chưa có số liệu tự động cho chỉ tiêu này."). */
  note: z.string().nullable(),
});
export const planLiveTargetsSchema = z.object({
  planId: z.string().uuid(),
  asOf: isoDateSchema,
  /** One entry per target, in the plan's order (`position` as in GET /api/plans/{id} `targets`). */
  targets: z.array(z.object({ position: z.number().int(), year: z.number().int().nullable(), measures: z.array(liveMeasureSchema) })),
});
export type PlanLiveTargets = z.infer<typeof planLiveTargetsSchema>;
export type LiveMeasure = z.infer<typeof liveMeasureSchema>;
