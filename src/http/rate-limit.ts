import fastifyRateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import { AppError } from '../core/errors';

const MINUTE_MS = 60_000;

/**
 * Request budgets per client address (request.ip, so TRUST_PROXY decides what an address is; an IPv6 /64 counts as
 * one): a generous one on every route, and a small one on POST /api/auth/login that no office logs in faster than,
 * so that nobody floods login with guesses (the per-account and per-address lock is in auth/login-throttle.ts).
 * Counters live in this process: behind several app nodes each node counts its own share.
 * Must be registered before the routes it limits.
 */
export async function registerRateLimit(app: FastifyInstance, config: Config) {
  if (config.rateLimitPerMinute === 0 && config.loginRateLimitPerMinute === 0 && config.publicLookupRateLimitPerMinute === 0) return;
  await app.register(fastifyRateLimit, {
    global: config.rateLimitPerMinute > 0,
    max: config.rateLimitPerMinute,
    timeWindow: MINUTE_MS,
    // Thrown to the error handler, so the answer has our shape; Retry-After is already set.
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError('too_many_requests', `Quá nhiều yêu cầu từ địa chỉ của bạn. Vui lòng thử lại sau ${seconds} giây.`);
    },
  });
}

/** The route option of POST /api/auth/login (`config: { rateLimit }`). */
export function loginRateLimit(config: Config): RateLimitOptions | false {
  return config.loginRateLimitPerMinute > 0 ? { max: config.loginRateLimitPerMinute, timeWindow: MINUTE_MS } : false;
}

/** The route option of GET /api/public/dossier-status: a small budget, so that nobody walks through code + ID pairs. */
export function publicLookupRateLimit(config: Config): RateLimitOptions | false {
  return config.publicLookupRateLimitPerMinute > 0 ? { max: config.publicLookupRateLimitPerMinute, timeWindow: MINUTE_MS } : false;
}
