import type { Executor } from '../../../db/client';
import { units } from '../../../db/schema/org';
import type { UnitRecord } from './format';

/**
 * Every unit, those that ended included (their successors link to them), as a tree walk: each unit before its
 * children, children by code, so that the file reads like the organisation chart and imports in one pass.
 */
export async function collectUnits(db: Executor): Promise<UnitRecord[]> {
  const rows = await db.select().from(units);
  const codeById = new Map(rows.map((row) => [row.id, row.code]));
  const children = new Map<string | null, typeof rows>();
  for (const row of rows) {
    const siblings = children.get(row.parentId) ?? [];
    siblings.push(row);
    children.set(row.parentId, siblings);
  }
  const records: UnitRecord[] = [];
  const visit = (parentId: string | null) => {
    const siblings = (children.get(parentId) ?? []).sort((left, right) => left.code.localeCompare(right.code));
    for (const row of siblings) {
      records.push({
        code: row.code,
        name: row.name,
        shortName: row.shortName,
        type: row.type,
        parentCode: row.parentId ? codeById.get(row.parentId)! : null,
        validFrom: row.validFrom,
        validTo: row.validTo,
        successorCode: row.successorId ? (codeById.get(row.successorId) ?? null) : null,
        address: row.address,
        phone: row.phone,
        email: row.email,
        openingHours: row.openingHours,
        isOffice: row.isOffice,
      });
      visit(row.id);
    }
  };
  visit(null);
  return records;
}
