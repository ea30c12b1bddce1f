import { eq, or, sql } from 'drizzle-orm';
import ipaddr from 'ipaddr.js';
import { AppError } from '../../core/errors';
import type { Executor } from '../../db/client';
import { loginThrottles } from '../../db/schema/auth';

/**
 * Failed-login counters, per account and per client address, kept in the database so that every app node and
 * every concurrent request sees the same count. An attempt is counted BEFORE its password is checked, by one
 * atomic upsert that returns the new count: of 40 simultaneous attempts exactly `maxFailures` get their password
 * checked, the others are refused unchecked. A successful login gives its attempt back (releaseAttempt).
 * A key's window lasts `lockMs` from its first failure; the attempt that reaches the maximum locks the key for
 * `lockMs` from then.
 */
export type ThrottleLimit = { key: string; maxFailures: number };
export type ThrottleClock = { now: Date; lockMs: number };

/** Client addresses are counted one by one, except IPv6 ones: a client usually holds a whole /64. */
export function addressGroupOf(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.process(ip); // an IPv4-mapped IPv6 address is its IPv4 address
  if (address.kind() === 'ipv4') return address.toString();
  return `${address.toNormalizedString().split(':').slice(0, 4).join(':')}::/64`;
}

/** Counts one attempt against a key: whether it may go on, and until when the key is locked. */
export async function reserveAttempt(executor: Executor, { key, maxFailures }: ThrottleLimit, { now, lockMs }: ThrottleClock) {
  const table = loginThrottles;
  const lockEnd = new Date(now.getTime() + lockMs);
  const windowCutoff = new Date(now.getTime() - lockMs);
  const lockOfFirstAttempt = maxFailures <= 1 ? lockEnd : null;
  const hasExpired = sql`(case when ${table.lockedUntil} is null then ${table.windowStartedAt} <= ${windowCutoff}::timestamptz
    else ${table.lockedUntil} <= ${now}::timestamptz end)`;
  const [row] = await executor
    .insert(table)
    .values({ key, failures: 1, windowStartedAt: now, lockedUntil: lockOfFirstAttempt })
    .onConflictDoUpdate({
      target: table.key,
      set: {
        // Capped: a flood of refused attempts must not overflow the counter.
        failures: sql`case when ${hasExpired} then 1 else least(${table.failures} + 1, ${maxFailures + 1}::int) end`,
        windowStartedAt: sql`case when ${hasExpired} then ${now}::timestamptz else ${table.windowStartedAt} end`,
        lockedUntil: sql`case when ${hasExpired} then ${lockOfFirstAttempt}::timestamptz
          when ${table.failures} + 1 >= ${maxFailures}::int then coalesce(${table.lockedUntil}, ${lockEnd}::timestamptz)
          else ${table.lockedUntil} end`,
      },
    })
    .returning({ failures: table.failures, lockedUntil: table.lockedUntil });
  return { isAllowed: row!.failures <= maxFailures, lockedUntil: row!.lockedUntil };
}

/** Gives back an attempt that was not a failure (a successful login, an attempt refused for another key). */
export async function releaseAttempt(executor: Executor, { key, maxFailures }: ThrottleLimit) {
  await executor
    .update(loginThrottles)
    .set({
      failures: sql`greatest(${loginThrottles.failures} - 1, 0)`,
      lockedUntil: sql`case when ${loginThrottles.failures} - 1 < ${maxFailures}::int then null else ${loginThrottles.lockedUntil} end`,
    })
    .where(eq(loginThrottles.key, key));
}

/** Forgets a key's failures (an account after its right password). */
export async function forgetAttempts(executor: Executor, key: string) {
  await executor.delete(loginThrottles).where(eq(loginThrottles.key, key));
}

export function tooManyAttempts(lockedUntil: Date | null, { now, lockMs }: ThrottleClock): AppError {
  const remainingMs = lockedUntil ? lockedUntil.getTime() - now.getTime() : lockMs;
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  return new AppError('too_many_requests', `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`);
}

const SWEEP_INTERVAL_MS = 60_000;
const lastSweepOf = new WeakMap<Executor, number>();

/** Deletes the counters whose window and lock have ended, at most once a minute per database. */
export async function sweepExpiredThrottles(executor: Executor, { now, lockMs }: ThrottleClock) {
  const lastSweep = lastSweepOf.get(executor);
  if (lastSweep !== undefined && Math.abs(now.getTime() - lastSweep) < SWEEP_INTERVAL_MS) return;
  lastSweepOf.set(executor, now.getTime());
  const windowCutoff = new Date(now.getTime() - lockMs);
  await executor
    .delete(loginThrottles)
    .where(
      or(
        sql`${loginThrottles.lockedUntil} <= ${now}::timestamptz`,
        sql`${loginThrottles.lockedUntil} is null and ${loginThrottles.windowStartedAt} <= ${windowCutoff}::timestamptz`,
      ),
    );
}
