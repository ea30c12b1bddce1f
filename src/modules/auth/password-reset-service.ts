import { createHash } from 'node:crypto';
import { and, eq, or, sql } from 'drizzle-orm';
import type { PasswordResetResponse } from '../../contract/accounts';
import { AppError } from '../../core/errors';
import type { Database, Executor } from '../../db/client';
import { users } from '../../db/schema/auth';
import { accountCodes } from '../../db/schema/auth-codes';
import { recordAuditEvent } from '../audit';
import { enqueueNotification } from '../notify';
import { ambiguousResetMessage, type CodeLinkBase, codeLink, passwordResetCodeMessage } from './account-messages';
import { addressGroupOf, reserveAttempt, type ThrottleLimit } from './login-throttle';
import { codeValues, consumeCode, deleteStaleCodes, lifetimeMs, newCode, newToken } from './one-time-codes';
import { hashPassword } from './password';
import type { ClientContext } from './registration-service';
import { endSessionsOfUser } from './session-service';
import { assertPasswordAllowed } from './user-service';

/** Requests one client address, and one login, may make in a quarter of an hour. */
const RESETS_PER_ADDRESS = 10;
const RESETS_PER_LOGIN = 3;
const WINDOW_MS = 15 * 60_000;

const tooManyResets = () => new AppError('too_many_requests', 'Quá nhiều yêu cầu khôi phục mật khẩu. Vui lòng thử lại sau 15 phút.');

/**
 * A forgotten password: whatever `login` names (a username, an e-mail, a phone), the answer is the same token and
 * expiry, and a row is written for it; only an active account with a contact gets a code, sent to that contact.
 * The login is counted by its hash: the throttle table holds no e-mail or phone.
 */
export async function requestPasswordReset(
  db: Database,
  login: string,
  client: ClientContext,
  linkBase: CodeLinkBase = null,
): Promise<PasswordResetResponse> {
  const now = new Date();
  const folded = login.trim().normalize('NFC').toLowerCase();
  const clock = { now, lockMs: WINDOW_MS };
  const limits: ThrottleLimit[] = [
    { key: `reset:address:${addressGroupOf(client.ipAddress)}`, maxFailures: RESETS_PER_ADDRESS },
    { key: `reset:login:${createHash('sha256').update(folded).digest('hex')}`, maxFailures: RESETS_PER_LOGIN },
  ];
  for (const limit of limits) {
    if (!(await reserveAttempt(db, limit, clock)).isAllowed) throw tooManyResets();
  }
  const token = newToken();
  const code = newCode();
  await db.transaction(async (tx) => {
    await deleteStaleCodes(tx, now);
    const matches = await findAccountsByLogin(tx, folded);
    const target = matches.length === 1 ? matches[0]! : null;
    const contact = target ? contactOf(target, folded) : null;
    await tx.insert(accountCodes).values({
      purpose: 'password_reset',
      userId: contact ? target!.id : null,
      channel: contact?.channel ?? null,
      ...codeValues(token, code, now),
    });
    if (contact) {
      const message = passwordResetCodeMessage(code, codeLink(linkBase, '/quen-mat-khau', token, code));
      await enqueueNotification(tx, { ...contact, ...message, refType: 'user', refId: target!.id });
    } else if (matches.length > 1) {
      const channel = folded.includes('@') ? ('email' as const) : ('sms' as const);
      await enqueueNotification(tx, { channel, recipient: folded, ...ambiguousResetMessage() });
    }
  });
  return { token, expiresAt: new Date(now.getTime() + lifetimeMs).toISOString() };
}

type Candidate = { id: string; username: string; email: string | null; phone: string | null };

/** The active accounts `login` names: by username first, else by e-mail or phone (several may share one). */
async function findAccountsByLogin(tx: Executor, login: string): Promise<Candidate[]> {
  const columns = { id: users.id, username: users.username, email: users.email, phone: users.phone };
  const [byName] = await tx
    .select(columns)
    .from(users)
    .where(and(eq(users.username, login), eq(users.isActive, true)));
  if (byName) return [byName];
  const phone = login.replace(/[ .]/g, '').replace(/^\+84/, '0');
  return tx
    .select(columns)
    .from(users)
    .where(and(eq(users.isActive, true), or(sql`lower(${users.email}) = ${login}`, eq(users.phone, phone))))
    .limit(2);
}

/** Where the code goes: the contact the person typed, else the account's e-mail, else its phone. */
function contactOf(account: Candidate, login: string): { channel: 'email' | 'sms'; recipient: string } | null {
  if (account.email && account.email.toLowerCase() === login) return { channel: 'email', recipient: account.email };
  if (account.phone && account.username !== login && !login.includes('@')) return { channel: 'sms', recipient: account.phone };
  if (account.email) return { channel: 'email', recipient: account.email };
  if (account.phone) return { channel: 'sms', recipient: account.phone };
  return null;
}

/**
 * The code and a new password: the password is set, every session of the account ends but the one this request
 * comes from (if it is the account's own), and the change is audited. A token without an account refuses every code.
 */
export async function confirmPasswordReset(
  db: Database,
  input: { token: string; code: string; newPassword: string },
  currentSession: { sessionId: string; userId: string } | null,
) {
  await consumeCode(db, 'password_reset', input.token, input.code, async (tx, row) => {
    if (!row.userId) throw new AppError('validation_failed', 'Mã xác minh không đúng hoặc đã hết hạn.');
    const [user] = await tx.select({ username: users.username, version: users.version }).from(users).where(eq(users.id, row.userId));
    if (!user) throw new AppError('validation_failed', 'Mã xác minh không đúng hoặc đã hết hạn.');
    await assertPasswordAllowed(tx, user.username, input.newPassword);
    const passwordHash = await hashPassword(input.newPassword);
    await tx
      .update(users)
      .set({ passwordHash, version: user.version + 1, updatedAt: new Date() })
      .where(eq(users.id, row.userId));
    const keep = currentSession?.userId === row.userId ? currentSession.sessionId : undefined;
    await endSessionsOfUser(tx, row.userId, keep);
    await recordAuditEvent(tx, {
      actorId: row.userId,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: row.userId,
      data: { passwordChanged: true },
    });
  });
}
