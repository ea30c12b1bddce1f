/*
 * The metrics module's public API (docs/adr/0004-metrics-read-side.md, docs/api/metrics.md): the exports, the
 * dashboards and the periodic reports build on these functions, never on the tables.
 */
export type { Bieu06View, IndicatorDrillView, MetricsIndexView } from '../../contract/metrics';
export { dayAfter, dayBefore, type Period, previousPeriod, reportingPeriod } from '../../core/metrics/periods';
export { bieu06FromCounters, computeBieu06, computeBieu06ForScope, toBieu06Figures } from './bieu06';
export { type Counters, type CountersByField, sumCounters } from './counters';
/** The dashboards' series: the index month by month, the children side by side (bench/metrics.ts). */
export { computeRanking, computeTrendForScope, reportingMonthsWithin, toScoreFields } from './dashboard';
export { DRILL_PAGE_SIZE, drillForScope, drillIndicator } from './drill';
/** The heading of Biểu 06 (merged cells) and its numbered columns, shared by the exports and the periodic reports' annex. */
export { BIEU06_COLUMN_NUMBERS, BIEU06_HEADING, BIEU06_HEADING_ROWS, type HeadingCell } from './exports/bieu06-layout';
export { computeIndex, computeIndexForScope, dossierFraction } from './index-service';
/** Measured processing time against 2024; its statistics statement alone (bench/processing-times.ts). */
export {
  computeProcessingTimes,
  type Grouping as ProcessingTimesGrouping,
  measureStatistics as measureProcessingStatistics,
} from './processing-times';
/** Plain aggregation over the dossier tables: the check of the rollups (bench/metrics.ts, the tests). */
export { countersFromDossiers } from './raw';
export { countersFromRollups } from './rollups';
export { type MetricsScope, resolveScope } from './scope';
export { readMonthStartDay, readRatingBands, setMonthStartDay } from './settings';
export { syncWorkDays } from './work-days';
