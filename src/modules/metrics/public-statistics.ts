import type { PublicStatisticsView } from '../../contract/metrics-dashboard';
import { invalid } from '../../core/errors';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database } from '../../db/client';
import { getRootUnit, listSubtreeUnits } from '../org';
import { computeBieu06ForScope, computeIndexForScope, type MetricsScope, readMonthStartDay, reportingPeriod } from '.';
import { computeTrendForScope } from './dashboard';

/*
 * `GET /api/public/statistics` (công khai, docs/api/metrics-exports.md): the province's index, its Biểu 06 totals and
 * its months for a year so far — figures only, no dossier and no person. Anyone may ask, so an answer is kept a few
 * minutes per database and year: a burst of visitors costs one computation.
 */
const CACHE_MS = 5 * 60_000;
const cache = new WeakMap<Database, Map<number, { at: number; value: PublicStatisticsView }>>();

export async function readPublicStatistics(db: Database, year: number | undefined, now = new Date()): Promise<PublicStatisticsView> {
  const today = vietnamDate(now);
  const monthStartDay = await readMonthStartDay(db);
  const currentYear = Number(today.slice(0, 4)) + (today > reportingPeriod('year', Number(today.slice(0, 4)), 1, monthStartDay).to ? 1 : 0);
  const chosen = year ?? currentYear;
  if (chosen > currentYear)
    throw invalid([{ path: 'year', message: `Chưa có số liệu của năm ${chosen}.` }], `Chưa có số liệu của năm ${chosen}.`);
  const byYear = cache.get(db) ?? new Map();
  cache.set(db, byYear);
  const kept = byYear.get(chosen);
  if (kept && now.getTime() - kept.at < CACHE_MS) return kept.value;

  const root = await getRootUnit(db);
  const subtree = await listSubtreeUnits(db, root.id);
  const scope: MetricsScope = {
    unit: { id: root.id, code: root.code, name: root.name },
    unitIds: subtree.map((row) => row.id),
    unitCodes: subtree.map((row) => row.code),
  };
  const period = reportingPeriod('year', chosen, 1, monthStartDay);
  const isPastYear = period.to < today;
  const to = isPastYear ? period.to : today;
  const { unit: _unit, ...index } = await computeIndexForScope(db, scope, period.from, to);
  const bieu06 = await computeBieu06ForScope(db, scope, period.from, to);
  const trend = await computeTrendForScope(db, scope, period.from, to, now);
  const value: PublicStatisticsView = {
    unit: { code: root.code, name: root.name },
    year: chosen,
    from: period.from,
    to,
    index,
    totals: bieu06.totals,
    months: trend.months,
  };
  byYear.set(chosen, { at: now.getTime(), value });
  return value;
}
