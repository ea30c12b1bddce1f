import { refreshStaleStatistics } from '../db/statistics';
import { sweepAbandonedRegistrations } from '../modules/auth';
import { sweepDossiers } from '../modules/dossiers';
import { deliverPendingNotifications } from '../modules/notify';
import { sweepPlans } from '../modules/plans';
import { runControlReportReminders } from './control-reports-remind';
import { refreshSearchPopularity } from './search-popularity';
import type { JobDefinition } from './types';

/**
 * Every background job of motcua, in one list: a module contributes a job by exporting its handler from its index.ts
 * and naming it here with its schedule. `motcua serve` (unless JOBS=off) and `motcua worker` run them all.
 */
export const jobs: JobDefinition[] = [
  { name: 'notify-deliver', everySeconds: 5, handler: deliverPendingNotifications },
  // Overdue marking, near-due warnings, reminders to apologise (docs/api/dossiers.md): idempotent, dedupe keys.
  { name: 'dossiers-sweep', everySeconds: 300, handler: ({ db, now }) => sweepDossiers({ db, now }) },
  // Registrations never verified, a day after their code died (docs/api/auth.md): idempotent.
  { name: 'accounts-sweep', everySeconds: 3600, handler: ({ db, now }) => sweepAbandonedRegistrations({ db, now }) },
  // Dossiers per procedure over the last 12 months, for search's popularity prior: at start, then daily.
  // Reminders of the periodic reports of procedure control (docs/api/control-reports.md): idempotent, dedupe keys.
  { name: 'control-reports-remind', everySeconds: 3600, handler: ({ db, now }) => runControlReportReminders({ db, now }) },
  // Plans' occurrences refreshed, reminders before each deadline, overdue notices (docs/api/plans.md): idempotent.
  {
    name: 'plans-sweep',
    everySeconds: 3600,
    handler: ({ db, now, config }) => sweepPlans({ db, now, phoneChannels: config.notifyPhoneChannels }),
  },
  // The planner's statistics of tables that grew or shrank (src/db/statistics.ts): autovacuum's analyze, which the
  // embedded database does not run.
  { name: 'database-statistics', everySeconds: 600, embeddedOnly: true, handler: ({ db }) => refreshStaleStatistics(db) },
  { name: 'search-popularity', everySeconds: 86_400, handler: ({ db, now }) => refreshSearchPopularity({ db, now }) },
];
