import { type SQL, sql } from 'drizzle-orm';
import {
  type DossierIndicatorFormula,
  dossierIndicatorFormulas,
  type IndicatorDrillQuery,
  type IndicatorDrillView,
} from '../../contract/metrics';
import { invalid, notFound } from '../../core/errors';
import type { Executor } from '../../db/client';
import { dossiers } from '../../db/schema/dossiers';
import { metricsDossierFacts as facts } from '../../db/schema/metrics';
import { units } from '../../db/schema/org';
import type { Actor } from '../auth';
import { maskTail } from '../dossiers';
import { jsonTextArray } from './counters';
import { indicatorSetOn } from './indicator-set';
import { type MetricsScope, resolveScope } from './scope';

/*
 * The dossiers an indicator's numerator or denominator counts (docs/api/metrics.md "Drill"): the same conditions as
 * the counters, on the facts table, with the dossier's code, procedure and masked applicant as in the inbox.
 */

export const DRILL_PAGE_SIZE = 20;

function conditions(formula: DossierIndicatorFormula, part: 'numerator' | 'denominator', from: string, to: string): SQL {
  const receivedIn = sql`${facts.receivedDay} between ${from}::date and ${to}::date`;
  const resolvedIn = sql`${facts.outcome} in ('early', 'on_time', 'late') and ${facts.endDay} between ${from}::date and ${to}::date`;
  const inProgressAtEnd = sql`${facts.receivedDay} <= ${to}::date and (${facts.endDay} is null or ${facts.endDay} > ${to}::date)`;
  const numerator = part === 'numerator';
  switch (formula) {
    case 'dossiers_synced':
      return numerator ? sql`${receivedIn} and ${facts.isSynced}` : receivedIn;
    case 'online_dossiers':
      return numerator ? sql`${receivedIn} and ${facts.channel} = 'online'` : receivedIn;
    case 'digitised_dossiers':
      return numerator ? sql`${receivedIn} and ${facts.isDigitised}` : receivedIn;
    case 'reused_dossiers':
      return numerator ? sql`${receivedIn} and ${facts.isReused}` : receivedIn;
    case 'electronic_results':
      return numerator ? sql`${resolvedIn} and ${facts.hasElectronicResult}` : resolvedIn;
    case 'average_processing_time':
      return sql`${resolvedIn} and ${facts.processingDays} is not null`;
    case 'dossiers_on_time':
      return numerator
        ? sql`((${facts.outcome} in ('early', 'on_time') and ${facts.endDay} between ${from}::date and ${to}::date)
            or (${inProgressAtEnd} and (${facts.dueDay} is null or ${facts.dueDay} > ${to}::date)))`
        : sql`((${resolvedIn}) or (${inProgressAtEnd}))`;
  }
}

export async function drillForScope(executor: Executor, scope: MetricsScope, query: IndicatorDrillQuery): Promise<IndicatorDrillView> {
  const set = await indicatorSetOn(executor, query.to);
  const definition = set.groups.flatMap((group) => group.indicators).find((indicator) => indicator.code === query.indicator);
  if (!definition) throw notFound('chỉ số');
  const formula = definition.formula as DossierIndicatorFormula;
  if (!(dossierIndicatorFormulas as readonly string[]).includes(formula)) {
    throw invalid([{ path: 'indicator', message: 'Chỉ số này không tính theo hồ sơ: không có danh sách hồ sơ.' }]);
  }
  const page = await listFactDossiers(executor, scope.unitIds, conditions(formula, query.part, query.from, query.to), {
    orderBy: facts.receivedDay,
    page: query.page,
  });
  return { indicator: query.indicator, part: query.part, ...page };
}

/** `GET /api/metrics/index/drill`. */
export async function drillIndicator(executor: Executor, actor: Actor | null, query: IndicatorDrillQuery): Promise<IndicatorDrillView> {
  const scope = await resolveScope(executor, actor, query);
  return drillForScope(executor, scope, query);
}

/**
 * One page of the dossiers whose facts meet `condition` within the units `unitIds` (a scope's subtree), with the
 * total, ID numbers masked as in the inbox: the list behind a drill and behind the dashboard's warnings.
 */
export async function listFactDossiers(
  executor: Executor,
  unitIds: readonly string[],
  condition: SQL,
  options: { orderBy: typeof facts.receivedDay | typeof facts.dueDay; page: number },
) {
  const where = sql`${facts.unitId} = any(array(select jsonb_array_elements_text(${jsonTextArray(unitIds)}::jsonb))::uuid[])
    and ${condition}`;
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
    .orderBy(options.orderBy, dossiers.code)
    .limit(DRILL_PAGE_SIZE)
    .offset((options.page - 1) * DRILL_PAGE_SIZE);
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return {
    total: count?.total ?? 0,
    page: options.page,
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
