import nodemailer, { type Transporter } from 'nodemailer';
import { DeliveryError } from '../rules';
import type { ChannelSender } from './types';

/** Subject of a message enqueued without one. */
const DEFAULT_SUBJECT = 'Thông báo từ hệ thống một cửa';

/** Sends e-mail through an SMTP server (SMTP_URL), or any nodemailer transport (tests use jsonTransport). */
export function createEmailSender(transport: Transporter | string, from: string): ChannelSender {
  const transporter =
    typeof transport === 'string'
      ? nodemailer.createTransport({ url: transport, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 })
      : transport;
  return {
    via: 'smtp',
    async send(message) {
      try {
        await transporter.sendMail({
          from,
          to: message.recipient,
          subject: message.subject ?? DEFAULT_SUBJECT,
          text: message.body,
          headers: { 'X-Motcua-Message-Id': message.id },
        });
      } catch (error) {
        throw smtpFailure(error);
      }
    },
  };
}

/**
 * nodemailer's messages quote the server's answer, which often names the recipient ("550 <x@y>: no such user"): only
 * the reply code and the error code are kept. A 5xx reply refuses this message for good; 4xx and network errors pass.
 */
function smtpFailure(error: unknown): DeliveryError {
  const { responseCode, code } = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  const parts = ['SMTP', typeof responseCode === 'number' ? String(responseCode) : undefined, typeof code === 'string' ? code : undefined];
  const isPermanent = typeof responseCode === 'number' && responseCode >= 500 && code !== 'EAUTH';
  return new DeliveryError(parts.filter(Boolean).join(' '), isPermanent);
}
