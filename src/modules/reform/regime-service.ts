import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { RegimeCreateInput, RegimeUpdateInput } from '../../contract/reform-regimes';
import { conflict, forbidden, notFound } from '../../core/errors';
import { normalizeText } from '../../core/text';
import type { Database, Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import { businessReportingRegimes } from '../../db/schema/reform';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { getUnitById, listSubtreeUnitIds } from '../org';
import { can } from './policy';

/**
 * Business reporting regimes (chế độ báo cáo của doanh nghiệp): the same permissions as business conditions —
 * staff read; editors over the regime's unit (and the new unit when it moves), the procedure controller and admins
 * write (`regime.edit` in policy.ts).
 *
 * The table has no version column: the optimistic version is PostgreSQL's row version `xmin`, the id of the
 * transaction that wrote the row as it stands, which every UPDATE renews (on PGlite as on PostgreSQL).
 */

type RegimeRow = typeof businessReportingRegimes.$inferSelect;

const rowVersion = sql<string>`${businessReportingRegimes}.xmin::text`;
const selection = { regime: businessReportingRegimes, version: rowVersion, unit: { name: units.name, path: units.path } };

type Selected = { regime: RegimeRow; version: string; unit: { name: string; path: string } };

function toRegimeView({ regime, version, unit }: Selected, actor: Actor | null) {
  const { unitId, ...rest } = regime;
  return {
    ...rest,
    unit: { id: unitId, name: unit.name },
    version: Number(version),
    canEdit: can(actor, 'regime.edit', [unit.path]),
  };
}

function selectRegimes(db: Executor, where: SQL | undefined) {
  return db
    .select(selection)
    .from(businessReportingRegimes)
    .innerJoin(units, eq(units.id, businessReportingRegimes.unitId))
    .where(where)
    .orderBy(asc(units.name), asc(businessReportingRegimes.name));
}

export async function listRegimes(db: Database, actor: Actor | null, query: { unit?: string }) {
  if (!can(actor, 'reform.read')) throw forbidden();
  const filters: SQL[] = [];
  if (query.unit) filters.push(inArray(businessReportingRegimes.unitId, await listSubtreeUnitIds(db, query.unit)));
  const rows = await selectRegimes(db, filters.length ? and(...filters) : undefined);
  const electronic = rows.filter((row) => row.regime.isElectronic).length;
  return {
    items: rows.map((row) => toRegimeView(row, actor)),
    summary: { total: rows.length, electronic, share: rows.length ? electronic / rows.length : null },
  };
}

async function findRegime(db: Executor, id: string): Promise<Selected> {
  const [row] = await selectRegimes(db, eq(businessReportingRegimes.id, id));
  if (!row) throw notFound('chế độ báo cáo');
  return row;
}

export async function getRegime(db: Database, actor: Actor | null, id: string) {
  if (!can(actor, 'reform.read')) throw forbidden();
  return toRegimeView(await findRegime(db, id), actor);
}

const cleanText = <T extends Partial<RegimeCreateInput>>(input: T): T => ({
  ...input,
  ...(input.name !== undefined ? { name: normalizeText(input.name) } : {}),
  ...(typeof input.legalBasis === 'string' ? { legalBasis: normalizeText(input.legalBasis) || null } : {}),
});

export async function createRegime(db: Database, actor: Actor | null, input: RegimeCreateInput) {
  const unit = await getUnitById(db, input.unitId);
  if (!can(actor, 'regime.edit', [unit.path])) throw forbidden();
  return db.transaction(async (tx) => {
    const values = cleanText(input);
    const [row] = await tx.insert(businessReportingRegimes).values(values).returning({ id: businessReportingRegimes.id });
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'regime.create',
      entityType: 'business_reporting_regime',
      entityId: row!.id,
      data: { ...values },
    });
    return toRegimeView(await findRegime(tx, row!.id), actor);
  });
}

/** Locks the regime, checks the actor may edit it (and its new unit) and that `version` is the one stored. */
async function lockForChange(tx: Executor, actor: Actor | null, id: string, version: number, newUnitId?: string) {
  const [current] = await tx
    .select({ regime: businessReportingRegimes, version: rowVersion })
    .from(businessReportingRegimes)
    .where(eq(businessReportingRegimes.id, id))
    .for('update');
  if (!current) throw notFound('chế độ báo cáo');
  const unit = await getUnitById(tx, current.regime.unitId);
  const target = newUnitId && newUnitId !== unit.id ? await getUnitById(tx, newUnitId) : unit;
  if (!can(actor, 'regime.edit', [unit.path]) || !can(actor, 'regime.edit', [target.path])) throw forbidden();
  if (Number(current.version) !== version) throw conflict();
  return current.regime;
}

export async function updateRegime(db: Database, actor: Actor | null, id: string, input: RegimeUpdateInput) {
  return db.transaction(async (tx) => {
    const { version, ...changes } = input;
    const current = await lockForChange(tx, actor, id, version, changes.unitId);
    const cleaned = cleanText(changes);
    // Every accepted PATCH writes the row, so that its version moves on as with the other records of the API.
    const values = Object.keys(cleaned).length > 0 ? cleaned : { name: current.name };
    await tx.update(businessReportingRegimes).set(values).where(eq(businessReportingRegimes.id, id));
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'regime.update',
      entityType: 'business_reporting_regime',
      entityId: id,
      data: { changes: cleaned },
    });
    return toRegimeView(await findRegime(tx, id), actor);
  });
}

/** A regime abolished or entered by mistake leaves the inventory; the audit event keeps what it was. */
export async function deleteRegime(db: Database, actor: Actor | null, id: string, version: number) {
  return db.transaction(async (tx) => {
    const regime = await lockForChange(tx, actor, id, version);
    await tx.delete(businessReportingRegimes).where(eq(businessReportingRegimes.id, id));
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'regime.delete',
      entityType: 'business_reporting_regime',
      entityId: id,
      data: { regime },
    });
    return { id, deleted: true as const };
  });
}
