import type { notifyOutbox } from '../../../db/schema/notify';

export type OutboxRow = typeof notifyOutbox.$inferSelect;

/** Where one channel's messages go. `send` resolves once the far end accepted the message, else throws (DeliveryError). */
export type ChannelSender = {
  /** Recorded with the message (`delivered_via`): "smtp", "webhook", or "log" when the channel is not configured. */
  via: string;
  send(message: OutboxRow): Promise<void>;
};

/** The logger of the process (Fastify's pino): objects first, then the message. */
export type NotifyLog = {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
};
