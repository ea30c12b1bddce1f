import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';

/**
 * The Content-Security-Policy of every response, the web app's and the API docs' (/api/docs) alike: both load
 * only their own scripts (Vite emits no inline script; swagger-ui's page has none either). Styles allow
 * 'unsafe-inline' because Mantine injects <style> tags and both apps set style attributes. Icons and fonts may
 * be data: URIs. Nothing may frame the application (clickjacking); forms and <base> stay on our origin.
 */
export function contentSecurityPolicy(config: Pick<Config, 'cookieSecure'>) {
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      // Over plain HTTP (a laptop trial reached by its address) upgrading would break every asset.
      ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
    },
  };
}

/**
 * The headers of one answer our own pages may frame: a dossier's PDF shown in the viewer of the dossier page
 * (`?inline=1`). Only `frame-ancestors` ('self' instead of 'none') and X-Frame-Options (SAMEORIGIN instead of DENY)
 * change, on that answer alone; every other directive and nosniff stay, and no other site may frame it.
 */
export function framableBySelfHeaders(config: Pick<Config, 'cookieSecure'>): Record<string, string> {
  const { directives } = contentSecurityPolicy(config);
  return {
    'content-security-policy': serialisePolicy({ ...directives, frameAncestors: ["'self'"] }),
    'x-frame-options': 'SAMEORIGIN',
  };
}

function serialisePolicy(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => [name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`), ...values].join(' '))
    .join(';');
}

const HSTS_MAX_AGE_SECONDS = 365 * 24 * 3600;

/**
 * The security headers that matter on an error answer, for the answers Fastify and Node give before any hook runs
 * (a bad percent-escape in the URL, an over-long URL or header → 431, a malformed request): helmet sets its headers
 * in an onRequest hook, which those answers never reach. The same policy as helmet's (one source, the directives
 * above), serialised as helmet does; `response-headers.test.ts` compares the two. Helmet's other headers
 * (Cross-Origin-*, X-DNS-Prefetch-Control…) protect documents and scripts, which a JSON error is not.
 */
export function preRoutingSecurityHeaders(config: Pick<Config, 'cookieSecure'>): Record<string, string> {
  const policy = serialisePolicy(contentSecurityPolicy(config).directives);
  return {
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    ...(config.cookieSecure ? { 'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}` } : {}),
  };
}

/**
 * Security headers on every response (helmet): CSP, X-Content-Type-Options: nosniff, X-Frame-Options: DENY,
 * Referrer-Policy: same-origin (a URL such as /api/users?q=… never leaves for another site), and HSTS only when
 * COOKIE_SECURE=1 says the server is reached over HTTPS (HSTS sent over plain HTTP would lock browsers out).
 *
 * Caching of API answers: `no-store` on every /api response, because answers to a signed-in user hold personal
 * data (users, sessions, drafts, CSRF tokens) that no browser or proxy may keep; except GET/HEAD answered to a
 * visitor without a session, which can only be public reference data (catalog, calendar, units): `no-cache`
 * (may be stored, always revalidated, so a new publication shows at once). A route that sets its own
 * Cache-Control keeps it. The web app's files are cached by the static file options (see web-app.ts).
 */
export async function registerResponseHeaders(app: FastifyInstance, config: Config) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: contentSecurityPolicy(config),
    strictTransportSecurity: config.cookieSecure ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: false } : false,
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
  });
  app.addHook('onSend', async (request, reply) => {
    const isApi = request.url === '/api' || request.url.startsWith('/api/');
    if (!isApi || reply.hasHeader('cache-control')) return;
    const isPublicRead = (request.method === 'GET' || request.method === 'HEAD') && !request.session;
    reply.header('cache-control', isPublicRead ? 'no-cache' : 'no-store');
  });
}

/**
 * gzip and brotli for JSON and the web app's files, whichever the client prefers; bodies under 1 KB stay as they
 * are. Request bodies are never decompressed (see request-input.ts: an encoded body is refused).
 * Must be registered before the routes it compresses.
 */
export async function registerCompression(app: FastifyInstance) {
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], globalDecompression: false });
}
