import type { FigureSource, OnlineLevel, ReformScope } from '../../contract/enums';
import type { CostActivity } from '../../contract/reform';
import type { CostResult, TimeUnit } from '../../core/reform/cost';
import type { IncomeRates } from './income-rates';

/** The shapes of the NQ 66 figures (loaded by figures.ts). */
export type WorksheetView = {
  id: string;
  activities: CostActivity[];
  feesVnd: number;
  otherCostsVnd: number;
  timesPerYear: number;
  subjectsPerYear: number;
  subjectsSource: FigureSource;
  /** Source 'measured': the period counted (Vietnamese days), the dossiers received in it, when it was counted. */
  subjectsMeasured: { period: { from: string; to: string }; dossiers: number; measuredAt: string } | null;
  incomeYear: number;
  /** The year whose hourly income `result` is costed at (the baseline year, so that wage growth shows no cut). */
  costedAtYear: number;
  hourlyIncomeVnd: number;
  note: string | null;
  version: number;
  result: CostResult;
};

/** How worksheets are valued: one hourly income for both versions, waiting time at a share of it. */
export type Costing = { rates: IncomeRates; waitingIncomeShare: number };

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
  /** The worksheet is that of this earlier version, carried over to a version that has none yet (to review). */
  worksheetFromVersionNo: number | null;
  /** The baseline is the 2024 version of the procedure this one replaced (its code). */
  replacesCode: string | null;
};

export type ReformRow = {
  code: string;
  name: string;
  field: string;
  businessRelated: boolean;
  isInternal: boolean;
  /** Which NQ 66 figures the procedure counts in (docs/api/reform.md, "Scope"). */
  scope: ReformScope;
  onlineLevel: OnlineLevel;
  locationIndependent: boolean;
  handlingUnitCodes: string[];
  baseline: Snapshot | null;
  current: Snapshot;
};
