import { and, asc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { ReceivingPlace } from '../../contract/org';
import type { Executor } from '../../db/client';
import { units } from '../../db/schema/org';

/**
 * Where a citizen submits a procedure's dossier, with the contact shown on its public page: the receiving units it
 * names, or else the one-stop desks (units of type desk, valid on `day`) placed directly under its handling units.
 * In the order the procedure names them; empty when neither gives a place.
 */
export async function listReceivingPlaces(
  db: Executor,
  procedure: { receivingUnitCodes: string[]; handlingUnitCodes: string[] },
  day: string,
): Promise<ReceivingPlace[]> {
  const columns = {
    code: units.code,
    name: units.name,
    address: units.address,
    phone: units.phone,
    email: units.email,
    openingHours: units.openingHours,
  };
  if (procedure.receivingUnitCodes.length > 0) {
    const rows = await db.select(columns).from(units).where(inArray(units.code, procedure.receivingUnitCodes));
    const byCode = new Map(rows.map((row) => [row.code, row]));
    return procedure.receivingUnitCodes.flatMap((code) => byCode.get(code) ?? []);
  }
  if (procedure.handlingUnitCodes.length === 0) return [];
  const handling = await db.select({ id: units.id }).from(units).where(inArray(units.code, procedure.handlingUnitCodes));
  if (handling.length === 0) return [];
  return db
    .select(columns)
    .from(units)
    .where(
      and(
        eq(units.type, 'desk'),
        inArray(
          units.parentId,
          handling.map((unit) => unit.id),
        ),
        lte(units.validFrom, day),
        or(isNull(units.validTo), gt(units.validTo, day)),
      ),
    )
    .orderBy(asc(units.code));
}
