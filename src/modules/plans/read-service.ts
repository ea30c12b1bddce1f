import { and, asc, desc, eq, inArray, isNotNull, like, or, sql } from 'drizzle-orm';
import type { PlanDetail, PlanTaskListItem, PlanTaskStatus, PlanTaskView, PlanUnitRole } from '../../contract/plans';
import { forbidden, notFound } from '../../core/errors';
import { nextDueOfTask } from '../../core/plans';
import { deadlineDue } from '../../core/plans/next-due';
import { isEventDated } from '../../core/plans/occurrences';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import { plans, planTargets, planTaskReports, planTasks, planTaskUnits } from '../../db/schema/plans';
import { type Actor, findUserNames, hasRole } from '../auth';
import { loadReportFiles } from './evidence-service';
import { loadIssuer } from './issuer';
import { loadOccurrenceCalendar } from './occurrences';
import { canEditPlan, canReadPlans, canRecordDeadlineEvent, canReportOnTask } from './policy';
import { movedFromView, reportDetails, responsibleView, unitNames } from './task-view-extras';

type TaskRow = typeof planTasks.$inferSelect;

const isInWorkingDays = (deadline: TaskRow['deadlines'][number]) => deadline.kind === 'relative' && deadline.unit === 'working_days';

/** Task views (units, reports, next due date, whether the actor may report) of the given task rows. */
export async function buildTaskViews(db: Database, actor: Actor | null, rows: TaskRow[], planDates: Map<string, string | null>) {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const unitRows = await db
    .select({
      taskId: planTaskUnits.taskId,
      taskUnitId: planTaskUnits.id,
      responsibleUserId: planTaskUnits.responsibleUserId,
      responsibleVersion: planTaskUnits.responsibleVersion,
      movedFromUnitId: planTaskUnits.movedFromUnitId,
      role: planTaskUnits.role,
      name: planTaskUnits.nameAsWritten,
      unitId: planTaskUnits.unitId,
      unitName: units.name,
      unitPath: units.path,
    })
    .from(planTaskUnits)
    .leftJoin(units, eq(units.id, planTaskUnits.unitId))
    .where(inArray(planTaskUnits.taskId, ids))
    .orderBy(asc(planTaskUnits.role), asc(planTaskUnits.position));
  const reportRows = await db
    .select({
      report: planTaskReports,
      unitName: units.name,
    })
    .from(planTaskReports)
    .leftJoin(units, eq(units.id, planTaskReports.unitId))
    .where(inArray(planTaskReports.taskId, ids))
    .orderBy(desc(planTaskReports.createdAt), desc(planTaskReports.id));
  const authorNames = await findUserNames(db, [
    ...reportRows.map((row) => row.report.authorId),
    ...unitRows.flatMap((unit) => (unit.responsibleUserId ? [unit.responsibleUserId] : [])),
  ]);
  const reportFiles = await loadReportFiles(
    db,
    reportRows.map((row) => row.report.id),
  );
  const movedFromNames = await unitNames(db, unitRows);
  const today = vietnamDate();
  // Working days after the plan's issue count on the work calendar, as their stored occurrence and the calendar view.
  const calendar = rows.some((row) => row.deadlines.some(isInWorkingDays)) ? await loadOccurrenceCalendar(db) : undefined;
  const officePlans = await plansWhoseOfficeIs(
    db,
    actor,
    rows.filter((row) => row.deadlines.some(isEventDated)).map((row) => row.planId),
  );
  const depthOf = new Map<string, number>();
  const parentOf = new Map(rows.map((row) => [row.id, row.parentTaskId]));
  const depth = (id: string): number => {
    const known = depthOf.get(id);
    if (known !== undefined) return known;
    const parent = parentOf.get(id);
    const value = parent && parentOf.has(parent) ? depth(parent) + 1 : 0;
    depthOf.set(id, value);
    return value;
  };
  return rows.map((row): PlanTaskView => {
    const taskUnits = unitRows.filter((unit) => unit.taskId === row.id);
    const leadUnits = taskUnits.flatMap((unit) => (unit.role === 'lead' && unit.unitPath ? [{ path: unit.unitPath }] : []));
    const planDate = planDates.get(row.planId) ?? null;
    return {
      id: row.id,
      planId: row.planId,
      parentTaskId: row.parentTaskId,
      depth: depth(row.id),
      ref: row.ref,
      title: row.title,
      content: row.content,
      items: row.items,
      deliverables: row.deliverables,
      deadlines: row.deadlines,
      nextDue: nextDueOfTask(row.deadlines, today, planDate, calendar),
      deadlineDues: row.deadlines.map((deadline) => deadlineDue(deadline, today, planDate, calendar)),
      status: row.status,
      version: row.version,
      units: taskUnits.map((unit) => ({
        role: unit.role,
        name: unit.name,
        unit: unit.unitId && unit.unitName ? { id: unit.unitId, name: unit.unitName } : null,
        ...responsibleView(actor, unit, authorNames),
        movedFrom: movedFromView(unit, movedFromNames),
      })),
      reports: reportRows
        .filter((report) => report.report.taskId === row.id)
        .map(({ report, unitName }) => ({
          id: report.id,
          unit: report.unitId && unitName ? { id: report.unitId, name: unitName } : null,
          author: { id: report.authorId, fullName: authorNames.get(report.authorId) ?? '' },
          text: report.text,
          statusAfter: report.statusAfter,
          ...reportDetails(report, reportFiles),
          createdAt: report.createdAt.toISOString(),
        })),
      canReport: row.status !== 'cancelled' && canReportOnTask(actor, leadUnits),
      canRecordEvent: row.deadlines.some(isEventDated) && canRecordDeadlineEvent(actor, leadUnits, officePlans.has(row.planId)),
    };
  });
}

/** Of the given plans, those whose issuer's office the actor is (canEditPlan). */
async function plansWhoseOfficeIs(db: Database, actor: Actor | null, planIds: string[]): Promise<Set<string>> {
  const ids = [...new Set(planIds)];
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: plans.id, issuerUnitId: plans.issuerUnitId }).from(plans).where(inArray(plans.id, ids));
  const found = new Set<string>();
  for (const row of rows) {
    const issuer = await loadIssuer(db, row.issuerUnitId);
    if (issuer && canEditPlan(actor, issuer.issuer, issuer.offices)) found.add(row.id);
  }
  return found;
}

const summarySelection = {
  plan: plans,
  issuerName: units.name,
  taskCount: sql<number>`(select count(*)::int from ${planTasks} where ${planTasks.planId} = ${plans.id})`,
  doneCount: sql<number>`(select count(*)::int from ${planTasks} where ${planTasks.planId} = ${plans.id} and ${planTasks.status} = 'done')`,
};

function toSummary(row: { plan: typeof plans.$inferSelect; issuerName: string; taskCount: number; doneCount: number }) {
  const { plan } = row;
  return {
    id: plan.id,
    number: plan.number,
    issuer: { id: plan.issuerUnitId, name: row.issuerName },
    date: plan.issuedOn,
    title: plan.title,
    parentPlanId: plan.parentPlanId,
    taskCount: Number(row.taskCount),
    doneCount: Number(row.doneCount),
    version: plan.version,
    createdAt: plan.createdAt.toISOString(),
  };
}

export async function listPlans(db: Executor, actor: Actor | null) {
  if (!canReadPlans(actor)) throw forbidden();
  const rows = await db
    .select(summarySelection)
    .from(plans)
    .innerJoin(units, eq(units.id, plans.issuerUnitId))
    .orderBy(desc(plans.issuedOn), desc(plans.createdAt));
  return { items: rows.map(toSummary) };
}

export async function getPlan(db: Database, actor: Actor | null, id: string): Promise<PlanDetail> {
  if (!canReadPlans(actor)) throw forbidden();
  const [row] = await db.select(summarySelection).from(plans).innerJoin(units, eq(units.id, plans.issuerUnitId)).where(eq(plans.id, id));
  if (!row) throw notFound('kế hoạch');
  const { plan } = row;
  const [parent] = plan.parentPlanId
    ? await db.select({ id: plans.id, number: plans.number, title: plans.title }).from(plans).where(eq(plans.id, plan.parentPlanId))
    : [];
  const targets = await db.select().from(planTargets).where(eq(planTargets.planId, id)).orderBy(asc(planTargets.position));
  const taskRows = await db.select().from(planTasks).where(eq(planTasks.planId, id)).orderBy(asc(planTasks.position));
  const issuer = await loadIssuer(db, plan.issuerUnitId);
  const children = await db
    .select({ id: plans.id, number: plans.number, title: plans.title, date: plans.issuedOn, issuerId: units.id, issuerName: units.name })
    .from(plans)
    .innerJoin(units, eq(units.id, plans.issuerUnitId))
    .where(eq(plans.parentPlanId, id))
    .orderBy(asc(plans.issuedOn), asc(plans.createdAt));
  return {
    ...toSummary(row),
    implements: plan.implements,
    signer: plan.signer,
    sourceFileName: plan.sourceFileName,
    parentPlan: parent ?? null,
    children: children.map(({ issuerId, issuerName, ...child }) => ({ ...child, issuer: { id: issuerId, name: issuerName } })),
    targets: targets.map((target) => ({ year: target.year, ref: target.ref, text: target.text, measures: target.measures })),
    tasks: await buildTaskViews(db, actor, taskRows, new Map([[plan.id, plan.issuedOn]])),
    canEdit: !!issuer && canEditPlan(actor, issuer.issuer, issuer.offices),
  };
}

/**
 * A unit's tasks (where it leads or coordinates) by next due date, those without one last. Without `unit`: the
 * units of the actor's roles (every task naming a unit, for an administrator).
 */
export async function listUnitTasks(
  db: Database,
  actor: Actor | null,
  query: { unit?: string; status?: PlanTaskStatus; due_before?: string },
): Promise<{ items: PlanTaskListItem[] }> {
  if (!canReadPlans(actor)) throw forbidden();
  // A unit's tasks are those of its subtree too: a department's plan gives them to its own divisions.
  const paths = query.unit
    ? (await db.select({ path: units.path }).from(units).where(eq(units.id, query.unit))).map((row) => row.path)
    : actor!.roles.flatMap((held) => (held.unitPath ? [held.unitPath] : []));
  const isEveryUnit = !query.unit && hasRole(actor, 'admin');
  if (!isEveryUnit && paths.length === 0) return { items: [] };
  const links = await db
    .select({ taskId: planTaskUnits.taskId, role: planTaskUnits.role })
    .from(planTaskUnits)
    .innerJoin(units, eq(units.id, planTaskUnits.unitId))
    .where(isEveryUnit ? isNotNull(planTaskUnits.unitId) : or(...paths.map((path) => like(units.path, `${path}%`))));
  const rolesOf = new Map<string, Set<PlanUnitRole>>();
  for (const link of links) rolesOf.set(link.taskId, (rolesOf.get(link.taskId) ?? new Set()).add(link.role));
  const taskIds = [...rolesOf.keys()];
  if (taskIds.length === 0) return { items: [] };
  const filters = [inArray(planTasks.id, taskIds)];
  if (query.status) filters.push(eq(planTasks.status, query.status));
  const rows = await db
    .select({ task: planTasks, plan: { id: plans.id, number: plans.number, title: plans.title, issuedOn: plans.issuedOn } })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(and(...filters));
  const planOf = new Map(rows.map((row) => [row.plan.id, row.plan]));
  const views = await buildTaskViews(
    db,
    actor,
    rows.map((row) => row.task),
    new Map(rows.map((row) => [row.plan.id, row.plan.issuedOn])),
  );
  const items = views
    .filter((view) => !query.due_before || (view.nextDue !== null && view.nextDue <= query.due_before))
    .map((view) => {
      const plan = planOf.get(view.planId)!;
      return { ...view, plan: { id: plan.id, number: plan.number, title: plan.title }, roles: [...rolesOf.get(view.id)!].sort() };
    })
    .sort((a, b) => (a.nextDue ?? '9999').localeCompare(b.nextDue ?? '9999') || a.ref.localeCompare(b.ref, 'vi'));
  return { items };
}
