import { eq } from 'drizzle-orm';
import type { WorksheetInput } from '../../contract/reform';
import { conflict, forbidden, invalid, notFound } from '../../core/errors';
import { reductionRatio } from '../../core/reform/cost';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database } from '../../db/client';
import { costWorksheets, reformIncomeRates } from '../../db/schema/reform';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { findVersionRef } from '../catalog';
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

/** Creates or replaces the worksheet of one version; the income rate of `incomeYear` must be known. */
export async function saveWorksheet(db: Database, actor: Actor | null, code: string, versionNo: number, input: WorksheetInput) {
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
  const saved = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(costWorksheets).where(eq(costWorksheets.procedureVersionId, version.versionId)).for('update');
    const { version: expectedVersion, ...values } = input;
    if (existing && existing.version !== expectedVersion) throw conflict();
    const [row] = existing
      ? await tx
          .update(costWorksheets)
          .set({ ...values, subjectsSource: 'entered', version: existing.version + 1, updatedBy: actor!.userId, updatedAt: new Date() })
          .where(eq(costWorksheets.id, existing.id))
          .returning()
      : await tx
          .insert(costWorksheets)
          .values({ ...values, procedureVersionId: version.versionId, subjectsSource: 'entered', updatedBy: actor!.userId })
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
