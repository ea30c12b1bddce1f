import { and, between, eq, inArray, type SQL } from 'drizzle-orm';
import {
  NO_BASELINE_NOTE,
  NO_DOSSIERS_NOTE,
  type ProcessingTimesQuery,
  type ProcessingTimesRow,
  type ProcessingTimesView,
  ZERO_BASELINE_NOTE,
} from '../../contract/metrics-processing-times';
import { formatIsoDate, parseIsoDate } from '../../core/calendar/dates';
import { WORKING_MINUTES_PER_DAY } from '../../core/dossiers/timing';
import { baselinePeriodOf, changePercent, medianOfSorted, percentileOfSorted } from '../../core/metrics/processing-times';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { metricsDossierFacts } from '../../db/schema/metrics';
import type { Actor } from '../auth';
import { committedTimeOn, versionsInForce } from '../catalog';
import { measureProcessingMinutes } from '../dossiers';
import { listSubtreeUnits } from '../org';
import { type MetricsScope, resolveScope } from './scope';

/*
 * Measured, not only published (docs/api/metrics.md, "Measured processing time"): the working time the dossiers
 * resolved in a period took, per procedure or per child unit, against the same dates of 2024. The facts pick the
 * dossiers (resolved = a result issued, by end day and handling unit: their index); the dossiers module measures each
 * one (measureProcessingMinutes, the computation of the reform page's median); only the minutes are kept, grouped.
 */

/**
 * Days of facts read at a time: a month is about 85,000 dossiers in a province resolving a million a year (a few MB
 * of ids), few enough round trips for a department's year (bench/processing-times.ts).
 */
const WINDOW_DAYS = 31;
const RESOLVED_OUTCOMES = ['early', 'on_time', 'late'] as const;

type Fact = { dossierId: string; unitId: string; procedureCode: string };
type Collected = { groups: Map<string, number[]>; all: number[] };

/** The measured minutes of the dossiers resolved in [from, to] in the units, grouped by `groupOf`. */
async function collectMinutes(
  db: Executor,
  unitIds: readonly string[],
  period: { from: string; to: string },
  procedure: string | undefined,
  groupOf: (fact: Fact) => string,
): Promise<Collected> {
  const collected: Collected = { groups: new Map(), all: [] };
  if (unitIds.length === 0) return collected;
  const last = parseIsoDate(period.to);
  for (let start = parseIsoDate(period.from); start <= last; start += WINDOW_DAYS) {
    const conditions: SQL[] = [
      between(metricsDossierFacts.endDay, formatIsoDate(start), formatIsoDate(Math.min(start + WINDOW_DAYS - 1, last))),
      inArray(metricsDossierFacts.unitId, [...unitIds]),
      inArray(metricsDossierFacts.outcome, [...RESOLVED_OUTCOMES]),
    ];
    if (procedure) conditions.push(eq(metricsDossierFacts.procedureCode, procedure));
    const facts = await db
      .select({
        dossierId: metricsDossierFacts.dossierId,
        unitId: metricsDossierFacts.unitId,
        procedureCode: metricsDossierFacts.procedureCode,
      })
      .from(metricsDossierFacts)
      .where(and(...conditions));
    const minutes = await measureProcessingMinutes(
      db,
      facts.map((fact) => fact.dossierId),
    );
    for (const fact of facts) {
      const value = minutes.get(fact.dossierId);
      if (value === undefined) continue;
      const key = groupOf(fact);
      const list = collected.groups.get(key);
      if (list) list.push(value);
      else collected.groups.set(key, [value]);
      collected.all.push(value);
    }
  }
  return collected;
}

type Statistics = { dossiers: number; median: number | null; p90: number | null };

function statisticsOf(minutes: readonly number[] | undefined): Statistics {
  const sorted = Float64Array.from(minutes ?? []).sort();
  return { dossiers: sorted.length, median: medianOfSorted(sorted), p90: percentileOfSorted(sorted, 90) };
}

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
function toRow(head: RowHead, current: readonly number[] | undefined, baseline: readonly number[] | undefined): ProcessingTimesRow {
  const measured = statisticsOf(current);
  const before = statisticsOf(baseline);
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
  const units = query.groupBy === 'unit' ? await childUnitsOf(db, scope) : null;
  const groupOf = units ? (fact: Fact) => units.get(fact.unitId)?.code ?? scope.unit.code : (fact: Fact) => fact.procedureCode;
  const baselinePeriod = baselinePeriodOf(query.from, query.to);
  const current = await collectMinutes(db, scope.unitIds, query, query.procedure, groupOf);
  const baseline = await collectMinutes(db, scope.unitIds, baselinePeriod, query.procedure, groupOf);

  const unitHeads = new Map(units ? [...units.values()].map((head) => [head.code, head]) : []);
  const sorted = [...current.groups.entries()]
    .map(([key, minutes]) => ({ key, minutes }))
    .sort((a, b) => b.minutes.length - a.minutes.length || a.key.localeCompare(b.key, 'vi'));
  const start = (query.page - 1) * query.pageSize;
  let items = sorted
    .slice(start, start + query.pageSize)
    .map(({ key, minutes }) =>
      toRow(
        { key, procedure: units ? null : { code: key, name: null }, unit: unitHeads.get(key) ?? null },
        minutes,
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
