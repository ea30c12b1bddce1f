import { and, eq, inArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { NotifyChannel } from '../../contract/enums';
import type { Executor } from '../../db/client';
import type { RowsInsert } from '../../db/json-rows';
import { notifyOutbox } from '../../db/schema/notify';

export interface OutboxMessage {
  channel: NotifyChannel;
  /** E-mail address, phone number (SMS, and Zalo: ZNS is addressed by the phone number), or 'national-portal'. */
  recipient: string;
  /** e.g. 'auth.verify', 'dossier.received', 'dossier.supplement_requested', 'dossier.result_ready'. */
  template: string;
  subject?: string | null;
  /** The text sent (Vietnamese, NFC); national_portal: the JSON document as text. */
  body: string;
  data?: Record<string, unknown>;
  /** e.g. 'dossier', 'user'. */
  refType?: string | null;
  refId?: string | null;
  /** Unique: enqueueing the same key twice keeps one message. */
  dedupeKey?: string | null;
}

export type DeliveryState = 'pending' | 'sent' | 'failed';

/**
 * Writes the message in the caller's transaction (executor): it is sent only if that transaction commits. A message
 * whose dedupe key is already in the outbox is not written again; the id of the one kept is returned.
 */
export async function enqueueNotification(executor: Executor, message: OutboxMessage): Promise<{ id: string }> {
  const values = outboxValues(message);
  const inserted = await executor
    .insert(notifyOutbox)
    .values(values)
    .onConflictDoNothing({ target: notifyOutbox.dedupeKey })
    .returning({ id: notifyOutbox.id });
  if (inserted[0]) return inserted[0];
  const [kept] = await executor
    .select({ id: notifyOutbox.id })
    .from(notifyOutbox)
    .where(eq(notifyOutbox.dedupeKey, values.dedupeKey ?? ''));
  if (!kept) throw new Error('notify_outbox: dedupe conflict without a row');
  return kept;
}

/**
 * The same messages as one multi-row INSERT, built but not run: the caller runs it in its transaction, alone or
 * batched with its own writes of the same change (the dossier actions write their whole trail in one statement). A
 * dedupe key already in the outbox keeps the message there.
 */
export function notificationsInsert(executor: Executor, messages: readonly OutboxMessage[]) {
  if (messages.length === 0) return null;
  return executor.insert(notifyOutbox).values(messages.map(outboxValues)).onConflictDoNothing({ target: notifyOutbox.dedupeKey });
}

/** The same messages as a rows insert (src/db/json-rows.ts), for a caller that writes its change as one named statement. */
export function notificationsRows(messages: readonly OutboxMessage[]): RowsInsert | null {
  if (messages.length === 0) return null;
  return { table: notifyOutbox, rows: messages.map(outboxValues), skipConflictOn: notifyOutbox.dedupeKey };
}

function outboxValues(message: OutboxMessage) {
  if (message.channel === 'national_portal' && !isJsonDocument(message.body)) {
    // A caller's mistake, found in its own transaction rather than by the portal hours later.
    throw new Error(`enqueueNotification: the national-portal body of ${message.template} is not a JSON document`);
  }
  return {
    channel: message.channel,
    recipient: message.recipient.normalize('NFC').trim(),
    template: message.template,
    subject: message.subject?.normalize('NFC') ?? null,
    body: message.body.normalize('NFC'),
    data: message.data ?? {},
    refType: message.refType ?? null,
    refId: message.refId ?? null,
    dedupeKey: message.dedupeKey ?? null,
  };
}

/**
 * The delivery state of one subject's messages as an SQL expression (the rule of `deliveryStates`), for a reader
 * that loads its subject in one query: `refId` is the subject's id column or value. Null when it has no message.
 */
export function deliveryStateOf(refType: string, refId: SQLWrapper, channel?: NotifyChannel): SQL<DeliveryState | null> {
  const where = and(
    eq(notifyOutbox.refType, refType),
    sql`${notifyOutbox.refId} = (${refId})::text`,
    channel ? eq(notifyOutbox.channel, channel) : undefined,
  );
  return sql<DeliveryState | null>`(select case when count(*) = 0 then null when count(*) filter (where ${notifyOutbox.status} = 'failed') > 0 then 'failed' when count(*) filter (where ${notifyOutbox.status} in ('pending', 'sending')) > 0 then 'pending' else 'sent' end from ${notifyOutbox} where ${where})`;
}

/**
 * Delivery state of the messages about each subject, e.g. the national-portal sync state of a dossier: `failed` if
 * one failed for good, else `pending` while one waits, else `sent`. Subjects without a message are absent.
 */
export async function deliveryStates(
  executor: Executor,
  refType: string,
  refIds: string[],
  channel?: NotifyChannel,
): Promise<Map<string, DeliveryState>> {
  const states = new Map<string, DeliveryState>();
  if (!refIds.length) return states;
  const rows = await executor
    .select({
      refId: notifyOutbox.refId,
      failed: sql<number>`count(*) filter (where ${notifyOutbox.status} = 'failed')`.mapWith(Number),
      waiting: sql<number>`count(*) filter (where ${notifyOutbox.status} in ('pending', 'sending'))`.mapWith(Number),
    })
    .from(notifyOutbox)
    .where(
      and(eq(notifyOutbox.refType, refType), inArray(notifyOutbox.refId, refIds), channel ? eq(notifyOutbox.channel, channel) : undefined),
    )
    .groupBy(notifyOutbox.refId);
  for (const row of rows) {
    if (row.refId === null) continue;
    states.set(row.refId, row.failed > 0 ? 'failed' : row.waiting > 0 ? 'pending' : 'sent');
  }
  return states;
}

function isJsonDocument(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}
