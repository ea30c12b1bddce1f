import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * One-time codes of the accounts (docs/api/auth.md): the check of a new account's e-mail or phone, and the reset of
 * a forgotten password. The client holds a random token (only its sha256 is stored); the code went out through the
 * outbox and is stored as the sha256 of token and code, so a copy of this table cannot be tried offline without the
 * tokens. A password reset asked for a login no account has gets a row too, without a user, so that it answers
 * exactly as a real one would.
 */
export const accountCodes = pgTable(
  'account_codes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    purpose: text('purpose').$type<'registration' | 'password_reset'>().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    channel: text('channel').$type<'email' | 'sms'>(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    sends: integer('sends').notNull().default(1),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('account_codes_user_idx').on(table.userId, table.purpose),
    index('account_codes_expires_idx').on(table.expiresAt),
    check('account_codes_purpose_check', sql`purpose in ('registration', 'password_reset')`),
    check('account_codes_channel_check', sql`channel in ('email', 'sms')`),
  ],
);
