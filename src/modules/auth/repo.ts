import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { userRoles, users } from '../../db/schema/auth';
import { units } from '../../db/schema/org';
import type { Actor } from './actor';

/** Loads an active user with each role's unit path (for subtree scoping) and name. */
export async function loadActor(executor: Executor, userId: string): Promise<Actor | null> {
  const [user] = await executor
    .select({ id: users.id, username: users.username, fullName: users.fullName })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.isActive, true)));
  if (!user) return null;
  const roleRows = await executor
    .select({ role: userRoles.role, unitId: userRoles.unitId, unitPath: units.path, unitName: units.name })
    .from(userRoles)
    .leftJoin(units, eq(units.id, userRoles.unitId))
    .where(eq(userRoles.userId, userId));
  return { userId: user.id, username: user.username, fullName: user.fullName, roles: roleRows };
}

/** Full names of users by id (a dossier step's assignee, an event's receiver): no other personal data. */
export async function findUserNames(executor: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.fullName]));
}
