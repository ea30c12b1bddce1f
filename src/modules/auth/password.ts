import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import argon2 from 'argon2';
import { eq } from 'drizzle-orm';
import { assetPath } from '../../assets';
import { passwordRules } from '../../contract/auth';
import type { Executor } from '../../db/client';
import { settings } from '../../db/schema/settings';
import { DEMO_PASSWORD } from '../../demo/accounts';

/** OWASP's argon2id profile: 19 MiB, 2 iterations, 1 lane. */
const hashOptions = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, hashOptions);
}

let dummyHash: Promise<string> | undefined;

/** Verifies; for an unknown account it still spends the same time, so timing does not reveal which names exist. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (hash === null) {
    dummyHash ??= hashPassword('motcua-dummy-password');
    await argon2.verify(await dummyHash, password);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// NIST SP 800-63B: a length floor (contract/auth.ts, shared with the web form) and a list of known passwords,
// rather than composition rules.
export { passwordRules };

/** The settings row the demo loader writes (src/demo): such an installation keeps its shared demo password. */
export const DEMO_MARKER_KEY = 'demo.loaded';

export async function isDemoInstallation(db: Executor): Promise<boolean> {
  const [row] = await db.select({ key: settings.key }).from(settings).where(eq(settings.key, DEMO_MARKER_KEY));
  return !!row;
}

let commonPasswords: Set<string> | undefined;

/** The 10,000 most common passwords (common-passwords.NOTICE.txt tells where they come from), read once. */
function readCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(
    gunzipSync(readFileSync(assetPath('src', 'modules', 'auth', 'common-passwords.txt.gz')))
      .toString('utf8')
      .split('\n')
      .filter((line) => line !== ''),
  );
  return commonPasswords;
}

export type PasswordContext = { username: string; isDemoInstallation: boolean };

/** Why a password may not be used, in Vietnamese, or null when it may. Length is counted in characters, not bytes. */
export function findPasswordProblem(password: string, context: PasswordContext): string | null {
  const length = [...password].length;
  if (length < passwordRules.minLength) return `Mật khẩu phải có ít nhất ${passwordRules.minLength} ký tự.`;
  if (length > passwordRules.maxLength) return `Mật khẩu dài tối đa ${passwordRules.maxLength} ký tự.`;
  const folded = password.normalize('NFC').toLowerCase();
  const username = context.username.trim().toLowerCase();
  if (username && folded.includes(username)) return 'Mật khẩu không được chứa tên đăng nhập.';
  if (readCommonPasswords().has(folded)) return 'Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị dò ra; hãy chọn mật khẩu khác.';
  if (!context.isDemoInstallation && folded === DEMO_PASSWORD.toLowerCase()) {
    return 'Không dùng mật khẩu chung của dữ liệu mẫu cho một hệ thống thật; hãy chọn mật khẩu khác.';
  }
  return null;
}
