import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountProfileSchema,
  passwordResetBodySchema,
  passwordResetConfirmBodySchema,
  passwordResetResponseSchema,
  pendingVerificationSchema,
  registerBodySchema,
  resendCodeBodySchema,
  updateProfileBodySchema,
  verifyRegistrationBodySchema,
} from '../../contract/accounts';
import { sessionResponseSchema } from '../../contract/auth';
import { errorResponses } from '../../contract/common';
import type { AppDependencies } from '../../http/dependencies';
import { loginRateLimit } from '../../http/rate-limit';
import { optionalActor, requireActor, setSessionCookie } from '../../http/session';
import { confirmPasswordReset, requestPasswordReset } from './password-reset-service';
import { getOwnProfile, updateOwnProfile } from './profile-service';
import { registerAccount, resendRegistrationCode, verifyRegistration } from './registration-service';
import { loadActor } from './repo';
import { toUserView } from './routes';

const clientOf = (request: FastifyRequest) => ({ ipAddress: request.ip, userAgent: request.headers['user-agent'] ?? null });

/** Registration, its code, the forgotten password and one's own account (docs/api/auth.md). */
export function registerAccountRoutes(instance: FastifyInstance, { database, config }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const rateLimit = loginRateLimit(config);
  app.post(
    '/api/auth/register',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Đăng ký tài khoản công dân, doanh nghiệp (mã xác minh gửi qua e-mail hoặc SMS)',
        body: registerBodySchema,
        response: { 201: pendingVerificationSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerAccount(database.db, request.body, clientOf(request), config.publicBaseUrl)),
  );
  app.post(
    '/api/auth/register/verify',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Nhập mã xác minh: kích hoạt tài khoản và đăng nhập',
        body: verifyRegistrationBodySchema,
        response: { 200: sessionResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await verifyRegistration(database.db, request.body, { ...clientOf(request), sessionTtlMs: config.sessionTtlMs });
      // The new account's cookie takes the place of any other in this browser (that session expires on its own).
      const actor = await loadActor(database.db, result.userId);
      setSessionCookie(reply, result.token, result.expiresAt, config.cookieSecure);
      return { user: toUserView(actor!), csrfToken: result.csrfToken };
    },
  );
  app.post(
    '/api/auth/register/resend',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Gửi lại mã xác minh đăng ký',
        body: resendCodeBodySchema,
        response: { 200: pendingVerificationSchema, ...errorResponses },
      },
    },
    async (request) => resendRegistrationCode(database.db, request.body.token, config.publicBaseUrl),
  );
  app.post(
    '/api/auth/password-reset',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Quên mật khẩu: gửi mã khôi phục (luôn trả 202, không tiết lộ tài khoản có tồn tại hay không)',
        body: passwordResetBodySchema,
        response: { 202: passwordResetResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await requestPasswordReset(database.db, request.body.login, clientOf(request), config.publicBaseUrl)),
  );
  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Đặt mật khẩu mới bằng mã khôi phục (kết thúc các phiên đăng nhập khác)',
        body: passwordResetConfirmBodySchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = optionalActor(request);
      const current = actor && request.session ? { sessionId: request.session.sessionId, userId: actor.userId } : null;
      await confirmPasswordReset(database.db, request.body, current);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/auth/me/profile',
    {
      schema: {
        tags,
        summary: 'Thông tin tài khoản của công dân, doanh nghiệp đang đăng nhập',
        response: { 200: accountProfileSchema, ...errorResponses },
      },
    },
    async (request) => getOwnProfile(database.db, requireActor(request)),
  );
  app.patch(
    '/api/auth/me/profile',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin tài khoản của mình (phiên bản lạc quan)',
        body: updateProfileBodySchema,
        response: { 200: accountProfileSchema, ...errorResponses },
      },
    },
    async (request) => updateOwnProfile(database.db, requireActor(request), request.body),
  );
}
