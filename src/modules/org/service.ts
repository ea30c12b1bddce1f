import { and, asc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import type { UnitType } from '../../contract/enums';
import type { CreateUnitInput, UnitView, UpdateUnitInput } from '../../contract/org';
import { AppError, conflict, forbidden, invalid, notFound } from '../../core/errors';
import { escapeLikePattern, normalizeText } from '../../core/text';
import type { Database, Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { runUnitMergeHandlers } from './merge-hooks';
import { can } from './policy';

type UnitRow = typeof units.$inferSelect;

/** Which unit types may sit under which: the province is the root; divisions belong to a department or commune. */
export const allowedParents: Record<UnitType, (UnitType | null)[]> = {
  province: [null],
  department: ['province'],
  division: ['department', 'commune', 'province', 'vertical_agency'],
  commune: ['province', 'district'],
  district: ['province'],
  desk: ['province', 'commune', 'department', 'vertical_agency'],
  vertical_agency: ['province'],
};

export function toUnitView(row: UnitRow): UnitView {
  const { path: _path, createdAt: _created, updatedAt: _updated, ...view } = row;
  return view;
}

export async function listUnits(db: Executor): Promise<UnitView[]> {
  const rows = await db.select().from(units).orderBy(asc(units.path), asc(units.name));
  return rows.map(toUnitView);
}

/** Whether the organisation tree has been loaded (a fresh installation has none until `motcua import units`). */
export async function hasUnits(db: Executor): Promise<boolean> {
  const [row] = await db.select({ id: units.id }).from(units).limit(1);
  return !!row;
}

export async function getUnitById(db: Executor, id: string): Promise<UnitRow> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  if (!row) throw notFound('đơn vị');
  return row;
}

export async function findUnitsByCodes(db: Executor, codes: string[]): Promise<UnitRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(units).where(inArray(units.code, codes));
}

export async function findUnitsByIds(db: Executor, ids: string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(units)
    .where(inArray(units.id, [...new Set(ids)]));
}

/** The unit and every unit above it, up to the root (a role over a division also reaches its department's steps). */
export async function listAncestorUnitIds(db: Executor, unitId: string): Promise<string[]> {
  const unit = await getUnitById(db, unitId);
  const rows = await db.select({ id: units.id }).from(units).where(sql`${unit.path} like ${units.path} || '%'`);
  return rows.map((row) => row.id);
}

/** Every unit in the subtree rooted at `unitId` (itself included). */
export async function listSubtreeUnits(db: Executor, unitId: string): Promise<UnitRow[]> {
  const root = await getUnitById(db, unitId);
  return db
    .select()
    .from(units)
    .where(like(units.path, `${escapeLikePattern(root.path)}%`));
}

export async function listSubtreeUnitIds(db: Executor, unitId: string): Promise<string[]> {
  return (await listSubtreeUnits(db, unitId)).map((row) => row.id);
}

/**
 * Codes of the units that belong to a central vertical agency (Công an, Thuế, Hải quan, Kho bạc, NHNN, BHXH, THADS,
 * courts): the agency itself and every unit below it. Its procedures are not the province's to publish or cut.
 */
export async function listVerticalAgencyUnitCodes(db: Executor): Promise<Set<string>> {
  const agencies = await db.select({ path: units.path }).from(units).where(eq(units.type, 'vertical_agency'));
  if (agencies.length === 0) return new Set();
  const rows = await db
    .select({ code: units.code })
    .from(units)
    .where(or(...agencies.map((agency) => like(units.path, `${escapeLikePattern(agency.path)}%`))));
  return new Set(rows.map((row) => row.code));
}

/** The root of the tree (the province), where province-wide figures start. */
export async function getRootUnit(db: Executor): Promise<UnitRow> {
  const [row] = await db.select().from(units).where(isNull(units.parentId)).orderBy(asc(units.createdAt)).limit(1);
  if (!row) throw notFound('đơn vị gốc (tỉnh)');
  return row;
}

export async function createUnit(db: Database, actor: Actor | null, input: CreateUnitInput): Promise<UnitView> {
  if (!can(actor, 'unit.manage')) throw forbidden();
  return db.transaction(async (tx) => {
    const parent = input.parentId ? await getUnitById(tx, input.parentId) : null;
    assertPlacement(input.type, parent);
    assertOfficeHasParent(input.isOffice ?? false, input.parentId);
    await assertCodeFree(tx, input.code);
    assertValidity(input.validFrom, input.validTo ?? null);
    if (input.successorId) await getUnitById(tx, input.successorId);
    const id = crypto.randomUUID();
    const [row] = await tx
      .insert(units)
      .values({ ...cleanUnitText(input), id, path: `${parent?.path ?? '/'}${id}/` })
      .returning();
    await recordAuditEvent(tx, { actorId: actor!.userId, action: 'unit.create', entityType: 'unit', entityId: id, data: { after: input } });
    return toUnitView(row!);
  });
}

export async function updateUnit(db: Database, actor: Actor | null, id: string, input: UpdateUnitInput): Promise<UnitView> {
  if (!can(actor, 'unit.manage')) throw forbidden();
  return db.transaction(async (tx) => {
    const current = await getUnitById(tx, id);
    if (current.version !== input.version) throw conflict();
    const { version: _version, ...changes } = input;
    const next = { ...current, ...cleanUnitText(changes) };
    if (changes.code && changes.code !== current.code) await assertCodeFree(tx, changes.code);
    assertValidity(next.validFrom, next.validTo);
    assertOfficeHasParent(next.isOffice, next.parentId);
    if (next.successorId === id) throw invalid([{ path: 'successorId', message: 'Đơn vị kế thừa không thể là chính nó.' }]);
    if (next.successorId) await getUnitById(tx, next.successorId);
    let path = current.path;
    if (changes.parentId !== undefined && changes.parentId !== current.parentId) {
      const parent = changes.parentId ? await getUnitById(tx, changes.parentId) : null;
      if (parent?.path.startsWith(current.path)) {
        throw invalid([{ path: 'parentId', message: 'Không thể chuyển đơn vị vào chính cây con của nó.' }]);
      }
      path = `${parent?.path ?? '/'}${id}/`;
      await tx
        .update(units)
        .set({ path: sql`${path} || substr(${units.path}, ${current.path.length + 1})` })
        .where(and(like(units.path, `${escapeLikePattern(current.path)}%`), sql`${units.id} <> ${id}`));
      assertPlacement(next.type, parent);
    } else if (changes.type && changes.type !== current.type) {
      assertPlacement(changes.type, current.parentId ? await getUnitById(tx, current.parentId) : null);
    }
    const [row] = await tx
      .update(units)
      .set({ ...cleanUnitText(changes), path, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(units.id, id), eq(units.version, input.version)))
      .returning();
    if (!row) throw conflict();
    await recordAuditEvent(tx, { actorId: actor!.userId, action: 'unit.update', entityType: 'unit', entityId: id, data: { changes } });
    if (changes.successorId !== undefined || changes.validTo !== undefined) await runUnitMergeHandlers(tx, { actorId: actor!.userId });
    return toUnitView(row);
  });
}

/** An office (Văn phòng) is the office of its parent: a unit at the root has none. */
function assertOfficeHasParent(isOffice: boolean, parentId: string | null) {
  if (isOffice && !parentId) throw invalid([{ path: 'isOffice', message: 'Đơn vị gốc không thể là văn phòng của đơn vị cấp trên.' }]);
}

function cleanUnitText<T extends Partial<CreateUnitInput>>(input: T): T {
  const result = { ...input };
  if (result.name !== undefined) result.name = normalizeText(result.name);
  if (result.shortName) result.shortName = normalizeText(result.shortName);
  if (result.address) result.address = normalizeText(result.address);
  if (result.openingHours) result.openingHours = normalizeText(result.openingHours);
  return result;
}

function assertPlacement(type: UnitType, parent: UnitRow | null) {
  if (!allowedParents[type].includes(parent?.type ?? null)) {
    throw invalid([
      { path: 'parentId', message: `Đơn vị loại "${type}" không thể trực thuộc ${parent ? `đơn vị loại "${parent.type}"` : 'gốc cây'}.` },
    ]);
  }
}

async function assertCodeFree(db: Executor, code: string) {
  const [existing] = await db.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (existing)
    throw new AppError('conflict', `Mã định danh ${code} đã được dùng cho đơn vị khác.`, [{ path: 'code', message: 'Mã đã tồn tại.' }]);
}

function assertValidity(validFrom: string, validTo: string | null | undefined) {
  if (validTo && validTo < validFrom) {
    throw invalid([{ path: 'validTo', message: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.' }]);
  }
}
