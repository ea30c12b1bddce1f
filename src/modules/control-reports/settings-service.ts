import type { ControlReportSettingsInput, ControlReportSettingsView } from '../../contract/metrics-settings';
import { forbidden } from '../../core/errors';
import type { Database, Executor } from '../../db/client';
import { recordAuditEvent } from '../audit';
import { type Actor, isStaff } from '../auth';
import { getRootUnit, listOfficeUnits } from '../org';
import { canWriteReport } from './policy';
import {
  DEFAULT_DUE_DAY,
  DEFAULT_REMINDER_WORKING_DAYS,
  DUE_DAY_KEY,
  REMINDER_DAYS_KEY,
  readControlReportSettings,
  writeControlReportSettings,
} from './settings';

/*
 * `GET` and `PUT /api/control-reports/settings` (docs/api/control-reports.md, "Settings"): every staff member reads
 * them (the pages say when reports are due); whoever writes the province's own report changes them — administrators
 * and the province's procedure-control office (policy.ts, canWriteReport on the province). A new due day applies to
 * the reports made after it (a report keeps the due date it was made with); the reminders use both from their next run.
 */

async function mayConfigure(executor: Executor, actor: Actor | null): Promise<boolean> {
  if (!actor) return false;
  if (actor.roles.some((held) => held.role === 'admin')) return true;
  const root = await getRootUnit(executor).catch(() => null);
  if (!root) return false;
  return canWriteReport(actor, root, await listOfficeUnits(executor, root.id));
}

export async function getControlReportSettings(db: Database, actor: Actor | null): Promise<ControlReportSettingsView> {
  if (!isStaff(actor)) throw forbidden('Chỉ cán bộ, công chức mới xem được cài đặt báo cáo định kỳ.');
  const [current, canEdit] = await Promise.all([readControlReportSettings(db), mayConfigure(db, actor)]);
  return { ...current, defaults: { dueDay: DEFAULT_DUE_DAY, reminderWorkingDays: DEFAULT_REMINDER_WORKING_DAYS }, canEdit };
}

export async function saveControlReportSettings(
  db: Database,
  actor: Actor | null,
  input: ControlReportSettingsInput,
): Promise<ControlReportSettingsView> {
  if (!(await mayConfigure(db, actor)))
    throw forbidden('Chỉ quản trị viên và bộ phận kiểm soát thủ tục hành chính của tỉnh mới được sửa cài đặt báo cáo định kỳ.');
  await db.transaction(async (tx) => {
    const before = await readControlReportSettings(tx);
    if (before.dueDay === input.dueDay && before.reminderWorkingDays === input.reminderWorkingDays) return;
    await writeControlReportSettings(tx, input);
    const changes = [
      [DUE_DAY_KEY, before.dueDay, input.dueDay],
      [REMINDER_DAYS_KEY, before.reminderWorkingDays, input.reminderWorkingDays],
    ] as const;
    for (const [key, was, now] of changes) {
      if (was === now) continue;
      await recordAuditEvent(tx, {
        actorId: actor!.userId,
        action: 'setting.update',
        entityType: 'setting',
        entityId: key,
        data: { before: was, after: now },
      });
    }
  });
  return getControlReportSettings(db, actor);
}
