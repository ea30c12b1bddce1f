import { type SQL, sql } from 'drizzle-orm';
import { DUE_SOON_DAYS, type MetricsDossierListQuery, type MetricsDossierListView } from '../../contract/metrics-dashboard';
import type { Executor } from '../../db/client';
import { metricsDossierFacts as facts } from '../../db/schema/metrics';
import type { Actor } from '../auth';
import { listFactDossiers } from './drill';
import { resolveScope } from './scope';

/*
 * The dossiers behind the dashboard's warnings (docs/api/metrics-exports.md): resolved late in the period, in progress
 * and overdue at its end, in progress and due within a few days after it — the same facts and conditions as the
 * counters (late = outcome late with end day in the period; overdue = the Biểu 06 column), listed as the drill lists.
 */

function conditionOf(list: MetricsDossierListQuery['list'], from: string, to: string): SQL {
  const inProgressAtEnd = sql`${facts.receivedDay} <= ${to}::date and (${facts.endDay} is null or ${facts.endDay} > ${to}::date)`;
  if (list === 'late') return sql`${facts.outcome} = 'late' and ${facts.endDay} between ${from}::date and ${to}::date`;
  if (list === 'overdue') return sql`${inProgressAtEnd} and ${facts.dueDay} <= ${to}::date`;
  return sql`${inProgressAtEnd} and ${facts.dueDay} > ${to}::date and ${facts.dueDay} <= ${to}::date + ${DUE_SOON_DAYS}::int`;
}

/** `GET /api/metrics/dossiers`: the most urgent first (earliest due). */
export async function listWarningDossiers(
  executor: Executor,
  actor: Actor | null,
  query: MetricsDossierListQuery,
): Promise<MetricsDossierListView> {
  const scope = await resolveScope(executor, actor, query);
  const page = await listFactDossiers(executor, scope.unitIds, conditionOf(query.list, query.from, query.to), {
    orderBy: facts.dueDay,
    page: query.page,
  });
  return { list: query.list, ...page };
}
