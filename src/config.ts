import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { defaultPhoneChannels, type PhoneChannel, phoneChannels } from './contract/enums';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

function webhookUrl(name: string) {
  return z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, `${name} phải là địa chỉ http:// hoặc https://`)
    .optional();
}
const webhookSecret = z.string().min(16, 'Khóa bí mật HMAC phải dài ít nhất 16 ký tự').optional();

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
  /** How many demo dossiers a first start makes (100 before listening, the rest in the background); 0 = none. */
  MOTCUA_DEMO_DOSSIERS: z.coerce.number().int().min(0).max(100_000).default(3000),
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
  /**
   * The address citizens reach motcua at: the QR code of Mẫu 01 (unset: the address of the request) and the links of
   * the registration and password-reset messages (unset: the message carries the code alone, never a link built from
   * the request's Host header).
   */
  PUBLIC_BASE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'PUBLIC_BASE_URL phải là địa chỉ http:// hoặc https:// (không có ? hay #).')
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  /** Background jobs in `motcua serve` (the outbox delivery, the sweeps): on by default, off in tests. */
  JOBS: z.enum(['on', 'off']).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL phải bắt đầu bằng smtp:// hoặc smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  SMS_WEBHOOK_URL: webhookUrl('SMS_WEBHOOK_URL'),
  SMS_WEBHOOK_SECRET: webhookSecret,
  ZALO_WEBHOOK_URL: webhookUrl('ZALO_WEBHOOK_URL'),
  ZALO_WEBHOOK_SECRET: webhookSecret,
  NATIONAL_PORTAL_SYNC_URL: webhookUrl('NATIONAL_PORTAL_SYNC_URL'),
  NATIONAL_PORTAL_SYNC_SECRET: webhookSecret,
  /** Which channels carry a message addressed to a phone (the applicant's, a plan reminder to staff): sms, zalo. */
  NOTIFY_PHONE_CHANNELS: z
    .string()
    .optional()
    .transform((value, context) => {
      const parsed = parsePhoneChannels(value);
      if ('problem' in parsed) {
        context.addIssue({ code: 'custom', message: parsed.problem });
        return z.NEVER;
      }
      return parsed.channels;
    }),
  /** After this many attempts a message is marked failed (it stays in the outbox; an administrator may retry it). */
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
});

/** NOTIFY_PHONE_CHANNELS as a list (`sms` when unset), or what is wrong with it (in Vietnamese). */
export function parsePhoneChannels(value: string | undefined): { channels: PhoneChannel[] } | { problem: string } {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  if (entries.length === 0) return { channels: [...defaultPhoneChannels] };
  const unknown = entries.filter((entry) => !(phoneChannels as readonly string[]).includes(entry));
  if (unknown.length) {
    return { problem: `"${unknown.join('", "')}" không phải kênh gửi tới số điện thoại: chọn sms, zalo hoặc cả hai (sms,zalo).` };
  }
  return { channels: phoneChannels.filter((channel) => entries.includes(channel)) };
}

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
  demoDossiers: number;
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
  /** Whether `motcua serve` runs the background jobs (`motcua worker` always does). */
  jobsEnabled: boolean;
  notify: NotifyConfig;
  /**
   * Which channels carry a message addressed to a phone number (NOTIFY_PHONE_CHANNELS, default SMS only): one message
   * per channel, each with its own dedupe key. Zalo only with a Zalo gateway (ZNS, addressed by the phone number).
   */
  notifyPhoneChannels: PhoneChannel[];
};

/** A signed HTTP endpoint: the body is signed with HMAC-SHA256 under the secret (docs/api/notify.md). */
export type WebhookConfig = { url: string; secret: string };

/** The notification channels; a channel left unconfigured writes its messages to the log (docs/api/notify.md). */
export type NotifyConfig = {
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  sms: WebhookConfig | undefined;
  zalo: WebhookConfig | undefined;
  nationalPortal: WebhookConfig | undefined;
  maxAttempts: number;
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
  const problems = notifyConfigProblems(value);
  if (problems.length) throw new ConfigError(`Cấu hình không hợp lệ:\n${problems.map((line) => `  ${line}`).join('\n')}`);
  return {
    env: value.NODE_ENV,
    port: value.PORT,
    host: value.HOST,
    dataDir: resolve(value.DATA_DIR),
    databaseUrl: value.DATABASE_URL,
    // The embedded database is for trying motcua: demo data by default. A server database is a real installation:
    // never demo data unless asked for (MOTCUA_DEMO=1).
    loadDemo: value.MOTCUA_DEMO ?? value.DATABASE_URL === undefined,
    demoDossiers: value.MOTCUA_DEMO_DOSSIERS,
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
    jobsEnabled: (value.JOBS ?? (value.NODE_ENV === 'test' ? 'off' : 'on')) === 'on',
    notify: {
      smtpUrl: value.SMTP_URL,
      mailFrom: value.MAIL_FROM,
      sms: webhook(value.SMS_WEBHOOK_URL, value.SMS_WEBHOOK_SECRET),
      zalo: webhook(value.ZALO_WEBHOOK_URL, value.ZALO_WEBHOOK_SECRET),
      nationalPortal: webhook(value.NATIONAL_PORTAL_SYNC_URL, value.NATIONAL_PORTAL_SYNC_SECRET),
      maxAttempts: value.NOTIFY_MAX_ATTEMPTS,
    },
    notifyPhoneChannels: value.NOTIFY_PHONE_CHANNELS,
    ...overrides,
  };
}

type Environment = z.infer<typeof environmentSchema>;

const webhookPairs = [
  ['SMS_WEBHOOK_URL', 'SMS_WEBHOOK_SECRET'],
  ['ZALO_WEBHOOK_URL', 'ZALO_WEBHOOK_SECRET'],
  ['NATIONAL_PORTAL_SYNC_URL', 'NATIONAL_PORTAL_SYNC_SECRET'],
] as const;

/** Settings that only make sense together: an endpoint is never called unsigned, mail needs its sender, Zalo its gateway. */
function notifyConfigProblems(value: Environment): string[] {
  const problems: string[] = [];
  if (value.SMTP_URL && !value.MAIL_FROM) problems.push('MAIL_FROM: cần địa chỉ người gửi khi đã đặt SMTP_URL');
  for (const [url, secret] of webhookPairs) {
    if (value[url] && !value[secret]) problems.push(`${secret}: cần khóa bí mật HMAC khi đã đặt ${url}`);
    if (!value[url] && value[secret]) problems.push(`${url}: đã đặt ${secret} nhưng chưa đặt địa chỉ`);
  }
  // Without a gateway Zalo messages would only be written to the log: a reminder thought sent would reach nobody.
  if (value.NOTIFY_PHONE_CHANNELS.includes('zalo') && !(value.ZALO_WEBHOOK_URL && value.ZALO_WEBHOOK_SECRET)) {
    problems.push(
      'NOTIFY_PHONE_CHANNELS: chọn zalo thì cần cấu hình cổng gửi Zalo (ZALO_WEBHOOK_URL và ZALO_WEBHOOK_SECRET); chưa có cổng thì chỉ chọn sms',
    );
  }
  return problems;
}

function webhook(url: string | undefined, secret: string | undefined): WebhookConfig | undefined {
  return url && secret ? { url, secret } : undefined;
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
