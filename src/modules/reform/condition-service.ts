import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { conflict, forbidden, notFound } from '../../core/errors';
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

/** "Unnecessary" counts every condition assessed as not necessary (also overlapping or vague ones, NQ 66 2026). */
function summarize(rows: ConditionRow[]) {
  const isUnnecessary = (row: ConditionRow) => row.assessment !== 'necessary';
  const isCut = (row: ConditionRow) => isUnnecessary(row) && (row.status === 'abolished' || row.status === 'simplified');
  const fields = [...new Set(rows.map((row) => row.field))].sort().map((field) => {
    const inField = rows.filter((row) => row.field === field);
    return { field, total: inField.length, unnecessary: inField.filter(isUnnecessary).length, cut: inField.filter(isCut).length };
  });
  const unnecessary = rows.filter(isUnnecessary).length;
  const cut = rows.filter(isCut).length;
  return { total: rows.length, unnecessary, cut, share: unnecessary ? cut / unnecessary : null, fields };
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
});

export async function createCondition(db: Database, actor: Actor | null, input: ConditionInput) {
  const unit = await getUnitById(db, input.unitId);
  if (!can(actor, 'condition.edit', [unit.path])) throw forbidden();
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
