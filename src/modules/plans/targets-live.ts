import { asc, eq } from 'drizzle-orm';
import type { PlanMetric } from '../../contract/plans';
import type { LiveMeasure, PlanLiveTargets } from '../../contract/plans-edit';
import { AppError, forbidden, notFound } from '../../core/errors';
import { formatVietnameseDate, vietnamDate } from '../../core/vietnam-time';
import type { Database } from '../../db/client';
import { units } from '../../db/schema/org';
import { plans, planTargets } from '../../db/schema/plans';
import type { Actor } from '../auth';
import { computeIndexForScope, type MetricsIndexView, resolveScope } from '../metrics';
import { getReformSummary } from '../reform';
import { canReadPlans } from './policy';

/*
 * The current figures of a plan's targets (issue 14, docs/api/plans.md "Targets and live figures"): for a measure
 * whose metric the system computes, the figure of the plan's issuing unit (its subtree) for the target's year, read
 * through the reform module (NQ 66 programme) or the metrics module (the KPI index of QĐ 766/QĐ-TTg), never typed in.
 */

type ReformKey = Awaited<ReturnType<typeof getReformSummary>>['indicators'][number]['key'];

/** Which figure of which module measures each metric the importer reads (docs/plan-import.md "Metrics"). */
export const liveMetricSources: Partial<
  Record<PlanMetric, { source: 'reform'; indicator: ReformKey } | { source: 'metrics_index'; indicator: string }>
> = {
  processing_time_cut_percent: { source: 'reform', indicator: 'time_reduction' },
  compliance_cost_cut_percent: { source: 'reform', indicator: 'cost_reduction' },
  business_conditions_cut_percent: { source: 'reform', indicator: 'business_conditions_cut' },
  online_business_procedures_percent: { source: 'reform', indicator: 'business_procedures_online' },
  online_full_process_percent: { source: 'reform', indicator: 'procedures_full_online' },
  location_independent_percent: { source: 'reform', indicator: 'location_independent' },
  internal_procedures_electronic_percent: { source: 'reform', indicator: 'internal_procedures_electronic' },
  once_only_information_percent: { source: 'reform', indicator: 'information_once' },
  electronic_business_reports_percent: { source: 'reform', indicator: 'business_reporting_electronic' },
  digitised_dossiers_percent: { source: 'metrics_index', indicator: 'digitised' },
};

export const NO_AUTOMATIC_FIGURE = 'Chưa có số liệu tự động cho chỉ tiêu này.';
const REFORM_FIRST_YEAR = 2024;

const percent = (share: number) => Math.round(share * 1000) / 10;

/** `GET /api/plans/{id}/targets/live`: every measure of every target with its current figure, source and period. */
export async function liveTargets(db: Database, actor: Actor | null, planId: string): Promise<PlanLiveTargets> {
  if (!canReadPlans(actor)) throw forbidden();
  const [plan] = await db
    .select({ id: plans.id, issuerUnitId: plans.issuerUnitId, issuerName: units.name, issuerCode: units.code })
    .from(plans)
    .innerJoin(units, eq(units.id, plans.issuerUnitId))
    .where(eq(plans.id, planId));
  if (!plan) throw notFound('kế hoạch');
  const targets = await db.select().from(planTargets).where(eq(planTargets.planId, planId)).orderBy(asc(planTargets.position));
  const today = vietnamDate();
  const thisYear = Number(today.slice(0, 4));
  /** A target for a year ahead is measured on this year so far; one for a past year on that whole year. */
  const periodOf = (year: number | null) => {
    const measured = Math.min(year ?? thisYear, thisYear);
    return { year: measured, from: `${measured}-01-01`, to: measured === thisYear ? today : `${measured}-12-31` };
  };
  const reformByYear = new Map<number, Promise<Map<string, { value: number | null; note: string | null }> | string>>();
  const reformOf = (year: number) => {
    if (!reformByYear.has(year)) {
      reformByYear.set(
        year,
        getReformSummary(db, actor, { unit: plan.issuerUnitId, year, method: 'unweighted' }).then(
          (summary) => new Map(summary.indicators.map((indicator) => [indicator.key, { value: indicator.value, note: indicator.note }])),
          (error: unknown) => failure(error),
        ),
      );
    }
    return reformByYear.get(year)!;
  };
  const indexByYear = new Map<number, Promise<MetricsIndexView | string>>();
  const indexOf = (period: ReturnType<typeof periodOf>) => {
    if (!indexByYear.has(period.year)) {
      indexByYear.set(
        period.year,
        resolveScope(db, actor, { unit: plan.issuerCode })
          .then((scope) => computeIndexForScope(db, scope, period.from, period.to))
          .catch((error: unknown) => failure(error)),
      );
    }
    return indexByYear.get(period.year)!;
  };
  const result: PlanLiveTargets['targets'] = [];
  for (const target of targets) {
    const measures: LiveMeasure[] = [];
    for (const measure of target.measures) {
      const base = { metric: measure.metric, target: measure.value, asOf: today };
      const mapping = liveMetricSources[measure.metric];
      const period = periodOf(target.year);
      const none = { current: null, source: null, sourceLabel: null, indicator: null, from: null, to: null, isMet: null };
      if (!mapping || (mapping.source === 'reform' && period.year < REFORM_FIRST_YEAR)) {
        measures.push({ ...base, ...none, note: NO_AUTOMATIC_FIGURE });
        continue;
      }
      const shared = { source: mapping.source, indicator: mapping.indicator, from: period.from, to: period.to };
      if (mapping.source === 'reform') {
        const figures = await reformOf(period.year);
        const label = `Chương trình cắt giảm, đơn giản hóa TTHC (NQ 66/NQ-CP) — ${plan.issuerName}, năm ${period.year}, tính đến ${formatVietnameseDate(today)}`;
        if (typeof figures === 'string') {
          measures.push({ ...base, ...shared, current: null, sourceLabel: label, isMet: null, note: figures });
          continue;
        }
        const figure = figures.get(mapping.indicator);
        const current = figure?.value === null || figure?.value === undefined ? null : percent(figure.value);
        measures.push({
          ...base,
          ...shared,
          current,
          sourceLabel: label,
          isMet: current === null ? null : current >= measure.value,
          note: current === null ? (figure?.note ?? 'Chưa có số liệu.') : null,
        });
      } else {
        const index = await indexOf(period);
        const label = `Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg) — ${plan.issuerName}, từ ${formatVietnameseDate(period.from)} đến ${formatVietnameseDate(period.to)}`;
        if (typeof index === 'string') {
          measures.push({ ...base, ...shared, current: null, sourceLabel: label, isMet: null, note: index });
          continue;
        }
        const indicator = index.groups.flatMap((group) => group.indicators).find((candidate) => candidate.code === mapping.indicator);
        const current = indicator?.ratio === null || indicator?.ratio === undefined ? null : percent(indicator.ratio);
        measures.push({
          ...base,
          ...shared,
          current,
          sourceLabel: label,
          isMet: current === null ? null : current >= measure.value,
          note: current === null ? (indicator?.noDataReason ?? 'Chỉ số này không có trong bộ chỉ số đang áp dụng.') : null,
        });
      }
    }
    result.push({ position: target.position, year: target.year, measures });
  }
  return { planId, asOf: today, targets: result };
}

/** A figure the actor may not read, or that cannot be computed, is a note beside the target, not an error of the page. */
function failure(error: unknown): string {
  if (error instanceof AppError && error.code === 'forbidden') return 'Bạn không có quyền xem số liệu này của đơn vị ban hành.';
  if (error instanceof AppError && error.code === 'not_found') return 'Chưa có số liệu (không tìm thấy đơn vị trong nguồn số liệu).';
  throw error;
}
