import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentSessionResponseSchema, loginBodySchema, sessionResponseSchema } from '../../contract/auth';
import { errorResponses } from '../../contract/common';
import type { AppDependencies } from '../../http/dependencies';
import { loginRateLimit } from '../../http/rate-limit';
import { clearSessionCookie, requireActor, setSessionCookie } from '../../http/session';
import type { Actor } from './actor';
import { login, logout } from './session-service';

export function toUserView(actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    fullName: actor.fullName,
    position: actor.position ?? null,
    signingForm: actor.signingForm ?? null,
    roles: actor.roles.map(({ role, unitId, unitName }) => ({ role, unitId, unitName })),
  };
}

export function registerAuthRoutes(instance: FastifyInstance, { database, config }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: loginRateLimit(config) },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập',
        body: loginBodySchema,
        response: { 200: sessionResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await login(
        database.db,
        { maxFailures: config.loginMaxFailures, lockMs: config.loginLockMs, sessionTtlMs: config.sessionTtlMs },
        {
          username: request.body.username,
          password: request.body.password,
          ipAddress: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        },
      );
      setSessionCookie(reply, result.token, result.expiresAt, config.cookieSecure);
      return { user: toUserView(result.actor), csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await logout(database.db, request.session!.sessionId, actor);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Người dùng hiện tại (khách chưa đăng nhập: {"user": null})',
        response: { 200: currentSessionResponseSchema, ...errorResponses },
      },
    },
    // A visitor is not an error: every public page asks, and a 401 would be logged by the browser each time.
    async (request) => {
      if (!request.session) return { user: null };
      return { user: toUserView(request.session.actor), csrfToken: request.session.csrfToken };
    },
  );
}
