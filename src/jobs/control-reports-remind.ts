import { remindControlReports } from '../modules/control-reports';
import type { JobContext } from './types';

/**
 * The job control-reports-remind (docs/api/control-reports.md, "Reminders"): before each due date of the periodic
 * reports, and on it, the procedure-control office is reminded of a report not yet signed. Idempotent (dedupe keys
 * per report, day and recipient), so hourly runs, several workers or a restart never send a reminder twice.
 */
export async function runControlReportReminders({ db, now }: Pick<JobContext, 'db' | 'now'>) {
  return remindControlReports({ db, now });
}
