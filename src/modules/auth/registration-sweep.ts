import { and, eq, exists, inArray, isNull, lt, notExists, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { userRoles, users } from '../../db/schema/auth';
import { accountCodes } from '../../db/schema/auth-codes';
import { recordAuditEvent } from '../audit';
import { lifetimeMs } from './one-time-codes';

/** How long after its last code died an unverified registration is kept (a person may still come back and resend). */
export const ABANDONED_REGISTRATION_MARGIN_MS = 24 * 3_600_000;

/**
 * Deletes the accounts of registrations never verified: inactive, no contact ever verified, never signed in, only
 * the citizen or business role, whose registration code is unused and died more than the margin ago (a resend
 * pushes that back). An account an administrator disabled has no such code and is never touched. Idempotent: a
 * second run finds nothing; the number, free again, may be registered anew. Returns how many were deleted.
 */
export async function sweepAbandonedRegistrations({ db, now }: { db: Database; now: Date }): Promise<number> {
  const cutoff = new Date(now.getTime() - ABANDONED_REGISTRATION_MARGIN_MS);
  const stillAlive = db
    .select({ one: sql`1` })
    .from(accountCodes)
    .where(
      and(
        eq(accountCodes.userId, users.id),
        eq(accountCodes.purpose, 'registration'),
        sql`(${accountCodes.usedAt} is not null or ${accountCodes.expiresAt} >= ${cutoff}::timestamptz)`,
      ),
    );
  const deadCode = db
    .select({ one: sql`1` })
    .from(accountCodes)
    .where(
      and(
        eq(accountCodes.userId, users.id),
        eq(accountCodes.purpose, 'registration'),
        isNull(accountCodes.usedAt),
        lt(accountCodes.expiresAt, cutoff),
      ),
    );
  const otherRole = db
    .select({ one: sql`1` })
    .from(userRoles)
    .where(and(eq(userRoles.userId, users.id), sql`${userRoles.role} not in ('citizen', 'business')`));
  return db.transaction(async (tx) => {
    const abandoned = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.isActive, false),
          isNull(users.emailVerifiedAt),
          isNull(users.phoneVerifiedAt),
          isNull(users.lastLoginAt),
          exists(deadCode),
          notExists(stillAlive),
          notExists(otherRole),
        ),
      )
      .limit(500)
      .for('update', { skipLocked: true });
    if (abandoned.length === 0) return 0;
    const ids = abandoned.map((row) => row.id);
    // The account's roles and codes go with it (ON DELETE CASCADE); the audit keeps that it went, nothing personal.
    await tx.delete(users).where(inArray(users.id, ids));
    for (const id of ids) {
      await recordAuditEvent(tx, { actorId: null, action: 'user.registration_expired', entityType: 'user', entityId: id, data: {} });
    }
    return ids.length;
  });
}

/** The code's life plus the margin: what a test or the docs quote. */
export const ABANDONED_REGISTRATION_AGE_MS = lifetimeMs + ABANDONED_REGISTRATION_MARGIN_MS;
