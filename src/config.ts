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
  MOTCUA_DEMO: booleanFlag.default(true),
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
});

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
    loadDemo: value.MOTCUA_DEMO,
    sessionTtlMs: value.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: value.COOKIE_SECURE,
    logLevel: value.LOG_LEVEL,
    bodyLimitBytes: value.BODY_LIMIT_BYTES,
    loginMaxFailures: value.LOGIN_MAX_FAILURES,
    loginLockMs: value.LOGIN_LOCK_MINUTES * 60_000,
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
