import { type Actor, hasRole } from '../auth';

export type CatalogAction = 'procedure.read' | 'procedure.publish' | 'search.dictionary' | 'search.configure';

/**
 * The catalog is public; procedure controllers and administrators publish versions and keep the search dictionary.
 * The ranking's settings (the popularity weight) are the administrators' alone: they change every search's order.
 */
export function can(actor: Actor | null, action: CatalogAction): boolean {
  if (action === 'procedure.read') return true;
  if (action === 'search.configure') return hasRole(actor, 'admin');
  return hasRole(actor, 'admin', 'procedure_controller');
}
