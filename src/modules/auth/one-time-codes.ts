import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { oneTimeCodeRules } from '../../contract/accounts';
import { AppError, invalid } from '../../core/errors';
import type { Database, Executor } from '../../db/client';
import { accountCodes } from '../../db/schema/auth-codes';

/**
 * The one-time codes of registration and of the forgotten password (table account_codes): a random token the
 * client keeps and a 6-digit code sent through the outbox. Only hashes are stored; a code lives 15 minutes and
 * may be tried 5 times; a wrong try is counted even though the request fails.
 */
export type CodePurpose = 'registration' | 'password_reset';
export type AccountCodeRow = typeof accountCodes.$inferSelect;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
export const hashCodeToken = (token: string) => sha256(`token:${token}`);
const hashCode = (token: string, code: string) => sha256(`code:${token}:${code}`);

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newCode(): string {
  return String(randomInt(0, 10 ** oneTimeCodeRules.digits)).padStart(oneTimeCodeRules.digits, '0');
}

export const lifetimeMs = oneTimeCodeRules.lifetimeMinutes * 60_000;

/** The values of a row for `code`, sent now, valid 15 minutes. */
export function codeValues(token: string, code: string, now: Date) {
  return {
    tokenHash: hashCodeToken(token),
    codeHash: hashCode(token, code),
    lastSentAt: now,
    expiresAt: new Date(now.getTime() + lifetimeMs),
  };
}

export const codeRefused = () =>
  invalid([{ path: 'code', message: 'Mã xác minh không đúng hoặc đã hết hạn.' }], 'Mã xác minh không đúng hoặc đã hết hạn.');
const tooManyTries = () =>
  new AppError('too_many_requests', 'Đã nhập sai mã quá nhiều lần. Vui lòng yêu cầu gửi mã mới.', [
    { path: 'code', message: 'Đã nhập sai quá nhiều lần.' },
  ]);
export const sessionGone = () =>
  invalid(
    [{ path: 'token', message: 'Phiên xác minh đã hết hạn hoặc không tồn tại. Vui lòng bắt đầu lại.' }],
    'Phiên xác minh đã hết hạn.',
  );

/** The live (unused, unexpired) row of `token`, locked for the caller's transaction. */
export async function lockLiveCode(tx: Executor, purpose: CodePurpose, token: string, now: Date): Promise<AccountCodeRow | null> {
  const [row] = await tx
    .select()
    .from(accountCodes)
    .where(and(eq(accountCodes.tokenHash, hashCodeToken(token)), eq(accountCodes.purpose, purpose)))
    .for('update');
  if (!row || row.usedAt || row.expiresAt <= now) return null;
  return row;
}

/**
 * Checks `code` against the row of `token`. A wrong code counts one try, committed on its own so that the refusal
 * that follows does not roll it back; past the last try the row refuses every code. `onAccepted` runs in the same
 * transaction that marks the row used.
 */
export async function consumeCode<T>(
  db: Database,
  purpose: CodePurpose,
  token: string,
  code: string,
  onAccepted: (tx: Executor, row: AccountCodeRow) => Promise<T>,
): Promise<T> {
  const now = new Date();
  const outcome = await db.transaction(async (tx) => {
    const row = await lockLiveCode(tx, purpose, token, now);
    if (!row) return { kind: 'gone' as const };
    if (row.attempts >= oneTimeCodeRules.maxAttempts) return { kind: 'locked' as const };
    const expected = Buffer.from(row.codeHash, 'hex');
    const given = Buffer.from(hashCode(token, code), 'hex');
    if (!timingSafeEqual(expected, given)) {
      await tx
        .update(accountCodes)
        .set({ attempts: sql`${accountCodes.attempts} + 1` })
        .where(eq(accountCodes.id, row.id));
      return { kind: row.attempts + 1 >= oneTimeCodeRules.maxAttempts ? ('locked' as const) : ('wrong' as const) };
    }
    await tx.update(accountCodes).set({ usedAt: now }).where(eq(accountCodes.id, row.id));
    return { kind: 'accepted' as const, value: await onAccepted(tx, row) };
  });
  if (outcome.kind === 'accepted') return outcome.value;
  if (outcome.kind === 'locked') throw tooManyTries();
  if (outcome.kind === 'gone') throw sessionGone();
  throw codeRefused();
}

/**
 * Rows past their life by a day: deleted when a new code is made (never on a refused request). The unused code of a
 * registration stays: it marks its account as abandoned, and goes with it (registration-sweep.ts).
 */
export async function deleteStaleCodes(executor: Executor, now: Date) {
  await executor
    .delete(accountCodes)
    .where(
      and(
        sql`${accountCodes.expiresAt} < ${new Date(now.getTime() - 86_400_000)}::timestamptz`,
        sql`not (${accountCodes.purpose} = 'registration' and ${accountCodes.usedAt} is null and ${accountCodes.userId} is not null)`,
      ),
    );
}

/** A recipient as the person may recognise it, not as anyone else could use it: ng***@example.vn, *******678. */
export function maskContact(channel: 'email' | 'sms', recipient: string): string {
  if (channel === 'email') {
    const at = recipient.lastIndexOf('@');
    return at > 0 ? `${recipient.slice(0, Math.min(2, at))}***${recipient.slice(at)}` : '***';
  }
  return `${'*'.repeat(Math.max(0, recipient.length - 3))}${recipient.slice(-3)}`;
}
