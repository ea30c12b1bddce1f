import { and, eq, ne } from 'drizzle-orm';
import type { AccountProfile, ApplicantKind, UpdateProfileInput } from '../../contract/accounts';
import { findPersonalIdProblem, findTaxCodeProblem, normalizeTaxCode } from '../../contract/identity-numbers';
import { AppError, conflict, forbidden, invalid, notFound } from '../../core/errors';
import { normalizeText } from '../../core/text';
import type { Database, Executor } from '../../db/client';
import { users } from '../../db/schema/auth';
import { recordAuditEvent } from '../audit';
import { type Actor, hasRole } from './actor';
import { can } from './policy';

/**
 * A citizen's or business's own account ("Thông tin tài khoản"): what an online application prefills. A changed
 * e-mail or phone is no longer verified. The identity number is the username once registered: it may be set only
 * while the account has none (an account an administrator created), and no other applicant may hold it.
 */
function kindOf(actor: Actor): ApplicantKind {
  return hasRole(actor, 'citizen') ? 'citizen' : 'business';
}

export async function getOwnProfile(db: Executor, actor: Actor | null): Promise<AccountProfile> {
  if (!actor || !can(actor, 'profile.manage')) throw forbidden();
  const [row] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!row) throw notFound('tài khoản');
  return toProfile(row, kindOf(actor));
}

export async function updateOwnProfile(db: Database, actor: Actor | null, input: UpdateProfileInput): Promise<AccountProfile> {
  if (!actor || !can(actor, 'profile.manage')) throw forbidden();
  const kind = kindOf(actor);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, actor.userId)).for('update');
    if (!current) throw notFound('tài khoản');
    if (current.version !== input.version) throw conflict();
    const { version, identityNumber, ...fields } = input;
    const changes: Partial<typeof users.$inferInsert> = {};
    if (fields.fullName !== undefined) changes.fullName = normalizeText(fields.fullName);
    if (fields.address !== undefined) changes.address = fields.address ? normalizeText(fields.address) : null;
    if (fields.email !== undefined && fields.email !== current.email)
      Object.assign(changes, { email: fields.email, emailVerifiedAt: null });
    if (fields.phone !== undefined && fields.phone !== current.phone)
      Object.assign(changes, { phone: fields.phone, phoneVerifiedAt: null });
    if (identityNumber !== undefined) Object.assign(changes, await identityChange(tx, actor.userId, kind, current, identityNumber));
    const nextEmail = changes.email !== undefined ? changes.email : current.email;
    const nextPhone = changes.phone !== undefined ? changes.phone : current.phone;
    const touchesContacts = fields.email !== undefined || fields.phone !== undefined;
    if (touchesContacts && !nextEmail && !nextPhone) {
      throw invalid([{ path: 'email', message: 'Tài khoản cần ít nhất e-mail hoặc số điện thoại để khôi phục mật khẩu.' }]);
    }
    const [row] = await tx
      .update(users)
      .set({ ...changes, version: version + 1, updatedAt: new Date() })
      .where(and(eq(users.id, actor.userId), eq(users.version, version)))
      .returning();
    if (!row) throw conflict();
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'user.profile_update',
      entityType: 'user',
      entityId: actor.userId,
      // Which fields changed, not their values: the audit trail is read by administrators.
      data: { fields: Object.keys(changes).filter((key) => !key.endsWith('VerifiedAt')) },
    });
    return toProfile(row, kind);
  });
}

async function identityChange(
  tx: Executor,
  userId: string,
  kind: ApplicantKind,
  current: typeof users.$inferSelect,
  value: string,
): Promise<Partial<typeof users.$inferInsert>> {
  const number = kind === 'business' ? normalizeTaxCode(value) : value.replace(/[ .]/g, '');
  const held = kind === 'citizen' ? current.personalId : current.taxCode;
  if (held === number) return {};
  if (held)
    throw invalid([{ path: 'identityNumber', message: 'Số định danh đã ghi nhận không tự sửa được; vui lòng liên hệ Bộ phận Một cửa.' }]);
  const problem = kind === 'citizen' ? findPersonalIdProblem(number) : findTaxCodeProblem(number);
  if (problem) throw invalid([{ path: 'identityNumber', message: problem }]);
  const column = kind === 'citizen' ? users.personalId : users.taxCode;
  const [other] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(column, number), ne(users.id, userId), eq(users.isActive, true)))
    .limit(1);
  if (other) throw new AppError('conflict', 'Số định danh này đã được đăng ký.', [{ path: 'identityNumber', message: 'Đã được đăng ký.' }]);
  return kind === 'citizen' ? { personalId: number } : { taxCode: number };
}

function toProfile(row: typeof users.$inferSelect, kind: ApplicantKind): AccountProfile {
  return {
    kind,
    username: row.username,
    fullName: row.fullName,
    personalId: row.personalId,
    taxCode: row.taxCode,
    email: row.email,
    isEmailVerified: !!row.email && !!row.emailVerifiedAt,
    phone: row.phone,
    isPhoneVerified: !!row.phone && !!row.phoneVerifiedAt,
    address: row.address,
    version: row.version,
  };
}
