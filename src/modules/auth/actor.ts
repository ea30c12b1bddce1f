import { type Role, type signingForms, staffRoles } from '../../contract/enums';

export type ActorRole = { role: Role; unitId: string | null; unitPath: string | null; unitName: string | null };

/** Who is acting: loaded once per request from the session, passed explicitly to every service. */
export type Actor = {
  userId: string;
  username: string;
  fullName: string;
  /** The account's position and signing form (users.position, users.signing_form); absent in hand-built actors. */
  position?: string | null;
  signingForm?: (typeof signingForms)[number] | null;
  roles: ActorRole[];
};

export { staffRoles };

export function hasRole(actor: Actor | null, ...roles: Role[]): boolean {
  return !!actor && actor.roles.some((held) => roles.includes(held.role));
}

export function isStaff(actor: Actor | null): boolean {
  return hasRole(actor, ...staffRoles);
}

/**
 * True when one of the actor's `roles` is scoped to a unit whose subtree contains `unitPath` (the unit itself or one
 * below it). A role is a grant over a subtree: it never reaches up, so a division's specialist does not act on the
 * department, nor a commune's on the province. A staff role without a unit (administrators) covers the whole tree.
 */
export function hasRoleOver(actor: Actor | null, roles: readonly Role[], unitPath: string): boolean {
  if (!actor) return false;
  return actor.roles.some((held) => roles.includes(held.role) && (held.unitPath === null || unitPath.startsWith(held.unitPath)));
}
