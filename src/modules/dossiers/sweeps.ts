import { and, eq, gt, inArray, lt, lte, sql } from 'drizzle-orm';
import type { ProcessRole, Role } from '../../contract/enums';
import type { WorkCalendar } from '../../core/calendar';
import { isNearDue, shouldRemindApology } from '../../core/dossiers/timing';
import { formatVietnameseDate, vietnamDate } from '../../core/vietnam-time';
import type { Database } from '../../db/client';
import { dossierSteps, dossiers } from '../../db/schema/dossiers';
import { findStaffEmails, findUserEmail } from '../auth';
import { getWorkCalendar } from '../calendar';
import { enqueueNotification } from '../notify';
import { recordAction } from './actions/record';

/*
 * The background sweeps of the dossier engine (docs/api/dossiers.md "Actions", last paragraph), run as jobs:
 * overdue marking, near-due warnings to step holders, reminders to apologise. Idempotent: the overdue mark is taken
 * by `UPDATE … WHERE NOT is_overdue RETURNING` (two workers never both mark a dossier), the messages carry dedupe
 * keys (a second run enqueues nothing new). Handlers take `{ db, now }`, as src/jobs' JobContext gives.
 */

export type SweepContext = { db: Database; now: Date; calendar?: WorkCalendar };

/** Marks `isOverdue` on processing dossiers past their due, one `mark_overdue` event each (no status change). */
export async function markOverdueDossiers({ db, now }: SweepContext): Promise<{ marked: number }> {
  return db.transaction(async (tx) => {
    const marked = await tx
      .update(dossiers)
      .set({ isOverdue: true, updatedAt: now })
      .where(and(eq(dossiers.status, 'processing'), eq(dossiers.isOverdue, false), lt(dossiers.dueAt, now)))
      .returning();
    for (const dossier of marked) {
      await recordAction(tx, null, dossier, { action: 'mark_overdue', fromStatus: dossier.status, stepNo: dossier.currentStepNo }, now);
    }
    return { marked: marked.length };
  });
}

const holderRoles = (role: ProcessRole): Role[] => (role === 'clerk' ? ['unit_leader', 'desk_officer'] : [role]);

/** Warns the holders of active steps with less than 4 working hours left (once per step activation). */
export async function warnNearDueSteps({ db, now, calendar }: SweepContext): Promise<{ warned: number }> {
  const clock = calendar ?? (await getWorkCalendar(db));
  const horizon = clock.addWorkingMinutes(now, 240);
  const rows = await db
    .select({ step: dossierSteps, code: dossiers.code, procedureName: dossiers.procedureName })
    .from(dossierSteps)
    .innerJoin(dossiers, eq(dossiers.id, dossierSteps.dossierId))
    .where(
      and(
        eq(dossierSteps.status, 'active'),
        eq(dossiers.status, 'processing'),
        gt(dossierSteps.dueAt, now),
        lt(dossierSteps.dueAt, sql`${horizon.toISOString()}::timestamptz`),
      ),
    );
  let warned = 0;
  for (const { step, code, procedureName } of rows) {
    if (!step.dueAt || !step.startedAt || !isNearDue(clock, now, step.dueAt)) continue;
    const assigneeEmail = step.assigneeId ? await findUserEmail(db, step.assigneeId) : null;
    const recipients = assigneeEmail ? [assigneeEmail] : await findStaffEmails(db, holderRoles(step.role), [step.unitId]);
    for (const recipient of recipients) {
      const result = await enqueueNotification(db, {
        channel: 'email',
        recipient,
        template: 'dossier.step_near_due',
        subject: `Hồ sơ ${code} sắp đến hạn xử lý bước ${step.stepNo}`,
        body: `Bước "${step.name}" của hồ sơ ${code} (${procedureName}) còn dưới 4 giờ làm việc.`,
        refType: 'dossier',
        refId: step.dossierId,
        dedupeKey: `dossier-step-near-due:${step.id}:${step.startedAt.toISOString()}:${recipient}`,
      });
      if (result) warned += 1;
    }
  }
  return { warned };
}

/** Reminds the handling unit's leaders to apologise, 1 working day before the due, while no apology was made. */
export async function remindApologies({ db, now, calendar }: SweepContext): Promise<{ reminded: number }> {
  const clock = calendar ?? (await getWorkCalendar(db));
  const horizon = clock.addWorkingMinutes(now, 480);
  const rows = await db
    .select()
    .from(dossiers)
    .where(
      and(
        inArray(dossiers.status, ['processing', 'supplement_requested']),
        eq(dossiers.hasApology, false),
        gt(dossiers.dueAt, now),
        lte(dossiers.dueAt, sql`${horizon.toISOString()}::timestamptz`),
      ),
    );
  let reminded = 0;
  for (const dossier of rows) {
    if (!dossier.dueAt || !dossier.receivedAt || !shouldRemindApology(clock, now, dossier.dueAt)) continue;
    const recipients = await findStaffEmails(db, ['unit_leader', 'division_head'], [dossier.handlingUnitId]);
    for (const recipient of recipients) {
      await enqueueNotification(db, {
        channel: 'email',
        recipient,
        template: 'dossier.apology_reminder',
        subject: `Hồ sơ ${dossier.code} đến hạn ngày ${formatVietnameseDate(vietnamDate(dossier.dueAt))}`,
        body: `Hồ sơ ${dossier.code} (${dossier.procedureName}) có thể trễ hạn: nếu cần, xin lỗi và hẹn lại ngày trả (Mẫu 04) trước hạn 01 ngày làm việc.`,
        refType: 'dossier',
        refId: dossier.id,
        dedupeKey: `dossier-apology-reminder:${dossier.id}:${dossier.dueAt.toISOString()}:${recipient}`,
      });
      reminded += 1;
    }
  }
  return { reminded };
}

/** The three sweeps as one job run (src/jobs registers it: `{ name: 'dossiers-sweep', everySeconds: 300, handler }`). */
export async function sweepDossiers(context: SweepContext) {
  const overdue = await markOverdueDossiers(context);
  const nearDue = await warnNearDueSteps(context);
  const apologies = await remindApologies(context);
  return { ...overdue, ...nearDue, ...apologies };
}
