import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Role, staffRoles } from '../../contract/enums';
import type { Executor } from '../../db/client';
import { userRoles, users } from '../../db/schema/auth';
import { units } from '../../db/schema/org';
import type { Actor } from './actor';

/** Loads an active user with each role's unit path (for subtree scoping) and name. */
export async function loadActor(executor: Executor, userId: string): Promise<Actor | null> {
  const [user] = await executor
    .select({
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      position: users.position,
      signingForm: users.signingForm,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.isActive, true)));
  if (!user) return null;
  const roleRows = await executor
    .select({ role: userRoles.role, unitId: userRoles.unitId, unitPath: units.path, unitName: units.name })
    .from(userRoles)
    .leftJoin(units, eq(units.id, userRoles.unitId))
    .where(eq(userRoles.userId, userId));
  const { id, ...account } = user;
  return { userId: id, ...account, roles: roleRows };
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

/** How a user can be reached: the account's e-mail and phone, either possibly absent. */
export type UserContact = { email: string | null; phone: string | null };

/**
 * The e-mail and phone of active users holding one of `roles` on one of `unitIds` exactly, those with neither left
 * out (the plans' reminders, by e-mail and SMS); one per user, in a stable order.
 */
export async function findStaffContacts(executor: Executor, roles: readonly Role[], unitIds: string[]): Promise<UserContact[]> {
  if (unitIds.length === 0 || roles.length === 0) return [];
  const rows = await executor
    .selectDistinct({ id: users.id, email: users.email, phone: users.phone })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(inArray(userRoles.role, [...roles]), inArray(userRoles.unitId, [...new Set(unitIds)]), eq(users.isActive, true)))
    .orderBy(users.id);
  return rows.filter((row) => row.email || row.phone).map((row) => ({ email: row.email, phone: row.phone }));
}

/** The e-mail and phone of an active user; null when inactive or with neither. */
export async function findUserContact(executor: Executor, id: string): Promise<UserContact | null> {
  const [row] = await executor
    .select({ email: users.email, phone: users.phone })
    .from(users)
    .where(and(eq(users.id, id), eq(users.isActive, true)));
  return row && (row.email || row.phone) ? row : null;
}

/** E-mail addresses of active users holding one of `roles` on one of `unitIds` exactly (the dossiers' warnings). */
export async function findStaffEmails(executor: Executor, roles: readonly Role[], unitIds: string[]): Promise<string[]> {
  const contacts = await findStaffContacts(executor, roles, unitIds);
  return [...new Set(contacts.flatMap((contact) => (contact.email ? [contact.email] : [])))];
}

/** The e-mail address of an active user, if they gave one. */
export async function findUserEmail(executor: Executor, id: string): Promise<string | null> {
  return (await findUserContact(executor, id))?.email ?? null;
}

/**
 * Active users holding `role` over the unit at `unitPath` or over a unit inside it (the specialists a dossier's
 * appraisal step may be assigned to): id, full name and the unit of that role only.
 */
export async function findUsersWithRoleNear(executor: Executor, role: Role, unitPath: string) {
  return executor
    .selectDistinct({ id: users.id, fullName: users.fullName, unitName: units.name })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .where(
      and(
        eq(userRoles.role, role),
        eq(users.isActive, true),
        sql`(${units.path} LIKE ${`${unitPath}%`} OR ${unitPath} LIKE ${units.path} || '%')`,
      ),
    )
    .orderBy(users.fullName)
    .limit(200);
}

/**
 * Active staff holding a staff role at `unitPath`'s unit or a unit below it (never above): the people a unit may
 * name responsible for a plan's task (issue 14). `userId` narrows it to one person (a check).
 */
export async function findStaffInSubtree(executor: Executor, unitPath: string, userId?: string) {
  return executor
    .selectDistinct({ id: users.id, fullName: users.fullName, unitName: units.name })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .where(
      and(
        inArray(userRoles.role, [...staffRoles]),
        eq(users.isActive, true),
        sql`${units.path} LIKE ${`${unitPath}%`}`,
        ...(userId ? [eq(users.id, userId)] : []),
      ),
    )
    .orderBy(users.fullName, units.name)
    .limit(500);
}
