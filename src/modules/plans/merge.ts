import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { vietnamDate } from '../../core/vietnam-time';
import type { Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import { planTasks, planTaskUnits } from '../../db/schema/plans';
import { recordAuditEvent } from '../audit';
import { registerUnitMergeHandler } from '../org';

/**
 * Tasks of a merged unit move to its successor (issue 14, docs/api/plans.md "Tasks of a merged unit"). A unit is
 * merged once it has a successor and its validity has ended (`valid_to` on or before today, Vietnam day); a chain of
 * merges is followed to the unit that is still in force. The task unit row moves, so everything hanging on the task
 * (its reports, evidence, comments, status) stays with it and is now the successor's to carry on; reports and
 * comments keep the unit they were written for (the history). `moved_from_unit_id` keeps the unit the task was first
 * given to. The person responsible is kept (the work usually moves with the people; the successor's leaders may name
 * someone else). When the successor already has the same role on the task, the merged unit's row is removed (its
 * responsible person carried over if the successor had none). Idempotent: it looks at every merged unit each time;
 * org runs it in the transaction that records a merge (merge-hooks), and it may be run daily for merges dated ahead.
 */
export async function moveTasksOfMergedUnits(tx: Executor, context: { actorId: string | null }, today = vietnamDate()) {
  const withSuccessor = await tx
    .select({ id: units.id, successorId: units.successorId, validTo: units.validTo })
    .from(units)
    .where(isNotNull(units.successorId));
  const merged = new Map(
    withSuccessor.flatMap((unit) => (unit.validTo !== null && unit.validTo <= today ? [[unit.id, unit.successorId!] as const] : [])),
  );
  if (merged.size === 0) return { moved: 0 };
  const rows = await tx
    .select({ link: planTaskUnits, planId: planTasks.planId })
    .from(planTaskUnits)
    .innerJoin(planTasks, eq(planTasks.id, planTaskUnits.taskId))
    .where(inArray(planTaskUnits.unitId, [...merged.keys()]));
  let moved = 0;
  for (const { link, planId } of rows) {
    const from = link.unitId!;
    let target = from;
    const seen = new Set<string>([from]);
    while (merged.has(target)) {
      const next = merged.get(target)!;
      if (seen.has(next)) break;
      seen.add(next);
      target = next;
    }
    if (target === from || merged.has(target)) continue; // a cycle of successors: nowhere to go
    const [already] = await tx
      .select()
      .from(planTaskUnits)
      .where(and(eq(planTaskUnits.taskId, link.taskId), eq(planTaskUnits.role, link.role), eq(planTaskUnits.unitId, target)));
    if (already) {
      if (!already.responsibleUserId && link.responsibleUserId) {
        await tx
          .update(planTaskUnits)
          .set({ responsibleUserId: link.responsibleUserId, responsibleVersion: already.responsibleVersion + 1 })
          .where(eq(planTaskUnits.id, already.id));
      }
      await tx.delete(planTaskUnits).where(eq(planTaskUnits.id, link.id));
    } else {
      await tx
        .update(planTaskUnits)
        .set({ unitId: target, movedFromUnitId: link.movedFromUnitId ?? from, responsibleVersion: link.responsibleVersion + 1 })
        .where(eq(planTaskUnits.id, link.id));
    }
    await recordAuditEvent(tx, {
      actorId: context.actorId,
      action: 'plan.task.unit_moved',
      entityType: 'plan_task',
      entityId: link.taskId,
      data: {
        planId,
        taskUnitId: link.id,
        role: link.role,
        fromUnitId: from,
        toUnitId: target,
        joinedExisting: !!already,
        responsibleUserId: link.responsibleUserId,
      },
    });
    moved += 1;
  }
  return { moved };
}

/** What the plans module asks of org: to run the move above whenever units are merged (the app and the units import CLI call it). */
export function registerPlanHooks() {
  registerUnitMergeHandler(moveTasksOfMergedUnits);
}
