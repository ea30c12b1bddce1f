import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { settings } from '../../db/schema/settings';

/*
 * The module's settings (shared table `settings`, keys of its own): the day of the month a report is due (23:
 * "gửi trước ngày 23", docs/DOMAIN.md §6) and how many working days before it the office is reminded (3).
 */
export const DUE_DAY_KEY = 'controlReports.dueDay';
export const REMINDER_DAYS_KEY = 'controlReports.reminderWorkingDays';
export const DEFAULT_DUE_DAY = 23;
export const DEFAULT_REMINDER_WORKING_DAYS = 3;

export type ControlReportSettings = { dueDay: number; reminderWorkingDays: number };

const isIntIn = (value: unknown, low: number, high: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high;

export async function readControlReportSettings(executor: Executor): Promise<ControlReportSettings> {
  const rows = await executor
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, [DUE_DAY_KEY, REMINDER_DAYS_KEY]));
  const byKey = new Map(rows.map((row) => [row.key, row.value]));
  const dueDay = byKey.get(DUE_DAY_KEY);
  const reminder = byKey.get(REMINDER_DAYS_KEY);
  return {
    dueDay: isIntIn(dueDay, 1, 28) ? dueDay : DEFAULT_DUE_DAY,
    reminderWorkingDays: isIntIn(reminder, 0, 20) ? reminder : DEFAULT_REMINDER_WORKING_DAYS,
  };
}

/** Stores both settings (checked by the caller: src/contract/metrics-settings.ts). */
export async function writeControlReportSettings(tx: Executor, next: ControlReportSettings): Promise<void> {
  for (const [key, value] of [
    [DUE_DAY_KEY, next.dueDay],
    [REMINDER_DAYS_KEY, next.reminderWorkingDays],
  ] as const) {
    await tx
      .insert(settings)
      .values({ key, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date(), version: sql`${settings.version} + 1` } });
  }
}
