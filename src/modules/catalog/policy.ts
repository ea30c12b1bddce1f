import { type Actor, hasRole } from '../auth';

export type CatalogAction = 'procedure.read' | 'procedure.publish' | 'search.dictionary';

/** The catalog is public; procedure controllers and administrators publish versions and keep the search dictionary. */
export function can(actor: Actor | null, action: CatalogAction): boolean {
  if (action === 'procedure.read') return true;
  return hasRole(actor, 'admin', 'procedure_controller');
}
