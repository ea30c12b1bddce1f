import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import { AppError } from '../../core/errors';
import type { Database, Executor } from '../../db/client';
import { sessions, users } from '../../db/schema/auth';
import { recordAuditEvent } from '../audit';
import type { Actor } from './actor';
import { addressGroupOf, forgetAttempts, releaseAttempt, reserveAttempt, sweepExpiredThrottles, tooManyAttempts } from './login-throttle';
import { verifyPassword } from './password';
import { loadActor } from './repo';

export type LoginPolicy = { maxFailures: number; lockMs: number; sessionTtlMs: number };
export type LoginInput = { username: string; password: string; ipAddress: string; userAgent: string | null };
export type LoginResult = { token: string; csrfToken: string; expiresAt: Date; actor: Actor };

/** Several accounts may share one office address (NAT), so an address may fail more often than one account. */
const ADDRESS_FAILURE_FACTOR = 4;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function login(db: Database, policy: LoginPolicy, input: LoginInput): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const clock = { now: new Date(), lockMs: policy.lockMs };
  const address = { key: `address:${addressGroupOf(input.ipAddress)}`, maxFailures: policy.maxFailures * ADDRESS_FAILURE_FACTOR };
  const account = { key: `account:${username}`, maxFailures: policy.maxFailures };
  await sweepExpiredThrottles(db, clock);

  const addressAttempt = await reserveAttempt(db, address, clock);
  if (!addressAttempt.isAllowed) throw tooManyAttempts(addressAttempt.lockedUntil, clock);
  const accountAttempt = await reserveAttempt(db, account, clock);
  if (!accountAttempt.isAllowed) {
    // No password was checked: the office address must not pay for one locked account.
    await releaseAttempt(db, address);
    throw tooManyAttempts(accountAttempt.lockedUntil, clock);
  }

  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const isValid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !isValid || !user.isActive) {
    if (user && isValid && !user.isActive) throw new AppError('forbidden', 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.');
    throw new AppError('unauthenticated', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + policy.sessionTtlMs);
  await db.transaction(async (tx) => {
    await forgetAttempts(tx, account.key);
    await releaseAttempt(tx, address);
    await tx.delete(sessions).where(lt(sessions.expiresAt, new Date()));
    await tx.insert(sessions).values({
      id: hashToken(token),
      userId: user.id,
      csrfToken,
      expiresAt,
      ipAddress: input.ipAddress,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      data: { ipAddress: input.ipAddress },
    });
  });
  const actor = await loadActor(db, user.id);
  if (!actor) throw new AppError('internal', 'Không tải được thông tin người dùng.');
  return { token, csrfToken, expiresAt, actor };
}

export type SessionView = { actor: Actor; csrfToken: string; sessionId: string };

export async function findSession(db: Database, token: string): Promise<SessionView | null> {
  const sessionId = hashToken(token);
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, new Date())));
  if (!session) return null;
  const actor = await loadActor(db, session.userId);
  if (!actor) return null;
  return { actor, csrfToken: session.csrfToken, sessionId };
}

export async function logout(db: Database, sessionId: string, actor: Actor) {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, sessionId));
    await recordAuditEvent(tx, { actorId: actor.userId, action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}

/** Ends every session of a user (deactivation, password change by an administrator). */
export async function endSessionsOfUser(executor: Executor, userId: string) {
  await executor.delete(sessions).where(eq(sessions.userId, userId));
}
