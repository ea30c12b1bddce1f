import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { conflict, forbidden, invalid, notFound } from '../../core/errors';
import { isConditionAbolished } from '../../core/reform/conditions';
import { normalizeText } from '../../core/text';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database } from '../../db/client';
import { units } from '../../db/schema/org';
import { businessConditions } from '../../db/schema/reform';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { getUnitById, listSubtreeUnitIds } from '../org';
import { can } from './policy';

type ConditionRow = typeof businessConditions.$inferSelect;
type ConditionInput = Omit<typeof businessConditions.$inferInsert, 'id' | 'version' | 'updatedAt' | 'isDemo'>;

function toConditionView(row: ConditionRow, unit: { name: string; path: string }, actor: Actor | null) {
  const { unitId, updatedAt: _updated, ...rest } = row;
  return { ...rest, unit: { id: unitId, name: unit.name }, canEdit: can(actor, 'condition.edit', [unit.path]) };
}

/**
 * NQ 66: the 2025 share is abolished ÷ every condition inventoried (simplified ones counted apart, not as abolished);
 * 2026 tracks the conditions of sectors outside the Investment Law's list of conditional sectors to 100 %.
 */
function summarize(rows: ConditionRow[]) {
  const isAbolished = (row: ConditionRow) => isConditionAbolished(row);
  const fields = [...new Set(rows.map((row) => row.field))].sort().map((field) => {
    const inField = rows.filter((row) => row.field === field);
    return {
      field,
      total: inField.length,
      abolished: inField.filter(isAbolished).length,
      simplified: inField.filter((row) => row.status === 'simplified').length,
    };
  });
  const abolished = rows.filter(isAbolished).length;
  const outside = rows.filter((row) => row.isOutsideConditionalList);
  const outsideAbolished = outside.filter(isAbolished).length;
  return {
    total: rows.length,
    unnecessary: rows.filter((row) => row.assessment !== 'necessary').length,
    abolished,
    simplified: rows.filter((row) => row.status === 'simplified').length,
    // A central condition recorded as abolished without its central text counts as proposed (isConditionAbolished).
    proposed: rows.filter((row) => row.status === 'proposed' || (row.status === 'abolished' && !isAbolished(row))).length,
    share: rows.length ? abolished / rows.length : null,
    outsideList: { total: outside.length, abolished: outsideAbolished, share: outside.length ? outsideAbolished / outside.length : null },
    fields,
  };
}

/**
 * The province abolishes (or simplifies) only the conditions of its own texts: a condition of a central text is
 * proposed to the ministry ('proposed') and reaches 'abolished' or 'simplified' only once the central text that
 * did it is recorded (`abolishedByText`).
 */
function assertProvinceMayCut(next: { sourceLevel: string; status: string; abolishedByText: string | null }) {
  if (next.sourceLevel !== 'central' || (next.status !== 'abolished' && next.status !== 'simplified') || next.abolishedByText) return;
  throw invalid([
    {
      path: 'status',
      message:
        'Điều kiện do văn bản của trung ương quy định: tỉnh chỉ kiến nghị bãi bỏ, đơn giản hóa (trạng thái "Đã đề xuất cắt giảm"). ' +
        'Chỉ ghi "Đã bãi bỏ" hoặc "Đã đơn giản hóa" khi nhập văn bản trung ương đã bãi bỏ, sửa đổi điều kiện.',
    },
  ]);
}

export async function listConditions(
  db: Database,
  actor: Actor | null,
  query: { field?: string; unit?: string; status?: ConditionRow['status']; assessment?: ConditionRow['assessment'] },
) {
  if (!can(actor, 'reform.read')) throw forbidden();
  const conditions: SQL[] = [];
  if (query.unit) conditions.push(inArray(businessConditions.unitId, await listSubtreeUnitIds(db, query.unit)));
  if (query.field) conditions.push(eq(businessConditions.field, query.field));
  if (query.status) conditions.push(eq(businessConditions.status, query.status));
  if (query.assessment) conditions.push(eq(businessConditions.assessment, query.assessment));
  const rows = await db
    .select({ condition: businessConditions, unit: { name: units.name, path: units.path } })
    .from(businessConditions)
    .innerJoin(units, eq(units.id, businessConditions.unitId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(businessConditions.field), asc(businessConditions.text));
  return {
    items: rows.map((row) => toConditionView(row.condition, row.unit, actor)),
    summary: summarize(rows.map((row) => row.condition)),
  };
}

const cleanText = <T extends Partial<ConditionInput>>(input: T): T => ({
  ...input,
  ...(input.text !== undefined ? { text: normalizeText(input.text) } : {}),
  ...(input.field !== undefined ? { field: normalizeText(input.field) } : {}),
  ...(input.abolishedByText ? { abolishedByText: normalizeText(input.abolishedByText) } : {}),
});

export async function createCondition(db: Database, actor: Actor | null, input: ConditionInput) {
  const unit = await getUnitById(db, input.unitId);
  if (!can(actor, 'condition.edit', [unit.path])) throw forbidden();
  assertProvinceMayCut(input as Required<Pick<ConditionInput, 'sourceLevel' | 'status'>> & { abolishedByText: string | null });
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(businessConditions).values(cleanText(input)).returning();
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'condition.create',
      entityType: 'business_condition',
      entityId: row!.id,
      data: { ...input },
    });
    return toConditionView(row!, unit, actor);
  });
}

export async function updateCondition(db: Database, actor: Actor | null, id: string, input: Partial<ConditionInput> & { version: number }) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(businessConditions).where(eq(businessConditions.id, id)).for('update');
    if (!current) throw notFound('điều kiện kinh doanh');
    const unit = await getUnitById(tx, current.unitId);
    const target = input.unitId ? await getUnitById(tx, input.unitId) : unit;
    if (!can(actor, 'condition.edit', [unit.path]) || !can(actor, 'condition.edit', [target.path])) throw forbidden();
    if (current.version !== input.version) throw conflict();
    const { version, ...changes } = input;
    assertProvinceMayCut({ ...current, ...changes });
    const statusChangedOn =
      changes.status && changes.status !== current.status && !changes.statusChangedOn ? vietnamDate() : changes.statusChangedOn;
    const [row] = await tx
      .update(businessConditions)
      .set({ ...cleanText(changes), ...(statusChangedOn ? { statusChangedOn } : {}), version: version + 1, updatedAt: new Date() })
      .where(eq(businessConditions.id, id))
      .returning();
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'condition.update',
      entityType: 'business_condition',
      entityId: id,
      data: { changes },
    });
    return toConditionView(row!, target, actor);
  });
}
