import { z } from 'zod';
import { unitEmailSchema, unitPhoneSchema } from './org';

/** Optional text of the portal settings: blank means "not shown". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((value) => (value ? value : null));
const optionalPhone = unitPhoneSchema.nullable().or(z.literal('').transform(() => null));
const optionalEmail = unitEmailSchema.nullable().or(z.literal('').transform(() => null));

/** Whose portal it is (header) and how to reach the public-service centre (footer): setting `portal.identity`. */
export const portalSettingsSchema = z.strictObject({
  provinceName: z.string().trim().min(2, 'Tên tỉnh quá ngắn.').max(120),
  centreName: optionalText(200),
  address: optionalText(500),
  phone: optionalPhone,
  hotline: optionalPhone,
  email: optionalEmail,
});

export const portalViewSchema = z.object({
  provinceName: z.string(),
  centreName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  hotline: z.string().nullable(),
  email: z.string().nullable(),
  /** The uploaded emblem (its address changes with the file), or null: the default mark. */
  emblemUrl: z.string().nullable(),
  /** Nothing saved yet: the defaults of the installation are shown. */
  isDefault: z.boolean(),
});

export type PortalSettings = z.infer<typeof portalSettingsSchema>;
export type PortalSettingsInput = z.input<typeof portalSettingsSchema>;
export type PortalView = z.infer<typeof portalViewSchema>;
