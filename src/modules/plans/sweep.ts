import { and, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import type { Role } from '../../contract/enums';
import type { PlanDeadline } from '../../contract/plans';
import type { WorkCalendar } from '../../core/calendar';
import { addDays, workingDaysBefore } from '../../core/plans/occurrences';
import { formatVietnameseDate, vietnamDate } from '../../core/vietnam-time';
import type { Database } from '../../db/client';
import { units } from '../../db/schema/org';
import { plans, planTasks, planTaskUnits } from '../../db/schema/plans';
import { planOccurrences } from '../../db/schema/plans-occurrences';
import { settings } from '../../db/schema/settings';
import { findStaffEmails, findUserEmail, staffRoles } from '../auth';
import { enqueueNotification, type OutboxMessage } from '../notify';
import { moveTasksOfMergedUnits } from './merge';
import { loadOccurrenceCalendar, refreshOccurrences } from './occurrences';

/*
 * The job plans-sweep (src/jobs/registry.ts; docs/api/plans.md "Occurrences, reminders, overdue"): refreshes every
 * plan's occurrences (one transaction a plan), then e-mails, through the notify outbox, a reminder N working days
 * before each occurrence not yet reported (setting plans.reminderWorkingDays, default 3, counted on the work calendar:
 * holidays skipped) and an overdue notice from the day after its due day, to the person responsible for the task in
 * the unit, or else the unit's leaders (or else its staff). Idempotent and safe on several workers: one message per
 * occurrence, kind and recipient (the outbox's dedupe key), so a second run writes nothing; a reminder or a notice
 * missed by a stopped server is sent on the next run, while still before the due day (reminder) or within
 * OVERDUE_NOTICE_DAYS after it (the overdue list shows the older ones).
 */

export const REMINDER_DAYS_KEY = 'plans.reminderWorkingDays';
export const DEFAULT_REMINDER_WORKING_DAYS = 3;
const OVERDUE_NOTICE_DAYS = 7;
const LEADER_ROLES: Role[] = ['unit_leader', 'division_head'];

async function readReminderWorkingDays(db: Database): Promise<number> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, REMINDER_DAYS_KEY));
  const value = row?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 20 ? value : DEFAULT_REMINDER_WORKING_DAYS;
}

export async function sweepPlans({ db, now, calendar }: { db: Database; now: Date; calendar?: WorkCalendar }) {
  const clock = calendar ?? (await loadOccurrenceCalendar(db));
  // A merge dated ahead takes effect on its day: the merged unit's tasks move to its successor first (idempotent).
  await db.transaction((tx) => moveTasksOfMergedUnits(tx, { actorId: null }, vietnamDate(now)));
  const planIds = (await db.select({ id: plans.id }).from(plans)).map((row) => row.id);
  let flagged = 0;
  for (const planId of planIds) {
    const { changedTasks } = await db.transaction((tx) => refreshOccurrences(tx, { planIds: [planId] }, clock, now));
    flagged += changedTasks;
  }
  const notices = await sendNotices(db, clock, now, await readReminderWorkingDays(db));
  return { plans: planIds.length, flagged, ...notices };
}

async function sendNotices(db: Database, calendar: WorkCalendar, now: Date, reminderDays: number) {
  const today = vietnamDate(now);
  // Every occurrence whose reminder day has come (at most reminderDays working days, plus weekends and holidays, ahead).
  const reachAhead = addDays(today, reminderDays * 2 + 14);
  const rows = await db
    .select({
      occurrence: planOccurrences,
      responsibleUserId: planTaskUnits.responsibleUserId,
      unitId: units.id,
      unitName: units.name,
      task: { id: planTasks.id, ref: planTasks.ref, title: planTasks.title, deadlines: planTasks.deadlines },
      plan: { number: plans.number, title: plans.title },
    })
    .from(planOccurrences)
    .innerJoin(planTaskUnits, eq(planTaskUnits.id, planOccurrences.taskUnitId))
    .innerJoin(units, eq(units.id, planTaskUnits.unitId))
    .innerJoin(planTasks, eq(planTasks.id, planTaskUnits.taskId))
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(
      and(
        ne(planOccurrences.state, 'reported'),
        inArray(planTasks.status, ['not_started', 'in_progress', 'overdue']),
        gte(planOccurrences.dueOn, addDays(today, -OVERDUE_NOTICE_DAYS)),
        lte(planOccurrences.dueOn, reachAhead),
      ),
    );
  let reminded = 0;
  let noticed = 0;
  const recipientsOf = new Map<string, Promise<string[]>>();
  for (const row of rows) {
    const isOverdue = row.occurrence.dueOn < today;
    if (!isOverdue && today < workingDaysBefore(row.occurrence.dueOn, reminderDays, calendar)) continue;
    const key = `${row.responsibleUserId ?? ''}|${row.unitId}`;
    if (!recipientsOf.has(key)) recipientsOf.set(key, recipientsFor(db, row.responsibleUserId, row.unitId));
    for (const recipient of await recipientsOf.get(key)!) {
      await enqueueNotification(db, noticeOf(row, isOverdue, today, recipient));
      if (isOverdue) noticed += 1;
      else reminded += 1;
    }
  }
  return { reminded, noticed };
}

type NoticeRow = {
  occurrence: typeof planOccurrences.$inferSelect;
  unitId: string;
  unitName: string;
  task: { id: string; ref: string; title: string; deadlines: PlanDeadline[] };
  plan: { number: string | null; title: string };
};

/** The e-mail of a reminder or an overdue notice to one recipient: one per occurrence, kind and recipient (dedupe key). */
function noticeOf(row: NoticeRow, isOverdue: boolean, today: string, recipient: string): OutboxMessage {
  const { occurrence } = row;
  const deadline = row.task.deadlines[occurrence.deadlineIndex];
  const planName = row.plan.number ? `Kế hoạch số ${row.plan.number}` : `Kế hoạch "${row.plan.title}"`;
  const task = `nhiệm vụ ${row.task.ref} "${row.task.title}" (${planName})`;
  const due = formatVietnameseDate(occurrence.dueOn);
  const when = isOverdue
    ? `đã quá hạn ngày ${due} mà chưa có báo cáo tiến độ.`
    : `${occurrence.dueOn === today ? 'đến hạn hôm nay' : `đến hạn ngày ${due}`}, chưa có báo cáo tiến độ cho kỳ này.`;
  return {
    channel: 'email',
    recipient,
    template: isOverdue ? 'plan.occurrence_overdue' : 'plan.occurrence_due',
    subject: isOverdue ? `Quá hạn báo cáo ${task.slice(0, 120)}` : `Sắp đến hạn ngày ${due}: ${task.slice(0, 120)}`,
    body: `${row.unitName}: ${task}, thời hạn "${deadline?.text ?? ''}", ${when} Báo cáo tại trang Kế hoạch › Nhiệm vụ của đơn vị.`,
    data: { occurrenceId: occurrence.id, taskId: row.task.id, unitId: row.unitId, dueOn: occurrence.dueOn },
    refType: 'plan_task',
    refId: row.task.id,
    dedupeKey: `plan-occurrence-${isOverdue ? 'overdue' : 'due'}:${occurrence.id}:${recipient}`,
  };
}

/** The responsible person's e-mail, else the unit's leaders', else its staff's. */
async function recipientsFor(db: Database, responsibleUserId: string | null, unitId: string): Promise<string[]> {
  const responsible = responsibleUserId ? await findUserEmail(db, responsibleUserId) : null;
  if (responsible) return [responsible];
  const leaders = await findStaffEmails(db, LEADER_ROLES, [unitId]);
  if (leaders.length) return leaders;
  return findStaffEmails(
    db,
    staffRoles.filter((role) => role !== 'admin'),
    [unitId],
  );
}
