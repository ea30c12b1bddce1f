import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors';
import type { Database, Executor } from '../../db/client';
import { loginThrottles, sessions, users } from '../../db/schema';
import { recordAuditEvent } from '../audit';
import type { Actor } from './actor';
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
  const keys = [
    { key: `account:${username}`, max: policy.maxFailures },
    { key: `address:${input.ipAddress}`, max: policy.maxFailures * ADDRESS_FAILURE_FACTOR },
  ];
  await assertNotLocked(
    db,
    keys.map((entry) => entry.key),
  );

  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const isValid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !isValid || !user.isActive) {
    for (const entry of keys) await registerFailure(db, entry.key, entry.max, policy.lockMs);
    if (user && isValid && !user.isActive) throw new AppError('forbidden', 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.');
    throw new AppError('unauthenticated', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + policy.sessionTtlMs);
  await db.transaction(async (tx) => {
    await tx.delete(loginThrottles).where(eq(loginThrottles.key, `account:${username}`));
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

async function assertNotLocked(db: Executor, keys: string[]) {
  for (const key of keys) {
    const [row] = await db
      .select()
      .from(loginThrottles)
      .where(and(eq(loginThrottles.key, key), gt(loginThrottles.lockedUntil, new Date())));
    if (row?.lockedUntil) {
      const minutes = Math.max(1, Math.ceil((row.lockedUntil.getTime() - Date.now()) / 60_000));
      throw new AppError('too_many_requests', `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`);
    }
  }
}

/** Counts failures in a window as long as the lock; reaching the maximum locks the key for that time. */
async function registerFailure(db: Executor, key: string, maxFailures: number, lockMs: number) {
  const windowStart = new Date(Date.now() - lockMs);
  await db
    .insert(loginThrottles)
    .values({ key, failures: 1, windowStartedAt: new Date() })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures: sql`case when ${loginThrottles.windowStartedAt} < ${windowStart} then 1 else ${loginThrottles.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginThrottles.windowStartedAt} < ${windowStart} then now() else ${loginThrottles.windowStartedAt} end`,
      },
    });
  await db
    .update(loginThrottles)
    .set({ lockedUntil: new Date(Date.now() + lockMs), failures: 0, windowStartedAt: new Date() })
    .where(and(eq(loginThrottles.key, key), sql`${loginThrottles.failures} >= ${maxFailures}`));
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
