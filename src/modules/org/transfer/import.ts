import { and, eq } from 'drizzle-orm';
import type { UnitType } from '../../../contract/enums';
import { unitTypeLabels } from '../../../contract/labels';
import { chunksOf } from '../../../core/chunks';
import { conflict, forbidden } from '../../../core/errors';
import type { Database, Executor } from '../../../db/client';
import { units } from '../../../db/schema/org';
import { refreshPlannerStatistics } from '../../../db/statistics';
import { recordAuditEvent } from '../../audit';
import type { Actor } from '../../auth';
import { runUnitMergeHandlers } from '../merge-hooks';
import { can } from '../policy';
import { allowedParents } from '../service';
import { fileError, type ParsedUnitFile, type RowError, type UnitRecord, type UnitRow } from './format';

/** 'system': the operator running the command line on the server, who already holds the database. */
export type UnitImportOptions = { actor: Actor | 'system'; isDryRun?: boolean; source: string };
export type UnitImportCounts = { created: number; updated: number; unchanged: number };
export type UnitImportResult = ({ ok: true; isDryRun: boolean } & UnitImportCounts) | { ok: false; errors: RowError[] };

type StoredUnit = typeof units.$inferSelect;
/** What the file may change in a unit that exists: everything but its place in the tree. */
const updatableKeys = [
  'name',
  'shortName',
  'validFrom',
  'validTo',
  'successorCode',
  'address',
  'phone',
  'email',
  'openingHours',
  'isOffice',
] as const;

type Plan = {
  errors: RowError[];
  creates: UnitRow[];
  updates: { row: UnitRow; stored: StoredUnit; changes: Partial<UnitRecord> }[];
  unchanged: number;
};

class RollbackSignal extends Error {}

/**
 * Imports every row or none, with the rules of the unit form (src/modules/org/service.ts): the parent and the
 * successor exist (in the file or the system), the type may sit under the parent's type, the validity period is in
 * order, one root. Rows may name parents that come later in the file. A unit that exists is updated (name, short
 * name, address, phone, e-mail, opening hours, validity, successor) but never moved: its parent and type change only in the admin pages.
 */
export async function importUnits(db: Database, file: ParsedUnitFile, options: UnitImportOptions): Promise<UnitImportResult> {
  if (options.actor !== 'system' && !can(options.actor, 'unit.manage')) throw forbidden();
  const actorId = options.actor === 'system' ? null : options.actor.userId;
  const errors = [...file.errors];
  if (file.rows.length === 0 && errors.length === 0) errors.push(fileError('Tệp không có đơn vị nào để nhập.'));
  let counts: UnitImportCounts = { created: 0, updated: 0, unchanged: 0 };
  try {
    await db.transaction(async (tx) => {
      const plan = planImport(file.rows, new Set(file.rejectedCodes), await tx.select().from(units));
      errors.push(...plan.errors);
      if (errors.length) throw new RollbackSignal();
      await applyPlan(tx, plan, actorId, options.source);
      counts = { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged };
      if (options.isDryRun) throw new RollbackSignal();
      await recordAuditEvent(tx, { actorId, action: 'unit.import', entityType: 'unit_tree', entityId: options.source, data: counts });
      await runUnitMergeHandlers(tx, { actorId });
    });
  } catch (error) {
    if (!(error instanceof RollbackSignal)) throw error;
  }
  if (errors.length) return { ok: false, errors };
  if (!options.isDryRun) await refreshPlannerStatistics(db, [units]);
  return { ok: true, isDryRun: !!options.isDryRun, ...counts };
}

const rowError = (row: UnitRow, path: string, message: string): RowError => ({ ...row.locate(path), path, message });
const typeLabel = (type: UnitType | null) => (type ? `"${unitTypeLabels[type]}"` : 'gốc cây');

function planImport(rows: UnitRow[], rejectedCodes: Set<string>, stored: StoredUnit[]): Plan {
  const storedByCode = new Map(stored.map((unit) => [unit.code, unit]));
  const codeById = new Map(stored.map((unit) => [unit.id, unit.code]));
  const fileByCode = new Map(rows.map((row) => [row.record.code, row]));
  const typeOf = (code: string) => fileByCode.get(code)?.record.type ?? storedByCode.get(code)?.type;
  const storedRoot = stored.find((unit) => unit.parentId === null);
  const plan: Plan = { errors: [], creates: [], updates: [], unchanged: 0 };
  let fileRoot: UnitRow | undefined;
  for (const row of rows) {
    const { record } = row;
    const errors: RowError[] = [];
    const existing = storedByCode.get(record.code);
    const parentType = record.parentCode === null ? null : typeOf(record.parentCode);
    if (record.parentCode === record.code) errors.push(rowError(row, 'parentCode', 'Đơn vị không thể là cấp trên của chính nó.'));
    else if (record.parentCode !== null && rejectedCodes.has(record.parentCode)) {
      // The parent's own row is refused and reported: checking against it would only repeat that.
    } else if (parentType === undefined) {
      errors.push(rowError(row, 'parentCode', `Không có đơn vị mã ${record.parentCode} (trong tệp hoặc trong hệ thống).`));
    } else if (!allowedParents[record.type].includes(parentType)) {
      const message = `Đơn vị loại ${typeLabel(record.type)} không thể trực thuộc ${parentType ? `đơn vị loại ${typeLabel(parentType)}` : 'gốc cây'}.`;
      errors.push(rowError(row, record.parentCode === null ? 'type' : 'parentCode', message));
    }
    if (record.parentCode === null && !existing) {
      const root = storedRoot
        ? `Hệ thống đã có đơn vị gốc ${storedRoot.code} (${storedRoot.name})`
        : fileRoot && `Tệp đã có đơn vị gốc ${fileRoot.record.code} ở dòng ${fileRoot.locate('code').row}`;
      if (root) errors.push(rowError(row, 'parentCode', `${root}: mỗi hệ thống chỉ có một cây đơn vị, một đơn vị gốc.`));
      fileRoot ??= row;
    }
    if (record.validTo && record.validTo < record.validFrom) {
      errors.push(rowError(row, 'validTo', 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.'));
    }
    if (record.successorCode === record.code) errors.push(rowError(row, 'successorCode', 'Đơn vị kế thừa không thể là chính nó.'));
    else if (record.successorCode !== null && typeOf(record.successorCode) === undefined && !rejectedCodes.has(record.successorCode)) {
      errors.push(rowError(row, 'successorCode', `Không có đơn vị mã ${record.successorCode} (trong tệp hoặc trong hệ thống).`));
    }
    if (existing) errors.push(...compareWithStored(row, existing, codeById, plan));
    else if (errors.length === 0) plan.creates.push(row);
    plan.errors.push(...errors);
  }
  // No loop of parents can pass: every allowed parent type ranks above its child's (province; district, department;
  // commune; division, desk), so a loop breaks the placement rule somewhere.
  return plan;
}

/** An existing unit keeps its place (parent and type); the other fields follow the file. */
function compareWithStored(row: UnitRow, existing: StoredUnit, codeById: Map<string, string>, plan: Plan): RowError[] {
  const storedParentCode = existing.parentId ? (codeById.get(existing.parentId) ?? null) : null;
  const errors: RowError[] = [];
  if (storedParentCode !== row.record.parentCode) {
    const message = `Đơn vị mã ${existing.code} đã có trong hệ thống với đơn vị cấp trên ${storedParentCode ?? '(không có)'}: tệp nhập không chuyển đơn vị sang cấp trên khác (dùng trang Quản trị › Đơn vị).`;
    errors.push(rowError(row, 'parentCode', message));
  }
  if (existing.type !== row.record.type) {
    const message = `Đơn vị mã ${existing.code} đã có trong hệ thống với loại ${typeLabel(existing.type)}: tệp nhập không đổi loại đơn vị (dùng trang Quản trị › Đơn vị).`;
    errors.push(rowError(row, 'type', message));
  }
  if (errors.length) return errors;
  const current: Pick<UnitRecord, (typeof updatableKeys)[number]> = {
    name: existing.name,
    shortName: existing.shortName,
    validFrom: existing.validFrom,
    validTo: existing.validTo,
    successorCode: existing.successorId ? (codeById.get(existing.successorId) ?? null) : null,
    address: existing.address,
    phone: existing.phone,
    email: existing.email,
    openingHours: existing.openingHours,
    isOffice: existing.isOffice,
  };
  const changes = Object.fromEntries(updatableKeys.filter((key) => current[key] !== row.record[key]).map((key) => [key, row.record[key]]));
  if (Object.keys(changes).length === 0) plan.unchanged += 1;
  else plan.updates.push({ row, stored: existing, changes });
  return [];
}

async function applyPlan(tx: Executor, plan: Plan, actorId: string | null, source: string) {
  const stored = await tx.select({ id: units.id, code: units.code, path: units.path }).from(units);
  const placed = new Map(stored.map((unit) => [unit.code, { id: unit.id, path: unit.path }]));
  // Parents first, so that each unit's materialised path is built from its parent's.
  let pending = plan.creates;
  const ordered: UnitRow[] = [];
  while (pending.length) {
    const ready = pending.filter((row) => row.record.parentCode === null || placed.has(row.record.parentCode));
    if (ready.length === 0) throw new Error('Units whose parent cannot be placed: the placement rules should have refused them');
    for (const row of ready) {
      const id = crypto.randomUUID();
      const parent = row.record.parentCode ? placed.get(row.record.parentCode)! : null;
      placed.set(row.record.code, { id, path: `${parent?.path ?? '/'}${id}/` });
      ordered.push(row);
    }
    pending = pending.filter((row) => !placed.has(row.record.code));
  }
  const values = ordered.map((row) => {
    const { code, parentCode, successorCode: _successor, ...fields } = row.record;
    return { ...fields, code, ...placed.get(code)!, parentId: parentCode ? placed.get(parentCode)!.id : null };
  });
  // Parents first in every chunk too; successors may come later in the file, so they are linked once all exist.
  for (const chunk of chunksOf(values, 500)) await tx.insert(units).values(chunk);
  for (const row of ordered) {
    const entityId = placed.get(row.record.code)!.id;
    await recordAuditEvent(tx, { actorId, action: 'unit.create', entityType: 'unit', entityId, data: { after: row.record, source } });
  }
  for (const row of ordered.filter((candidate) => candidate.record.successorCode)) {
    const successorId = placed.get(row.record.successorCode!)!.id;
    await tx
      .update(units)
      .set({ successorId })
      .where(eq(units.id, placed.get(row.record.code)!.id));
  }
  for (const { stored: current, changes } of plan.updates) {
    const { successorCode, ...fields } = changes;
    const successor = successorCode === undefined ? {} : { successorId: successorCode ? placed.get(successorCode)!.id : null };
    const [updated] = await tx
      .update(units)
      .set({ ...fields, ...successor, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(units.id, current.id), eq(units.version, current.version)))
      .returning({ id: units.id });
    if (!updated) throw conflict(`Đơn vị mã ${current.code} vừa được người khác sửa trong lúc nhập; hãy chạy lại lệnh nhập.`);
    await recordAuditEvent(tx, { actorId, action: 'unit.update', entityType: 'unit', entityId: current.id, data: { changes, source } });
  }
}
