import { type Actor, hasRole } from '../auth';

export type CatalogAction = 'procedure.read' | 'procedure.publish';

/** The catalog is public; procedure controllers and administrators publish versions. */
export function can(actor: Actor | null, action: CatalogAction): boolean {
  if (action === 'procedure.read') return true;
  return hasRole(actor, 'admin', 'procedure_controller');
}
