import type { NotifyConfig } from '../../../config';
import type { NotifyChannel } from '../../../contract/enums';
import { maskRecipient } from '../rules';
import { createEmailSender } from './email';
import type { ChannelSender, NotifyLog } from './types';
import { createWebhookSender, webhookPayload } from './webhook';

export type { ChannelSender, NotifyLog, OutboxRow } from './types';

/**
 * A channel that is not configured: the message is written to the application log — channel, template, subject it
 * concerns and a masked recipient, never the body — and counts as sent (`delivered_via` "log"), so that a trial
 * installation runs without gateways and an administrator still sees what would have gone out.
 */
export function createLogSender(log: NotifyLog): ChannelSender {
  return {
    via: 'log',
    async send(message) {
      log.info(
        {
          notify: {
            id: message.id,
            channel: message.channel,
            template: message.template,
            recipient: maskRecipient(message.channel, message.recipient),
            refType: message.refType,
            refId: message.refId,
          },
        },
        'notification written to the log (channel not configured)',
      );
    },
  };
}

/** One sender per channel, from the configuration. */
export function createChannelSenders(config: NotifyConfig, log: NotifyLog): Record<NotifyChannel, ChannelSender> {
  const logSender = createLogSender(log);
  return {
    email: config.smtpUrl && config.mailFrom ? createEmailSender(config.smtpUrl, config.mailFrom) : logSender,
    sms: config.sms ? createWebhookSender(config.sms, webhookPayload) : logSender,
    zalo: config.zalo ? createWebhookSender(config.zalo, webhookPayload) : logSender,
    national_portal: config.nationalPortal ? createWebhookSender(config.nationalPortal, (message) => message.body) : logSender,
  };
}
