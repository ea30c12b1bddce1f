import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import { AppError } from '../../core/errors';
import type { Database, Executor } from '../../db/client';
import { sessions, users } from '../../db/schema/auth';
import { recordAuditEvent } from '../audit';
import type { Actor } from './actor';
import { localPasswordProvider } from './identity-providers';
import { addressGroupOf, forgetAttempts, releaseAttempt, reserveAttempt, sweepExpiredThrottles, tooManyAttempts } from './login-throttle';
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

  const authenticated = await localPasswordProvider.authenticate(db, { username, password: input.password });
  if (authenticated.outcome !== 'accepted') {
    if (authenticated.outcome === 'inactive') throw new AppError('forbidden', 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.');
    if (authenticated.outcome === 'unverified') {
      throw new AppError('forbidden', 'Tài khoản chưa được xác minh. Vui lòng nhập mã xác minh đã gửi tới bạn, hoặc đăng ký lại.');
    }
    throw new AppError('unauthenticated', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  const userId = authenticated.userId;
  const session = await db.transaction(async (tx) => {
    await forgetAttempts(tx, account.key);
    await releaseAttempt(tx, address);
    return startSession(tx, userId, { ...input, sessionTtlMs: policy.sessionTtlMs, provider: localPasswordProvider.name });
  });
  const actor = await loadActor(db, userId);
  if (!actor) throw new AppError('internal', 'Không tải được thông tin người dùng.');
  return { ...session, actor };
}

export type SessionStart = { ipAddress: string; userAgent: string | null; sessionTtlMs: number; provider: string };

/**
 * Opens a session for a user whose identity a provider established (identity-providers.ts), in the caller's
 * transaction, with its audit event: the login, and the first sign-in after a registration is verified.
 */
export async function startSession(tx: Executor, userId: string, start: SessionStart) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + start.sessionTtlMs);
  await tx.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  await tx.insert(sessions).values({
    id: hashToken(token),
    userId,
    csrfToken,
    expiresAt,
    ipAddress: start.ipAddress,
    userAgent: start.userAgent?.slice(0, 300) ?? null,
  });
  await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
  await recordAuditEvent(tx, {
    actorId: userId,
    action: 'auth.login',
    entityType: 'user',
    entityId: userId,
    data: { ipAddress: start.ipAddress, provider: start.provider },
  });
  return { token, csrfToken, expiresAt };
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

/** Ends every session of a user (deactivation, password change), or every one but `keepSessionId`. */
export async function endSessionsOfUser(executor: Executor, userId: string, keepSessionId?: string) {
  await executor.delete(sessions).where(and(eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined));
}
