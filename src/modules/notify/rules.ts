import type { NotifyChannel } from '../../contract/enums';

/** First retry after 30 s, doubling each attempt, never more than an hour apart. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 3_600_000;

/**
 * How long to wait before the next attempt after `attempts` failed ones: exponential, capped, with "equal jitter"
 * (half fixed, half random) so that messages that failed together — a gateway that was down — do not all come back
 * in the same second. `random` is in [0, 1).
 */
export function retryDelayMs(attempts: number, random: number = Math.random()): number {
  const exponential = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random);
}

/**
 * A recipient as the log and the admin page show it: enough to recognise a message, not enough to contact anyone
 * ("ng***@example.vn", "*******678", "ab***yz").
 */
export function maskRecipient(channel: NotifyChannel, recipient: string): string {
  if (channel === 'national_portal') return recipient;
  if (channel === 'email') {
    const at = recipient.lastIndexOf('@');
    if (at > 0) return `${recipient.slice(0, Math.min(2, at - 1) || 1)}***${recipient.slice(at)}`;
  }
  if (channel === 'sms') {
    const digits = recipient.replace(/\D/g, '');
    if (digits.length > 3) return `${'*'.repeat(digits.length - 3)}${digits.slice(-3)}`;
  }
  if (recipient.length > 6) return `${recipient.slice(0, 2)}***${recipient.slice(-2)}`;
  return '***';
}

/** Why a delivery failed, without personal data (no recipient, no body, no text the far end echoed back). */
export class DeliveryError extends Error {
  constructor(
    readonly summary: string,
    /** The far end refused the message itself (a bad address): retrying cannot help. */
    readonly isPermanent = false,
  ) {
    super(summary);
    this.name = 'DeliveryError';
  }
}

/** A failure that is not a DeliveryError (a bug, a library's error): only its name and code reach the outbox. */
export function describeFailure(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  const parts = [typeof name === 'string' ? name : 'Error', typeof code === 'string' ? code : undefined].filter(Boolean);
  return new DeliveryError(parts.join(' '));
}

/** An HTTP answer a webhook gave: 2xx delivered; 408, 425, 429 and 5xx worth retrying; another 4xx refused for good. */
export function classifyHttpStatus(status: number): 'delivered' | 'retry' | 'refused' {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  return 'refused';
}
