import { and, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import { defaultPhoneChannels, type Role } from '../../contract/enums';
import type { PlanDeadline } from '../../contract/plans';
import type { WorkCalendar } from '../../core/calendar';
import { addDays, workingDaysBefore } from '../../core/plans/occurrences';
import { formatVietnameseDate, vietnamDate } from '../../core/vietnam-time';
import type { Database } from '../../db/client';
import { units } from '../../db/schema/org';
import { plans, planTasks, planTaskUnits } from '../../db/schema/plans';
import { planOccurrences } from '../../db/schema/plans-occurrences';
import { settings } from '../../db/schema/settings';
import { findStaffContacts, findUserContact, staffRoles, type UserContact } from '../auth';
import { enqueueNotification, fitPhoneText, type OutboxMessage, PHONE_TEXT_MAX_CHARS, type PhoneChannel, phoneMessages } from '../notify';
import { moveTasksOfMergedUnits } from './merge';
import { loadOccurrenceCalendar, refreshOccurrences } from './occurrences';

/*
 * The job plans-sweep (src/jobs/registry.ts; docs/api/plans.md "Occurrences, reminders, overdue"): refreshes every
 * plan's occurrences (one transaction a plan), then sends, through the notify outbox, a reminder N working days
 * before each occurrence not yet reported (setting plans.reminderWorkingDays, default 3, counted on the work calendar:
 * holidays skipped) and an overdue notice from the day after its due day, to the person responsible for the task in
 * the unit, or else the unit's leaders (or else its staff): by e-mail to the account's address and to its phone by
 * SMS, Zalo or both (NOTIFY_PHONE_CHANNELS), whichever it has. Idempotent and safe on several workers: one message
 * per occurrence, kind, channel and recipient (the outbox's dedupe key), so a second run writes nothing; a reminder
 * or a notice missed by a stopped server is sent on the next run, while still before the due day (reminder) or within
 * OVERDUE_NOTICE_DAYS after it (the overdue list shows the older ones).
 */

export const REMINDER_DAYS_KEY = 'plans.reminderWorkingDays';
export const DEFAULT_REMINDER_WORKING_DAYS = 3;
const OVERDUE_NOTICE_DAYS = 7;
const LEADER_ROLES: Role[] = ['unit_leader', 'division_head'];
/** The longest text to a phone (SMS, Zalo): one SMS segment of 7-bit text (src/modules/notify/phone.ts). */
export const PLAN_SMS_MAX_CHARS = PHONE_TEXT_MAX_CHARS;

async function readReminderWorkingDays(db: Database): Promise<number> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, REMINDER_DAYS_KEY));
  const value = row?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 20 ? value : DEFAULT_REMINDER_WORKING_DAYS;
}

export type PlansSweepContext = {
  db: Database;
  now: Date;
  calendar?: WorkCalendar;
  /** The channels of the texts to phones (config.notifyPhoneChannels); unset, SMS. */
  phoneChannels?: readonly PhoneChannel[];
};

export async function sweepPlans({ db, now, calendar, phoneChannels }: PlansSweepContext) {
  const clock = calendar ?? (await loadOccurrenceCalendar(db));
  // A merge dated ahead takes effect on its day: the merged unit's tasks move to its successor first (idempotent).
  await db.transaction((tx) => moveTasksOfMergedUnits(tx, { actorId: null }, vietnamDate(now)));
  const planIds = (await db.select({ id: plans.id }).from(plans)).map((row) => row.id);
  let flagged = 0;
  for (const planId of planIds) {
    const { changedTasks } = await db.transaction((tx) => refreshOccurrences(tx, { planIds: [planId] }, clock, now));
    flagged += changedTasks;
  }
  const notices = await sendNotices(db, clock, now, await readReminderWorkingDays(db), phoneChannels ?? defaultPhoneChannels);
  return { plans: planIds.length, flagged, ...notices };
}

async function sendNotices(db: Database, calendar: WorkCalendar, now: Date, reminderDays: number, phoneChannels: readonly PhoneChannel[]) {
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
  const recipientsOf = new Map<string, Promise<UserContact[]>>();
  for (const row of rows) {
    const isOverdue = row.occurrence.dueOn < today;
    if (!isOverdue && today < workingDaysBefore(row.occurrence.dueOn, reminderDays, calendar)) continue;
    const key = `${row.responsibleUserId ?? ''}|${row.unitId}`;
    if (!recipientsOf.has(key)) recipientsOf.set(key, recipientsFor(db, row.responsibleUserId, row.unitId));
    for (const contact of await recipientsOf.get(key)!) {
      const messages = [
        ...(contact.email ? [noticeOf(row, isOverdue, today, contact.email)] : []),
        ...(contact.phone ? phoneNoticesOf(row, isOverdue, today, contact.phone, phoneChannels) : []),
      ];
      for (const message of messages) await enqueueNotification(db, message);
      if (isOverdue) noticed += messages.length;
      else reminded += messages.length;
    }
  }
  return { reminded, noticed };
}

export type NoticeRow = {
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

/**
 * The text to a phone of a reminder or an overdue notice (SMS, Zalo): short (at most PLAN_SMS_MAX_CHARS, the task's
 * title cut to fit), one message per channel of `channels`, occurrence, kind and phone (dedupe keys of their own
 * beside the e-mail's).
 */
export function phoneNoticesOf(
  row: NoticeRow,
  isOverdue: boolean,
  today: string,
  phone: string,
  channels: readonly PhoneChannel[],
): OutboxMessage[] {
  const { occurrence } = row;
  const due = formatVietnameseDate(occurrence.dueOn);
  const text = (title: string | null) => {
    const task = `NV ${row.task.ref}${title === null ? '' : ` "${title}"`}${row.plan.number ? ` (KH số ${row.plan.number})` : ''}`;
    return isOverdue
      ? `Quá hạn báo cáo tiến độ ${task} từ ${due}. Báo cáo tại Kế hoạch › Nhiệm vụ của đơn vị.`
      : `Nhắc báo cáo tiến độ ${task}: hạn ${occurrence.dueOn === today ? 'hôm nay' : due}. Báo cáo tại Kế hoạch › Nhiệm vụ của đơn vị.`;
  };
  const kind = isOverdue ? 'overdue' : 'due';
  return phoneMessages(
    channels,
    phone,
    {
      template: `plan.occurrence_${kind}`,
      body: fitPhoneText(text, row.task.title, PLAN_SMS_MAX_CHARS),
      data: { occurrenceId: occurrence.id, taskId: row.task.id, unitId: row.unitId, dueOn: occurrence.dueOn },
      refType: 'plan_task',
      refId: row.task.id,
    },
    (channel) => `plan-occurrence-${kind}:${occurrence.id}:${channel}:${phone}`,
  );
}

/** The SMS alone of a reminder or an overdue notice to one phone (phoneNoticesOf on the SMS channel). */
export function smsNoticeOf(row: NoticeRow, isOverdue: boolean, today: string, phone: string): OutboxMessage {
  return phoneNoticesOf(row, isOverdue, today, phone, ['sms'])[0]!;
}

/** The responsible person's contact, else the unit's leaders', else its staff's (each with an e-mail or a phone). */
async function recipientsFor(db: Database, responsibleUserId: string | null, unitId: string): Promise<UserContact[]> {
  const responsible = responsibleUserId ? await findUserContact(db, responsibleUserId) : null;
  if (responsible) return [responsible];
  const leaders = await findStaffContacts(db, LEADER_ROLES, [unitId]);
  if (leaders.length) return leaders;
  return findStaffContacts(
    db,
    staffRoles.filter((role) => role !== 'admin'),
    [unitId],
  );
}
