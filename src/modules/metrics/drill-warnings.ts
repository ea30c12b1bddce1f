import { type SQL, sql } from 'drizzle-orm';
import { DUE_SOON_DAYS, type MetricsDossierListQuery, type MetricsDossierListView } from '../../contract/metrics-dashboard';
import type { Executor } from '../../db/client';
import { dossiers } from '../../db/schema/dossiers';
import { metricsDossierFacts as facts } from '../../db/schema/metrics';
import { units } from '../../db/schema/org';
import type { Actor } from '../auth';
import { maskTail } from '../dossiers';
import { jsonTextArray } from './counters';
import { DRILL_PAGE_SIZE } from './drill';
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
  const where = sql`${facts.unitId} = any(array(select jsonb_array_elements_text(${jsonTextArray(scope.unitIds)}::jsonb))::uuid[])
    and ${conditionOf(query.list, query.from, query.to)}`;
  const [count] = await executor
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(facts)
    .where(where);
  const rows = await executor
    .select({
      id: dossiers.id,
      code: dossiers.code,
      procedureCode: dossiers.procedureCode,
      procedureName: dossiers.procedureName,
      applicantIdNumber: dossiers.applicantIdNumber,
      applicantName: dossiers.applicantName,
      handlingUnitName: units.name,
      channel: dossiers.channel,
      status: dossiers.status,
      receivedAt: dossiers.receivedAt,
      dueAt: dossiers.dueAt,
      resolvedAt: dossiers.resolvedAt,
      timing: dossiers.timing,
    })
    .from(facts)
    .innerJoin(dossiers, sql`${dossiers.id} = ${facts.dossierId}`)
    .innerJoin(units, sql`${units.id} = ${dossiers.handlingUnitId}`)
    .where(where)
    .orderBy(facts.dueDay, dossiers.code)
    .limit(DRILL_PAGE_SIZE)
    .offset((query.page - 1) * DRILL_PAGE_SIZE);
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return {
    list: query.list,
    total: count?.total ?? 0,
    page: query.page,
    pageSize: DRILL_PAGE_SIZE,
    items: rows.map((row) => ({
      ...row,
      applicantIdNumber: maskTail(row.applicantIdNumber),
      receivedAt: iso(row.receivedAt),
      dueAt: iso(row.dueAt),
      resolvedAt: iso(row.resolvedAt),
    })),
  };
}
