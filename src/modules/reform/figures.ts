import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ReformScope } from '../../contract/enums';
import { computeComplianceCost, processingHours, type TimeUnit } from '../../core/reform/cost';
import type { Executor } from '../../db/client';
import { costWorksheets } from '../../db/schema/reform';
import { type VersionsInForce, versionHistory, versionsInForce } from '../catalog';
import { listVerticalAgencyUnitCodes } from '../org';
import { loadCostMethod } from './cost-method';
import type { Costing, ReformRow, Snapshot, WorksheetView } from './figure-types';
import { BASELINE_YEAR, incomeRateFor, loadIncomeRates } from './income-rates';
import { applyReplacements, loadReplacedBaselines, readReplacementLinks } from './replacements';

/** NQ 66 measures against 2024: the baseline of a procedure is its version in force on 31/12/2024. */
export const BASELINE_DAY = '2024-12-31';

export type { Costing, ReformRow, Snapshot, WorksheetView } from './figure-types';

export { BASELINE_YEAR, type IncomeRates, incomeRateFor, loadIncomeRates } from './income-rates';

type WorksheetRow = typeof costWorksheets.$inferSelect;

function toSnapshot(version: VersionColumns, worksheet: WorksheetRow | null, costing: Costing): Snapshot {
  const processingTime = { amount: version.timeAmount, unit: version.timeUnit };
  return {
    versionId: version.versionId,
    versionNo: version.versionNo,
    effectiveFrom: version.effectiveFrom,
    decisionNumber: version.decisionNumber,
    isAbolished: version.isAbolished,
    processingTime,
    hours: version.isAbolished ? 0 : processingHours(processingTime.amount, processingTime.unit),
    worksheet: worksheet ? toWorksheetView(worksheet, costing, version.isAbolished) : null,
    worksheetFromVersionNo: null,
    replacesCode: null,
  };
}

/**
 * A worksheet costed at the baseline year's hourly income (TT 02/2017 Điều 27, docs/DOMAIN.md §7), whatever year it
 * was drawn up in: before and after are compared at the same income, so that wage growth neither hides nor fakes a
 * cut. Only when no rate of 2024 or earlier exists is the worksheet's own year used.
 */
export function toWorksheetView(row: WorksheetRow, costing: Costing, isAbolished = false): WorksheetView {
  const baselineRate = incomeRateFor(costing.rates, BASELINE_YEAR);
  const costedAtYear = baselineRate ? BASELINE_YEAR : row.incomeYear;
  const hourlyIncomeVnd = (baselineRate ?? incomeRateFor(costing.rates, row.incomeYear))?.hourlyIncomeVnd ?? 0;
  const worksheet = {
    id: row.id,
    activities: row.activities,
    feesVnd: row.feesVnd,
    otherCostsVnd: row.otherCostsVnd,
    timesPerYear: row.timesPerYear,
    subjectsPerYear: row.subjectsPerYear,
    subjectsSource: row.subjectsSource,
    subjectsMeasured:
      row.subjectsSource === 'measured' && row.subjectsMeasuredFrom && row.subjectsMeasuredTo && row.subjectsMeasuredAt
        ? {
            period: { from: row.subjectsMeasuredFrom, to: row.subjectsMeasuredTo },
            dossiers: row.subjectsMeasuredDossiers ?? 0,
            measuredAt: row.subjectsMeasuredAt.toISOString(),
          }
        : null,
    incomeYear: row.incomeYear,
    costedAtYear,
    hourlyIncomeVnd,
    note: row.note,
    version: row.version,
  };
  const result = computeComplianceCost({
    hourlyIncome: hourlyIncomeVnd,
    waitingIncomeShare: costing.waitingIncomeShare,
    activities: isAbolished ? [] : worksheet.activities,
    fees: isAbolished ? 0 : worksheet.feesVnd,
    otherCosts: isAbolished ? 0 : worksheet.otherCostsVnd,
    timesPerYear: worksheet.timesPerYear,
    subjectsPerYear: worksheet.subjectsPerYear,
  });
  return { ...worksheet, result };
}

export async function loadCosting(executor: Executor): Promise<Costing> {
  // In turn: the executor may be a transaction's client (one query at a time).
  const rates = await loadIncomeRates(executor);
  const { method } = await loadCostMethod(executor);
  return { rates, waitingIncomeShare: method.waitingIncomeShare };
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
  const costing = await loadCosting(executor);
  const verticalUnits = await listVerticalAgencyUnitCodes(executor);
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
  const reformRows = rows.map(({ current: version, currentWorksheet, baseline, baselineWorksheet }): ReformRow => {
    const isInternal = version.internalGroup !== null || version.code.startsWith('5.');
    return {
      code: version.code,
      name: version.name,
      field: version.field,
      businessRelated: version.businessRelated,
      isInternal,
      scope: scopeOf(isInternal, version.handlingUnitCodes, verticalUnits),
      onlineLevel: version.onlineLevel,
      locationIndependent: version.locationIndependent,
      handlingUnitCodes: version.handlingUnitCodes,
      baseline: baseline ? toSnapshot(baseline, baselineWorksheet, costing) : null,
      current: toSnapshot(version, currentWorksheet, costing),
    };
  });
  await carryWorksheetsOver(executor, reformRows, costing);
  return compareReplacementsWithReplaced(executor, reformRows, costing, today);
}

/** A replaced procedure is not a 100 % cut: the new code is compared with the replaced code's 2024 version. */
async function compareReplacementsWithReplaced(executor: Executor, rows: ReformRow[], costing: Costing, today: string) {
  const links = await readReplacementLinks(
    executor,
    today,
    rows.map((row) => row.code),
  );
  if (links.size === 0) return rows;
  const replaced = await loadReplacedBaselines(
    executor,
    [...new Set([...links.values()].flat())],
    (version, worksheet) => toSnapshot(version, worksheet, costing),
    BASELINE_DAY,
  );
  return applyReplacements(rows, links, replaced);
}

/**
 * Scope of the NQ 66 figures (docs/api/reform.md, "Scope"): internal procedures (code 5.*, or an internal group)
 * are reported apart; so are the procedures of central vertical agencies, i.e. those whose every handling unit
 * belongs to a unit of type `vertical_agency` (Công an, Thuế, Hải quan, Kho bạc, NHNN, BHXH, THADS, courts), which
 * their ministries publish. A procedure handled by a provincial body too (liên thông) stays in the province's scope.
 */
export function scopeOf(isInternal: boolean, handlingUnitCodes: string[], verticalUnits: Set<string>): ReformScope {
  if (isInternal) return 'internal';
  return handlingUnitCodes.length > 0 && handlingUnitCodes.every((code) => verticalUnits.has(code)) ? 'vertical' : 'province';
}

/**
 * A version published without a worksheet of its own (a new version amending the procedure) keeps the procedure in
 * the figures: it shows the worksheet of the nearest earlier version that has one, marked to review, instead of
 * dropping out as "no worksheet". The catalog knows nothing of worksheets: reform reads the version history.
 */
async function carryWorksheetsOver(executor: Executor, rows: ReformRow[], costing: Costing) {
  const lacking = rows.filter((row) => row.current.worksheet === null && row.current.versionNo > 1);
  if (lacking.length === 0) return;
  const history = versionHistory('hist', [...new Set(lacking.map((row) => row.code))]);
  const earlier = await executor
    .select({ code: history.code, versionNo: history.versionNo, worksheet: costWorksheets })
    .from(history)
    .innerJoin(costWorksheets, eq(costWorksheets.procedureVersionId, history.versionId));
  for (const row of lacking) {
    const nearest = earlier
      .filter((candidate) => candidate.code === row.code && candidate.versionNo < row.current.versionNo)
      .sort((a, b) => b.versionNo - a.versionNo)[0];
    if (!nearest) continue;
    row.current.worksheet = toWorksheetView(nearest.worksheet, costing, row.current.isAbolished);
    row.current.worksheetFromVersionNo = nearest.versionNo;
  }
}

/** Dossiers a year that a procedure's figures stand for (the weight of the weighted method). */
export function dossierVolume(row: ReformRow): number {
  const worksheet = row.current.worksheet ?? row.baseline?.worksheet;
  return worksheet ? worksheet.timesPerYear * worksheet.subjectsPerYear : 1;
}
