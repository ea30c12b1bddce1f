import { and, asc, eq, gte, inArray, isNotNull, like, lt, lte, ne, type SQL } from 'drizzle-orm';
import type { PlanOccurrence, PlanOccurrenceState } from '../../contract/plans-occurrences';
import { forbidden } from '../../core/errors';
import { vietnamDate } from '../../core/vietnam-time';
import type { Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import { plans, planTaskReports, planTasks, planTaskUnits } from '../../db/schema/plans';
import { planOccurrences } from '../../db/schema/plans-occurrences';
import { type Actor, findUserNames } from '../auth';
import { getUnitById } from '../org';
import { canReadPlans } from './policy';

/*
 * What falls due and what is late (docs/api/plans.md "Occurrences, reminders, overdue"): the overdue occurrences of a
 * unit's subtree, the month's calendar, the roll-up of the tasks by lead unit. Staff read them all (policy.ts). A
 * state is given as of today: an occurrence past due without a report is overdue even before the sweep flags it.
 */

const DAY_MS = 86_400_000;

async function subtreeFilter(db: Executor, unitId: string | undefined): Promise<SQL | undefined> {
  if (!unitId) return undefined;
  const unit = await getUnitById(db, unitId);
  return like(units.path, `${unit.path}%`);
}

async function listOccurrences(db: Executor, today: string, filters: (SQL | undefined)[]): Promise<PlanOccurrence[]> {
  const rows = await db
    .select({
      occurrence: planOccurrences,
      unit: { id: units.id, name: units.name },
      responsibleUserId: planTaskUnits.responsibleUserId,
      task: { id: planTasks.id, ref: planTasks.ref, title: planTasks.title, status: planTasks.status, deadlines: planTasks.deadlines },
      plan: { id: plans.id, number: plans.number, title: plans.title },
    })
    .from(planOccurrences)
    .innerJoin(planTaskUnits, eq(planTaskUnits.id, planOccurrences.taskUnitId))
    .innerJoin(units, eq(units.id, planTaskUnits.unitId))
    .innerJoin(planTasks, eq(planTasks.id, planTaskUnits.taskId))
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(and(ne(planTasks.status, 'cancelled'), ...filters))
    .orderBy(asc(planOccurrences.dueOn), asc(plans.title), asc(planTasks.position), asc(units.name));
  const names = await findUserNames(
    db,
    rows.flatMap((row) => (row.responsibleUserId ? [row.responsibleUserId] : [])),
  );
  return rows.map(({ occurrence, unit, responsibleUserId, task, plan }) => {
    const deadline = task.deadlines[occurrence.deadlineIndex];
    const isLate = occurrence.state !== 'reported' && occurrence.dueOn < today && task.status !== 'done';
    const state: PlanOccurrenceState = isLate ? 'overdue' : occurrence.state === 'overdue' ? 'pending' : occurrence.state;
    return {
      id: occurrence.id,
      dueOn: occurrence.dueOn,
      periodFrom: occurrence.periodFrom,
      state,
      daysOverdue: isLate ? Math.round((Date.parse(today) - Date.parse(occurrence.dueOn)) / DAY_MS) : 0,
      deadline: { kind: deadline?.kind ?? 'text', text: deadline?.text ?? '' },
      reportId: occurrence.reportId,
      unit,
      responsible: responsibleUserId ? { id: responsibleUserId, fullName: names.get(responsibleUserId) ?? '' } : null,
      task: { id: task.id, ref: task.ref, title: task.title, status: task.status },
      plan,
    };
  });
}

/** The occurrences past due without a report in the unit's subtree (the whole province without one), oldest first. */
export async function listOverdueOccurrences(db: Executor, actor: Actor | null, query: { unit?: string }, now = new Date()) {
  if (!canReadPlans(actor)) throw forbidden();
  const today = vietnamDate(now);
  const items = await listOccurrences(db, today, [
    await subtreeFilter(db, query.unit),
    ne(planOccurrences.state, 'reported'),
    lt(planOccurrences.dueOn, today),
    ne(planTasks.status, 'done'),
  ]);
  return { today, items };
}

/** What falls due in the month (YYYY-MM), by day, in the unit's subtree (the whole province without one). */
export async function getPlanCalendar(db: Executor, actor: Actor | null, query: { month: string; unit?: string }, now = new Date()) {
  if (!canReadPlans(actor)) throw forbidden();
  const today = vietnamDate(now);
  const [year, month] = query.month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const items = await listOccurrences(db, today, [
    await subtreeFilter(db, query.unit),
    gte(planOccurrences.dueOn, `${query.month}-01`),
    lte(planOccurrences.dueOn, `${query.month}-${String(last).padStart(2, '0')}`),
  ]);
  const days = new Map<string, PlanOccurrence[]>();
  for (const item of items) days.set(item.dueOn, [...(days.get(item.dueOn) ?? []), item]);
  return { month: query.month, today, days: [...days].map(([date, dayItems]) => ({ date, items: dayItems })) };
}

type Counts = { total: number; done: number; inProgress: number; overdue: number; notStarted: number; cancelled: number };
const zero = (): Counts => ({ total: 0, done: 0, inProgress: 0, overdue: 0, notStarted: 0, cancelled: 0 });

/**
 * Per lead unit (in the unit's subtree; the whole province without one; one plan's tasks with `plan`): its tasks by
 * state — done; overdue (not done, one of its occurrences past due without a report); in progress (the task is, or
 * the unit reported on it); not started. Cancelled tasks are counted apart, outside the total.
 */
export async function getPlanRollup(db: Executor, actor: Actor | null, query: { unit?: string; plan?: string }, now = new Date()) {
  if (!canReadPlans(actor)) throw forbidden();
  const today = vietnamDate(now);
  const filters = [eq(planTaskUnits.role, 'lead'), isNotNull(planTaskUnits.unitId), await subtreeFilter(db, query.unit)];
  if (query.plan) filters.push(eq(planTasks.planId, query.plan));
  const links = await db
    .select({ taskUnitId: planTaskUnits.id, taskId: planTasks.id, status: planTasks.status, unitId: units.id, unitName: units.name })
    .from(planTaskUnits)
    .innerJoin(planTasks, eq(planTasks.id, planTaskUnits.taskId))
    .innerJoin(units, eq(units.id, planTaskUnits.unitId))
    .where(and(...filters));
  const taskUnitIds = links.map((link) => link.taskUnitId);
  const late = taskUnitIds.length
    ? await db
        .selectDistinct({ taskUnitId: planOccurrences.taskUnitId })
        .from(planOccurrences)
        .where(
          and(inArray(planOccurrences.taskUnitId, taskUnitIds), ne(planOccurrences.state, 'reported'), lt(planOccurrences.dueOn, today)),
        )
    : [];
  const lateUnits = new Set(late.map((row) => row.taskUnitId));
  const taskIds = [...new Set(links.map((link) => link.taskId))];
  const reported = taskIds.length
    ? await db
        .selectDistinct({ taskId: planTaskReports.taskId, unitId: planTaskReports.unitId })
        .from(planTaskReports)
        .where(inArray(planTaskReports.taskId, taskIds))
    : [];
  const hasReported = new Set(reported.map((row) => `${row.taskId}|${row.unitId}`));
  const byUnit = new Map<string, { unit: { id: string; name: string }; counts: Counts; tasks: Set<string> }>();
  const totals = zero();
  for (const link of links) {
    const entry = byUnit.get(link.unitId) ?? { unit: { id: link.unitId, name: link.unitName }, counts: zero(), tasks: new Set<string>() };
    byUnit.set(link.unitId, entry);
    if (entry.tasks.has(link.taskId)) continue; // a unit named twice as lead of one task counts it once
    entry.tasks.add(link.taskId);
    const bucket = classify(link.status, lateUnits.has(link.taskUnitId), hasReported.has(`${link.taskId}|${link.unitId}`));
    for (const counts of [entry.counts, totals]) {
      counts[bucket] += 1;
      if (bucket !== 'cancelled') counts.total += 1;
    }
  }
  const rows = [...byUnit.values()]
    .map(({ unit, counts }) => ({ unit, ...counts }))
    .sort((a, b) => b.overdue - a.overdue || a.unit.name.localeCompare(b.unit.name, 'vi'));
  return { today, rows, totals };
}

function classify(status: string, isLate: boolean, hasReported: boolean): Exclude<keyof Counts, 'total'> {
  if (status === 'cancelled') return 'cancelled';
  if (status === 'done') return 'done';
  if (isLate) return 'overdue';
  if (status === 'in_progress' || status === 'overdue' || hasReported) return 'inProgress';
  return 'notStarted';
}
