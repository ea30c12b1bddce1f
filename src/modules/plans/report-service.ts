import { and, eq } from 'drizzle-orm';
import type { PlanReportInput } from '../../contract/plans';
import { conflict, forbidden, invalid, notFound } from '../../core/errors';
import { normalizeMultilineText } from '../../core/text';
import type { Database } from '../../db/client';
import { units } from '../../db/schema/org';
import { plans, planTaskReports, planTasks, planTaskUnits } from '../../db/schema/plans';
import { recordAuditEvent } from '../audit';
import { type Actor, hasRole } from '../auth';
import { attachEvidence } from './evidence-service';
import { loadOccurrenceCalendar, refreshOccurrences } from './occurrences';
import { canReportOnTask, reportableLeadUnits } from './policy';
import { buildTaskViews } from './read-service';

/**
 * A lead unit's progress report on a task: the period it covers, what was done, difficulties, proposals, an optional
 * percentage, its evidence files (evidence-service.ts) and the status it sets (in progress or done), one transaction
 * with the task's new status and version and the audit event. The task's version as read must be the stored one
 * (409 otherwise). A cancelled task takes no report.
 */
export async function reportOnTask(db: Database, actor: Actor | null, taskId: string, input: PlanReportInput) {
  const calendar = await loadOccurrenceCalendar(db);
  const result = await db.transaction(async (tx) => {
    const [task] = await tx.select().from(planTasks).where(eq(planTasks.id, taskId)).for('update');
    if (!task) throw notFound('nhiệm vụ');
    const leadUnits = await tx
      .select({ id: units.id, path: units.path })
      .from(planTaskUnits)
      .innerJoin(units, eq(units.id, planTaskUnits.unitId))
      .where(and(eq(planTaskUnits.taskId, taskId), eq(planTaskUnits.role, 'lead')));
    if (!canReportOnTask(actor, leadUnits)) throw forbidden('Chỉ cán bộ của đơn vị chủ trì được báo cáo tiến độ nhiệm vụ này.');
    const ownUnits = reportableLeadUnits(actor, leadUnits);
    let unitId: string | null = ownUnits[0]?.id ?? null;
    if (input.unitId) {
      if (!ownUnits.some((unit) => unit.id === input.unitId)) {
        throw invalid([{ path: 'unitId', message: 'Đơn vị báo cáo phải là một đơn vị chủ trì nhiệm vụ mà bạn thuộc về.' }]);
      }
      unitId = input.unitId;
    }
    if (!unitId && !hasRole(actor, 'admin')) throw forbidden();
    if (task.status === 'cancelled') throw conflict('Nhiệm vụ đã hủy: không báo cáo tiến độ được.');
    if (task.version !== input.version) throw conflict();
    const [report] = await tx
      .insert(planTaskReports)
      .values({
        taskId,
        unitId,
        authorId: actor!.userId,
        text: normalizeMultilineText(input.text),
        statusAfter: input.status,
        periodFrom: input.periodFrom ?? null,
        periodTo: input.periodTo ?? null,
        difficulties: normalizeMultilineText(input.difficulties ?? ''),
        proposals: normalizeMultilineText(input.proposals ?? ''),
        percent: input.percent ?? null,
      })
      .returning({ id: planTaskReports.id });
    await attachEvidence(tx, actor!, report!.id, input.fileIds ?? []);
    const [updated] = await tx
      .update(planTasks)
      .set({ status: input.status, version: task.version + 1, updatedAt: new Date() })
      .where(eq(planTasks.id, taskId))
      .returning();
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'plan.task.report',
      entityType: 'plan_task',
      entityId: taskId,
      data: { reportId: report!.id, unitId, statusBefore: task.status, statusAfter: input.status, fileIds: input.fileIds ?? [] },
    });
    // The report may meet an occurrence (or leave one overdue): states and the overdue flag in this transaction.
    await refreshOccurrences(tx, { taskIds: [taskId] }, calendar);
    const [current] = await tx.select().from(planTasks).where(eq(planTasks.id, taskId));
    return current ?? updated!;
  });
  const [plan] = await db.select({ issuedOn: plans.issuedOn }).from(plans).where(eq(plans.id, result.planId));
  const [view] = await buildTaskViews(db, actor, [result], new Map([[result.planId, plan?.issuedOn ?? null]]));
  return view!;
}
