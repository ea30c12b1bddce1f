import { setPopularity } from '../modules/catalog';
import { countReceivedDossiersByProcedure, lastTwelveMonths } from '../modules/dossiers';
import type { JobContext } from './types';

/**
 * The job search-popularity (docs/api/search.md, "Popularity"): the dossiers each procedure received in the last 12
 * months, counted by the dossier engine and handed to search. It lives here, not in either module, because dossiers
 * already depends on the catalog: the catalog never imports dossiers, so the counts travel through this job.
 * Idempotent: a second run the same day finds the same counts and changes nothing.
 */
export async function refreshSearchPopularity({ db, now }: Pick<JobContext, 'db' | 'now'>) {
  const period = lastTwelveMonths(now);
  const counts = await countReceivedDossiersByProcedure(db, period);
  return setPopularity(db, { period: { from: period.from, to: period.to }, computedAt: now, counts });
}
