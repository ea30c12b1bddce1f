import { and, eq } from 'drizzle-orm';
import type { PlanDeadline } from '../../contract/plans';
import type { PlanDeadlineEventInput } from '../../contract/plans-edit';
import { conflict, forbidden, invalid, notFound } from '../../core/errors';
import { eventDateProblem, isEventDated, relativeDueDate } from '../../core/plans/occurrences';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import { plans, planTasks, planTaskUnits } from '../../db/schema/plans';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { taskView } from './edit-service';
import { loadOccurrenceCalendar, refreshOccurrences } from './occurrences';
import { canReadPlans, canRecordDeadlineEvent } from './policy';
import { isIssuerOfficeOfTask } from './responsible-service';

/*
 * The day of the event a relative deadline counts from (issue 14, docs/api/plans.md "The day of an event"): "trong 10
 * ngày kể từ ngày tiếp nhận văn bản" has no due date until someone records when the document was received. From then
 * on the deadline falls due like any other: its occurrence is stored, reminded, flagged overdue by the sweep.
 */

/** The task's lead units (their paths) mapped to a unit of the tree. */
async function leadUnitsOf(db: Executor, taskId: string) {
  const rows = await db
    .select({ path: units.path })
    .from(planTaskUnits)
    .innerJoin(units, eq(units.id, planTaskUnits.unitId))
    .where(and(eq(planTaskUnits.taskId, taskId), eq(planTaskUnits.role, 'lead')));
  return rows;
}

/**
 * `PUT /api/plans/tasks/{id}/deadlines/{index}/event`: records (corrects, or with null clears) the day the event of
 * the task's deadline at `index` happened. The issuer's office, administrators and the lead units' staff; optimistic
 * on the task's version; in one transaction with the task's occurrences and the audit event.
 */
export async function recordDeadlineEvent(db: Database, actor: Actor | null, taskId: string, index: number, input: PlanDeadlineEventInput) {
  if (!canReadPlans(actor)) throw forbidden();
  const calendar = await loadOccurrenceCalendar(db);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ task: planTasks, planDate: plans.issuedOn })
      .from(planTasks)
      .innerJoin(plans, eq(plans.id, planTasks.planId))
      .where(eq(planTasks.id, taskId))
      .for('update', { of: planTasks });
    if (!row) throw notFound('nhiệm vụ');
    const { task, planDate } = row;
    const isOffice = await isIssuerOfficeOfTask(tx, actor, task.planId);
    if (!canRecordDeadlineEvent(actor, await leadUnitsOf(tx, taskId), isOffice)) {
      throw forbidden('Chỉ cán bộ của đơn vị chủ trì hoặc văn phòng của cơ quan ban hành kế hoạch được ghi nhận ngày của sự kiện.');
    }
    if (task.version !== input.version) throw conflict();
    const deadline = task.deadlines[index];
    if (!deadline) throw notFound('thời hạn của nhiệm vụ');
    const isRelative = deadline.kind === 'relative';
    if (!isEventDated(deadline)) {
      const message = isRelative
        ? 'Thời hạn này tính từ ngày ban hành kế hoạch: hạn đã có theo ngày của kế hoạch, không cần ghi nhận ngày sự kiện.'
        : 'Thời hạn này không tính từ một sự kiện: không có ngày sự kiện để ghi nhận.';
      throw invalid([{ path: 'index', message }], message);
    }
    const problem = input.date === null ? null : eventDateProblem(input.date, planDate, vietnamDate());
    if (problem) throw invalid([{ path: 'date', message: problem }], problem);
    const { eventDate: before = null, ...rest } = deadline;
    const changed: PlanDeadline = input.date === null ? rest : { ...rest, eventDate: input.date };
    const deadlines = task.deadlines.map((each, position) => (position === index ? changed : each));
    const [updated] = await tx
      .update(planTasks)
      .set({ deadlines, version: task.version + 1, updatedAt: new Date() })
      .where(and(eq(planTasks.id, taskId), eq(planTasks.version, input.version)))
      .returning({ id: planTasks.id });
    if (!updated) throw conflict();
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'plan.task.event_recorded',
      entityType: 'plan_task',
      entityId: taskId,
      data: {
        planId: task.planId,
        deadlineIndex: index,
        event: deadline.after,
        before,
        after: input.date,
        dueOn: changed.kind === 'relative' ? relativeDueDate(changed, planDate, calendar) : null,
      },
    });
    // The deadline's occurrence appears (or goes, when cleared and not met) with the overdue flag, as for any edit.
    await refreshOccurrences(tx, { taskIds: [taskId] }, calendar);
  });
  return taskView(db, actor, taskId);
}
