import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import { listOfficeUnits } from '../org';
import type { PlanUnit } from './policy';

/** The issuer's unit and its offices (the children flagged `isOffice` in the unit tree), for `canEditPlan`. */
export async function loadIssuer(db: Executor, issuerUnitId: string): Promise<{ issuer: PlanUnit; offices: PlanUnit[] } | null> {
  const selection = { id: units.id, path: units.path, name: units.name, parentId: units.parentId };
  const [issuer] = await db.select(selection).from(units).where(eq(units.id, issuerUnitId));
  if (!issuer) return null;
  return { issuer, offices: await listOfficeUnits(db, issuer.id) };
}
