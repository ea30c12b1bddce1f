import { sql } from 'drizzle-orm';
import type { FigureSource } from '../../contract/enums';
import type { CostActivity } from '../../contract/reform';
import { type CostResult, computeComplianceCost, processingHours, type TimeUnit } from '../../core/reform/cost';
import type { Executor } from '../../db/client';
import { reformIncomeRates } from '../../db/schema';

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
  onlineLevel: 'full' | 'partial' | 'none';
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

type SnapshotColumns = {
  version_id: string | null;
  version_no: number | null;
  effective_from: string | null;
  decision_number: string | null;
  is_abolished: boolean | null;
  time_amount: number | null;
  time_unit: TimeUnit | null;
  worksheet: Record<string, unknown> | null;
};

function toSnapshot(columns: SnapshotColumns, rates: IncomeRates): Snapshot | null {
  if (!columns.version_id) return null;
  const processingTime = { amount: Number(columns.time_amount), unit: columns.time_unit! };
  return {
    versionId: columns.version_id,
    versionNo: columns.version_no!,
    effectiveFrom: columns.effective_from!,
    decisionNumber: columns.decision_number,
    isAbolished: !!columns.is_abolished,
    processingTime,
    hours: columns.is_abolished ? 0 : processingHours(processingTime.amount, processingTime.unit),
    worksheet: columns.worksheet ? toWorksheetView(columns.worksheet, rates, !!columns.is_abolished) : null,
  };
}

export function toWorksheetView(raw: Record<string, unknown>, rates: IncomeRates, isAbolished = false): WorksheetView {
  const incomeYear = Number(raw.incomeYear);
  const hourlyIncomeVnd = incomeRateFor(rates, incomeYear)?.hourlyIncomeVnd ?? 0;
  const worksheet = {
    id: String(raw.id),
    activities: raw.activities as CostActivity[],
    feesVnd: Number(raw.feesVnd),
    otherCostsVnd: Number(raw.otherCostsVnd),
    timesPerYear: Number(raw.timesPerYear),
    subjectsPerYear: Number(raw.subjectsPerYear),
    subjectsSource: raw.subjectsSource as FigureSource,
    incomeYear,
    hourlyIncomeVnd,
    note: (raw.note as string | null) ?? null,
    version: Number(raw.version),
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

const snapshotSql = (alias: string, worksheetAlias: string, decisionAlias: string) =>
  sql.raw(`
  ${alias}.id as ${alias}_version_id, ${alias}.version_no as ${alias}_version_no, ${alias}.effective_from as ${alias}_effective_from,
  ${decisionAlias}.number as ${alias}_decision_number, ${alias}.is_abolished as ${alias}_is_abolished,
  ${alias}.time_amount::float8 as ${alias}_time_amount, ${alias}.time_unit as ${alias}_time_unit,
  case when ${worksheetAlias}.id is null then null else jsonb_build_object(
    'id', ${worksheetAlias}.id, 'activities', ${worksheetAlias}.activities, 'feesVnd', ${worksheetAlias}.fees_vnd,
    'otherCostsVnd', ${worksheetAlias}.other_costs_vnd, 'timesPerYear', ${worksheetAlias}.times_per_year,
    'subjectsPerYear', ${worksheetAlias}.subjects_per_year, 'subjectsSource', ${worksheetAlias}.subjects_source,
    'incomeYear', ${worksheetAlias}.income_year, 'note', ${worksheetAlias}.note, 'version', ${worksheetAlias}.version) end as ${alias}_worksheet`);

/**
 * Baseline and current figures of procedures in force today: those handled by any of `unitCodes`, or those with
 * the given `codes`. One query, whatever the number of procedures.
 */
export async function loadReformRows(
  executor: Executor,
  filter: { unitCodes?: string[]; codes?: string[] },
  today: string,
): Promise<ReformRow[]> {
  const rates = await loadIncomeRates(executor);
  const textArray = (values: string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
  const where = filter.codes
    ? sql`p.code = any(${textArray(filter.codes)})`
    : sql`cur.handling_unit_codes && ${textArray(filter.unitCodes ?? [])}`;
  const result = await executor.execute(sql`
    select p.code, cur.name, cur.field, cur.business_related, cur.internal_group, cur.online_level, cur.location_independent,
      cur.handling_unit_codes, ${snapshotSql('cur', 'cw', 'cd')}, ${snapshotSql('base', 'bw', 'bd')}
    from procedures p
    join procedure_versions cur on cur.procedure_id = p.id and cur.effective_from <= ${today}
      and (cur.effective_to is null or cur.effective_to > ${today})
    left join publication_decisions cd on cd.id = cur.decision_id
    left join cost_worksheets cw on cw.procedure_version_id = cur.id
    left join procedure_versions base on base.procedure_id = p.id and base.effective_from <= ${BASELINE_DAY}
      and (base.effective_to is null or base.effective_to > ${BASELINE_DAY})
    left join publication_decisions bd on bd.id = base.decision_id
    left join cost_worksheets bw on bw.procedure_version_id = base.id
    where ${where}
    order by cur.field, p.code`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  const pick = (row: Record<string, unknown>, prefix: string) =>
    Object.fromEntries(
      Object.entries(row)
        .filter(([key]) => key.startsWith(`${prefix}_`))
        .map(([key, value]) => [key.slice(prefix.length + 1), value]),
    ) as SnapshotColumns;
  return rows.map((row) => ({
    code: String(row.code),
    name: String(row.name),
    field: String(row.field),
    businessRelated: Boolean(row.business_related),
    isInternal: row.internal_group !== null || String(row.code).startsWith('5.'),
    onlineLevel: row.online_level as ReformRow['onlineLevel'],
    locationIndependent: Boolean(row.location_independent),
    handlingUnitCodes: row.handling_unit_codes as string[],
    baseline: toSnapshot(pick(row, 'base'), rates),
    current: toSnapshot(pick(row, 'cur'), rates)!,
  }));
}

/** Dossiers a year that a procedure's figures stand for (the weight of the weighted method). */
export function dossierVolume(row: ReformRow): number {
  const worksheet = row.current.worksheet ?? row.baseline?.worksheet;
  return worksheet ? worksheet.timesPerYear * worksheet.subjectsPerYear : 1;
}
