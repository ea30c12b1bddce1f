import { and, asc, eq } from 'drizzle-orm';
import type { PlanComment } from '../../contract/plans-reports';
import { forbidden, invalid, notFound } from '../../core/errors';
import { normalizeMultilineText } from '../../core/text';
import type { Database, Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import { planTasks, planTaskUnits } from '../../db/schema/plans';
import { planTaskComments } from '../../db/schema/plans-reports';
import { recordAuditEvent } from '../audit';
import { type Actor, findUserNames } from '../auth';
import { canReadPlans } from './policy';
import { canCommentOnTask, commentableUnits } from './report-policy';
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

async function toComments(db: Executor, rows: { comment: typeof planTaskComments.$inferSelect; unitName: string | null }[]) {
  const names = await findUserNames(
    db,
    rows.map((row) => row.comment.authorId),
  );
  return rows.map(
    ({ comment, unitName }): PlanComment => ({
      id: comment.id,
      unit: comment.unitId && unitName ? { id: comment.unitId, name: unitName } : null,
      author: { id: comment.authorId, fullName: names.get(comment.authorId) ?? '' },
      text: comment.text,
      createdAt: comment.createdAt.toISOString(),
    }),
  );
}

/** A task's comment thread, oldest first: everyone in the province reads it. */
export async function listComments(db: Database, actor: Actor | null, taskId: string) {
  if (!canReadPlans(actor)) throw forbidden();
  const { canComment } = await loadTaskForComments(db, actor, taskId);
  const rows = await db
    .select({ comment: planTaskComments, unitName: units.name })
    .from(planTaskComments)
    .leftJoin(units, eq(units.id, planTaskComments.unitId))
    .where(eq(planTaskComments.taskId, taskId))
    .orderBy(asc(planTaskComments.createdAt), asc(planTaskComments.id));
  return { items: await toComments(db, rows), canComment };
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
  const rows = await db
    .select({ comment: planTaskComments, unitName: units.name })
    .from(planTaskComments)
    .leftJoin(units, eq(units.id, planTaskComments.unitId))
    .where(and(eq(planTaskComments.id, id)));
  return (await toComments(db, rows))[0]!;
}
