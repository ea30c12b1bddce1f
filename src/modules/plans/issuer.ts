import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import { isOfficeName, type PlanUnit } from './policy';

/** The issuer's unit and its offices (Văn phòng …), for `canEditPlan`. */
export async function loadIssuer(db: Executor, issuerUnitId: string): Promise<{ issuer: PlanUnit; offices: PlanUnit[] } | null> {
  const selection = { id: units.id, path: units.path, name: units.name, parentId: units.parentId };
  const [issuer] = await db.select(selection).from(units).where(eq(units.id, issuerUnitId));
  if (!issuer) return null;
  const children = await db.select(selection).from(units).where(eq(units.parentId, issuer.id));
  return { issuer, offices: children.filter((child) => isOfficeName(child.name)) };
}
