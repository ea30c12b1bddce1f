import { type Actor, hasRole } from '../auth';

export type NotifyAction = 'notify.outbox.read' | 'notify.outbox.retry';

/** The outbox holds messages to citizens (masked, but still theirs): administrators only. */
export function can(actor: Actor | null, _action: NotifyAction): boolean {
  return hasRole(actor, 'admin');
}
