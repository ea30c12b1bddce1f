import { eq } from 'drizzle-orm';
import type { WorksheetInput } from '../../contract/reform';
import { WORKING_MINUTES_PER_DAY } from '../../core/dossiers/timing';
import { conflict, forbidden, invalid, notFound } from '../../core/errors';
import { reductionRatio } from '../../core/reform/cost';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database } from '../../db/client';
import { costWorksheets, reformIncomeRates } from '../../db/schema/reform';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { committedTimeOn, findVersionRef } from '../catalog';
import { lastTwelveMonths, measuredProcessing, measuredReceipts } from '../dossiers';
import { findUnitsByCodes } from '../org';
import { loadCosting, loadReformRows, type ReformRow, type Snapshot, toWorksheetView } from './figures';
import { can } from './policy';

function snapshotView(snapshot: Snapshot | null) {
  if (!snapshot) return null;
  const { versionId: _id, isAbolished: _abolished, ...view } = snapshot;
  return view;
}

export function toProcedureReformView(row: ReformRow) {
  const baselineCost = row.baseline?.worksheet?.result.annualCost ?? null;
  const currentCost = row.current.worksheet?.result.annualCost ?? null;
  return {
    code: row.code,
    name: row.name,
    field: row.field,
    businessRelated: row.businessRelated,
    isInternal: row.isInternal,
    scope: row.scope,
    baseline: snapshotView(row.baseline),
    current: snapshotView(row.current)!,
    timeReduction: reductionRatio(row.baseline?.hours ?? null, row.current.hours),
    costReduction: reductionRatio(baselineCost, currentCost),
  };
}

export async function getProcedureReform(db: Database, actor: Actor | null, code: string) {
  if (!can(actor, 'reform.read')) throw forbidden();
  const [row] = await loadReformRows(db, { codes: [code] }, vietnamDate());
  if (!row) throw notFound(`thủ tục ${code} đang có hiệu lực`);
  const handlingUnits = await findUnitsByCodes(db, row.handlingUnitCodes);
  return {
    ...toProcedureReformView(row),
    canEdit: can(
      actor,
      'worksheet.edit',
      handlingUnits.map((unit) => unit.path),
    ),
  };
}

/**
 * What the dossiers of the procedure measured over the last 12 months before `now`'s day (docs/api/reform.md,
 * "Measured figures"): received dossiers and their applicants (what a measured worksheet would take), and the
 * median processing time of those resolved, beside the statutory and committed time in force today.
 */
export async function getProcedureMeasures(db: Database, actor: Actor | null, code: string, now = new Date()) {
  if (!can(actor, 'reform.read')) throw forbidden();
  const time = await committedTimeOn(db, code, vietnamDate(now));
  if (!time) throw notFound(`thủ tục ${code} đang có hiệu lực`);
  const period = lastTwelveMonths(now);
  const received = await measuredReceipts(db, code, period);
  const processing = await measuredProcessing(db, code, period);
  const minutes = processing.medianWorkingMinutes;
  return {
    code,
    period: { from: period.from, to: period.to },
    received,
    processing: {
      statutory: time.statutory,
      committed: time.committed,
      hasApprovedProcess: time.approval !== null,
      resolvedDossiers: processing.resolvedDossiers,
      medianWorkingMinutes: minutes === null ? null : Math.round(minutes),
      medianWorkingDays: minutes === null ? null : Math.round((minutes / WORKING_MINUTES_PER_DAY) * 10) / 10,
    },
  };
}

/**
 * The subjects columns a save writes: entered as sent, or measured now — the distinct applicants of the dossiers
 * received in the last 12 months, with the period and the date kept, so that the figure stays what was measured
 * until someone measures again.
 */
async function subjectsOf(db: Database, code: string, input: WorksheetInput, now: Date) {
  if (input.subjectsSource === 'entered') {
    return {
      subjectsPerYear: input.subjectsPerYear!,
      subjectsSource: 'entered' as const,
      subjectsMeasuredFrom: null,
      subjectsMeasuredTo: null,
      subjectsMeasuredDossiers: null,
      subjectsMeasuredAt: null,
    };
  }
  const period = lastTwelveMonths(now);
  const received = await measuredReceipts(db, code, period);
  return {
    subjectsPerYear: received.applicants,
    subjectsSource: 'measured' as const,
    subjectsMeasuredFrom: period.from,
    subjectsMeasuredTo: period.to,
    subjectsMeasuredDossiers: received.dossiers,
    subjectsMeasuredAt: now,
  };
}

/** Creates or replaces the worksheet of one version; the income rate of `incomeYear` must be known. */
export async function saveWorksheet(
  db: Database,
  actor: Actor | null,
  code: string,
  versionNo: number,
  input: WorksheetInput,
  now = new Date(),
) {
  const version = await findVersionRef(db, code, versionNo);
  if (!version) throw notFound(`phiên bản ${versionNo} của thủ tục ${code}`);
  const handlingUnits = await findUnitsByCodes(db, version.handlingUnitCodes);
  if (
    !can(
      actor,
      'worksheet.edit',
      handlingUnits.map((unit) => unit.path),
    )
  )
    throw forbidden();
  const costing = await loadCosting(db);
  const rates = costing.rates;
  if (![...rates.keys()].some((year) => year <= input.incomeYear)) {
    throw invalid([{ path: 'incomeYear', message: `Chưa có mức thu nhập bình quân theo giờ của năm ${input.incomeYear}.` }]);
  }
  const subjects = await subjectsOf(db, code, input, now);
  const saved = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(costWorksheets).where(eq(costWorksheets.procedureVersionId, version.versionId)).for('update');
    const { version: expectedVersion, subjectsSource: _source, subjectsPerYear: _subjects, ...entered } = input;
    if (existing && existing.version !== expectedVersion) throw conflict();
    const values = { ...entered, ...subjects };
    const [row] = existing
      ? await tx
          .update(costWorksheets)
          .set({ ...values, version: existing.version + 1, updatedBy: actor!.userId, updatedAt: now })
          .where(eq(costWorksheets.id, existing.id))
          .returning()
      : await tx
          .insert(costWorksheets)
          .values({ ...values, procedureVersionId: version.versionId, updatedBy: actor!.userId, updatedAt: now })
          .returning();
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'reform.worksheet',
      entityType: 'procedure',
      entityId: code,
      data: { versionNo, worksheet: values },
    });
    return row!;
  });
  return toWorksheetView(saved, costing);
}

export async function listIncomeRates(db: Database) {
  const rows = await db.select().from(reformIncomeRates).orderBy(reformIncomeRates.year);
  return { items: rows };
}

export async function setIncomeRate(
  db: Database,
  actor: Actor | null,
  year: number,
  input: { hourlyIncomeVnd: number; hoursPerDay: number; source: string | null },
) {
  if (!can(actor, 'reform.configure')) throw forbidden();
  await db.transaction(async (tx) => {
    await tx
      .insert(reformIncomeRates)
      .values({ year, ...input })
      .onConflictDoUpdate({ target: reformIncomeRates.year, set: input });
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'reform.income_rate',
      entityType: 'income_rate',
      entityId: String(year),
      data: input,
    });
  });
  return listIncomeRates(db);
}
