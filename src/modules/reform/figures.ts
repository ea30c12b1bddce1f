import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FigureSource, OnlineLevel } from '../../contract/enums';
import type { CostActivity } from '../../contract/reform';
import { type CostResult, computeComplianceCost, processingHours, type TimeUnit } from '../../core/reform/cost';
import type { Executor } from '../../db/client';
import { costWorksheets, reformIncomeRates } from '../../db/schema/reform';
import { type VersionsInForce, versionsInForce } from '../catalog';

/** NQ 66 measures against 2024: the baseline of a procedure is its version in force on 31/12/2024. */
export const BASELINE_DAY = '2024-12-31';

export type WorksheetView = {
  id: string;
  activities: CostActivity[];
  feesVnd: number;
  otherCostsVnd: number;
  timesPerYear: number;
  subjectsPerYear: number;
  subjectsSource: FigureSource;
  incomeYear: number;
  hourlyIncomeVnd: number;
  note: string | null;
  version: number;
  result: CostResult;
};

export type Snapshot = {
  versionId: string;
  versionNo: number;
  effectiveFrom: string;
  decisionNumber: string | null;
  isAbolished: boolean;
  processingTime: { amount: number; unit: TimeUnit };
  /** An abolished procedure takes no time and costs nothing: abolition is a 100 % cut. */
  hours: number;
  worksheet: WorksheetView | null;
};

export type ReformRow = {
  code: string;
  name: string;
  field: string;
  businessRelated: boolean;
  isInternal: boolean;
  onlineLevel: OnlineLevel;
  locationIndependent: boolean;
  handlingUnitCodes: string[];
  baseline: Snapshot | null;
  current: Snapshot;
};

export type IncomeRates = Map<number, { hourlyIncomeVnd: number; hoursPerDay: number }>;

export async function loadIncomeRates(executor: Executor): Promise<IncomeRates> {
  const rows = await executor.select().from(reformIncomeRates);
  return new Map(rows.map((row) => [row.year, { hourlyIncomeVnd: row.hourlyIncomeVnd, hoursPerDay: row.hoursPerDay }]));
}

/** The rate of that year, or of the closest earlier year that has one. */
export function incomeRateFor(rates: IncomeRates, year: number): { hourlyIncomeVnd: number; hoursPerDay: number } | null {
  const years = [...rates.keys()].filter((candidate) => candidate <= year).sort((a, b) => b - a);
  return years.length ? rates.get(years[0]!)! : null;
}

type WorksheetRow = typeof costWorksheets.$inferSelect;

function toSnapshot(version: VersionColumns, worksheet: WorksheetRow | null, rates: IncomeRates): Snapshot {
  const processingTime = { amount: version.timeAmount, unit: version.timeUnit };
  return {
    versionId: version.versionId,
    versionNo: version.versionNo,
    effectiveFrom: version.effectiveFrom,
    decisionNumber: version.decisionNumber,
    isAbolished: version.isAbolished,
    processingTime,
    hours: version.isAbolished ? 0 : processingHours(processingTime.amount, processingTime.unit),
    worksheet: worksheet ? toWorksheetView(worksheet, rates, version.isAbolished) : null,
  };
}

export function toWorksheetView(row: WorksheetRow, rates: IncomeRates, isAbolished = false): WorksheetView {
  const hourlyIncomeVnd = incomeRateFor(rates, row.incomeYear)?.hourlyIncomeVnd ?? 0;
  const worksheet = {
    id: row.id,
    activities: row.activities,
    feesVnd: row.feesVnd,
    otherCostsVnd: row.otherCostsVnd,
    timesPerYear: row.timesPerYear,
    subjectsPerYear: row.subjectsPerYear,
    subjectsSource: row.subjectsSource,
    incomeYear: row.incomeYear,
    hourlyIncomeVnd,
    note: row.note,
    version: row.version,
  };
  const result = computeComplianceCost({
    hourlyIncome: hourlyIncomeVnd,
    activities: isAbolished ? [] : worksheet.activities,
    fees: isAbolished ? 0 : worksheet.feesVnd,
    otherCosts: isAbolished ? 0 : worksheet.otherCostsVnd,
    timesPerYear: worksheet.timesPerYear,
    subjectsPerYear: worksheet.subjectsPerYear,
  });
  return { ...worksheet, result };
}

type VersionColumns = {
  versionId: string;
  versionNo: number;
  effectiveFrom: string;
  decisionNumber: string | null;
  isAbolished: boolean;
  timeAmount: number;
  timeUnit: TimeUnit;
};

const versionColumns = (relation: VersionsInForce) => ({
  versionId: relation.versionId,
  versionNo: relation.versionNo,
  effectiveFrom: relation.effectiveFrom,
  decisionNumber: relation.decisionNumber,
  isAbolished: relation.isAbolished,
  timeAmount: relation.timeAmount,
  timeUnit: relation.timeUnit,
});

/**
 * Baseline and current figures of procedures in force today: those handled by any of `unitCodes`, or those with
 * the given `codes`. One query, whatever the number of procedures: the catalog's versions in force today and on
 * the baseline day, each joined with its worksheet (the read-side join of docs/adr/0002-module-walls.md).
 */
export async function loadReformRows(
  executor: Executor,
  filter: { unitCodes?: string[]; codes?: string[] },
  today: string,
): Promise<ReformRow[]> {
  const rates = await loadIncomeRates(executor);
  const current = versionsInForce('cur', today, filter.codes ? { codes: filter.codes } : { handledBy: filter.unitCodes ?? [] });
  const baseline = versionsInForce('base', BASELINE_DAY);
  const currentWorksheet = alias(costWorksheets, 'cw');
  const baselineWorksheet = alias(costWorksheets, 'bw');
  const rows = await executor
    .select({
      current: {
        ...versionColumns(current),
        code: current.code,
        name: current.name,
        field: current.field,
        businessRelated: current.businessRelated,
        internalGroup: current.internalGroup,
        onlineLevel: current.onlineLevel,
        locationIndependent: current.locationIndependent,
        handlingUnitCodes: current.handlingUnitCodes,
      },
      currentWorksheet,
      baseline: versionColumns(baseline),
      baselineWorksheet,
    })
    .from(current)
    .leftJoin(currentWorksheet, eq(currentWorksheet.procedureVersionId, current.versionId))
    .leftJoin(baseline, eq(baseline.code, current.code))
    .leftJoin(baselineWorksheet, eq(baselineWorksheet.procedureVersionId, baseline.versionId))
    .orderBy(asc(current.field), asc(current.code));
  return rows.map(({ current: version, currentWorksheet, baseline, baselineWorksheet }) => ({
    code: version.code,
    name: version.name,
    field: version.field,
    businessRelated: version.businessRelated,
    isInternal: version.internalGroup !== null || version.code.startsWith('5.'),
    onlineLevel: version.onlineLevel,
    locationIndependent: version.locationIndependent,
    handlingUnitCodes: version.handlingUnitCodes,
    baseline: baseline ? toSnapshot(baseline, baselineWorksheet, rates) : null,
    current: toSnapshot(version, currentWorksheet, rates),
  }));
}

/** Dossiers a year that a procedure's figures stand for (the weight of the weighted method). */
export function dossierVolume(row: ReformRow): number {
  const worksheet = row.current.worksheet ?? row.baseline?.worksheet;
  return worksheet ? worksheet.timesPerYear * worksheet.subjectsPerYear : 1;
}
