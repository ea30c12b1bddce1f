import { z } from 'zod';
import { pageSchema, pageSizeSchema } from './common';
import { notifyChannels, notifyStatuses } from './enums';

/** GET /api/notify/outbox: the outbox, newest first, filtered by status, channel and subject. */
export const outboxQuerySchema = z.object({
  // The value lists are not repeated in the message: "failed" would read as English in a Vietnamese sentence.
  status: z
    .enum(notifyStatuses, { error: 'Trạng thái không hợp lệ: chọn chờ gửi, đang gửi, đã gửi hoặc thất bại (mã trong /api/docs).' })
    .optional(),
  channel: z
    .enum(notifyChannels, { error: 'Kênh không hợp lệ: chọn thư điện tử, SMS, Zalo hoặc Cổng quốc gia (mã trong /api/docs).' })
    .optional(),
  refType: z.string().trim().min(1).max(50).optional(),
  refId: z.string().trim().min(1).max(200).optional(),
  page: pageSchema,
  pageSize: pageSizeSchema,
});

/** One message as administrators see it: the recipient masked, the body (personal text) left out. */
export const outboxMessageViewSchema = z.object({
  id: z.string().uuid(),
  channel: z.enum(notifyChannels),
  recipient: z.string(),
  template: z.string(),
  subject: z.string().nullable(),
  refType: z.string().nullable(),
  refId: z.string().nullable(),
  status: z.enum(notifyStatuses),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  /** "smtp", "webhook", or "log" (the channel was not configured: written to the application log). */
  deliveredVia: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const outboxPageSchema = z.object({
  items: z.array(outboxMessageViewSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export type OutboxQuery = z.infer<typeof outboxQuerySchema>;
export type OutboxMessageView = z.infer<typeof outboxMessageViewSchema>;
export type OutboxPage = z.infer<typeof outboxPageSchema>;
