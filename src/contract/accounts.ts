/**
 * Accounts of citizens and businesses (issue 12): registration with a code sent through the outbox, the forgotten
 * password, and the account's own information. Rules in docs/api/auth.md.
 */
import { z } from 'zod';
import { passwordSchema } from './auth';
import { findPersonalIdProblem, findTaxCodeProblem, normalizeTaxCode } from './identity-numbers';

export const applicantKinds = ['citizen', 'business'] as const;
export type ApplicantKind = (typeof applicantKinds)[number];

/** How long a code lives, how often it may be tried and sent again. */
export const oneTimeCodeRules = { digits: 6, lifetimeMinutes: 15, maxAttempts: 5, resendAfterSeconds: 60, maxSends: 5 } as const;

const emailSchema = z.string().trim().toLowerCase().email('Địa chỉ e-mail không hợp lệ.').max(200);
/** A Vietnamese phone number as people write it (0912 345 678, +84 912 345 678), stored as digits only. */
const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .]{9,16}$/, 'Số điện thoại không hợp lệ.')
  .transform((value) => value.replace(/[ .]/g, '').replace(/^\+84/, '0'))
  .refine((value) => /^0\d{9,10}$/.test(value), 'Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng 0.');
const fullNameSchema = z.string().trim().min(2, 'Họ tên quá ngắn.').max(200);
const addressSchema = z.string().trim().max(300, 'Địa chỉ dài tối đa 300 ký tự.');
const tokenSchema = z.string().regex(/^[\w-]{20,100}$/, 'Phiên đăng ký hoặc khôi phục không hợp lệ.');
const codeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Mã xác minh gồm 6 chữ số.');

export const registerBodySchema = z
  .strictObject({
    kind: z.enum(applicantKinds),
    /** CCCD (12 digits) for a citizen, tax code (10 or 13 digits) for a business. */
    identityNumber: z
      .string()
      .trim()
      .regex(/^[0-9 .-]{10,16}$/, 'Số định danh gồm 10–13 chữ số.'),
    fullName: fullNameSchema,
    email: emailSchema.nullable().optional(),
    phone: phoneSchema.nullable().optional(),
    password: passwordSchema,
  })
  .transform((body) => ({
    ...body,
    identityNumber: body.kind === 'business' ? normalizeTaxCode(body.identityNumber) : body.identityNumber.replace(/[ .]/g, ''),
    email: body.email ?? null,
    phone: body.phone ?? null,
  }))
  .superRefine((body, context) => {
    const problem = body.kind === 'citizen' ? findPersonalIdProblem(body.identityNumber) : findTaxCodeProblem(body.identityNumber);
    if (problem) context.addIssue({ code: 'custom', path: ['identityNumber'], message: problem });
    if (!body.email && !body.phone) {
      context.addIssue({ code: 'custom', path: ['email'], message: 'Vui lòng nhập e-mail hoặc số điện thoại để nhận mã xác minh.' });
    }
  });

/** A code waiting to be entered: where it went (masked) and when it can be sent again. */
export const pendingVerificationSchema = z.object({
  token: z.string(),
  channel: z.enum(['email', 'sms']),
  maskedRecipient: z.string(),
  expiresAt: z.string().datetime({ offset: true }),
  resendAvailableAt: z.string().datetime({ offset: true }),
});

export const verifyRegistrationBodySchema = z.strictObject({ token: tokenSchema, code: codeSchema });
export const resendCodeBodySchema = z.strictObject({ token: tokenSchema });

export const passwordResetBodySchema = z.strictObject({
  /** The username (CCCD, tax code), e-mail or phone of the account. */
  login: z.string().trim().min(3, 'Vui lòng nhập tên đăng nhập, e-mail hoặc số điện thoại.').max(200),
});
/** The same answer whether or not an account matched (no account enumeration). */
export const passwordResetResponseSchema = z.object({ token: z.string(), expiresAt: z.string().datetime({ offset: true }) });
export const passwordResetConfirmBodySchema = z.strictObject({ token: tokenSchema, code: codeSchema, newPassword: passwordSchema });

export const accountProfileSchema = z.object({
  kind: z.enum(applicantKinds),
  username: z.string(),
  fullName: z.string(),
  personalId: z.string().nullable(),
  taxCode: z.string().nullable(),
  email: z.string().nullable(),
  isEmailVerified: z.boolean(),
  phone: z.string().nullable(),
  isPhoneVerified: z.boolean(),
  address: z.string().nullable(),
  version: z.number().int(),
});

/** A partial change of one's own account; the identity number may be set once, when the account has none. */
export const updateProfileBodySchema = z.strictObject({
  fullName: fullNameSchema.optional(),
  email: emailSchema.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  address: addressSchema.nullable().optional(),
  identityNumber: z
    .string()
    .trim()
    .regex(/^[0-9 .-]{10,16}$/, 'Số định danh gồm 10–13 chữ số.')
    .optional(),
  version: z.number().int().min(1),
});

export type RegisterRequest = z.input<typeof registerBodySchema>;
export type RegisterInput = z.output<typeof registerBodySchema>;
export type PendingVerification = z.infer<typeof pendingVerificationSchema>;
export type PasswordResetResponse = z.infer<typeof passwordResetResponseSchema>;
export type PasswordResetConfirmRequest = z.input<typeof passwordResetConfirmBodySchema>;
export type AccountProfile = z.infer<typeof accountProfileSchema>;
export type UpdateProfileRequest = z.input<typeof updateProfileBodySchema>;
export type UpdateProfileInput = z.output<typeof updateProfileBodySchema>;
