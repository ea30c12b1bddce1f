import { z } from 'zod';
import { roles, signingForms } from './enums';

export const roleSchema = z.enum(roles);

export const actorRoleSchema = z.object({
  role: roleSchema,
  unitId: z.string().uuid().nullable(),
  unitName: z.string().nullable(),
});

/** An official's position (chức vụ) as written, and how they sign: the defaults of a proposal's signing form. */
const positionFields = {
  position: z.string().trim().min(2, 'Chức vụ quá ngắn.').max(100, 'Tối đa 100 ký tự.').nullable(),
  signingForm: z.enum(signingForms, 'Hình thức ký không hợp lệ.').nullable(),
};

export const userViewSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  fullName: z.string(),
  position: z.string().nullable(),
  signingForm: z.enum(signingForms).nullable(),
  roles: z.array(actorRoleSchema),
});

export const sessionResponseSchema = z.object({ user: userViewSchema, csrfToken: z.string() });

/** GET /api/auth/me: the session of a signed-in user, `{user: null}` for a visitor. */
export const currentSessionResponseSchema = z.union([sessionResponseSchema, z.object({ user: z.null() })]);

export const loginBodySchema = z.strictObject({
  username: z.string().trim().min(1, 'Vui lòng nhập tên đăng nhập.').max(100),
  password: z.string().min(1, 'Vui lòng nhập mật khẩu.').max(200),
});

/** Length limits of a password; the rest of the policy (common passwords, username) is checked by the server. */
export const passwordRules = { minLength: 10, maxLength: 200 } as const;

export const passwordSchema = z
  .string()
  .min(passwordRules.minLength, `Mật khẩu phải có ít nhất ${passwordRules.minLength} ký tự.`)
  .max(passwordRules.maxLength, `Mật khẩu dài tối đa ${passwordRules.maxLength} ký tự.`);

const roleAssignmentSchema = z.strictObject({ role: roleSchema, unitId: z.string().uuid().nullable() });

export const createUserBodySchema = z.strictObject({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,50}$/, 'Tên đăng nhập gồm 3–50 ký tự: chữ không dấu, số, dấu chấm, gạch.'),
  fullName: z.string().trim().min(2, 'Họ tên quá ngắn.').max(200),
  email: z.string().trim().email('Email không hợp lệ.').max(200).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .]{8,15}$/, 'Số điện thoại không hợp lệ.')
    .nullable()
    .optional(),
  personalId: z
    .string()
    .regex(/^\d{12}$/, 'Số CCCD gồm 12 chữ số.')
    .nullable()
    .optional(),
  taxCode: z
    .string()
    .regex(/^(\d{10}|\d{13}|\d{10}-\d{3})$/, 'Mã số thuế gồm 10 hoặc 13 chữ số.')
    .nullable()
    .optional(),
  position: positionFields.position.optional(),
  signingForm: positionFields.signingForm.optional(),
  password: passwordSchema,
  roles: z.array(roleAssignmentSchema).max(20),
});

/** A partial change: only the fields sent change (no field has a default). */
export const updateUserBodySchema = createUserBodySchema
  .omit({ username: true })
  .partial()
  .extend({ isActive: z.boolean().optional(), version: z.number().int().min(1) });

export const userListQuerySchema = z.object({
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const userAdminViewSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  personalId: z.string().nullable(),
  taxCode: z.string().nullable(),
  position: z.string().nullable(),
  signingForm: z.enum(signingForms).nullable(),
  isActive: z.boolean(),
  roles: z.array(actorRoleSchema),
  version: z.number().int(),
});

export const userPageSchema = z.object({
  items: z.array(userAdminViewSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export type RoleAssignment = z.infer<typeof actorRoleSchema>;
export type SessionUser = z.infer<typeof userViewSchema>;
export type Session = z.infer<typeof sessionResponseSchema>;
export type CurrentSession = z.infer<typeof currentSessionResponseSchema>;
export type LoginRequest = z.input<typeof loginBodySchema>;
export type CreateUserInput = z.infer<typeof createUserBodySchema>;
export type UpdateUserInput = z.infer<typeof updateUserBodySchema>;
export type UserAdminView = z.infer<typeof userAdminViewSchema>;
export type UserAccount = UserAdminView;
export type UserPage = z.infer<typeof userPageSchema>;
export type CreateUserRequest = z.input<typeof createUserBodySchema>;
export type UpdateUserRequest = z.input<typeof updateUserBodySchema>;
