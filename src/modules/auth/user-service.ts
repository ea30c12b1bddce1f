import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { CreateUserInput, UpdateUserInput, UserAdminView } from '../../contract/auth';
import type { Role } from '../../contract/enums';
import { AppError, conflict, forbidden, invalid, notFound } from '../../core/errors';
import { escapeLikePattern, normalizeText } from '../../core/text';
import type { Database, Executor } from '../../db/client';
import { userRoles, users } from '../../db/schema/auth';
import { units } from '../../db/schema/org';
import { recordAuditEvent } from '../audit';
import { type Actor, staffRoles } from './actor';
import { findPasswordProblem, hashPassword, isDemoInstallation } from './password';
import { can } from './policy';
import { endSessionsOfUser } from './session-service';

type RoleAssignment = { role: Role; unitId: string | null };

export async function listUsers(db: Database, actor: Actor | null, query: { q?: string; page: number; pageSize: number }) {
  if (!can(actor, 'user.read')) throw forbidden();
  const pattern = query.q ? `%${escapeLikePattern(normalizeText(query.q))}%` : null;
  const where = pattern ? or(ilike(users.username, pattern), ilike(users.fullName, pattern)) : undefined;
  const [total] = await db.select({ value: count() }).from(users).where(where);
  const rows = await db
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.username))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const items = await Promise.all(rows.map((row) => toUserAdminView(db, row)));
  return { items, total: total?.value ?? 0, page: query.page, pageSize: query.pageSize };
}

export async function createUser(db: Database, actor: Actor | null, input: CreateUserInput): Promise<UserAdminView> {
  if (!can(actor, 'user.manage')) throw forbidden();
  await assertPasswordAllowed(db, input.username, input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (existing)
      throw new AppError('conflict', `Tên đăng nhập "${input.username}" đã tồn tại.`, [{ path: 'username', message: 'Đã tồn tại.' }]);
    await assertRoleAssignments(tx, input.roles);
    const [row] = await tx
      .insert(users)
      .values({ ...input, fullName: normalizeText(input.fullName), passwordHash })
      .returning();
    await replaceRoles(tx, row!.id, input.roles);
    const { password: _password, ...audited } = input;
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'user.create',
      entityType: 'user',
      entityId: row!.id,
      data: { after: audited },
    });
    return toUserAdminView(tx, row!);
  });
}

export async function updateUser(db: Database, actor: Actor | null, id: string, input: UpdateUserInput): Promise<UserAdminView> {
  if (!can(actor, 'user.manage')) throw forbidden();
  if (input.password) {
    const [target] = await db.select({ username: users.username }).from(users).where(eq(users.id, id));
    if (!target) throw notFound('người dùng');
    await assertPasswordAllowed(db, target.username, input.password);
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, id));
    if (!current) throw notFound('người dùng');
    if (current.version !== input.version) throw conflict();
    if (id === actor!.userId && input.isActive === false) {
      throw invalid([{ path: 'isActive', message: 'Không thể tự khóa tài khoản của chính mình.' }]);
    }
    const { version, password: _password, roles, ...changes } = input;
    if (changes.fullName) changes.fullName = normalizeText(changes.fullName);
    const [row] = await tx
      .update(users)
      .set({ ...changes, ...(passwordHash ? { passwordHash } : {}), version: version + 1, updatedAt: new Date() })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning();
    if (!row) throw conflict();
    if (roles) {
      await assertRoleAssignments(tx, roles);
      await replaceRoles(tx, id, roles);
    }
    if (passwordHash || input.isActive === false) await endSessionsOfUser(tx, id);
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      data: { changes, roles, passwordChanged: !!passwordHash },
    });
    return toUserAdminView(tx, row);
  });
}

/** The password policy of password.ts, for an account being created or given a new password (API and CLI). */
export async function assertPasswordAllowed(db: Executor, username: string, password: string) {
  const problem = findPasswordProblem(password, { username, isDemoInstallation: await isDemoInstallation(db) });
  if (problem) throw invalid([{ path: 'password', message: problem }]);
}

async function assertRoleAssignments(db: Executor, assignments: RoleAssignment[]) {
  const details = [];
  for (const [index, assignment] of assignments.entries()) {
    const needsUnit = staffRoles.includes(assignment.role) && assignment.role !== 'admin';
    if (needsUnit && !assignment.unitId)
      details.push({ path: `roles.${index}.unitId`, message: 'Vai trò cán bộ phải gắn với một đơn vị.' });
    if (!staffRoles.includes(assignment.role) && assignment.unitId) {
      details.push({ path: `roles.${index}.unitId`, message: 'Vai trò công dân/doanh nghiệp không gắn với đơn vị.' });
    }
    if (assignment.unitId) {
      const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.id, assignment.unitId));
      if (!unit) details.push({ path: `roles.${index}.unitId`, message: 'Đơn vị không tồn tại.' });
    }
  }
  if (details.length) throw invalid(details);
}

async function replaceRoles(db: Executor, userId: string, assignments: RoleAssignment[]) {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  const unique = new Map(assignments.map((assignment) => [`${assignment.role}:${assignment.unitId}`, assignment]));
  if (unique.size) await db.insert(userRoles).values([...unique.values()].map((assignment) => ({ ...assignment, userId })));
}

async function toUserAdminView(db: Executor, row: typeof users.$inferSelect): Promise<UserAdminView> {
  const roles = await db
    .select({ role: userRoles.role, unitId: userRoles.unitId, unitName: units.name })
    .from(userRoles)
    .leftJoin(units, eq(units.id, userRoles.unitId))
    .where(eq(userRoles.userId, row.id))
    .orderBy(sql`${userRoles.role}`);
  const { passwordHash: _hash, createdAt: _c, updatedAt: _u, lastLoginAt: _l, ...view } = row;
  return { ...view, roles };
}
