import { type Actor, hasRole } from './actor';

export type UserAction = 'user.read' | 'user.manage' | 'profile.manage';

/** Accounts are managed by administrators; citizens and businesses keep their own account information. */
export function can(actor: Actor | null, action: UserAction): boolean {
  switch (action) {
    case 'user.read':
    case 'user.manage':
      return hasRole(actor, 'admin');
    case 'profile.manage':
      return hasRole(actor, 'citizen', 'business');
  }
}
