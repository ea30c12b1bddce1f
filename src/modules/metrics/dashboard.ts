import type { MetricsIndexView, MetricsPeriodQuery } from '../../contract/metrics';
import type { MetricsRankingView, MetricsTrendView, RankingItem, TrendPoint } from '../../contract/metrics-dashboard';
import { TREND_MAX_MONTHS } from '../../contract/metrics-dashboard';
import { invalid } from '../../core/errors';
import { reportingPeriod } from '../../core/metrics/periods';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database } from '../../db/client';
import type { Actor } from '../auth';
import { getWorkCalendar } from '../calendar';
import type { PublishedItem } from '../catalog';
import { listSubtreeUnits } from '../org';
import { type Fraction, proceduresOnline, proceduresOnlineReader, publishedItemsLoader } from './catalog-figures';
import { type Counters, type CountersByField, sumCounters } from './counters';
import { computeIndexForScope } from './index-service';
import { indicatorSetOn, indicatorSetsOn } from './indicator-set';
import { countersFromRollupsGrouped } from './rollups';
import { type MetricsScope, resolveScope } from './scope';
import { readMonthStartDay, readRatingBands } from './settings';
import { syncWorkDays } from './work-days';

/*
 * The dashboards' two series (docs/api/metrics-exports.md): a unit's index month by month, and its children side by
 * side. Each point is the index of the metrics module for that month or that child, so the dashboard and the index
 * page always agree. One pass a request: the counters of every month or child in one grouped statement, the work days
 * synced, the indicator set, the rating bands and the catalog's figures read once, then each index computed by
 * `computeIndexForScope` from its share (dashboard.test.ts compares both series with one index a month or a child).
 */

type ScoreFields = Omit<TrendPoint, 'year' | 'month' | 'from' | 'to'>;

const once = <T>(read: () => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => {
    value ??= read();
    return value;
  };
};

const totalOf = (rows: CountersByField | undefined) => sumCounters((rows ?? []).map((row) => row.counters));

export function toScoreFields(index: MetricsIndexView, counters: Counters): ScoreFields {
  return {
    score: index.score,
    rating: index.rating,
    ratingLabel: index.ratingLabel,
    points: index.points,
    availableMaxPoints: index.availableMaxPoints,
    maxPoints: index.maxPoints,
    groupPoints: Object.fromEntries(index.groups.map((group) => [group.code, group.points])),
    indicators: Object.fromEntries(
      index.groups
        .flatMap((group) => group.indicators)
        .map((indicator) => [
          indicator.code,
          { numerator: indicator.numerator, denominator: indicator.denominator, ratio: indicator.ratio, points: indicator.points },
        ]),
    ),
    received: counters.received,
    receivedOnline: counters.receivedOnline,
    resolvedEarly: counters.early,
    resolvedOnTime: counters.onTime,
    resolvedLate: counters.late,
    inProgress: counters.inProgress,
    overdue: counters.overdue,
  };
}

/** The reporting months (start day `monthStartDay`) that overlap [from, to], each cut to it, none starting after `today`. */
export function reportingMonthsWithin(from: string, to: string, monthStartDay: number, today: string) {
  const months: { year: number; month: number; from: string; to: string }[] = [];
  let year = Number(from.slice(0, 4)) - 1;
  let month = 12;
  for (let guard = 0; guard < 1_000; guard++) {
    const period = reportingPeriod('month', year, month, monthStartDay);
    if (period.from > to || period.from > today) break;
    if (period.to >= from) {
      months.push({ year, month, from: period.from < from ? from : period.from, to: period.to > to ? to : period.to });
    }
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
  return months;
}

/** `GET /api/metrics/trend`: the unit's index and counts per reporting month of the period. */
export async function computeTrend(
  db: Database,
  actor: Actor | null,
  query: MetricsPeriodQuery,
  now = new Date(),
): Promise<MetricsTrendView> {
  const scope = await resolveScope(db, actor, query);
  return computeTrendForScope(db, scope, query.from, query.to, now);
}

export async function computeTrendForScope(
  db: Database,
  scope: MetricsScope,
  from: string,
  to: string,
  now = new Date(),
): Promise<MetricsTrendView> {
  const months = reportingMonthsWithin(from, to, await readMonthStartDay(db), vietnamDate(now));
  if (months.length > TREND_MAX_MONTHS) {
    throw invalid(
      [{ path: 'to', message: `Tối đa ${TREND_MAX_MONTHS} tháng.` }],
      `Biểu đồ theo tháng tối đa ${TREND_MAX_MONTHS} tháng; hãy chọn kỳ ngắn hơn.`,
    );
  }
  const points: TrendPoint[] = [];
  if (!months.length) return { unit: scope.unit, from, to, months: points };
  await syncWorkDays(db);
  const grouped = await countersFromRollupsGrouped(db, new Map(scope.unitIds.map((id) => [id, 'scope'])), months);
  const sets = await indicatorSetsOn(
    db,
    months.map((month) => month.to),
  );
  const ratingBands = await readRatingBands(db);
  const items = publishedItemsLoader(db, scope.unitCodes, months[0]!.from, months.at(-1)!.to);
  // One month after the other: on two cores, parallel queries only queue up behind each other.
  for (const [position, month] of months.entries()) {
    const counters = totalOf(grouped.get('scope')?.[position]);
    const index = await computeIndexForScope(db, scope, month.from, month.to, counters, {
      set: sets.get(month.to)!,
      ratingBands,
      calendar: () => getWorkCalendar(db),
      publishedItems: async () => (await items()).filter((item) => item.effectiveDate >= month.from && item.effectiveDate <= month.to),
      proceduresOnline: () => proceduresOnline(db, scope.unitCodes, month.to),
    });
    points.push({ ...month, ...toScoreFields(index, counters) });
  }
  return { unit: scope.unit, from, to, months: points };
}

/** `GET /api/metrics/ranking`: the unit's direct children (desks left out), best score first. */
export async function computeRanking(db: Database, actor: Actor | null, query: MetricsPeriodQuery): Promise<MetricsRankingView> {
  const scope = await resolveScope(db, actor, query);
  const subtree = await listSubtreeUnits(db, scope.unit.id);
  const parent = subtree.find((row) => row.id === scope.unit.id);
  const children = subtree.filter((row) => row.parentId === scope.unit.id && row.type !== 'desk' && row.validTo === null);
  const items: RankingItem[] = [];
  const childScopes = children.map((child) => {
    const below = subtree.filter((row) => row.path.startsWith(child.path));
    const childScope: MetricsScope = {
      unit: { id: child.id, code: child.code, name: child.name },
      unitIds: below.map((row) => row.id),
      unitCodes: below.map((row) => row.code),
    };
    return { child, scope: childScope };
  });
  if (childScopes.length) {
    await syncWorkDays(db);
    const unitGroups = new Map(childScopes.flatMap(({ scope: part }) => part.unitIds.map((id) => [id, part.unit.id] as const)));
    const grouped = await countersFromRollupsGrouped(db, unitGroups, [{ from: query.from, to: query.to }]);
    const set = await indicatorSetOn(db, query.to);
    const ratingBands = await readRatingBands(db);
    // The subtree's catalog figures read once, each child's part kept in memory: the items and versions it handles.
    const allItems = publishedItemsLoader(db, scope.unitCodes, query.from, query.to);
    const online = once(() => proceduresOnlineReader(db, scope.unitCodes, query.to));
    for (const { child, scope: part } of childScopes) {
      const codes = new Set(part.unitCodes);
      const handled = (item: PublishedItem) => item.handlingUnitCodes.some((code) => codes.has(code));
      const counters = totalOf(grouped.get(part.unit.id)?.[0]);
      const index = await computeIndexForScope(db, part, query.from, query.to, counters, {
        set,
        ratingBands,
        calendar: () => getWorkCalendar(db),
        publishedItems: once(async () => (await allItems()).filter(handled)),
        proceduresOnline: async (): Promise<Fraction> => (await online())(part.unitCodes),
      });
      items.push({ unit: part.unit, type: child.type, ...toScoreFields(index, counters) });
    }
  }
  items.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.unit.name.localeCompare(b.unit.name, 'vi'));
  return { unit: parent ? { id: parent.id, code: parent.code, name: parent.name } : scope.unit, from: query.from, to: query.to, items };
}
