import {
  type DossierIndicatorFormula,
  dossierIndicatorFormulas,
  type IndicatorView,
  type MetricsIndexView,
  type MetricsPeriodQuery,
  ratingBandLabels,
} from '../../contract/metrics';
import type { WorkCalendar } from '../../core/calendar';
import { indexScore, indicatorPoints, type RatingThreshold, ratingOf, ratioOf, roundPoints } from '../../core/metrics/score';
import type { Database } from '../../db/client';
import type { Actor } from '../auth';
import { getWorkCalendar } from '../calendar';
import type { PublishedItem } from '../catalog';
import { decisionsPublicInTime, type Fraction, proceduresOnline, proceduresPublishedOnTime, publishedItemsLoader } from './catalog-figures';
import { type Counters, sumCounters } from './counters';
import { type IndicatorDefinition, type IndicatorSet, indicatorSetOn } from './indicator-set';
import { countersFromRollups } from './rollups';
import { type MetricsScope, resolveScope } from './scope';
import { readRatingBands } from './settings';
import { syncWorkDays } from './work-days';

/*
 * The KPI index of Quyết định 766/QĐ-TTg for a unit (its subtree) and a period (docs/api/metrics.md): each indicator
 * of the set in force on the period's last day, its numerator and denominator, ratio, points; the total and rating.
 */

const noData = {
  online_payments: 'Chưa có dữ liệu: thanh toán trực tuyến chưa được kết nối với hệ thống.',
  feedback_on_time: 'Chưa có dữ liệu: phản ánh, kiến nghị chưa được tiếp nhận trên hệ thống.',
  satisfaction: 'Chưa có dữ liệu: cần tỷ lệ hồ sơ có phản ánh, kiến nghị (chưa được tiếp nhận trên hệ thống).',
} as const;

/** Numerator and denominator of an indicator counted in dossiers, from the period's counters. */
export function dossierFraction(formula: DossierIndicatorFormula, counters: Counters): { numerator: number; denominator: number } {
  const resolved = counters.early + counters.onTime + counters.late;
  switch (formula) {
    case 'dossiers_synced':
      return { numerator: counters.receivedSynced, denominator: counters.received };
    case 'dossiers_on_time':
      return {
        numerator: counters.early + counters.onTime + counters.inProgress - counters.overdue,
        denominator: resolved + counters.inProgress,
      };
    case 'average_processing_time':
      return { numerator: counters.allottedDays, denominator: counters.processingDays };
    case 'online_dossiers':
      return { numerator: counters.receivedOnline, denominator: counters.received };
    case 'digitised_dossiers':
      return { numerator: counters.receivedDigitised, denominator: counters.received };
    case 'reused_dossiers':
      return { numerator: counters.receivedReused, denominator: counters.received };
    case 'electronic_results':
      return { numerator: counters.electronic, denominator: resolved };
  }
}

const isDossierFormula = (formula: string): formula is DossierIndicatorFormula =>
  (dossierIndicatorFormulas as readonly string[]).includes(formula);

/**
 * What an index reads besides its counters. `computeIndexForScope` reads them itself; the dashboards read them once for
 * all their months or children (after one `syncWorkDays`) and pass each index its own.
 */
export type IndexReads = {
  /** The indicator set in force on the period's last day. */
  set: IndicatorSet;
  ratingBands: readonly RatingThreshold[];
  calendar: () => Promise<WorkCalendar>;
  /** The items of the decisions effective in the period, of the scope's units. */
  publishedItems: () => Promise<PublishedItem[]>;
  /** Procedures of the scope offered fully online among the eligible ones, on the period's last day. */
  proceduresOnline: () => Promise<Fraction>;
};

type Inputs = { counters: Counters; reads: IndexReads };

async function fractionOf(
  definition: IndicatorDefinition,
  inputs: Inputs,
): Promise<Fraction & { measures?: Record<string, number | null> }> {
  const { counters, reads } = inputs;
  const formula = definition.formula;
  if (formula === 'online_payments' || formula === 'feedback_on_time' || formula === 'satisfaction') {
    const resolved = counters.early + counters.onTime + counters.late;
    const measures: Record<string, number | null> =
      formula === 'satisfaction' ? { overdueRate: ratioOf(counters.late + counters.overdue, resolved + counters.inProgress) } : {};
    return { noDataReason: noData[formula], measures };
  }
  if (formula === 'procedures_online') return reads.proceduresOnline();
  if (formula === 'procedures_published_on_time') return proceduresPublishedOnTime(await reads.publishedItems());
  if (formula === 'decisions_public_in_time') {
    const withinWorkingDays = Number(definition.params.withinWorkingDays ?? 5);
    return decisionsPublicInTime(await reads.publishedItems(), await reads.calendar(), withinWorkingDays);
  }
  if (!isDossierFormula(formula)) return { noDataReason: 'Chưa có dữ liệu: công thức chưa được hỗ trợ.' };
  const fraction = dossierFraction(formula, counters);
  if (formula !== 'average_processing_time') return fraction;
  const average = (days: number) => (counters.timed ? Math.round((days / counters.timed) * 100) / 100 : null);
  return {
    ...fraction,
    measures: {
      dossiers: counters.timed,
      averageDays: average(counters.processingDays),
      averageAllottedDays: average(counters.allottedDays),
    },
  };
}

function toIndicatorView(
  definition: IndicatorDefinition,
  fraction: Fraction & { measures?: Record<string, number | null> },
  counters: Counters,
) {
  const base = {
    code: definition.code,
    name: definition.name,
    formula: definition.formula,
    target: definition.target,
    maxPoints: definition.maxPoints,
    measures: fraction.measures ?? {},
    isDrillable: isDossierFormula(definition.formula),
  };
  if ('noDataReason' in fraction) {
    return {
      ...base,
      numerator: null,
      denominator: null,
      ratio: null,
      points: null,
      noDataReason: fraction.noDataReason,
    } satisfies IndicatorView;
  }
  let ratio = ratioOf(fraction.numerator, fraction.denominator);
  // Dossiers resolved within the day they were received used no whole working day: as fast as allowed.
  if (definition.formula === 'average_processing_time' && ratio === null && counters.timed > 0) ratio = 1;
  const noDataReason = ratio === null ? 'Không có số liệu trong kỳ (mẫu số bằng 0).' : null;
  return {
    ...base,
    numerator: fraction.numerator,
    denominator: fraction.denominator,
    ratio: ratio === null ? null : Math.round(ratio * 1e6) / 1e6,
    points: indicatorPoints(ratio, definition.target, definition.maxPoints),
    noDataReason,
  } satisfies IndicatorView;
}

/**
 * The index of `scope` for the days from..to; the figures every caller (API, exports, dashboards) shares. `counters`:
 * the period's counters when the caller has read them already (the dashboards show them beside the index); `given`:
 * the other reads, when the caller has made them for several indexes at once (the work days synced before).
 */
export async function computeIndexForScope(
  db: Database,
  scope: MetricsScope,
  from: string,
  to: string,
  counters?: Counters,
  given?: IndexReads,
): Promise<MetricsIndexView> {
  if (!given) await syncWorkDays(db);
  counters ??= sumCounters((await countersFromRollups(db, scope.unitIds, from, to)).map((row) => row.counters));
  const reads: IndexReads = given ?? {
    set: await indicatorSetOn(db, to),
    ratingBands: await readRatingBands(db),
    calendar: () => getWorkCalendar(db),
    publishedItems: publishedItemsLoader(db, scope.unitCodes, from, to),
    proceduresOnline: () => proceduresOnline(db, scope.unitCodes, to),
  };
  const set = reads.set;
  const inputs: Inputs = { counters, reads };
  const groups = [];
  for (const group of set.groups) {
    const indicators: IndicatorView[] = [];
    for (const definition of group.indicators) indicators.push(toIndicatorView(definition, await fractionOf(definition, inputs), counters));
    const scored = indicators.filter((indicator) => indicator.points !== null);
    groups.push({
      code: group.code,
      name: group.name,
      maxPoints: group.maxPoints,
      points: scored.length ? roundPoints(scored.reduce((sum, indicator) => sum + indicator.points!, 0)) : null,
      availableMaxPoints: scored.reduce((sum, indicator) => sum + indicator.maxPoints, 0),
      indicators,
    });
  }
  const maxPoints = groups.reduce((sum, group) => sum + group.maxPoints, 0);
  const points = roundPoints(groups.reduce((sum, group) => sum + (group.points ?? 0), 0));
  const availableMaxPoints = groups.reduce((sum, group) => sum + group.availableMaxPoints, 0);
  const score = indexScore(points, availableMaxPoints, maxPoints);
  const rating = ratingOf(score, reads.ratingBands);
  return {
    unit: scope.unit,
    from,
    to,
    indicatorSetFrom: set.validFrom ?? from,
    groups,
    maxPoints,
    points,
    availableMaxPoints,
    score,
    rating,
    ratingLabel: rating ? ratingBandLabels[rating] : null,
  };
}

/** `GET /api/metrics/index`: the actor may read the unit's figures (docs/api/metrics.md "Who"). */
export async function computeIndex(db: Database, actor: Actor | null, query: MetricsPeriodQuery): Promise<MetricsIndexView> {
  const scope = await resolveScope(db, actor, query);
  return computeIndexForScope(db, scope, query.from, query.to);
}
