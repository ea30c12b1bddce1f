import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { PlanTaskCreateInput, PlanTaskUpdateInput, PlanUpdateInput } from '../../contract/plans-edit';
import { conflict, type ErrorDetail, forbidden, invalid, notFound } from '../../core/errors';
import { eventDateProblems } from '../../core/plans/occurrences';
import { normalizeMultilineText, normalizeText } from '../../core/text';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import { plans, planTargets, planTaskReports, planTasks, planTaskUnits } from '../../db/schema/plans';
import { planTaskComments } from '../../db/schema/plans-reports';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { readDeadlines } from './deadline-input';
import { loadIssuer } from './issuer';
import { loadOccurrenceCalendar, refreshOccurrences } from './occurrences';
import { canEditPlan, canReadPlans } from './policy';
import { buildTaskViews, getPlan } from './read-service';
import { parentPositions } from './save-service';

/*
 * Editing a saved plan (issue 14, docs/api/plans.md "Editing a saved plan"): its metadata, parent plan and targets,
 * its tasks (add, edit, cancel, delete while nothing was reported). The same people who save a plan edit it
 * (policy.ts canEditPlan: the issuer's procedure-control office, administrators). Optimistic: a stale version is a 409
 * and nothing is written; every write is audited in its transaction.
 */

type PlanRow = typeof plans.$inferSelect;
type TaskRow = typeof planTasks.$inferSelect;

/** The plan, once the actor may edit it: staff see 404 for an unknown plan, then 403 when not its issuer's office. */
async function loadEditablePlan(db: Executor, actor: Actor | null, planId: string): Promise<PlanRow> {
  if (!canReadPlans(actor)) throw forbidden();
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw notFound('kế hoạch');
  const issuer = await loadIssuer(db, plan.issuerUnitId);
  if (!issuer || !canEditPlan(actor, issuer.issuer, issuer.offices)) {
    throw forbidden('Chỉ bộ phận kiểm soát TTHC của đơn vị ban hành (hoặc quản trị viên) được sửa kế hoạch.');
  }
  return plan;
}

async function loadEditableTask(db: Executor, actor: Actor | null, taskId: string): Promise<{ task: TaskRow; plan: PlanRow }> {
  if (!canReadPlans(actor)) throw forbidden();
  const [task] = await db.select().from(planTasks).where(eq(planTasks.id, taskId));
  if (!task) throw notFound('nhiệm vụ');
  return { task, plan: await loadEditablePlan(db, actor, task.planId) };
}

/** The plan `parentPlanId` names exists, is not the plan itself and does not (through its own parents) implement it. */
async function checkParent(db: Executor, planId: string, parentPlanId: string): Promise<string | null> {
  if (parentPlanId === planId) return 'Kế hoạch không thể thực hiện chính nó.';
  const seen = new Set<string>();
  let current: string | null = parentPlanId;
  while (current) {
    if (current === planId) return 'Kế hoạch cấp trên đã chọn lại đang thực hiện kế hoạch này (vòng lặp).';
    if (seen.has(current)) break;
    seen.add(current);
    const [row]: { parentPlanId: string | null }[] = await db
      .select({ parentPlanId: plans.parentPlanId })
      .from(plans)
      .where(eq(plans.id, current));
    if (!row) return current === parentPlanId ? 'Không tìm thấy kế hoạch cấp trên.' : null;
    current = row.parentPlanId;
  }
  return null;
}

const cleanNullable = (value: string | null) => (value === null ? null : normalizeText(value) || null);

/** `PATCH /api/plans/{id}`: fields left out stay as they are; `targets`, when given, replace the plan's targets. */
export async function updatePlan(db: Database, actor: Actor | null, planId: string, input: PlanUpdateInput) {
  const calendar = await loadOccurrenceCalendar(db);
  await db.transaction(async (tx) => {
    const plan = await loadEditablePlan(tx, actor, planId);
    if (plan.version !== input.version) throw conflict();
    if (input.parentPlanId) {
      const problem = await checkParent(tx, planId, input.parentPlanId);
      if (problem) throw invalid([{ path: 'parentPlanId', message: problem }]);
    }
    const changes: Partial<PlanRow> = {};
    if (input.number !== undefined) changes.number = cleanNullable(input.number);
    if (input.date !== undefined) changes.issuedOn = input.date;
    if (input.title !== undefined) changes.title = normalizeText(input.title);
    if (input.implements !== undefined) changes.implements = input.implements.map(normalizeText);
    if (input.parentPlanId !== undefined) changes.parentPlanId = input.parentPlanId;
    if (input.signer !== undefined) changes.signer = cleanNullable(input.signer);
    const before = Object.fromEntries(Object.keys(changes).map((key) => [key, plan[key as keyof PlanRow]]));
    const [updated] = await tx
      .update(plans)
      .set({ ...changes, version: plan.version + 1 })
      .where(and(eq(plans.id, planId), eq(plans.version, input.version)))
      .returning({ id: plans.id });
    if (!updated) throw conflict();
    let targets: { before: number; after: number } | undefined;
    if (input.targets !== undefined) {
      const removed = await tx.delete(planTargets).where(eq(planTargets.planId, planId)).returning({ id: planTargets.id });
      if (input.targets.length) {
        await tx.insert(planTargets).values(
          input.targets.map((target, position) => ({
            planId,
            position,
            year: target.year,
            ref: normalizeText(target.ref),
            text: normalizeMultilineText(target.text),
            measures: target.measures,
          })),
        );
      }
      targets = { before: removed.length, after: input.targets.length };
    }
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'plan.update',
      entityType: 'plan',
      entityId: planId,
      data: { before, after: changes, ...(targets ? { targets } : {}) },
    });
    // The plan's date bounds its horizon: its occurrences follow in the same transaction.
    await refreshOccurrences(tx, { planIds: [planId] }, calendar);
  });
  return getPlan(db, actor, planId);
}

/** The event days the deadlines carry (a relative deadline's `eventDate`): not after today, not before the plan's date. */
function checkEventDates(deadlines: PlanTaskCreateInput['deadlines'], planDate: string | null, details: ErrorDetail[]) {
  for (const problem of eventDateProblems(deadlines, planDate, vietnamDate())) {
    details.push({ path: `deadlines.${problem.index}.eventDate`, message: problem.message });
  }
}

/** The units a task's input names, checked (a unit of the tree, no unit twice in one role). */
async function checkTaskUnits(db: Executor, input: Pick<PlanTaskUpdateInput, 'lead' | 'coordinating'>, details: ErrorDetail[]) {
  const ids = [...new Set([...(input.lead ?? []), ...(input.coordinating ?? [])].flatMap((unit) => (unit.unitId ? [unit.unitId] : [])))];
  const known = new Set(
    ids.length ? (await db.select({ id: units.id }).from(units).where(inArray(units.id, ids))).map((row) => row.id) : [],
  );
  for (const role of ['lead', 'coordinating'] as const) {
    const seen = new Set<string>();
    (input[role] ?? []).forEach((unit, index) => {
      if (unit.unitId && !known.has(unit.unitId))
        details.push({ path: `${role}.${index}.unitId`, message: 'Không tìm thấy đơn vị đã chọn.' });
      const key = unit.unitId ?? `name:${normalizeText(unit.name)}`;
      if (seen.has(key)) details.push({ path: `${role}.${index}`, message: 'Đơn vị này đã có trong danh sách.' });
      seen.add(key);
    });
  }
}

/** Sets the task's units of one role to `wanted`, keeping the rows (and their responsible person) of the units that stay. */
async function replaceTaskUnits(
  tx: Executor,
  taskId: string,
  role: 'lead' | 'coordinating',
  wanted: { name: string; unitId: string | null }[],
) {
  const existing = await tx
    .select()
    .from(planTaskUnits)
    .where(and(eq(planTaskUnits.taskId, taskId), eq(planTaskUnits.role, role)));
  const keyOf = (unit: { name: string; unitId: string | null }) => unit.unitId ?? `name:${normalizeText(unit.name)}`;
  const kept = new Set<string>();
  for (const [position, unit] of wanted.entries()) {
    const match = existing.find((row) => !kept.has(row.id) && keyOf({ name: row.nameAsWritten, unitId: row.unitId }) === keyOf(unit));
    if (match) {
      kept.add(match.id);
      await tx
        .update(planTaskUnits)
        .set({ position, nameAsWritten: normalizeText(unit.name) })
        .where(eq(planTaskUnits.id, match.id));
    } else {
      await tx.insert(planTaskUnits).values({ taskId, role, unitId: unit.unitId, nameAsWritten: normalizeText(unit.name), position });
    }
  }
  const removed = existing.filter((row) => !kept.has(row.id)).map((row) => row.id);
  if (removed.length) await tx.delete(planTaskUnits).where(inArray(planTaskUnits.id, removed));
  return { before: existing.map((row) => row.unitId ?? row.nameAsWritten), after: wanted.map((unit) => unit.unitId ?? unit.name) };
}

/** The tree of the plan again (a task's parent: the task before it whose reference is the longest prefix of its own). */
async function relinkParents(tx: Executor, planId: string) {
  const rows = await tx
    .select({ id: planTasks.id, ref: planTasks.ref, parentTaskId: planTasks.parentTaskId })
    .from(planTasks)
    .where(eq(planTasks.planId, planId))
    .orderBy(asc(planTasks.position));
  const parents = parentPositions(rows.map((row) => row.ref));
  for (const [index, row] of rows.entries()) {
    const parent = parents[index];
    const parentId = parent === null || parent === undefined ? null : rows[parent]!.id;
    if (parentId !== row.parentTaskId) await tx.update(planTasks).set({ parentTaskId: parentId }).where(eq(planTasks.id, row.id));
  }
}

async function refTaken(tx: Executor, planId: string, ref: string, exceptId?: string) {
  const rows = await tx.select({ id: planTasks.id, ref: planTasks.ref }).from(planTasks).where(eq(planTasks.planId, planId));
  return rows.some((row) => row.id !== exceptId && row.ref === ref);
}

/** The task as `GET /api/plans/{id}` shows it, for the actor. */
export async function taskView(db: Database, actor: Actor | null, taskId: string) {
  const [row] = await db
    .select({ task: planTasks, issuedOn: plans.issuedOn })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(eq(planTasks.id, taskId));
  const [view] = await buildTaskViews(db, actor, [row!.task], new Map([[row!.task.planId, row!.issuedOn]]));
  return view!;
}

/** `POST /api/plans/{id}/tasks`: the task goes after its parent's subtree (its reference's longest prefix), else last. */
export async function addTask(db: Database, actor: Actor | null, planId: string, input: PlanTaskCreateInput) {
  const calendar = await loadOccurrenceCalendar(db);
  const taskId = await db.transaction(async (tx) => {
    const plan = await loadEditablePlan(tx, actor, planId);
    const ref = normalizeText(input.ref);
    const details: ErrorDetail[] = [];
    checkEventDates(input.deadlines, plan.issuedOn, details);
    if (await refTaken(tx, planId, ref)) details.push({ path: 'ref', message: `Số thứ tự "${ref}" trùng với một nhiệm vụ của kế hoạch.` });
    await checkTaskUnits(tx, input, details);
    if (details.length) throw invalid(details, 'Chưa thêm được nhiệm vụ: còn lỗi cần sửa.');
    const rows = await tx
      .select({ id: planTasks.id, ref: planTasks.ref, position: planTasks.position })
      .from(planTasks)
      .where(eq(planTasks.planId, planId))
      .orderBy(asc(planTasks.position));
    const refs = [...rows.map((row) => row.ref), ref];
    const parent = parentPositions(refs).at(-1);
    let position = (rows.at(-1)?.position ?? -1) + 1;
    if (parent !== null && parent !== undefined) {
      // After the parent and every task below it (references starting with the parent's).
      const prefix = `${rows[parent]!.ref}.`;
      let last = parent;
      for (let index = parent + 1; index < rows.length && rows[index]!.ref.startsWith(prefix); index += 1) last = index;
      position = rows[last]!.position + 1;
      await tx
        .update(planTasks)
        .set({ position: sql`${planTasks.position} + 1` })
        .where(and(eq(planTasks.planId, planId), gte(planTasks.position, position)));
    }
    const [inserted] = await tx
      .insert(planTasks)
      .values({
        planId,
        position,
        ref,
        title: normalizeText(input.title),
        content: normalizeMultilineText(input.content),
        items: input.items.map(normalizeMultilineText),
        deliverables: input.deliverables.map(normalizeText),
        deadlines: readDeadlines(input.deadlines, [], plan.title),
      })
      .returning({ id: planTasks.id });
    const id = inserted!.id;
    await replaceTaskUnits(tx, id, 'lead', input.lead);
    await replaceTaskUnits(tx, id, 'coordinating', input.coordinating);
    await relinkParents(tx, planId);
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'plan.task.create',
      entityType: 'plan_task',
      entityId: id,
      data: { planId, ref, title: input.title, lead: input.lead, coordinating: input.coordinating },
    });
    await refreshOccurrences(tx, { taskIds: [id] }, calendar);
    return id;
  });
  return taskView(db, actor, taskId);
}

/** The status a restored task goes back to: the last report's, else not started. */
async function statusBeforeCancel(tx: Executor, taskId: string) {
  const [last] = await tx
    .select({ status: planTaskReports.statusAfter })
    .from(planTaskReports)
    .where(eq(planTaskReports.taskId, taskId))
    .orderBy(sql`${planTaskReports.createdAt} desc`)
    .limit(1);
  return last?.status ?? 'not_started';
}

/** `PATCH /api/plans/tasks/{id}`: fields left out stay; `lead`/`coordinating` replace that role's units; `cancelled` cancels or restores. */
export async function updateTask(db: Database, actor: Actor | null, taskId: string, input: PlanTaskUpdateInput) {
  const calendar = await loadOccurrenceCalendar(db);
  await db.transaction(async (tx) => {
    const { task, plan } = await loadEditableTask(tx, actor, taskId);
    if (task.version !== input.version) throw conflict();
    const details: ErrorDetail[] = [];
    if (input.deadlines) checkEventDates(input.deadlines, plan.issuedOn, details);
    const ref = input.ref === undefined ? undefined : normalizeText(input.ref);
    if (ref !== undefined && ref !== task.ref && (await refTaken(tx, task.planId, ref, task.id))) {
      details.push({ path: 'ref', message: `Số thứ tự "${ref}" trùng với một nhiệm vụ của kế hoạch.` });
    }
    await checkTaskUnits(tx, input, details);
    if (details.length) throw invalid(details, 'Chưa lưu được nhiệm vụ: còn lỗi cần sửa.');
    const changes: Partial<TaskRow> = {};
    if (ref !== undefined) changes.ref = ref;
    if (input.title !== undefined) changes.title = normalizeText(input.title);
    if (input.content !== undefined) changes.content = normalizeMultilineText(input.content);
    if (input.items !== undefined) changes.items = input.items.map(normalizeMultilineText);
    if (input.deliverables !== undefined) changes.deliverables = input.deliverables.map(normalizeText);
    if (input.deadlines !== undefined) changes.deadlines = readDeadlines(input.deadlines, task.deadlines, plan.title);
    if (input.cancelled === true && task.status !== 'cancelled') changes.status = 'cancelled';
    if (input.cancelled === false && task.status === 'cancelled') changes.status = await statusBeforeCancel(tx, task.id);
    const before = Object.fromEntries(Object.keys(changes).map((key) => [key, task[key as keyof TaskRow]]));
    const [updated] = await tx
      .update(planTasks)
      .set({ ...changes, version: task.version + 1, updatedAt: new Date() })
      .where(and(eq(planTasks.id, taskId), eq(planTasks.version, input.version)))
      .returning({ id: planTasks.id });
    if (!updated) throw conflict();
    const unitChanges: Record<string, unknown> = {};
    for (const role of ['lead', 'coordinating'] as const) {
      const wanted = input[role];
      if (wanted !== undefined) unitChanges[role] = await replaceTaskUnits(tx, taskId, role, wanted);
    }
    if (ref !== undefined && ref !== task.ref) await relinkParents(tx, task.planId);
    const action =
      changes.status === 'cancelled'
        ? 'plan.task.cancel'
        : input.cancelled === false && changes.status
          ? 'plan.task.restore'
          : 'plan.task.update';
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action,
      entityType: 'plan_task',
      entityId: taskId,
      data: { planId: task.planId, before, after: changes, units: unitChanges },
    });
    // New deadlines or lead units, a cancelled or restored task: its occurrences and overdue flag follow.
    await refreshOccurrences(tx, { taskIds: [taskId] }, calendar);
  });
  return taskView(db, actor, taskId);
}

/**
 * `DELETE /api/plans/tasks/{id}?version=`: a task entered by mistake goes away while nothing hangs on it; once it has
 * reports or comments, or tasks below it, it is cancelled instead (409 says so) so that its history stays.
 */
export async function deleteTask(db: Database, actor: Actor | null, taskId: string, version: number) {
  return db.transaction(async (tx) => {
    const { task } = await loadEditableTask(tx, actor, taskId);
    if (task.version !== version) throw conflict();
    const [reports] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(planTaskReports)
      .where(eq(planTaskReports.taskId, taskId));
    const [comments] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(planTaskComments)
      .where(eq(planTaskComments.taskId, taskId));
    const [children] = await tx.select({ count: sql<number>`count(*)::int` }).from(planTasks).where(eq(planTasks.parentTaskId, taskId));
    if (Number(reports!.count) + Number(comments!.count) > 0) {
      throw conflict('Nhiệm vụ đã có báo cáo hoặc ý kiến: không xóa được, hãy hủy nhiệm vụ để giữ lịch sử.');
    }
    if (Number(children!.count) > 0) throw conflict('Nhiệm vụ còn nhiệm vụ con: hãy xóa hoặc hủy các nhiệm vụ con trước.');
    await tx.delete(planTasks).where(eq(planTasks.id, taskId));
    await tx
      .update(planTasks)
      .set({ position: sql`${planTasks.position} - 1` })
      .where(and(eq(planTasks.planId, task.planId), gte(planTasks.position, task.position)));
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'plan.task.delete',
      entityType: 'plan_task',
      entityId: taskId,
      data: { planId: task.planId, ref: task.ref, title: task.title },
    });
    return { id: taskId, deleted: true as const };
  });
}
