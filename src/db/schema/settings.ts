import { bigint, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Small editable settings (e.g. working sessions), versioned for optimistic locking. Shared by every module, each
 * under keys of its own ("calendar.sessions", "reform.deadlines", "demo.loaded"): docs/adr/0002-module-walls.md.
 */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: bigint('version', { mode: 'number' }).notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
