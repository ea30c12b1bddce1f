import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL phải bắt đầu bằng postgres:// hoặc postgresql://')
    .optional(),
  // No default here: it depends on DATABASE_URL (see loadConfig).
  MOTCUA_DEMO: booleanFlag.optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(8),
  COOKIE_SECURE: booleanFlag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** How long one DOCX/PDF rendering may take (worker thread) before it is stopped with 503. */
  DOCUMENT_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(60),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, context) => {
      const parsed = parseTrustProxy(value);
      if ('problem' in parsed) {
        context.addIssue({ code: 'custom', message: parsed.problem });
        return z.NEVER;
      }
      return parsed.trustProxy;
    }),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(1200),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10_000).default(30),
  // dossiers (docs/api/dossiers.md, docs/api/national-portal.md)
  /** Shared with the national public-service portal: HMAC-SHA256 of the dossiers it sends; unset = the door is closed. */
  NATIONAL_PORTAL_SECRET: z.string().min(32, 'NATIONAL_PORTAL_SECRET phải dài ít nhất 32 ký tự.').optional(),
  /** Public dossier status lookups per minute and client address (code + ID number guesses); 0 = no limit. */
  PUBLIC_LOOKUP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10_000).default(20),
  // dossier forms (docs/formats/dossier-forms.md)
  /** The address citizens reach motcua at, for the QR code of Mẫu 01; unset: the address of the request. */
  PUBLIC_BASE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'PUBLIC_BASE_URL phải là địa chỉ http:// hoặc https:// (không có ? hay #).')
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
});

/**
 * Which peers may tell us the client's address (X-Forwarded-For): none by default, or the addresses/CIDRs of the
 * reverse proxies, as Fastify's trustProxy takes them. `true` (trust anyone) is refused: every client could then
 * pick the address that login throttling and the audit log record. So is a hop count: Fastify 5 ignores one (it
 * cannot tell a proxy from a client that calls the server directly with a forged header).
 */
export type TrustProxy = false | string[];

const PROXY_ADDRESS_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** The TRUST_PROXY setting as Fastify's trustProxy takes it, or what is wrong with it (in Vietnamese). */
export function parseTrustProxy(value: string | undefined): { trustProxy: TrustProxy } | { problem: string } {
  const text = value?.trim().toLowerCase() ?? '';
  if (text === '' || text === '0' || text === 'false' || text === 'no') return { trustProxy: false };
  if (text === 'true' || text === 'yes') {
    return {
      problem:
        'không chấp nhận "true" (tin mọi X-Forwarded-For thì ai cũng giả được địa chỉ của mình). ' +
        'Hãy ghi địa chỉ/CIDR của proxy (ví dụ 127.0.0.1 hoặc 10.0.0.5,10.1.0.0/16).',
    };
  }
  if (/^\d+$/.test(text)) {
    return {
      problem:
        'không chấp nhận số tầng proxy (ai gọi thẳng máy chủ sẽ giả được địa chỉ). ' +
        'Hãy ghi địa chỉ/CIDR của proxy (ví dụ 127.0.0.1 hoặc 10.1.0.0/16).',
    };
  }
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const invalid = entries.filter((entry) => !isProxyAddress(entry));
  if (invalid.length) {
    return { problem: `"${invalid.join('", "')}" không phải địa chỉ IP, CIDR, loopback, linklocal hay uniquelocal.` };
  }
  return { trustProxy: entries.length ? entries : false };
}

function isProxyAddress(entry: string): boolean {
  if (PROXY_ADDRESS_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  loadDemo: boolean;
  sessionTtlMs: number;
  cookieSecure: boolean;
  logLevel: string;
  bodyLimitBytes: number;
  loginMaxFailures: number;
  loginLockMs: number;
  documentTimeoutMs: number;
  trustProxy: TrustProxy;
  /** Requests per minute and client address, on the whole server and on POST /api/auth/login; 0 = no limit. */
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  // dossiers
  nationalPortalSecret: string | undefined;
  publicLookupRateLimitPerMinute: number;
  // dossier forms
  publicBaseUrl: string | undefined;
};

export class ConfigError extends Error {}

/** The only reader of process.env: every setting is checked here, once, at start-up. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = environmentSchema.safeParse(pickDefined(environment));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ:\n${lines.join('\n')}`);
  }
  const value = parsed.data;
  return {
    env: value.NODE_ENV,
    port: value.PORT,
    host: value.HOST,
    dataDir: resolve(value.DATA_DIR),
    databaseUrl: value.DATABASE_URL,
    // The embedded database is for trying motcua: demo data by default. A server database is a real installation:
    // never demo data unless asked for (MOTCUA_DEMO=1).
    loadDemo: value.MOTCUA_DEMO ?? value.DATABASE_URL === undefined,
    sessionTtlMs: value.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: value.COOKIE_SECURE,
    logLevel: value.LOG_LEVEL,
    bodyLimitBytes: value.BODY_LIMIT_BYTES,
    loginMaxFailures: value.LOGIN_MAX_FAILURES,
    loginLockMs: value.LOGIN_LOCK_MINUTES * 60_000,
    documentTimeoutMs: value.DOCUMENT_TIMEOUT_SECONDS * 1000,
    trustProxy: value.TRUST_PROXY,
    rateLimitPerMinute: value.RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerMinute: value.LOGIN_RATE_LIMIT_PER_MINUTE,
    nationalPortalSecret: value.NATIONAL_PORTAL_SECRET,
    publicLookupRateLimitPerMinute: value.PUBLIC_LOOKUP_RATE_LIMIT_PER_MINUTE,
    publicBaseUrl: value.PUBLIC_BASE_URL,
    ...overrides,
  };
}

function pickDefined(environment: NodeJS.ProcessEnv): Record<string, string> {
  const keys = Object.keys(environmentSchema.shape);
  const result: Record<string, string> = {};
  for (const key of keys) {
    const value = environment[key];
    if (value !== undefined && value !== '') result[key] = value;
  }
  return result;
}

/** Settings the test helpers need, read here so that no other module touches process.env. */
export function readTestSettings(environment: NodeJS.ProcessEnv = process.env) {
  return {
    testDatabaseUrl: environment.TEST_DATABASE_URL || undefined,
    e2eRequired: environment.E2E === 'required',
    chromiumPath: environment.CHROMIUM_PATH || '/usr/bin/chromium',
  };
}
