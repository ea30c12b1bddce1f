import { z } from 'zod';
import { passwordRules } from './password';
import { roleSchema } from './schemas';

const roleAssignmentSchema = z.strictObject({ role: roleSchema, unitId: z.string().uuid().nullable() });

const passwordSchema = z
  .string()
  .min(passwordRules.minLength, `Mật khẩu phải có ít nhất ${passwordRules.minLength} ký tự.`)
  .max(passwordRules.maxLength);

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
  password: passwordSchema,
  roles: z.array(roleAssignmentSchema).max(20),
});

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
  isActive: z.boolean(),
  roles: z.array(z.object({ role: roleSchema, unitId: z.string().uuid().nullable(), unitName: z.string().nullable() })),
  version: z.number().int(),
});

export type CreateUserInput = z.infer<typeof createUserBodySchema>;
export type UpdateUserInput = z.infer<typeof updateUserBodySchema>;
export type UserAdminView = z.infer<typeof userAdminViewSchema>;
