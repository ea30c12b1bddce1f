import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Config } from '../../config';
import type { NotifyChannel } from '../../contract/enums';
import type { Database } from '../../db/client';
import { notifyOutbox } from '../../db/schema/notify';
import { type ChannelSender, createChannelSenders, type NotifyLog, type OutboxRow } from './channels';
import { describeFailure, maskRecipient, retryDelayMs } from './rules';

/** Messages claimed at once by one worker, and sent this many at a time. */
const CLAIM_BATCH = 20;
const PARALLEL_SENDS = 4;
/** A claimed message belongs to its worker this long; past it (the worker died) another worker takes it up. */
export const CLAIM_LEASE_MS = 5 * 60_000;
/** One run stops claiming after this long, so that a job run stays short (the next run goes on). */
const RUN_BUDGET_MS = 20_000;

export type DeliveryContext = { db: Database; now: Date; config: Config; log: NotifyLog };
export type DeliveryOutcome = { sent: number; retried: number; failed: number };

/**
 * The job `notify-deliver`: claims the messages that are due and sends each through its channel. Several workers may
 * run it at once: a claim takes rows with FOR UPDATE SKIP LOCKED and marks them "sending" with a lease, so no two
 * workers claim one message; the outcome is written only by the worker whose claim it still is.
 */
export async function deliverPendingNotifications(context: DeliveryContext): Promise<DeliveryOutcome> {
  const senders = sendersFor(context);
  const outcome: DeliveryOutcome = { sent: 0, retried: 0, failed: 0 };
  const started = Date.now();
  for (;;) {
    const claimed = await claimDueMessages(context.db, context.now, CLAIM_BATCH);
    for (let index = 0; index < claimed.length; index += PARALLEL_SENDS) {
      const results = await Promise.all(
        claimed.slice(index, index + PARALLEL_SENDS).map((message) => deliverOne(context, senders[message.channel], message)),
      );
      for (const result of results) outcome[result] += 1;
    }
    if (claimed.length < CLAIM_BATCH || Date.now() - started > RUN_BUDGET_MS) return outcome;
  }
}

/** Claims up to `limit` due messages: pending ones whose time has come, and "sending" ones whose lease ran out. */
export async function claimDueMessages(db: Database, now: Date, limit: number): Promise<OutboxRow[]> {
  const due = db
    .select({ id: notifyOutbox.id })
    .from(notifyOutbox)
    .where(
      or(
        and(eq(notifyOutbox.status, 'pending'), lte(notifyOutbox.nextAttemptAt, now)),
        and(eq(notifyOutbox.status, 'sending'), lt(notifyOutbox.lockedUntil, now)),
      ),
    )
    .orderBy(asc(notifyOutbox.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(notifyOutbox)
    .set({ status: 'sending', attempts: sql`${notifyOutbox.attempts} + 1`, lockedUntil: new Date(now.getTime() + CLAIM_LEASE_MS) })
    .where(inArray(notifyOutbox.id, due))
    .returning();
}

async function deliverOne(context: DeliveryContext, sender: ChannelSender, message: OutboxRow): Promise<keyof DeliveryOutcome> {
  const stillOurs = and(eq(notifyOutbox.id, message.id), eq(notifyOutbox.status, 'sending'), eq(notifyOutbox.attempts, message.attempts));
  try {
    await sender.send(message);
  } catch (error) {
    const failure = describeFailure(error);
    const isFinal = failure.isPermanent || message.attempts >= context.config.notify.maxAttempts;
    await context.db
      .update(notifyOutbox)
      .set({
        status: isFinal ? 'failed' : 'pending',
        lastError: failure.summary.slice(0, 200),
        lockedUntil: null,
        nextAttemptAt: isFinal ? context.now : new Date(context.now.getTime() + retryDelayMs(message.attempts)),
      })
      .where(stillOurs);
    (isFinal ? context.log.error : context.log.warn).call(
      context.log,
      { notify: { ...describe(message), attempts: message.attempts, error: failure.summary } },
      isFinal ? 'notification failed for good' : 'notification not delivered, will retry',
    );
    return isFinal ? 'failed' : 'retried';
  }
  await context.db
    .update(notifyOutbox)
    .set({ status: 'sent', sentAt: context.now, lockedUntil: null, lastError: null, deliveredVia: sender.via })
    .where(stillOurs);
  return 'sent';
}

function describe(message: OutboxRow) {
  return {
    id: message.id,
    channel: message.channel,
    template: message.template,
    recipient: maskRecipient(message.channel, message.recipient),
  };
}

/** One set of senders per configuration, so that an SMTP transport is not rebuilt on every run. */
const sendersByConfig = new WeakMap<Config, Record<NotifyChannel, ChannelSender>>();

function sendersFor(context: DeliveryContext): Record<NotifyChannel, ChannelSender> {
  let senders = sendersByConfig.get(context.config);
  if (!senders) {
    senders = createChannelSenders(context.config.notify, context.log);
    sendersByConfig.set(context.config, senders);
  }
  return senders;
}
