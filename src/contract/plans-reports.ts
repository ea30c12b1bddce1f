import { z } from 'zod';
import { isoDateSchema } from './common';

/**
 * Progress reports with evidence, comments, the person responsible in each unit and the plan's progress report
 * exports (issue 14, docs/api/plans.md "Progress reports, evidence, comments, responsible person"). Imports nothing
 * of contract/plans.ts (which builds its task view from these).
 */

const uuid = (what: string) => z.string().uuid(`Mã ${what} không hợp lệ.`);
const optionalText = (what: string, max: number) => z.string().max(max, `${what} quá dài (tối đa ${max} ký tự).`);

/** An evidence file as a report shows it (download: GET /api/plans/evidence-files/{fileId}). */
export const planEvidenceFileSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  size: z.number(),
  mediaType: z.string(),
});
export type PlanEvidenceFile = z.infer<typeof planEvidenceFileSchema>;

const unitRefSchema = z.object({ id: z.string().uuid(), name: z.string() });
const personSchema = z.object({ id: z.string().uuid(), fullName: z.string() });

/** A lead unit's progress report: the period covered, what was done, difficulties, proposals, evidence. */
export const planReportSchema = z.object({
  id: z.string().uuid(),
  unit: unitRefSchema.nullable(),
  author: personSchema,
  /** What was done (kết quả thực hiện). */
  text: z.string(),
  statusAfter: z.enum(['not_started', 'in_progress', 'done', 'overdue', 'cancelled']),
  periodFrom: isoDateSchema.nullable(),
  periodTo: isoDateSchema.nullable(),
  /** Khó khăn, vướng mắc ('' when none). */
  difficulties: z.string(),
  /** Đề xuất, kiến nghị ('' when none). */
  proposals: z.string(),
  percent: z.number().int().nullable(),
  files: z.array(planEvidenceFileSchema),
  createdAt: z.string(),
});
export type PlanReport = z.infer<typeof planReportSchema>;

export const planReportInputSchema = z
  .object({
    /** What was done. */
    text: z.string().trim().min(1, 'Thiếu nội dung đã thực hiện.').max(20_000, 'Nội dung báo cáo quá dài (tối đa 20000 ký tự).'),
    status: z.enum(['in_progress', 'done'], 'Trạng thái chỉ có thể là "Đang thực hiện" hoặc "Hoàn thành".'),
    /** The lead unit the report is made for, when the reporter holds a role over several. */
    unitId: uuid('đơn vị').nullable().optional(),
    /** The task's version as read (optimistic: a stale version → 409). */
    version: z.number().int().min(1),
    periodFrom: isoDateSchema.nullable().optional(),
    periodTo: isoDateSchema.nullable().optional(),
    difficulties: optionalText('Khó khăn, vướng mắc', 10_000).optional(),
    proposals: optionalText('Đề xuất, kiến nghị', 10_000).optional(),
    percent: z.number().int('Tỷ lệ phải là số nguyên.').min(0, 'Tỷ lệ từ 0 đến 100.').max(100, 'Tỷ lệ từ 0 đến 100.').nullable().optional(),
    /** Uploads made with POST /api/plans/evidence-files by the reporter, not yet attached. */
    fileIds: z.array(uuid('tệp minh chứng')).max(20, 'Tối đa 20 tệp minh chứng cho một báo cáo.').optional(),
  })
  .refine((input) => !input.periodFrom || !input.periodTo || input.periodFrom <= input.periodTo, {
    message: 'Ngày bắt đầu kỳ báo cáo phải trước hoặc bằng ngày kết thúc.',
    path: ['periodTo'],
  });
export type PlanReportInput = z.infer<typeof planReportInputSchema>;

/**
 * A comment on a task: who, for which unit, when, what. Its author edits it (`editedAt`: "(đã sửa)") and deletes it
 * (administrators too): a deleted comment stays in the thread as a tombstone, `deletedAt` set and `text` empty
 * ("Ý kiến đã được xóa"); the text before is kept in the audit trail.
 */
export const planCommentSchema = z.object({
  id: z.string().uuid(),
  unit: unitRefSchema.nullable(),
  author: personSchema,
  text: z.string(),
  createdAt: z.string(),
  /** The last edit, null when never edited. */
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  /** Optimistic version of the comment, sent back by an edit or a deletion (stale → 409). */
  version: z.number().int(),
  /** The reader is its author, and it is not deleted. */
  canEdit: z.boolean(),
  /** The reader is its author or an administrator, and it is not deleted. */
  canDelete: z.boolean(),
});
export type PlanComment = z.infer<typeof planCommentSchema>;
const commentTextSchema = z.string().trim().min(1, 'Thiếu nội dung ý kiến.').max(5000, 'Ý kiến quá dài (tối đa 5000 ký tự).');
export const planCommentInputSchema = z.object({
  text: commentTextSchema,
  /** The unit the comment is made for, when the author belongs to several units of the task. */
  unitId: uuid('đơn vị').nullable().optional(),
});
/** `PATCH /api/plans/comments/{id}`: the new text, and the comment's version as read. */
export const planCommentEditSchema = z.object({
  text: commentTextSchema,
  version: z.number().int('Phiên bản không hợp lệ.').min(1, 'Phiên bản không hợp lệ.'),
});
export type PlanCommentEdit = z.infer<typeof planCommentEditSchema>;
/** `DELETE /api/plans/comments/{id}?version=`: the comment's version as read. */
export const planCommentDeleteQuerySchema = z.object({
  version: z.coerce.number().int('Phiên bản không hợp lệ.').min(1, 'Phiên bản không hợp lệ.'),
});
export const planCommentListSchema = z.object({ items: z.array(planCommentSchema), canComment: z.boolean() });

/** The person responsible for a task in one of its units. */
export const planResponsibleSchema = z.object({
  /** The unit of the task (plan_task_units row). */
  taskUnitId: z.string().uuid(),
  responsible: personSchema.nullable(),
  version: z.number().int(),
  canAssign: z.boolean(),
});
export const planResponsibleInputSchema = z.object({
  /** A staff member of the unit (or a unit below it); null clears the assignment. */
  userId: uuid('người phụ trách').nullable(),
  version: z.number().int().min(1),
});
export const planResponsibleCandidatesSchema = z.object({
  items: z.array(z.object({ id: z.string().uuid(), fullName: z.string(), unitName: z.string() })),
});
export const planTaskUnitParamsSchema = z.object({
  id: z.string().uuid('Mã định danh không hợp lệ.'),
  taskUnitId: z.string().uuid('Mã đơn vị của nhiệm vụ không hợp lệ.'),
});

/**
 * The period of a progress report export (both days included, Vietnam days), and `unit`: a lead unit whose own report
 * on the tasks it leads is wanted (addressed to the plan's issuer); without it, the issuer's report on the whole plan.
 */
export const planProgressReportQuerySchema = z
  .object({ from: isoDateSchema, to: isoDateSchema, unit: uuid('đơn vị').optional() })
  .refine((query) => query.from <= query.to, { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.', path: ['to'] });
export type PlanProgressReportQuery = z.infer<typeof planProgressReportQuerySchema>;
