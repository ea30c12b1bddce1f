import { and, eq } from 'drizzle-orm';
import { createUserBodySchema } from '../../contract/auth';
import { AppError, invalid, notFound } from '../../core/errors';
import { normalizeText } from '../../core/text';
import type { Database, Executor } from '../../db/client';
import { userRoles, users } from '../../db/schema/auth';
import { recordAuditEvent } from '../audit';
import { hashPassword } from './password';
import { endSessionsOfUser } from './session-service';
import { assertPasswordAllowed } from './user-service';

/**
 * What the operator of the server does from the command line (`motcua admin ...`), before any account can log in:
 * the actor is the system, recorded as a null actor with `source: 'cli'` in the audit trail.
 */

export type NewAdministrator = { username: string; fullName: string; password: string };

/** Whether anyone can administer this installation: an active account holding the admin role. */
export async function hasActiveAdministrator(db: Executor): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, 'admin'), eq(users.isActive, true)))
    .limit(1);
  return !!row;
}

export async function createAdministrator(db: Database, input: NewAdministrator): Promise<{ id: string; username: string }> {
  const username = createUserBodySchema.shape.username.safeParse(input.username);
  const fullName = createUserBodySchema.shape.fullName.safeParse(input.fullName);
  const details = [
    ...(username.success ? [] : [{ path: 'username', message: username.error.issues[0]!.message }]),
    ...(fullName.success ? [] : [{ path: 'fullName', message: fullName.error.issues[0]!.message }]),
  ];
  if (details.length) throw invalid(details);
  await assertPasswordAllowed(db, username.data!, input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username.data!));
    if (existing) {
      throw new AppError('conflict', `Tên đăng nhập "${username.data}" đã tồn tại.`, [{ path: 'username', message: 'Đã tồn tại.' }]);
    }
    const [row] = await tx
      .insert(users)
      .values({ username: username.data!, fullName: normalizeText(fullName.data!), passwordHash })
      .returning({ id: users.id, username: users.username });
    await tx.insert(userRoles).values({ userId: row!.id, role: 'admin', unitId: null });
    await recordAuditEvent(tx, {
      actorId: null,
      action: 'user.create',
      entityType: 'user',
      entityId: row!.id,
      data: { after: { username: row!.username, fullName: fullName.data, roles: [{ role: 'admin', unitId: null }] }, source: 'cli' },
    });
    return row!;
  });
}

/** A new password set by the operator (a forgotten administrator password): every session of the account ends. */
export async function resetPassword(db: Database, usernameInput: string, password: string): Promise<void> {
  const username = usernameInput.trim().toLowerCase();
  const [target] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!target) throw notFound(`tài khoản "${username}"`);
  await assertPasswordAllowed(db, username, password);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ version: users.version }).from(users).where(eq(users.id, target.id));
    if (!current) throw notFound(`tài khoản "${username}"`);
    await tx
      .update(users)
      .set({ passwordHash, version: current.version + 1, updatedAt: new Date() })
      .where(eq(users.id, target.id));
    await endSessionsOfUser(tx, target.id);
    await recordAuditEvent(tx, {
      actorId: null,
      action: 'user.update',
      entityType: 'user',
      entityId: target.id,
      data: { passwordChanged: true, source: 'cli' },
    });
  });
}
