import { and, count, countDistinct, eq, gte, inArray, isNotNull, lt, lte } from 'drizzle-orm';
import type { WorkCalendar } from '../../core/calendar';
import { civilFromDayNumber, dayNumberFromCivil, formatIsoDate, parseIsoDate, startOfDayInstant } from '../../core/calendar/dates';
import { processingWorkingMinutes } from '../../core/dossiers/timing';
import { medianOfSorted } from '../../core/metrics/processing-times';
import { vietnamDate } from '../../core/vietnam-time';
import type { Executor } from '../../db/client';
import { dossierPauses, dossiers } from '../../db/schema/dossiers';
import { getWorkCalendar } from '../calendar';
import { within } from './uuid-list';

/*
 * Real figures for the reform worksheets (issue 12 "Processing"): subjects per year and the median processing time
 * measured on the dossiers themselves.
 */

/** Dossiers of the procedure received (accepted) in the 12 months up to `asOf`. */
export async function measuredSubjectsPerYear(executor: Executor, procedureCode: string, asOf: Date): Promise<number> {
  const from = new Date(asOf);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  const [row] = await executor
    .select({ n: count() })
    .from(dossiers)
    .where(and(eq(dossiers.procedureCode, procedureCode), gte(dossiers.receivedAt, from), lt(dossiers.receivedAt, asOf)));
  return row?.n ?? 0;
}

/**
 * The median working time from receipt to result of the procedure's dossiers resolved in [from, to], paused time
 * excluded, in working minutes; null when none was resolved.
 */
export async function measuredMedianProcessingTime(
  executor: Executor,
  procedureCode: string,
  from: Date,
  to: Date,
): Promise<number | null> {
  const rows = await executor
    .select({ id: dossiers.id, receivedAt: dossiers.receivedAt, resolvedAt: dossiers.resolvedAt })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.procedureCode, procedureCode),
        isNotNull(dossiers.receivedAt),
        gte(dossiers.resolvedAt, from),
        lte(dossiers.resolvedAt, to),
      ),
    );
  if (rows.length === 0) return null;
  const calendar = await getWorkCalendar(executor);
  const pauses = await executor
    .select({ dossierId: dossierPauses.dossierId, startedAt: dossierPauses.startedAt, endedAt: dossierPauses.endedAt })
    .from(dossierPauses)
    .where(
      inArray(
        dossierPauses.dossierId,
        rows.map((row) => row.id),
      ),
    );
  return medianOfSorted(sortedMinutes(workingMinutesOf(calendar, rows, pauses)));
}

type TimedDossier = { id: string; receivedAt: Date | null; resolvedAt: Date | null };
type Pause = { dossierId: string; startedAt: Date; endedAt: Date | null };

/**
 * The one computation of a dossier's measured processing time (the reform page, the monitoring's measured times):
 * working minutes of the work calendar from receipt to resolution, its pauses (supplements) excluded; dossiers not
 * received or not resolved are left out.
 */
function workingMinutesOf(calendar: WorkCalendar, rows: readonly TimedDossier[], pauses: readonly Pause[]): Map<string, number> {
  const pausesOf = new Map<string, Pause[]>();
  for (const pause of pauses) {
    const list = pausesOf.get(pause.dossierId);
    if (list) list.push(pause);
    else pausesOf.set(pause.dossierId, [pause]);
  }
  const minutes = new Map<string, number>();
  for (const row of rows) {
    if (!row.receivedAt || !row.resolvedAt) continue;
    minutes.set(row.id, processingWorkingMinutes(calendar, row.receivedAt, row.resolvedAt, pausesOf.get(row.id) ?? []));
  }
  return minutes;
}

const sortedMinutes = (minutes: Map<string, number>) => Float64Array.from(minutes.values()).sort();

/** Ids read per query by measureProcessingMinutes, passed as one array literal (one bound parameter). */
const MEASURE_BATCH = 10_000;

/**
 * The measured processing time (working minutes, paused time excluded) of each of these dossiers, by id; those not
 * resolved are absent. The monitoring's "measured, not only published" picks the dossiers from its facts and asks
 * here, so that both measures share one computation (docs/api/metrics.md, "Measured processing time").
 */
export async function measureProcessingMinutes(executor: Executor, dossierIds: readonly string[]): Promise<Map<string, number>> {
  const minutes = new Map<string, number>();
  if (dossierIds.length === 0) return minutes;
  const calendar = await getWorkCalendar(executor);
  for (let start = 0; start < dossierIds.length; start += MEASURE_BATCH) {
    const ids = dossierIds.slice(start, start + MEASURE_BATCH);
    const rows = await executor
      .select({ id: dossiers.id, receivedAt: dossiers.receivedAt, resolvedAt: dossiers.resolvedAt })
      .from(dossiers)
      .where(within(dossiers.id, ids));
    const pauses = await executor
      .select({ dossierId: dossierPauses.dossierId, startedAt: dossierPauses.startedAt, endedAt: dossierPauses.endedAt })
      .from(dossierPauses)
      .where(within(dossierPauses.dossierId, ids));
    for (const [id, value] of workingMinutesOf(calendar, rows, pauses)) minutes.set(id, value);
  }
  return minutes;
}

/**
 * The window every measure of the reform pages and of search uses: the last 12 months of whole Vietnamese calendar
 * days before `now`'s day — from the same date a year earlier to yesterday (02/12/2026 → 02/12/2025–01/12/2026; a
 * 29/02 goes back to 01/03). Today is left out so that a measure taken in the morning and one in the evening agree.
 * `fromInstant` is 00:00 (UTC+7) of `from`, `toInstant` 00:00 of today, excluded.
 */
export type MeasurementPeriod = { from: string; to: string; fromInstant: Date; toInstant: Date };

export function lastTwelveMonths(now: Date): MeasurementPeriod {
  const today = parseIsoDate(vietnamDate(now));
  const { year, month, day } = civilFromDayNumber(today);
  // Date.UTC rolls 29/02 of a year without it over to 01/03.
  const from = dayNumberFromCivil(year - 1, month, day);
  return {
    from: formatIsoDate(from),
    to: formatIsoDate(today - 1),
    fromInstant: new Date(startOfDayInstant(from)),
    toInstant: new Date(startOfDayInstant(today)),
  };
}

const receivedWithin = (period: MeasurementPeriod) =>
  and(gte(dossiers.receivedAt, period.fromInstant), lt(dossiers.receivedAt, period.toInstant));

/**
 * The dossiers of a procedure received (accepted: the clock started) in the period, and how many distinct applicants
 * (CCCD or tax code) filed them: the subjects of the cost worksheet (TT 02/2017: cost × times × subjects).
 */
export async function measuredReceipts(
  executor: Executor,
  procedureCode: string,
  period: MeasurementPeriod,
): Promise<{ dossiers: number; applicants: number }> {
  const [row] = await executor
    .select({ dossiers: count(), applicants: countDistinct(dossiers.applicantIdNumber) })
    .from(dossiers)
    .where(and(eq(dossiers.procedureCode, procedureCode), receivedWithin(period)));
  return { dossiers: Number(row?.dossiers ?? 0), applicants: Number(row?.applicants ?? 0) };
}

/** Dossiers received in the period, per procedure code (codes without any are absent): search's popularity. */
export async function countReceivedDossiersByProcedure(executor: Executor, period: MeasurementPeriod): Promise<Map<string, number>> {
  const rows = await executor
    .select({ code: dossiers.procedureCode, dossiers: count() })
    .from(dossiers)
    .where(receivedWithin(period))
    .groupBy(dossiers.procedureCode);
  return new Map(rows.map((row) => [row.code, Number(row.dossiers)]));
}

/**
 * The procedure's dossiers resolved (a result issued: `resolvedAt`; a refusal in processing closes a dossier without
 * one, as in the metrics facts) in the period: how many, and the median
 * working time each took from receipt to resolution, paused time (supplements) excluded, in working minutes of the
 * work calendar (null when none was resolved).
 */
export async function measuredProcessing(
  executor: Executor,
  procedureCode: string,
  period: MeasurementPeriod,
): Promise<{ resolvedDossiers: number; medianWorkingMinutes: number | null }> {
  const resolvedWithin = and(
    eq(dossiers.procedureCode, procedureCode),
    isNotNull(dossiers.receivedAt),
    gte(dossiers.resolvedAt, period.fromInstant),
    lt(dossiers.resolvedAt, period.toInstant),
  );
  const rows = await executor
    .select({ id: dossiers.id, receivedAt: dossiers.receivedAt, resolvedAt: dossiers.resolvedAt })
    .from(dossiers)
    .where(resolvedWithin);
  if (rows.length === 0) return { resolvedDossiers: 0, medianWorkingMinutes: null };
  const calendar = await getWorkCalendar(executor);
  // The pauses of the same dossiers, by a join rather than a list of ids (a busy procedure has tens of thousands).
  const pauses = await executor
    .select({ dossierId: dossierPauses.dossierId, startedAt: dossierPauses.startedAt, endedAt: dossierPauses.endedAt })
    .from(dossierPauses)
    .innerJoin(dossiers, eq(dossiers.id, dossierPauses.dossierId))
    .where(resolvedWithin);
  const minutes = sortedMinutes(workingMinutesOf(calendar, rows, pauses));
  return { resolvedDossiers: rows.length, medianWorkingMinutes: medianOfSorted(minutes) };
}
