import { eq, inArray } from 'drizzle-orm';
import type { PlanSaveInput } from '../../contract/plans';
import { type ErrorDetail, forbidden, invalid } from '../../core/errors';
import { eventDateProblems } from '../../core/plans/occurrences';
import { normalizeUnitName } from '../../core/plans/unit-matcher';
import { normalizeMultilineText, normalizeText } from '../../core/text';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import { plans, planTargets, planTasks, planTaskUnits } from '../../db/schema/plans';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { readDeadlines } from './deadline-input';
import { loadIssuer } from './issuer';
import { loadOccurrenceCalendar, refreshOccurrences } from './occurrences';
import { canEditPlan, canImportPlans } from './policy';
import { getPlan } from './read-service';

/** The parent of each task: the task before it whose reference is the longest dotted prefix of its own ("II.1" of "II.1.a"). */
export function parentPositions(refs: string[]): (number | null)[] {
  return refs.map((ref, index) => {
    let best: number | null = null;
    for (let other = 0; other < index; other += 1) {
      const candidate = refs[other]!;
      if (ref.startsWith(`${candidate}.`) && (best === null || candidate.length > refs[best]!.length)) best = other;
    }
    return best;
  });
}

/**
 * Saves a reviewed plan, all or nothing (one transaction with its audit event). Every unit name of the tasks must be
 * in `units`, mapped to a unit of the tree or explicitly left unmatched (null); every error is reported at once with
 * its path.
 */
export async function savePlan(db: Database, actor: Actor | null, input: PlanSaveInput) {
  // Only a procedure controller or an administrator edits any plan: the others learn nothing about the issuer.
  if (!canImportPlans(actor)) throw forbidden('Chỉ bộ phận kiểm soát TTHC và quản trị viên lưu kế hoạch.');
  const loaded = await loadIssuer(db, input.plan.issuerUnitId);
  if (loaded && !canEditPlan(actor, loaded.issuer, loaded.offices)) {
    throw forbidden('Chỉ bộ phận kiểm soát TTHC của đơn vị ban hành (hoặc quản trị viên) được lưu kế hoạch của đơn vị đó.');
  }
  const details: ErrorDetail[] = [];
  if (!loaded) details.push({ path: 'plan.issuerUnitId', message: 'Không tìm thấy đơn vị ban hành.' });
  if (input.plan.parentPlanId) {
    const [parent] = await db.select({ id: plans.id }).from(plans).where(eq(plans.id, input.plan.parentPlanId));
    if (!parent) details.push({ path: 'plan.parentPlanId', message: 'Không tìm thấy kế hoạch cấp trên.' });
  }
  const mapping = new Map<string, string | null>();
  input.units.forEach((entry, index) => {
    const key = normalizeUnitName(entry.name);
    if (mapping.has(key) && mapping.get(key) !== entry.unitId) {
      details.push({ path: `units.${index}.name`, message: `Tên đơn vị "${entry.name}" được ghép với hai đơn vị khác nhau.` });
    }
    mapping.set(key, entry.unitId);
  });
  const mappedIds = [...new Set(input.units.flatMap((entry) => (entry.unitId ? [entry.unitId] : [])))];
  const known = new Set(
    mappedIds.length ? (await db.select({ id: units.id }).from(units).where(inArray(units.id, mappedIds))).map((row) => row.id) : [],
  );
  input.units.forEach((entry, index) => {
    if (entry.unitId && !known.has(entry.unitId)) {
      details.push({ path: `units.${index}.unitId`, message: `Không tìm thấy đơn vị đã chọn cho "${entry.name}".` });
    }
  });
  const refs = new Set<string>();
  input.tasks.forEach((task, index) => {
    if (refs.has(task.ref)) details.push({ path: `tasks.${index}.ref`, message: `Số thứ tự "${task.ref}" trùng với một nhiệm vụ trước.` });
    refs.add(task.ref);
    for (const problem of eventDateProblems(task.deadlines, input.plan.date, vietnamDate())) {
      details.push({ path: `tasks.${index}.deadlines.${problem.index}.eventDate`, message: problem.message });
    }
    for (const role of ['lead', 'coordinating'] as const) {
      task[role].forEach((name, position) => {
        if (!mapping.has(normalizeUnitName(name))) {
          details.push({
            path: `tasks.${index}.${role}.${position}`,
            message: `Chưa chọn đơn vị cho "${name}" (chọn một đơn vị hoặc để "không ghép").`,
          });
        }
      });
    }
  });
  if (details.length) throw invalid(details, 'Kế hoạch chưa lưu được: còn lỗi cần sửa.');
  const calendar = await loadOccurrenceCalendar(db);
  const id = await db.transaction(async (tx) => {
    const planId = await writePlan(tx, actor!, input, mapping);
    await refreshOccurrences(tx, { planIds: [planId] }, calendar);
    return planId;
  });
  return getPlan(db, actor, id);
}

async function writePlan(tx: Executor, actor: Actor, input: PlanSaveInput, mapping: Map<string, string | null>) {
  const { plan } = input;
  const [row] = await tx
    .insert(plans)
    .values({
      number: plan.number ? normalizeText(plan.number) || null : null,
      issuerUnitId: plan.issuerUnitId,
      issuedOn: plan.date,
      title: normalizeText(plan.title),
      implements: plan.implements.map(normalizeText),
      parentPlanId: plan.parentPlanId,
      signer: plan.signer ? normalizeText(plan.signer) || null : null,
      sourceFileName: plan.sourceFileName ? normalizeText(plan.sourceFileName) || null : null,
      createdBy: actor.userId,
    })
    .returning({ id: plans.id });
  const planId = row!.id;
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
  const parents = parentPositions(input.tasks.map((task) => task.ref));
  const taskIds: string[] = [];
  for (const [position, task] of input.tasks.entries()) {
    const parent = parents[position];
    const [inserted] = await tx
      .insert(planTasks)
      .values({
        planId,
        parentTaskId: parent === null || parent === undefined ? null : taskIds[parent]!,
        position,
        ref: normalizeText(task.ref),
        title: normalizeText(task.title),
        content: normalizeMultilineText(task.content),
        items: task.items.map(normalizeMultilineText),
        deliverables: task.deliverables.map(normalizeText),
        deadlines: readDeadlines(task.deadlines, [], plan.title),
      })
      .returning({ id: planTasks.id });
    taskIds.push(inserted!.id);
  }
  const unitRows = input.tasks.flatMap((task, index) =>
    (['lead', 'coordinating'] as const).flatMap((role) =>
      task[role].map((name, position) => ({
        taskId: taskIds[index]!,
        unitId: mapping.get(normalizeUnitName(name)) ?? null,
        role,
        nameAsWritten: normalizeText(name),
        position,
      })),
    ),
  );
  if (unitRows.length) await tx.insert(planTaskUnits).values(unitRows);
  await recordAuditEvent(tx, {
    actorId: actor.userId,
    action: 'plan.create',
    entityType: 'plan',
    entityId: planId,
    data: {
      number: plan.number,
      issuerUnitId: plan.issuerUnitId,
      title: plan.title,
      tasks: input.tasks.length,
      targets: input.targets.length,
      unmatchedNames: input.units.filter((entry) => entry.unitId === null).map((entry) => entry.name),
    },
  });
  return planId;
}
