import { sql } from 'drizzle-orm';
import {
  NO_BASELINE_NOTE,
  NO_DOSSIERS_NOTE,
  type ProcessingTimesQuery,
  type ProcessingTimesRow,
  type ProcessingTimesView,
  ZERO_BASELINE_NOTE,
} from '../../contract/metrics-processing-times';
import { WORKING_MINUTES_PER_DAY } from '../../core/dossiers/timing';
import { baselinePeriodOf, changePercent } from '../../core/metrics/processing-times';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { metricsDossierFacts } from '../../db/schema/metrics';
import type { Actor } from '../auth';
import { committedTimeOn, versionsInForce } from '../catalog';
import { listSubtreeUnits } from '../org';
import { type MetricsScope, resolveScope } from './scope';
import { syncWorkDays } from './work-days';

/*
 * Measured, not only published (docs/api/metrics.md, "Measured processing time"): the working time the dossiers
 * resolved in a period took, per procedure or per child unit, against the same dates of 2024. The facts pick the
 * dossiers (resolved = a result issued, by end day and handling unit: their index) and carry each one's working
 * minutes (measureProcessingMinutes' definition, kept by the facts refresh of migration 0032); the median and the p90
 * are computed by the database, one grouped statement a period.
 */

const RESOLVED_OUTCOMES = sql`('early', 'on_time', 'late')`;

export type Statistics = { dossiers: number; median: number | null; p90: number | null };
export type Measured = { groups: Map<string, Statistics>; all: Statistics };
type StatisticsRow = {
  group_key: string | null;
  is_total: boolean;
  dossiers: number;
  /** The lower middle, the upper middle and the p90 (see UPPER_MIDDLE). */
  picks: (number | string | null)[] | string | null;
};

/** How the rows are made: the procedure of each fact, or the group (an index into `keys`) of its unit. */
export type Grouping = { kind: 'procedure' } | { kind: 'unit'; unitGroups: readonly number[]; keys: readonly string[] };

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * percentile_disc(f) is the ⌈f·n⌉-th smallest value (the first whose position reaches f·n). With f = 0.5 it is the
 * lower middle (⌈n/2⌉-th), with f = 0.5 + 10⁻¹⁰ the upper middle (⌊n/2⌋ + 1-th: f·n just above n/2 when n is even,
 * still below ⌈n/2⌉ when n is odd — for every n below 5·10⁹), with 0.9 the p90 (⌈0.9·n⌉-th). The three read the one
 * sorted list of each group.
 */
const UPPER_MIDDLE = '0.5000000001';

/**
 * The statistics of the working minutes of the dossiers resolved in [from, to] in the units, per group and in all.
 * The median is the mean of the lower middle and the upper middle — the middle value twice when n is odd —, the p90
 * the ⌈0.9·n⌉-th smallest, i.e. medianOfSorted and percentileOfSorted (core/metrics/processing-times.ts) of the same
 * values. One sort per group and one for the total (percentile_disc of an array of fractions); procedure codes
 * grouped byte-wise (the order of the groups does not matter, the rows are sorted afterwards).
 */
export async function measureStatistics(
  db: Executor,
  unitIds: readonly string[],
  period: { from: string; to: string },
  procedure: string | undefined,
  grouping: Grouping,
): Promise<Measured> {
  const measured: Measured = { groups: new Map(), all: { dossiers: 0, median: null, p90: null } };
  if (unitIds.length === 0) return measured;
  const resolvedIn = sql`f.end_day between ${period.from}::date and ${period.to}::date
        and f.unit_id = any(${uuidArray(unitIds)})
        and f.outcome in ${RESOLVED_OUTCOMES}
        and f.working_minutes is not null
        ${procedure ? sql`and f.procedure_code = ${procedure}` : sql``}`;
  const statistics = sql`count(*)::int as dossiers,
      percentile_disc(array[0.5, ${sql.raw(UPPER_MIDDLE)}, 0.9]) within group (order by f.working_minutes) as picks`;
  // By unit: the facts of the period first (their index on end day and unit), then grouped — joined to the units'
  // groups as a relation of its own, the planner would scan the index once per unit. By procedure: straight from it.
  const result =
    grouping.kind === 'unit'
      ? await db.execute(sql`
    with picked as materialized (select f.unit_id, f.working_minutes from ${metricsDossierFacts} f where ${resolvedIn})
    select g.group_index::text as group_key, grouping(g.group_index) = 1 as is_total, ${statistics}
    from picked f
      join unnest(${uuidArray(unitIds)}, ${`{${grouping.unitGroups.join(',')}}`}::int[]) as g(unit_id, group_index) on g.unit_id = f.unit_id
    group by grouping sets ((g.group_index), ())`)
      : await db.execute(sql`
    select (f.procedure_code collate "C")::text as group_key, grouping(f.procedure_code collate "C") = 1 as is_total, ${statistics}
    from ${metricsDossierFacts} f where ${resolvedIn}
    group by grouping sets ((f.procedure_code collate "C"), ())`);
  const rows = (result as unknown as { rows: StatisticsRow[] }).rows;
  for (const row of rows) {
    const [lower, upper, p90] = pickedValues(row.picks);
    const statistics: Statistics = {
      dossiers: Number(row.dossiers),
      median: lower === null || upper === null ? null : (lower + upper) / 2,
      p90,
    };
    if (row.is_total) measured.all = statistics;
    else if (grouping.kind === 'unit') measured.groups.set(grouping.keys[Number(row.group_key)]!, statistics);
    else measured.groups.set(row.group_key!, statistics);
  }
  return measured;
}

/** The three values of `picks` as numbers (a float8[] arrives parsed or as its text, by driver). */
function pickedValues(picks: StatisticsRow['picks']): [number | null, number | null, number | null] {
  const items = picks === null ? [] : typeof picks === 'string' ? picks.slice(1, -1).split(',') : picks;
  const value = (item: number | string | null | undefined) =>
    item === null || item === undefined || item === 'NULL' ? null : Number(item);
  return [value(items[0]), value(items[1]), value(items[2])];
}

const NO_STATISTICS: Statistics = { dossiers: 0, median: null, p90: null };

const minutesView = (value: number | null) => (value === null ? null : Math.round(value));
const daysView = (value: number | null) => (value === null ? null : Math.round((value / WORKING_MINUTES_PER_DAY) * 100) / 100);

function timesView(statistics: Statistics) {
  return {
    dossiers: statistics.dossiers,
    medianWorkingMinutes: minutesView(statistics.median),
    p90WorkingMinutes: minutesView(statistics.p90),
    medianWorkingDays: daysView(statistics.median),
    p90WorkingDays: daysView(statistics.p90),
  };
}

type RowHead = Pick<ProcessingTimesRow, 'key' | 'procedure' | 'unit'>;

/** A row: the period's figures, 2024's (null without dossiers — never a made-up baseline) and the change. */
function toRow(head: RowHead, measured: Statistics, baseline: Statistics | undefined): ProcessingTimesRow {
  const before = baseline ?? NO_STATISTICS;
  const change = changePercent(measured.median, before.dossiers > 0 ? before.median : null);
  let note: string | null = null;
  if (before.dossiers === 0) note = NO_BASELINE_NOTE;
  else if (measured.dossiers === 0) note = NO_DOSSIERS_NOTE;
  else if (change === null) note = ZERO_BASELINE_NOTE;
  return {
    ...head,
    measured: timesView(measured),
    baseline: before.dossiers > 0 ? timesView(before) : null,
    medianChangePercent: change,
    note,
    statutory: null,
    committed: null,
    hasApprovedProcess: null,
  };
}

type UnitHead = NonNullable<ProcessingTimesRow['unit']>;

/** Each unit of the subtree → the direct child of the scope's unit it lies under (the unit itself for its own dossiers). */
async function childUnitsOf(db: Executor, scope: MetricsScope): Promise<Map<string, UnitHead>> {
  const subtree = await listSubtreeUnits(db, scope.unit.id);
  const self: UnitHead = { ...scope.unit, isSelf: true };
  const children = subtree
    .filter((row) => row.parentId === scope.unit.id)
    .map((row) => ({ path: row.path, head: { id: row.id, code: row.code, name: row.name, isSelf: false } }));
  const groups = new Map<string, UnitHead>();
  for (const row of subtree) groups.set(row.id, children.find((child) => row.path.startsWith(child.path))?.head ?? self);
  return groups;
}

/** The procedures of a page: their name, statutory and committed time in force on `day` (the catalog's read API). */
async function withCatalogTimes(db: Executor, rows: ProcessingTimesRow[], day: string): Promise<ProcessingTimesRow[]> {
  const codes = rows.map((row) => row.key!);
  if (codes.length === 0) return rows;
  const relation = versionsInForce('v', day, { codes });
  const names = new Map((await db.select({ code: relation.code, name: relation.name }).from(relation)).map((row) => [row.code, row.name]));
  const out: ProcessingTimesRow[] = [];
  // One procedure after the other: a page is at most 100, each two or three indexed reads.
  for (const row of rows) {
    const time = await committedTimeOn(db, row.key!, day);
    out.push({
      ...row,
      procedure: { code: row.key!, name: names.get(row.key!) ?? null },
      statutory: time?.statutory ?? null,
      committed: time?.committed ?? null,
      hasApprovedProcess: time ? time.approval !== null : null,
    });
  }
  return out;
}

/** `GET /api/metrics/processing-times`: the measured times of a unit's subtree in a period, against 2024. */
export async function computeProcessingTimes(
  db: Database,
  actor: Actor | null,
  query: ProcessingTimesQuery,
  now = new Date(),
): Promise<ProcessingTimesView> {
  const scope = await resolveScope(db, actor, query);
  // The working minutes count on the work calendar's days and sessions: bring the facts in line with it first.
  await syncWorkDays(db);
  const units = query.groupBy === 'unit' ? await childUnitsOf(db, scope) : null;
  const unitHeads = new Map(units ? [...units.values()].map((head) => [head.code, head]) : []);
  const keys = [...unitHeads.keys()];
  const indexOfKey = new Map(keys.map((key, index) => [key, index]));
  const grouping: Grouping = units
    ? { kind: 'unit', keys, unitGroups: scope.unitIds.map((id) => indexOfKey.get(units.get(id)?.code ?? scope.unit.code)!) }
    : { kind: 'procedure' };
  const baselinePeriod = baselinePeriodOf(query.from, query.to);
  const current = await measureStatistics(db, scope.unitIds, query, query.procedure, grouping);
  const baseline = await measureStatistics(db, scope.unitIds, baselinePeriod, query.procedure, grouping);

  const sorted = [...current.groups.entries()]
    .map(([key, statistics]) => ({ key, statistics }))
    .sort((a, b) => b.statistics.dossiers - a.statistics.dossiers || a.key.localeCompare(b.key, 'vi'));
  const start = (query.page - 1) * query.pageSize;
  let items = sorted
    .slice(start, start + query.pageSize)
    .map(({ key, statistics }) =>
      toRow(
        { key, procedure: units ? null : { code: key, name: null }, unit: unitHeads.get(key) ?? null },
        statistics,
        baseline.groups.get(key),
      ),
    );
  // The times in force on the period's end, or today for a period still running (ISO days sort as text).
  const timesDay = [query.to, vietnamDate(now)].sort()[0]!;
  if (!units) items = await withCatalogTimes(db, items, timesDay);
  return {
    unit: scope.unit,
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    procedure: query.procedure ?? null,
    baselinePeriod,
    total: toRow({ key: null, procedure: null, unit: null }, current.all, baseline.all),
    items,
    totalItems: sorted.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}
