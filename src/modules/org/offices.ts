import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { units } from '../../db/schema/org';

export type OfficeUnit = { id: string; path: string; name: string; parentId: string | null };

/**
 * The units flagged as the office (Văn phòng) of `parentId` (`units.is_office`): the parent's procedure-control focal
 * point (NĐ 63/2010, NĐ 92/2017). The plans module decides from these who edits a unit's plans.
 */
export async function listOfficeUnits(db: Executor, parentId: string): Promise<OfficeUnit[]> {
  return db
    .select({ id: units.id, path: units.path, name: units.name, parentId: units.parentId })
    .from(units)
    .where(and(eq(units.parentId, parentId), eq(units.isOffice, true)));
}
