import { and, gte, sql } from 'drizzle-orm';
import type { FrequentProcedures } from '../../contract/dossiers';
import { forbidden } from '../../core/errors';
import type { Database } from '../../db/client';
import { dossiers } from '../../db/schema/dossiers';
import { type Actor, hasRole } from '../auth';
import { listSubtreeUnitIds } from '../org';
import { within } from './uuid-list';

/** How far back the intake screen looks for the procedures a desk receives most. */
export const FREQUENT_PROCEDURE_DAYS = 90;
const LIMIT = 8;

/**
 * `GET /api/dossiers/frequent-procedures`: the procedures received most at the actor's desks (the units of their
 * desk-officer roles and below; an administrator: every desk) over the last 90 days, for the intake screen to offer
 * before anything is typed. Codes, names and counts only — nothing about the applicants.
 */
export async function listFrequentProcedures(db: Database, actor: Actor, now = new Date()): Promise<FrequentProcedures> {
  const isAdmin = hasRole(actor, 'admin');
  const desks = actor.roles.filter((held) => held.role === 'desk_officer');
  if (!isAdmin && desks.length === 0) throw forbidden('Chỉ cán bộ tiếp nhận hồ sơ mới xem được thủ tục hay tiếp nhận.');
  const everyDesk = isAdmin || desks.some((held) => !held.unitId);
  const unitIds = everyDesk ? [] : [...new Set((await Promise.all(desks.map((held) => listSubtreeUnitIds(db, held.unitId!)))).flat())];
  const since = new Date(now.getTime() - FREQUENT_PROCEDURE_DAYS * 86_400_000);
  const rows = await db
    .select({
      code: dossiers.procedureCode,
      name: sql<string>`(array_agg(${dossiers.procedureName} order by ${dossiers.receivedAt} desc))[1]`,
      count: sql<number>`count(*)::int`,
    })
    .from(dossiers)
    .where(and(gte(dossiers.receivedAt, since), within(dossiers.receivingUnitId, everyDesk ? null : unitIds)))
    .groupBy(dossiers.procedureCode)
    .orderBy(sql`count(*) desc`, dossiers.procedureCode)
    .limit(LIMIT);
  return { days: FREQUENT_PROCEDURE_DAYS, items: rows.map((row) => ({ ...row, count: Number(row.count) })) };
}
