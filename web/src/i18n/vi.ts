import { adminCalendar } from './parts/admin-calendar';
import { adminDecisions } from './parts/admin-decisions';
import { notifyOutbox } from './parts/admin-notify';
import { units, users } from './parts/admin-org';
import { adminProcedures, procedureFields } from './parts/admin-procedures';
import { auth, staff } from './parts/auth-staff';
import { accounts } from './parts/citizen-accounts';
import { common } from './parts/common';
import { dossiers } from './parts/dossiers';
import { labels } from './parts/labels';
import { monitoring } from './parts/monitoring';
import { processingTimes } from './parts/monitoring-processing-times';
import { plans } from './parts/plans';
import { planOccurrences } from './parts/plans-occurrences';
import { portalSettings } from './parts/portal-settings';
import { procedureDetail } from './parts/procedure-detail';
import { home, procedureList } from './parts/public-site';
import { reformConditions } from './parts/reform-conditions';
import { reformCost } from './parts/reform-cost';
import { reformLabels } from './parts/reform-labels';
import { reformProcedure } from './parts/reform-procedure';
import { reformProposals } from './parts/reform-proposals';
import { reformRegimes } from './parts/reform-regimes';
import { reformTargets } from './parts/reform-targets';
import { searchDictionary } from './parts/search-dictionary';

/** Every text a user reads, in Vietnamese. */
export const vi = {
  common,
  labels,
  home,
  procedureList,
  procedureDetail,
  auth,
  accounts,
  staff,
  units,
  users,
  calendar: adminCalendar,
  searchDictionary,
  notifyOutbox,
  portalSettings,
  adminProcedures,
  adminDecisions,
  procedureFields,
  reformLabels,
  reformTargets,
  reformCost,
  reformProcedure,
  reformProposals,
  reformConditions,
  reformRegimes,
  dossiers,
  monitoring,
  processingTimes,
  plans,
  planOccurrences,
};
