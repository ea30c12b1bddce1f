import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { NotifyChannel, NotifyStatus } from '../../contract/enums';

/**
 * The transactional outbox (docs/api/notify.md): a message is written in the transaction of the change it reports and
 * delivered afterwards by the job `notify.deliver`. Never deleted: `failed` only after the last attempt, and an
 * administrator may put it back in the queue.
 */
export const notifyOutbox = pgTable(
  'notify_outbox',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    channel: text('channel').$type<NotifyChannel>().notNull(),
    recipient: text('recipient').notNull(),
    template: text('template').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    refType: text('ref_type'),
    refId: text('ref_id'),
    dedupeKey: text('dedupe_key'),
    status: text('status').$type<NotifyStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    /** How it went out: the adapter's name, or "log" when the channel is not configured. */
    deliveredVia: text('delivered_via'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('notify_outbox_dedupe_key_unique').on(table.dedupeKey),
    index('notify_outbox_due_idx').on(table.nextAttemptAt).where(sql`status in ('pending', 'sending')`),
    index('notify_outbox_ref_idx').on(table.refType, table.refId),
    index('notify_outbox_status_idx').on(table.status, table.createdAt),
    check('notify_outbox_channel_check', sql`channel in ('email', 'sms', 'zalo', 'national_portal')`),
    check('notify_outbox_status_check', sql`status in ('pending', 'sending', 'sent', 'failed')`),
  ],
);
