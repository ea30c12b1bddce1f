import { type Actor, hasRole } from '../auth';

export type CalendarAction = 'calendar.read' | 'calendar.manage';

/** Everyone may read the working calendar; administrators enter the yearly announcements. */
export function can(actor: Actor | null, action: CalendarAction): boolean {
  if (action === 'calendar.read') return true;
  return hasRole(actor, 'admin');
}
