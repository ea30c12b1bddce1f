import { and, eq, isNull, or } from 'drizzle-orm';
import { oneTimeCodeRules, type PendingVerification, type RegisterInput } from '../../contract/accounts';
import { AppError } from '../../core/errors';
import { normalizeText } from '../../core/text';
import type { Database, Executor } from '../../db/client';
import { userRoles, users } from '../../db/schema/auth';
import { accountCodes } from '../../db/schema/auth-codes';
import { recordAuditEvent } from '../audit';
import { enqueueNotification } from '../notify';
import { type CodeLinkBase, codeLink, registrationCodeMessage } from './account-messages';
import { addressGroupOf, reserveAttempt } from './login-throttle';
import { codeValues, consumeCode, deleteStaleCodes, lockLiveCode, maskContact, newCode, newToken, sessionGone } from './one-time-codes';
import { hashPassword } from './password';
import { startSession } from './session-service';
import { assertPasswordAllowed } from './user-service';

/** Registrations one client address may start in an hour (an office's shared address included). */
const REGISTRATIONS_PER_ADDRESS_PER_HOUR = 20;
const HOUR_MS = 3_600_000;

export type ClientContext = { ipAddress: string; userAgent: string | null };

const alreadyRegistered = (kind: RegisterInput['kind']) => {
  const what = kind === 'citizen' ? 'Số CCCD này' : 'Mã số thuế này';
  return new AppError(
    'conflict',
    `${what} đã được đăng ký. Nếu đó là tài khoản của bạn, hãy đăng nhập hoặc dùng chức năng “Quên mật khẩu”.`,
    [{ path: 'identityNumber', message: 'Đã được đăng ký.' }],
  );
};

/**
 * Opens an account of a citizen (CCCD) or business (tax code), inactive until the code sent to its e-mail (or, without
 * one, its phone) is entered. The identity number is the username. A registration of the same number that was never
 * verified is replaced (its code dies with it); one of a verified account is refused with 409.
 */
export async function registerAccount(
  db: Database,
  input: RegisterInput,
  client: ClientContext,
  linkBase: CodeLinkBase = null,
): Promise<PendingVerification> {
  const now = new Date();
  const throttle = await reserveAttempt(
    db,
    { key: `register:${addressGroupOf(client.ipAddress)}`, maxFailures: REGISTRATIONS_PER_ADDRESS_PER_HOUR },
    { now, lockMs: HOUR_MS },
  );
  if (!throttle.isAllowed) {
    throw new AppError('too_many_requests', 'Quá nhiều lần đăng ký từ địa chỉ của bạn. Vui lòng thử lại sau.');
  }
  await assertPasswordAllowed(db, input.identityNumber, input.password);
  const passwordHash = await hashPassword(input.password);
  const channel = input.email ? ('email' as const) : ('sms' as const);
  const recipient = (input.email ?? input.phone)!;
  const token = newToken();
  const code = newCode();
  try {
    await db.transaction(async (tx) => {
      await deleteStaleCodes(tx, now);
      await removeUnverifiedRegistration(tx, input);
      const identity = input.kind === 'citizen' ? { personalId: input.identityNumber } : { taxCode: input.identityNumber };
      const [user] = await tx
        .insert(users)
        .values({
          username: input.identityNumber,
          passwordHash,
          fullName: normalizeText(input.fullName),
          email: input.email,
          phone: input.phone,
          ...identity,
          isActive: false,
        })
        .returning({ id: users.id });
      await tx.insert(userRoles).values({ userId: user!.id, role: input.kind, unitId: null });
      await tx.insert(accountCodes).values({ purpose: 'registration', userId: user!.id, channel, ...codeValues(token, code, now) });
      const message = registrationCodeMessage(code, codeLink(linkBase, '/dang-ky/xac-nhan', token, code));
      await enqueueNotification(tx, { channel, recipient, ...message, refType: 'user', refId: user!.id });
      await recordAuditEvent(tx, {
        actorId: null,
        action: 'user.register',
        entityType: 'user',
        entityId: user!.id,
        data: { kind: input.kind, channel },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyRegistered(input.kind);
    throw error;
  }
  return pendingView(token, channel, recipient, now);
}

/** Refuses a number a verified account holds; drops an earlier registration of it that was never verified. */
async function removeUnverifiedRegistration(tx: Executor, input: RegisterInput) {
  const holdsNumber = input.kind === 'citizen' ? eq(users.personalId, input.identityNumber) : eq(users.taxCode, input.identityNumber);
  const holders = await tx
    .select({ id: users.id, isActive: users.isActive, pendingCode: accountCodes.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, input.kind)))
    .leftJoin(accountCodes, and(eq(accountCodes.userId, users.id), eq(accountCodes.purpose, 'registration'), isNull(accountCodes.usedAt)))
    .where(or(eq(users.username, input.identityNumber), holdsNumber))
    .for('update', { of: users });
  const [sameName] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.identityNumber));
  if (sameName && !holders.some((holder) => holder.id === sameName.id)) throw alreadyRegistered(input.kind);
  if (holders.some((holder) => holder.isActive || !holder.pendingCode)) throw alreadyRegistered(input.kind);
  for (const holder of holders) await tx.delete(users).where(eq(users.id, holder.id));
}

/** Enters the code: the account becomes active, its contact verified, and a session opens. */
export async function verifyRegistration(
  db: Database,
  input: { token: string; code: string },
  client: ClientContext & { sessionTtlMs: number },
) {
  return consumeCode(db, 'registration', input.token, input.code, async (tx, row) => {
    const verified = row.channel === 'email' ? { emailVerifiedAt: new Date() } : { phoneVerifiedAt: new Date() };
    await tx
      .update(users)
      .set({ isActive: true, ...verified, updatedAt: new Date() })
      .where(eq(users.id, row.userId!));
    await recordAuditEvent(tx, { actorId: row.userId, action: 'user.verify', entityType: 'user', entityId: row.userId!, data: {} });
    const session = await startSession(tx, row.userId!, { ...client, provider: 'local' });
    return { ...session, userId: row.userId! };
  });
}

/** Sends a new code for a registration (at most once a minute, five sends in all); the old code stops working. */
export async function resendRegistrationCode(db: Database, token: string, linkBase: CodeLinkBase = null): Promise<PendingVerification> {
  const now = new Date();
  const code = newCode();
  return db.transaction(async (tx) => {
    const row = await lockLiveCode(tx, 'registration', token, now);
    if (!row?.userId || !row.channel) throw sessionGone();
    const waitMs = row.lastSentAt.getTime() + oneTimeCodeRules.resendAfterSeconds * 1000 - now.getTime();
    if (waitMs > 0) {
      throw new AppError('too_many_requests', `Vui lòng đợi ${Math.ceil(waitMs / 1000)} giây rồi yêu cầu gửi lại mã.`);
    }
    if (row.sends >= oneTimeCodeRules.maxSends) {
      throw new AppError('too_many_requests', 'Đã gửi lại mã quá nhiều lần. Vui lòng đăng ký lại sau ít phút.');
    }
    const [user] = await tx.select({ email: users.email, phone: users.phone }).from(users).where(eq(users.id, row.userId));
    const recipient = row.channel === 'email' ? user?.email : user?.phone;
    if (!recipient) throw sessionGone();
    const { tokenHash: _same, ...fresh } = codeValues(token, code, now);
    await tx
      .update(accountCodes)
      .set({ ...fresh, attempts: 0, sends: row.sends + 1 })
      .where(eq(accountCodes.id, row.id));
    await enqueueNotification(tx, {
      channel: row.channel,
      recipient,
      ...registrationCodeMessage(code, codeLink(linkBase, '/dang-ky/xac-nhan', token, code)),
      refType: 'user',
      refId: row.userId,
    });
    return pendingView(token, row.channel, recipient, now);
  });
}

function pendingView(token: string, channel: 'email' | 'sms', recipient: string, now: Date): PendingVerification {
  return {
    token,
    channel,
    maskedRecipient: maskContact(channel, recipient),
    expiresAt: new Date(now.getTime() + oneTimeCodeRules.lifetimeMinutes * 60_000).toISOString(),
    resendAvailableAt: new Date(now.getTime() + oneTimeCodeRules.resendAfterSeconds * 1000).toISOString(),
  };
}

export function isUniqueViolation(error: unknown): boolean {
  for (let current = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; current && depth < 4; depth += 1) {
    if (current.code === '23505') return true;
    current = current.cause as typeof current;
  }
  return false;
}
