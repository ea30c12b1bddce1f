import { type Actor, hasRole } from '../auth';

export type PortalAction = 'portal.configure';

/** Everyone reads the portal's identity; administrators set it. */
export function can(actor: Actor | null, _action: PortalAction): boolean {
  return hasRole(actor, 'admin');
}
