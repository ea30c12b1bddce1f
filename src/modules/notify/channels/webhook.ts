import { createHmac } from 'node:crypto';
import type { WebhookConfig } from '../../../config';
import { classifyHttpStatus, DeliveryError } from '../rules';
import type { ChannelSender, OutboxRow } from './types';

/** How long a webhook may take to answer before the attempt counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * The signature headers of a webhook call (docs/api/notify.md): `X-Motcua-Signature: sha256=<hex>`, the HMAC-SHA256 of
 * "<timestamp>.<body>" under the shared secret, so that the far end can refuse a forged or replayed call.
 */
export function signatureHeaders(secret: string, body: string, timestampSeconds: number): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return { 'x-motcua-timestamp': String(timestampSeconds), 'x-motcua-signature': `sha256=${signature}` };
}

/** What an SMS or Zalo gateway receives: the message as JSON. */
export function webhookPayload(message: OutboxRow): string {
  return JSON.stringify({
    id: message.id,
    channel: message.channel,
    recipient: message.recipient,
    template: message.template,
    subject: message.subject,
    body: message.body,
    data: message.data,
    refType: message.refType,
    refId: message.refId,
    createdAt: message.createdAt.toISOString(),
  });
}

/**
 * POSTs each message to a signed HTTP endpoint. The national portal receives the document itself (the message's body,
 * JSON text); SMS and Zalo gateways the message as JSON. `X-Motcua-Message-Id` lets the far end drop a repeat (a
 * message is sent at least once: an answer lost on the way back means one more attempt).
 */
export function createWebhookSender(webhook: WebhookConfig, payloadOf: (message: OutboxRow) => string): ChannelSender {
  return {
    via: 'webhook',
    async send(message) {
      const body = payloadOf(message);
      let response: Response;
      try {
        response = await fetch(webhook.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'x-motcua-message-id': message.id,
            ...signatureHeaders(webhook.secret, body, Math.floor(Date.now() / 1000)),
          },
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        });
      } catch (error) {
        throw new DeliveryError(networkFailure(error));
      }
      // The answer's body is not kept: a gateway may echo the phone number or the text back.
      await response.body?.cancel();
      const outcome = classifyHttpStatus(response.status);
      if (outcome !== 'delivered') throw new DeliveryError(`HTTP ${response.status}`, outcome === 'refused');
    },
  };
}

function networkFailure(error: unknown): string {
  const { name, cause } = (error ?? {}) as { name?: string; cause?: { code?: unknown } };
  if (name === 'TimeoutError' || name === 'AbortError') return `timeout after ${WEBHOOK_TIMEOUT_MS / 1000} s`;
  return typeof cause?.code === 'string' ? `network ${cause.code}` : 'network error';
}
