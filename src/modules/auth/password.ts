import argon2 from 'argon2';

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

export const passwordRules = { minLength: 8, maxLength: 200 } as const;
