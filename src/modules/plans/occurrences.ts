import { and, eq, inArray } from 'drizzle-orm';
import type { PlanDeadline, PlanTaskStatus } from '../../contract/plans';
import type { PlanOccurrenceState } from '../../contract/plans-occurrences';
import type { WorkCalendar } from '../../core/calendar';
import { deadlineOccurrences, isEventDated, isRecurring, matchReports, type PlanHorizon, planHorizon } from '../../core/plans/occurrences';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { plans, planTargets, planTaskReports, planTasks, planTaskUnits } from '../../db/schema/plans';
import { planOccurrences } from '../../db/schema/plans-occurrences';
import { recordAuditEvent } from '../audit';
import { getWorkCalendar } from '../calendar';

/*
 * The stored occurrences of the plans' deadlines (table plan_occurrences, docs/api/plans.md "Occurrences, reminders,
 * overdue"): for each lead unit of a task (mapped to a unit), every due day of its deadlines in the plan's horizon
 * (src/core/plans/occurrences.ts), with the report that met it and its state. Written when a plan is saved or a task
 * reported on (in that transaction), refreshed by the job plans-sweep. The task's status follows: "overdue" while
 * one of its lead units has an occurrence past due without a report (unless done or cancelled), back to in progress
 * (or not started, without any report) once none is. The flag does not change the task's version: a report form
 * opened before the sweep still saves.
 */

export type OccurrenceScope = { planIds: string[] } | { taskIds: string[] };

type Desired = {
  taskUnitId: string;
  deadlineIndex: number;
  dueOn: string;
  periodFrom: string;
  state: PlanOccurrenceState;
  reportId: string | null;
};
const keyOf = (row: { taskUnitId: string; deadlineIndex: number; dueOn: string }) => `${row.taskUnitId}|${row.deadlineIndex}|${row.dueOn}`;

/** The work calendar the occurrences count working days on (load it before a transaction: PGlite has one connection). */
export function loadOccurrenceCalendar(db: Database): Promise<WorkCalendar> {
  return getWorkCalendar(db);
}

type TaskRow = { id: string; planId: string; deadlines: PlanDeadline[]; status: PlanTaskStatus };
type LeadRow = { id: string; taskId: string; unitId: string | null };
type ReportRow = {
  id: string;
  taskId: string;
  unitId: string | null;
  statusAfter: PlanTaskStatus;
  periodTo: string | null;
  createdAt: Date;
};
type PlanFrame = { horizon: PlanHorizon; date: string | null };

/** Regenerates the occurrences of the tasks in scope, matches the reports, sets the states and the tasks' overdue flag. */
export async function refreshOccurrences(executor: Executor, scope: OccurrenceScope, calendar: WorkCalendar, now = new Date()) {
  const taskRows = await executor
    .select({ id: planTasks.id, planId: planTasks.planId, deadlines: planTasks.deadlines, status: planTasks.status })
    .from(planTasks)
    .where('planIds' in scope ? inArray(planTasks.planId, scope.planIds) : inArray(planTasks.id, scope.taskIds));
  if (taskRows.length === 0) return { changedTasks: 0 };
  const frames = await loadPlanFrames(executor, [...new Set(taskRows.map((task) => task.planId))]);
  const taskIds = taskRows.map((task) => task.id);
  const leads = await executor
    .select({ id: planTaskUnits.id, taskId: planTaskUnits.taskId, unitId: planTaskUnits.unitId })
    .from(planTaskUnits)
    .where(and(inArray(planTaskUnits.taskId, taskIds), eq(planTaskUnits.role, 'lead')));
  const reports = await executor
    .select({
      id: planTaskReports.id,
      taskId: planTaskReports.taskId,
      unitId: planTaskReports.unitId,
      statusAfter: planTaskReports.statusAfter,
      periodTo: planTaskReports.periodTo,
      createdAt: planTaskReports.createdAt,
    })
    .from(planTaskReports)
    .where(inArray(planTaskReports.taskId, taskIds));
  const desired = taskRows.flatMap((task) => desiredOfTask(task, frames.get(task.planId)!, leads, reports, calendar, vietnamDate(now)));
  await writeOccurrences(
    executor,
    leads.map((lead) => lead.id),
    desired,
    now,
    awaitingEvent(taskRows, leads),
  );
  return { changedTasks: await flagTasks(executor, taskRows, desired, leads, reports, now) };
}

/** Each plan's horizon (it reads every deadline and target of the plan, not only the tasks in scope) and date. */
async function loadPlanFrames(executor: Executor, planIds: string[]): Promise<Map<string, PlanFrame>> {
  const planRows = await executor
    .select({ id: plans.id, issuedOn: plans.issuedOn, createdAt: plans.createdAt, title: plans.title })
    .from(plans)
    .where(inArray(plans.id, planIds));
  const planDeadlines = await executor
    .select({ planId: planTasks.planId, deadlines: planTasks.deadlines })
    .from(planTasks)
    .where(inArray(planTasks.planId, planIds));
  const targetRows = await executor
    .select({ planId: planTargets.planId, year: planTargets.year })
    .from(planTargets)
    .where(inArray(planTargets.planId, planIds));
  return new Map(
    planRows.map((plan) => [
      plan.id,
      {
        date: plan.issuedOn,
        horizon: planHorizon({
          issuedOn: plan.issuedOn,
          savedOn: vietnamDate(plan.createdAt),
          title: plan.title,
          deadlines: planDeadlines.filter((row) => row.planId === plan.id).flatMap((row) => row.deadlines),
          targetYears: targetRows.filter((row) => row.planId === plan.id).map((row) => row.year),
        }),
      },
    ]),
  );
}

/** The occurrences of one task for each of its lead units mapped to a unit, with the reports that met them. */
function desiredOfTask(task: TaskRow, frame: PlanFrame, leads: LeadRow[], reports: ReportRow[], calendar: WorkCalendar, today: string) {
  const desired: Desired[] = [];
  const isClosed = task.status === 'done' || task.status === 'cancelled';
  for (const lead of leads.filter((row) => row.taskId === task.id && row.unitId)) {
    const own = reports.filter((report) => report.taskId === task.id && report.unitId === lead.unitId);
    task.deadlines.forEach((deadline, deadlineIndex) => {
      const occurrences = deadlineOccurrences(deadline, frame.horizon, frame.date, calendar);
      // A recurring deadline is met by any report, dated by the period it covers; a completion deadline by the
      // report that marked the task done, dated by the day it was made.
      const isPeriodic = isRecurring(deadline);
      const counted = isPeriodic ? own : own.filter((report) => report.statusAfter === 'done');
      const matched = matchReports(
        occurrences,
        counted.map((report) => (isPeriodic && report.periodTo) || vietnamDate(report.createdAt)),
      );
      occurrences.forEach((occurrence, position) => {
        const report = matched[position] === null ? null : counted[matched[position]!]!;
        const state: PlanOccurrenceState = report ? 'reported' : occurrence.dueOn < today && !isClosed ? 'overdue' : 'pending';
        desired.push({ taskUnitId: lead.id, deadlineIndex, ...occurrence, state, reportId: report?.id ?? null });
      });
    });
  }
  return desired;
}

/**
 * The deadlines (`taskUnitId|deadlineIndex`) counted from an event whose day is not (or no longer) recorded: a met
 * occurrence of theirs stays with its report when the day is cleared; an unmet one goes.
 */
function awaitingEvent(taskRows: TaskRow[], leads: LeadRow[]): Set<string> {
  const keys = new Set<string>();
  for (const task of taskRows) {
    task.deadlines.forEach((deadline, index) => {
      if (!isEventDated(deadline) || deadline.eventDate) return;
      for (const lead of leads) if (lead.taskId === task.id) keys.add(`${lead.id}|${index}`);
    });
  }
  return keys;
}

async function writeOccurrences(executor: Executor, taskUnitIds: string[], desired: Desired[], now: Date, awaiting: Set<string>) {
  const existing = taskUnitIds.length
    ? await executor.select().from(planOccurrences).where(inArray(planOccurrences.taskUnitId, taskUnitIds))
    : [];
  const wanted = new Map(desired.map((row) => [keyOf(row), row]));
  const isKept = (row: (typeof existing)[number]) =>
    row.state === 'reported' && row.reportId !== null && awaiting.has(`${row.taskUnitId}|${row.deadlineIndex}`);
  const stale = existing.filter((row) => !wanted.has(keyOf(row)) && !isKept(row)).map((row) => row.id);
  if (stale.length) await executor.delete(planOccurrences).where(inArray(planOccurrences.id, stale));
  const byKey = new Map(existing.map((row) => [keyOf(row), row]));
  const fresh = desired.filter((row) => !byKey.has(keyOf(row)));
  for (let start = 0; start < fresh.length; start += 500) {
    await executor
      .insert(planOccurrences)
      .values(fresh.slice(start, start + 500).map((row) => ({ ...row, updatedAt: now })))
      .onConflictDoNothing();
  }
  for (const row of desired) {
    const stored = byKey.get(keyOf(row));
    if (!stored || (stored.state === row.state && stored.reportId === row.reportId && stored.periodFrom === row.periodFrom)) continue;
    await executor
      .update(planOccurrences)
      .set({ state: row.state, reportId: row.reportId, periodFrom: row.periodFrom, updatedAt: now })
      .where(eq(planOccurrences.id, stored.id));
  }
}

async function flagTasks(
  executor: Executor,
  taskRows: TaskRow[],
  desired: Desired[],
  leads: LeadRow[],
  reports: ReportRow[],
  now: Date,
): Promise<number> {
  const overdueUnits = new Set(desired.filter((row) => row.state === 'overdue').map((row) => row.taskUnitId));
  let changed = 0;
  for (const task of taskRows) {
    if (task.status === 'done' || task.status === 'cancelled') continue;
    const isOverdue = leads.some((lead) => lead.taskId === task.id && overdueUnits.has(lead.id));
    const next = flaggedStatus(
      task.status,
      isOverdue,
      reports.some((report) => report.taskId === task.id),
    );
    if (next === task.status) continue;
    // Guarded by the status read: of two workers, one changes it and records the event.
    const updated = await executor
      .update(planTasks)
      .set({ status: next, updatedAt: now })
      .where(and(eq(planTasks.id, task.id), eq(planTasks.status, task.status)))
      .returning({ id: planTasks.id });
    if (updated.length === 0) continue;
    changed += 1;
    await recordAuditEvent(executor, {
      actorId: null,
      action: isOverdue ? 'plan.task.overdue' : 'plan.task.overdue_cleared',
      entityType: 'plan_task',
      entityId: task.id,
      data: { statusBefore: task.status, statusAfter: next },
    });
  }
  return changed;
}

/** Overdue while an occurrence is; once none is, back to in progress (or not started, without any report). */
function flaggedStatus(status: PlanTaskStatus, isOverdue: boolean, hasReports: boolean): PlanTaskStatus {
  if (isOverdue) return 'overdue';
  if (status !== 'overdue') return status;
  return hasReports ? 'in_progress' : 'not_started';
}
