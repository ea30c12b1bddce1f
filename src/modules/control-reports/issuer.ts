import { abbreviateUnit, type TreeUnit } from '../../core/documents/issuing-body';
import type { Executor } from '../../db/client';
import { findUnitsByIds, getUnitById } from '../org';

/** The unit and its ancestors (the path holds their ids from the root down), nearest first. */
export async function loadUnitChain(executor: Executor, unitId: string): Promise<TreeUnit[]> {
  const unit = await getUnitById(executor, unitId);
  const ancestorIds = unit.path.split('/').filter((id) => id !== '' && id !== unit.id);
  const rows = ancestorIds.length ? await findUnitsByIds(executor, ancestorIds) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ancestors = ancestorIds
    .reverse()
    .map((id) => byId.get(id))
    .filter((row) => row !== undefined);
  return [unit, ...ancestors].map((row) => ({ name: row.name, shortName: row.shortName, type: row.type }));
}

export const symbolOf = abbreviateUnit;
