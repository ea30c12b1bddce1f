import { z } from 'zod';
import { roles } from '../../db/schema';

export const roleSchema = z.enum(roles);

export const actorRoleSchema = z.object({
  role: roleSchema,
  unitId: z.string().uuid().nullable(),
  unitName: z.string().nullable(),
});

export const userViewSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  fullName: z.string(),
  roles: z.array(actorRoleSchema),
});

export const sessionResponseSchema = z.object({ user: userViewSchema, csrfToken: z.string() });

export const loginBodySchema = z.strictObject({
  username: z.string().trim().min(1, 'Vui lòng nhập tên đăng nhập.').max(100),
  password: z.string().min(1, 'Vui lòng nhập mật khẩu.').max(200),
});
