import type { Executor } from '../../db/client';
import type { Actor } from '../auth';
import { findUnitsByIds, listSubtreeUnitIds } from '../org';

/*
 * The units a desk serves (docs/api/dossiers.md "Intake"): a one-stop desk (unit type `desk`) serves the unit it
 * belongs to and everything below — the provincial centre serves the province, a department's desk the department,
 * a commune's desk the commune. Online and national-portal dossiers (no receiving desk yet) wait at the desks that
 * serve their handling unit.
 */

/** The root of what each desk-officer role of `actor` serves: the desk's parent for a desk, else the unit itself. */
async function servedRoots(executor: Executor, actor: Actor): Promise<{ id: string; path: string }[]> {
  const ids = actor.roles.flatMap((held) => (held.role === 'desk_officer' && held.unitId ? [held.unitId] : []));
  if (ids.length === 0) return [];
  const units = await findUnitsByIds(executor, ids);
  const parentIds = units.flatMap((unit) => (unit.type === 'desk' && unit.parentId ? [unit.parentId] : []));
  const parents = new Map((await findUnitsByIds(executor, parentIds)).map((unit) => [unit.id, unit]));
  return units.map((unit) => {
    const parent = unit.type === 'desk' && unit.parentId ? parents.get(unit.parentId) : undefined;
    return parent ? { id: parent.id, path: parent.path } : { id: unit.id, path: unit.path };
  });
}

/** The paths whose subtrees the actor's desks serve (for the pure rules of policy.ts). */
export async function deskServedPaths(executor: Executor, actor: Actor | null): Promise<string[]> {
  return actor ? (await servedRoots(executor, actor)).map((root) => root.path) : [];
}

/** The ids of every unit the actor's desks serve (for the inbox's SQL). */
export async function deskServedUnitIds(executor: Executor, actor: Actor): Promise<string[]> {
  const roots = await servedRoots(executor, actor);
  return [...new Set((await Promise.all(roots.map((root) => listSubtreeUnitIds(executor, root.id)))).flat())];
}
