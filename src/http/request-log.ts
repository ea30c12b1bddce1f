import { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import type { Config } from '../config';

/** Where log lines go: standard output, or a stream a test reads. */
export type LogDestination = { write(line: string): void };

/** The path of a URL without its query string: queries carry what users search for (names, ID numbers). */
export const pathOf = (url: string) => url.split('?', 1)[0] ?? '';

/**
 * The logger holds no personal data: Fastify's two lines per request ("incoming request", "request completed",
 * with the full URL, the client's address and port) are off; `req` is reduced to method and path wherever
 * Fastify still logs it. Errors are described by the error handler, without SQL parameters.
 */
export function loggerOptions(config: Config, destination?: LogDestination): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  const logController = new LogController({ disableRequestLogging: true });
  if (config.logLevel === 'silent') return { logger: false, logController };
  return {
    logger: {
      level: config.logLevel,
      ...(destination ? { stream: destination } : {}),
      serializers: { req: (request: { method: string; url: string }) => ({ method: request.method, path: pathOf(request.url) }) },
    },
    logController,
  };
}

/** Exactly one line per answered request: method, path without the query, status, duration, request id. */
export function registerRequestLog(app: FastifyInstance) {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, path: pathOf(request.url), status: reply.statusCode, durationMs: Math.round(reply.elapsedTime) },
      'request',
    );
  });
}
