import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema/auth';
import { accountCodes } from '../../db/schema/auth-codes';
import { verifyPassword } from './password';

/**
 * Who establishes a person's identity before a session opens. Today one provider: the local account with its
 * password (verified with argon2, the same time spent for an unknown name). The seam for the national sign-ins —
 * VNeID (Bộ Công an) and the national portal's SSO, both OpenID Connect — is `RedirectIdentityProvider` below:
 *
 * 1. An adapter (e.g. `vneid-provider.ts`) implements it with an OIDC client (authorisation code + PKCE, `state`
 *    and `nonce` checked, ID token verified against the provider's JWKS) and is listed in `identityProviders`.
 * 2. Two routes in routes.ts: `GET /api/auth/providers/:name/start` (redirect to `authorizationUrl`) and
 *    `GET /api/auth/providers/:name/callback` (→ `complete`, then `startSession` of session-service.ts, as the
 *    password login does after `localPasswordProvider.authenticate`).
 * 3. The `ExternalIdentity` it returns is linked to an account by its verified identity number (users.personal_id
 *    for a citizen, users.tax_code for a business), or opens one, already verified, with the role it implies.
 *
 * The login page shows a provider's button only once such an adapter is configured (docs/api/auth.md).
 */
export interface IdentityProvider {
  /** Recorded with the session's audit event (`auth.login`, data.provider). */
  readonly name: string;
  readonly kind: 'password' | 'redirect';
}

export type PasswordAuthentication =
  | { outcome: 'accepted'; userId: string }
  /** Unknown name or wrong password: told apart nowhere. */
  | { outcome: 'rejected' }
  /** The right password of an account an administrator locked. */
  | { outcome: 'inactive' }
  /** The right password of a registration whose code was not entered yet. */
  | { outcome: 'unverified' };

export interface PasswordIdentityProvider extends IdentityProvider {
  readonly kind: 'password';
  authenticate(executor: Executor, credentials: { username: string; password: string }): Promise<PasswordAuthentication>;
}

/** What a national sign-in tells about the person (its verified claims). */
export type ExternalIdentity = {
  provider: string;
  /** The provider's stable identifier of the person (OIDC `sub`). */
  subject: string;
  fullName: string;
  personalId: string | null;
  taxCode: string | null;
  email: string | null;
  phone: string | null;
};

export interface RedirectIdentityProvider extends IdentityProvider {
  readonly kind: 'redirect';
  /** Where the browser goes to sign in; `state` and `nonce` are kept by the caller and checked in `complete`. */
  authorizationUrl(options: { state: string; nonce: string; redirectUri: string }): URL;
  /** Exchanges the callback's parameters for the verified identity; throws an AppError when they do not check. */
  complete(callback: URLSearchParams, expected: { state: string; nonce: string; redirectUri: string }): Promise<ExternalIdentity>;
}

export const localPasswordProvider: PasswordIdentityProvider = {
  name: 'local',
  kind: 'password',
  async authenticate(executor, { username, password }) {
    const [user] = await executor.select().from(users).where(eq(users.username, username)).limit(1);
    const isValid = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !isValid) return { outcome: 'rejected' };
    if (user.isActive) return { outcome: 'accepted', userId: user.id };
    const [pending] = await executor
      .select({ id: accountCodes.id })
      .from(accountCodes)
      .where(and(eq(accountCodes.userId, user.id), eq(accountCodes.purpose, 'registration'), isNull(accountCodes.usedAt)))
      .limit(1);
    return { outcome: pending ? 'unverified' : 'inactive' };
  },
};

/** The providers this installation signs people in with (a national sign-in adapter is added here). */
export const identityProviders: readonly IdentityProvider[] = [localPasswordProvider];
