import { and, eq, inArray, sql } from 'drizzle-orm';
import type { NotifyChannel } from '../../contract/enums';
import type { Executor } from '../../db/client';
import { notifyOutbox } from '../../db/schema/notify';

export interface OutboxMessage {
  channel: NotifyChannel;
  /** E-mail address, phone number, Zalo user id, or 'national-portal'. */
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
  const values = {
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
