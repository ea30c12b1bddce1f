import { and, eq } from 'drizzle-orm';
import { conflict, forbidden, invalid, notFound } from '../../core/errors';
import type { Database, Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import { plans, planTasks, planTaskUnits } from '../../db/schema/plans';
import { recordAuditEvent } from '../audit';
import { type Actor, findStaffInSubtree, findUserNames } from '../auth';
import { loadIssuer } from './issuer';
import { canEditPlan, canReadPlans } from './policy';
import { canAssignResponsible } from './report-policy';

/** Whether the actor is the issuer's office of the task's plan (policy.ts canEditPlan). */
export async function isIssuerOfficeOfTask(db: Executor, actor: Actor | null, planId: string): Promise<boolean> {
  const [plan] = await db.select({ issuerUnitId: plans.issuerUnitId }).from(plans).where(eq(plans.id, planId));
  const issuer = plan ? await loadIssuer(db, plan.issuerUnitId) : null;
  return !!issuer && canEditPlan(actor, issuer.issuer, issuer.offices);
}

async function loadTaskUnit(db: Executor, taskId: string, taskUnitId: string) {
  const [row] = await db
    .select({ link: planTaskUnits, planId: planTasks.planId, unitPath: units.path })
    .from(planTaskUnits)
    .innerJoin(planTasks, eq(planTasks.id, planTaskUnits.taskId))
    .leftJoin(units, eq(units.id, planTaskUnits.unitId))
    .where(and(eq(planTaskUnits.id, taskUnitId), eq(planTaskUnits.taskId, taskId)));
  if (!row) throw notFound('đơn vị của nhiệm vụ');
  return row;
}

/** The staff of a task's unit (and the units below it) who may be named responsible. */
export async function listResponsibleCandidates(db: Database, actor: Actor | null, taskId: string, taskUnitId: string) {
  if (!canReadPlans(actor)) throw forbidden();
  const row = await loadTaskUnit(db, taskId, taskUnitId);
  if (!row.unitPath) return { items: [] };
  return { items: await findStaffInSubtree(db, row.unitPath) };
}

/**
 * Names (or clears) the person responsible for a task in one of its units: the unit's leaders, the issuer's office
 * or an administrator; the person must be staff of the unit's subtree. Optimistic on the assignment's own version;
 * audited with the person before and after.
 */
export async function assignResponsible(
  db: Database,
  actor: Actor | null,
  taskId: string,
  taskUnitId: string,
  input: { userId: string | null; version: number },
) {
  const result = await db.transaction(async (tx) => {
    const row = await loadTaskUnit(tx, taskId, taskUnitId);
    const isOffice = await isIssuerOfficeOfTask(tx, actor, row.planId);
    if (!canAssignResponsible(actor, row.unitPath, isOffice)) {
      throw forbidden(
        'Chỉ lãnh đạo đơn vị được giao nhiệm vụ hoặc văn phòng của cơ quan ban hành kế hoạch được phân công người phụ trách.',
      );
    }
    if (!row.unitPath) throw invalid([{ path: 'userId', message: 'Tên đơn vị này chưa được ghép với đơn vị nào: chưa phân công được.' }]);
    if (input.userId) {
      const [member] = await findStaffInSubtree(tx, row.unitPath, input.userId);
      if (!member) throw invalid([{ path: 'userId', message: 'Người phụ trách phải là cán bộ của đơn vị này (hoặc đơn vị trực thuộc).' }]);
    }
    const [locked] = await tx.select().from(planTaskUnits).where(eq(planTaskUnits.id, taskUnitId)).for('update');
    if (locked!.responsibleVersion !== input.version) throw conflict();
    const [updated] = await tx
      .update(planTaskUnits)
      .set({ responsibleUserId: input.userId, responsibleVersion: locked!.responsibleVersion + 1 })
      .where(eq(planTaskUnits.id, taskUnitId))
      .returning();
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'plan.task.responsible',
      entityType: 'plan_task',
      entityId: taskId,
      data: { taskUnitId, unitId: locked!.unitId, before: locked!.responsibleUserId, after: input.userId },
    });
    return { updated: updated!, isOffice, unitPath: row.unitPath };
  });
  const { updated } = result;
  const names = await findUserNames(db, updated.responsibleUserId ? [updated.responsibleUserId] : []);
  return {
    taskUnitId: updated.id,
    responsible: updated.responsibleUserId ? { id: updated.responsibleUserId, fullName: names.get(updated.responsibleUserId) ?? '' } : null,
    version: updated.responsibleVersion,
    canAssign: canAssignResponsible(actor, result.unitPath, result.isOffice),
  };
}
