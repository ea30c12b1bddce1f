import { type Actor, hasRole } from '../auth';

export type UnitAction = 'unit.read' | 'unit.manage';

/** Units are public information; only administrators change the tree. */
export function can(actor: Actor | null, action: UnitAction): boolean {
  if (action === 'unit.read') return true;
  return hasRole(actor, 'admin');
}
