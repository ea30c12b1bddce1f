import { asc, eq } from 'drizzle-orm';
import type { PlanComment, PlanCommentEdit } from '../../contract/plans-reports';
import { conflict, forbidden, invalid, notFound } from '../../core/errors';
import { normalizeMultilineText } from '../../core/text';
import type { Database, Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import { planTasks, planTaskUnits } from '../../db/schema/plans';
import { planTaskComments } from '../../db/schema/plans-reports';
import { recordAuditEvent } from '../audit';
import { type Actor, findUserNames } from '../auth';
import { canReadPlans } from './policy';
import { canCommentOnTask, canDeleteComment, canEditComment, commentableUnits } from './report-policy';
import { isIssuerOfficeOfTask } from './responsible-service';

/** The task and the units it names (lead and coordinating, mapped ones), for the comment policy. */
async function loadTaskForComments(db: Executor, actor: Actor | null, taskId: string) {
  const [task] = await db.select({ id: planTasks.id, planId: planTasks.planId }).from(planTasks).where(eq(planTasks.id, taskId));
  if (!task) throw notFound('nhiệm vụ');
  const taskUnits = await db
    .selectDistinct({ id: units.id, path: units.path })
    .from(planTaskUnits)
    .innerJoin(units, eq(units.id, planTaskUnits.unitId))
    .where(eq(planTaskUnits.taskId, taskId));
  const isOffice = await isIssuerOfficeOfTask(db, actor, task.planId);
  return { task, taskUnits, isOffice, canComment: canCommentOnTask(actor, taskUnits, isOffice) };
}

type CommentRow = { comment: typeof planTaskComments.$inferSelect; unitName: string | null };

async function toComments(db: Executor, actor: Actor | null, rows: CommentRow[]) {
  const names = await findUserNames(
    db,
    rows.map((row) => row.comment.authorId),
  );
  return rows.map(({ comment, unitName }): PlanComment => {
    const isDeleted = comment.deletedAt !== null;
    return {
      id: comment.id,
      unit: comment.unitId && unitName ? { id: comment.unitId, name: unitName } : null,
      author: { id: comment.authorId, fullName: names.get(comment.authorId) ?? '' },
      text: isDeleted ? '' : comment.text,
      createdAt: comment.createdAt.toISOString(),
      editedAt: comment.editedAt?.toISOString() ?? null,
      deletedAt: comment.deletedAt?.toISOString() ?? null,
      version: comment.version,
      canEdit: !isDeleted && canEditComment(actor, comment),
      canDelete: !isDeleted && canDeleteComment(actor, comment),
    };
  });
}

const selectComments = (db: Executor) =>
  db
    .select({ comment: planTaskComments, unitName: units.name })
    .from(planTaskComments)
    .leftJoin(units, eq(units.id, planTaskComments.unitId));

async function getComment(db: Executor, actor: Actor | null, commentId: string) {
  return (await toComments(db, actor, await selectComments(db).where(eq(planTaskComments.id, commentId))))[0]!;
}

/** A task's comment thread, oldest first: everyone in the province reads it. */
export async function listComments(db: Database, actor: Actor | null, taskId: string) {
  if (!canReadPlans(actor)) throw forbidden();
  const { canComment } = await loadTaskForComments(db, actor, taskId);
  const rows = await selectComments(db)
    .where(eq(planTaskComments.taskId, taskId))
    .orderBy(asc(planTaskComments.createdAt), asc(planTaskComments.id));
  return { items: await toComments(db, actor, rows), canComment };
}

/**
 * A comment of a coordinating or lead unit (or of the issuer's office), made for the unit of the task the author
 * belongs to (the one named, when several), audited.
 */
export async function addComment(db: Database, actor: Actor | null, taskId: string, input: { text: string; unitId?: string | null }) {
  if (!canReadPlans(actor)) throw forbidden();
  const id = await db.transaction(async (tx) => {
    const { taskUnits, canComment } = await loadTaskForComments(tx, actor, taskId);
    if (!canComment) {
      throw forbidden('Chỉ cán bộ của đơn vị chủ trì, đơn vị phối hợp hoặc văn phòng của cơ quan ban hành được góp ý nhiệm vụ này.');
    }
    const ownUnits = commentableUnits(actor, taskUnits);
    let unitId = ownUnits[0]?.id ?? null;
    if (input.unitId) {
      if (!ownUnits.some((unit) => unit.id === input.unitId)) {
        throw invalid([{ path: 'unitId', message: 'Đơn vị góp ý phải là một đơn vị của nhiệm vụ mà bạn thuộc về.' }]);
      }
      unitId = input.unitId;
    }
    const [comment] = await tx
      .insert(planTaskComments)
      .values({ taskId, unitId, authorId: actor!.userId, text: normalizeMultilineText(input.text) })
      .returning({ id: planTaskComments.id });
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'plan.task.comment',
      entityType: 'plan_task',
      entityId: taskId,
      data: { commentId: comment!.id, unitId },
    });
    return comment!.id;
  });
  return getComment(db, actor, id);
}

/**
 * The comment locked for an edit or a deletion, checked in the order a reader understands: unknown (404), not theirs
 * to change (403), deleted already (409), then a stale version (409).
 */
async function lockComment(
  tx: Executor,
  actor: Actor | null,
  commentId: string,
  version: number,
  may: (actor: Actor | null, comment: { authorId: string }) => boolean,
  refusal: string,
) {
  const [comment] = await tx.select().from(planTaskComments).where(eq(planTaskComments.id, commentId)).for('update');
  if (!comment) throw notFound('ý kiến');
  if (!may(actor, comment)) throw forbidden(refusal);
  if (comment.deletedAt) throw conflict('Ý kiến này đã được xóa.');
  if (comment.version !== version) throw conflict('Ý kiến đã được sửa hoặc xóa ở nơi khác. Vui lòng tải lại và thử lại.');
  return comment;
}

/** Its author edits a comment's text: the version moves on, `editedAt` is set, the text before goes to the audit. */
export async function editComment(db: Database, actor: Actor | null, commentId: string, input: PlanCommentEdit) {
  if (!canReadPlans(actor)) throw forbidden();
  await db.transaction(async (tx) => {
    const comment = await lockComment(tx, actor, commentId, input.version, canEditComment, 'Chỉ người viết ý kiến được sửa ý kiến này.');
    const text = normalizeMultilineText(input.text);
    await tx
      .update(planTaskComments)
      .set({ text, version: comment.version + 1, editedAt: new Date() })
      .where(eq(planTaskComments.id, commentId));
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'plan.comment.edited',
      entityType: 'plan_task',
      entityId: comment.taskId,
      data: { commentId, previousText: comment.text, text },
    });
  });
  return getComment(db, actor, commentId);
}

/**
 * Its author (or an administrator) deletes a comment: the row stays as a tombstone so that the thread reads on, its
 * text emptied; the text before goes to the audit.
 */
export async function deleteComment(db: Database, actor: Actor | null, commentId: string, version: number) {
  if (!canReadPlans(actor)) throw forbidden();
  await db.transaction(async (tx) => {
    const comment = await lockComment(
      tx,
      actor,
      commentId,
      version,
      canDeleteComment,
      'Chỉ người viết ý kiến hoặc quản trị viên được xóa ý kiến này.',
    );
    await tx
      .update(planTaskComments)
      .set({ text: '', version: comment.version + 1, deletedAt: new Date(), deletedBy: actor!.userId })
      .where(eq(planTaskComments.id, commentId));
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'plan.comment.deleted',
      entityType: 'plan_task',
      entityId: comment.taskId,
      data: { commentId, previousText: comment.text, authorId: comment.authorId },
    });
  });
  return getComment(db, actor, commentId);
}
