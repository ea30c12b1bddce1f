import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { OutboxMessageView, OutboxPage, OutboxQuery } from '../../contract/notify';
import { AppError, forbidden, notFound } from '../../core/errors';
import { formatVietnamIso } from '../../core/vietnam-time';
import type { Database } from '../../db/client';
import { notifyOutbox } from '../../db/schema/notify';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import type { OutboxRow } from './channels';
import { can } from './policy';
import { maskRecipient } from './rules';

/** The outbox for administrators, newest first: recipients masked, bodies left out. */
export async function listOutbox(db: Database, actor: Actor | null, query: OutboxQuery): Promise<OutboxPage> {
  if (!can(actor, 'notify.outbox.read')) throw forbidden();
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(notifyOutbox.status, query.status));
  if (query.channel) conditions.push(eq(notifyOutbox.channel, query.channel));
  if (query.refType) conditions.push(eq(notifyOutbox.refType, query.refType));
  if (query.refId) conditions.push(eq(notifyOutbox.refId, query.refId));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(notifyOutbox)
      .where(where)
      .orderBy(desc(notifyOutbox.createdAt), desc(notifyOutbox.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(notifyOutbox).where(where),
  ]);
  return { items: rows.map(toOutboxView), total: total?.value ?? 0, page: query.page, pageSize: query.pageSize };
}

/**
 * Puts a failed message back in the queue, with all its attempts again (after the gateway was repaired, or the
 * address corrected at the far end). Only a failed message: a pending one is already waiting, a sent one was sent.
 */
export async function retryOutboxMessage(db: Database, actor: Actor | null, id: string): Promise<OutboxMessageView> {
  if (!can(actor, 'notify.outbox.retry')) throw forbidden();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(notifyOutbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date(), lockedUntil: null })
      .where(and(eq(notifyOutbox.id, id), eq(notifyOutbox.status, 'failed')))
      .returning();
    if (!row) {
      const [existing] = await tx.select({ status: notifyOutbox.status }).from(notifyOutbox).where(eq(notifyOutbox.id, id));
      if (!existing) throw notFound('thông báo');
      throw new AppError('conflict', 'Chỉ gửi lại được thông báo đã gửi thất bại; thông báo này đang chờ gửi hoặc đã gửi.');
    }
    await recordAuditEvent(tx, {
      actorId: actor?.userId ?? null,
      action: 'notify.retry',
      entityType: 'notify_outbox',
      entityId: id,
      data: { channel: row.channel, template: row.template, lastError: row.lastError },
    });
    return toOutboxView(row);
  });
}

function toOutboxView(row: OutboxRow): OutboxMessageView {
  return {
    id: row.id,
    channel: row.channel,
    recipient: maskRecipient(row.channel, row.recipient),
    template: row.template,
    subject: row.subject,
    refType: row.refType,
    refId: row.refId,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: formatVietnamIso(row.nextAttemptAt),
    lastError: row.lastError,
    deliveredVia: row.deliveredVia,
    createdAt: formatVietnamIso(row.createdAt),
    sentAt: row.sentAt ? formatVietnamIso(row.sentAt) : null,
  };
}
