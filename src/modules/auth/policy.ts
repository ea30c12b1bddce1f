import { type Actor, hasRole } from './actor';

export type UserAction = 'user.read' | 'user.manage';

/** Accounts are managed by administrators only. */
export function can(actor: Actor | null, action: UserAction): boolean {
  switch (action) {
    case 'user.read':
    case 'user.manage':
      return hasRole(actor, 'admin');
  }
}
