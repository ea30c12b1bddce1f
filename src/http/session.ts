import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors';
import { type Actor, findSession, type SessionView } from '../modules/auth';
import type { AppDependencies } from './dependencies';

export const SESSION_COOKIE = 'motcua_session';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Requests that carry no session by design: logging in creates one. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionView | null;
  }
}

export function registerSession(app: FastifyInstance, { database }: AppDependencies) {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await findSession(database.db, token) : null;
    const path = request.url.split('?')[0] ?? '';
    if (STATE_CHANGING.has(request.method) && request.session && !CSRF_EXEMPT.has(path)) {
      assertCsrfToken(request.headers['x-csrf-token'], request.session.csrfToken);
    }
  });
}

function assertCsrfToken(sent: string | string[] | undefined, expected: string) {
  const value = Array.isArray(sent) ? sent[0] : sent;
  const isValid =
    typeof value === 'string' && value.length === expected.length && timingSafeEqual(Buffer.from(value), Buffer.from(expected));
  if (!isValid) {
    throw new AppError('csrf_failed', 'Thiếu hoặc sai mã chống giả mạo yêu cầu (x-csrf-token). Vui lòng tải lại trang.');
  }
}

/** The signed-in actor, or 401: state-changing routes without a session are also refused here. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('unauthenticated', 'Vui lòng đăng nhập để tiếp tục.');
  return request.session.actor;
}

export function optionalActor(request: FastifyRequest): Actor | null {
  return request.session?.actor ?? null;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean) {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
