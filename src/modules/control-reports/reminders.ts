import { and, eq, inArray } from 'drizzle-orm';
import { type ControlReportKind, controlReportKindLabels } from '../../contract/control-reports';
import { formatVietnameseDate, vietnamDate } from '../../core/vietnam-time';
import type { Database } from '../../db/client';
import { controlReports } from '../../db/schema/control-reports';
import { findStaffEmails } from '../auth';
import { getWorkCalendar } from '../calendar';
import { readMonthStartDay } from '../metrics';
import { enqueueNotification } from '../notify';
import { getRootUnit, getUnitById, listOfficeUnits, listSubtreeUnits } from '../org';
import { dueDate, periodLabel, periodsEndingBetween, workingDaysBefore } from './periods';
import { readControlReportSettings } from './settings';

/*
 * Reminders of the periodic reports (docs/api/control-reports.md, "Reminders"), run by the job control-reports-remind
 * (src/jobs/registry.ts). On the day `reminderWorkingDays` working days before a report's due date (the work calendar
 * of src/modules/calendar: public holidays, Tết, announced days off skipped, make-up Saturdays counted),
 * and on the due date itself, every procedure controller of the reporting unit's office gets an e-mail when that
 * period's report is not signed. The province always reports; another unit has the duty once it has a report of
 * that kind in the table. Idempotent and safe on several workers: one message per report, day and recipient (the
 * outbox's dedupe key), so a second run the same day writes nothing.
 */

const KINDS: ControlReportKind[] = ['monthly', 'quarterly', 'yearly'];
const LOOK_AROUND_DAYS = 45;

const shift = (day: string, days: number) => vietnamDate(new Date(Date.parse(`${day}T05:00:00Z`) + days * 86_400_000));

async function officeUnitIds(db: Database, unitId: string): Promise<string[]> {
  const unit = await getUnitById(db, unitId);
  const subtree = await listSubtreeUnits(db, unit.id);
  const offices = await listOfficeUnits(db, unit.id);
  return [unit.id, ...offices.flatMap((office) => subtree.filter((row) => row.path.startsWith(office.path)).map((row) => row.id))];
}

export async function remindControlReports({ db, now }: { db: Database; now: Date }): Promise<{ reminded: number }> {
  const today = vietnamDate(now);
  const [monthStartDay, { dueDay, reminderWorkingDays }, calendar] = await Promise.all([
    readMonthStartDay(db),
    readControlReportSettings(db),
    getWorkCalendar(db),
  ]);
  const isWorkingDayNumber = (dayNumber: number) => calendar.isWorkingDayNumber(dayNumber);
  const root = await getRootUnit(db).catch(() => null);
  if (!root) return { reminded: 0 };
  let reminded = 0;
  for (const kind of KINDS) {
    const periods = periodsEndingBetween(kind, shift(today, -LOOK_AROUND_DAYS), shift(today, LOOK_AROUND_DAYS), monthStartDay).filter(
      ({ period }) => {
        const due = dueDate(period.to, dueDay);
        return today === due || today === workingDaysBefore(due, reminderWorkingDays, isWorkingDayNumber);
      },
    );
    if (periods.length === 0) continue;
    const dutyRows = await db.selectDistinct({ unitId: controlReports.unitId }).from(controlReports).where(eq(controlReports.kind, kind));
    const unitIds = [...new Set([root.id, ...dutyRows.map((row) => row.unitId)])];
    for (const { year, index, period } of periods) {
      const signed = await db
        .select({ unitId: controlReports.unitId })
        .from(controlReports)
        .where(
          and(
            eq(controlReports.kind, kind),
            eq(controlReports.year, year),
            eq(controlReports.periodIndex, index),
            eq(controlReports.status, 'signed'),
            inArray(controlReports.unitId, unitIds),
          ),
        );
      const signedUnits = new Set(signed.map((row) => row.unitId));
      const due = dueDate(period.to, dueDay);
      const label = periodLabel(kind, year, index);
      for (const unitId of unitIds.filter((id) => !signedUnits.has(id))) {
        const recipients = await findStaffEmails(db, ['procedure_controller'], await officeUnitIds(db, unitId));
        const unit = unitId === root.id ? root : await getUnitById(db, unitId);
        for (const recipient of recipients) {
          await enqueueNotification(db, {
            channel: 'email',
            recipient,
            template: 'control_report.due',
            subject: `Báo cáo ${controlReportKindLabels[kind].toLocaleLowerCase('vi-VN')} về kiểm soát TTHC ${label} hạn ${formatVietnameseDate(due)}`,
            body:
              `Báo cáo tình hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính ${label} của ${unit.name}` +
              ` (số liệu từ ${formatVietnameseDate(period.from)} đến ${formatVietnameseDate(period.to)}) ${today === due ? 'đến hạn hôm nay' : `đến hạn ngày ${formatVietnameseDate(due)}`}` +
              ' và chưa được ký. Lập, hoàn thiện và ký báo cáo tại trang Giám sát › Báo cáo định kỳ.',
            data: { unitId, kind, year, periodIndex: index, dueOn: due },
            refType: 'control_report_period',
            refId: null,
            dedupeKey: `control-report-due:${unitId}:${kind}:${year}-${index}:${today}:${recipient}`,
          });
          reminded += 1;
        }
      }
    }
  }
  return { reminded };
}
