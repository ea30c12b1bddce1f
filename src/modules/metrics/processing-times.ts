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

type Statistics = { dossiers: number; median: number | null; p90: number | null };
type Measured = { groups: Map<string, Statistics>; all: Statistics };
type StatisticsRow = {
  group_key: string | null;
  is_total: boolean;
  dossiers: number;
  lower_middle: number | null;
  upper_middle: number | null;
  p90: number | null;
};

/** How the rows are made: the procedure of each fact, or the group (an index into `keys`) of its unit. */
type Grouping = { kind: 'procedure' } | { kind: 'unit'; unitGroups: readonly number[]; keys: readonly string[] };

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * The statistics of the working minutes of the dossiers resolved in [from, to] in the units, per group and in all.
 * The median is the mean of the lower middle (percentile_disc(0.5): the ⌈n/2⌉-th smallest) and the upper middle (the
 * ⌈n/2⌉-th largest) — the middle value twice when n is odd —, the p90 percentile_disc(0.9): the ⌈0.9·n⌉-th smallest,
 * i.e. medianOfSorted and percentileOfSorted (core/metrics/processing-times.ts) of the same values.
 */
async function measureStatistics(
  db: Executor,
  unitIds: readonly string[],
  period: { from: string; to: string },
  procedure: string | undefined,
  grouping: Grouping,
): Promise<Measured> {
  const measured: Measured = { groups: new Map(), all: { dossiers: 0, median: null, p90: null } };
  if (unitIds.length === 0) return measured;
  const groupColumn = grouping.kind === 'unit' ? sql`g.group_index` : sql`f.procedure_code`;
  const groupJoin =
    grouping.kind === 'unit'
      ? sql`join unnest(${uuidArray(unitIds)}, ${`{${grouping.unitGroups.join(',')}}`}::int[]) as g(unit_id, group_index) on g.unit_id = f.unit_id`
      : sql``;
  // The facts of the period first (their index on end day and unit), then grouped: joined to the units' groups as a
  // relation of its own, the planner would scan the index once per unit.
  const result = await db.execute(sql`
    with picked as materialized (
      select f.unit_id, f.procedure_code, f.working_minutes from ${metricsDossierFacts} f
      where f.end_day between ${period.from}::date and ${period.to}::date
        and f.unit_id = any(${uuidArray(unitIds)})
        and f.outcome in ${RESOLVED_OUTCOMES}
        and f.working_minutes is not null
        ${procedure ? sql`and f.procedure_code = ${procedure}` : sql``}
    )
    select ${groupColumn}::text as group_key,
      grouping(${groupColumn}) = 1 as is_total, count(*)::int as dossiers,
      percentile_disc(0.5) within group (order by f.working_minutes) as lower_middle,
      percentile_disc(0.5) within group (order by f.working_minutes desc) as upper_middle,
      percentile_disc(0.9) within group (order by f.working_minutes) as p90
    from picked f ${groupJoin}
    group by grouping sets ((${groupColumn}), ())`);
  const rows = (result as unknown as { rows: StatisticsRow[] }).rows;
  for (const row of rows) {
    const lower = row.lower_middle === null ? null : Number(row.lower_middle);
    const upper = row.upper_middle === null ? null : Number(row.upper_middle);
    const statistics: Statistics = {
      dossiers: Number(row.dossiers),
      median: lower === null || upper === null ? null : (lower + upper) / 2,
      p90: row.p90 === null ? null : Number(row.p90),
    };
    if (row.is_total) measured.all = statistics;
    else if (grouping.kind === 'unit') measured.groups.set(grouping.keys[Number(row.group_key)]!, statistics);
    else measured.groups.set(row.group_key!, statistics);
  }
  return measured;
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
