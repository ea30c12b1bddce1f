import type { PhoneChannel } from '../../contract/enums';
import type { OutboxMessage } from './outbox';

/*
 * Messages addressed to a phone number: by SMS, by Zalo (an official account's notification, ZNS, addressed by the
 * phone number of the person's Zalo account), or both — the setting NOTIFY_PHONE_CHANNELS (config.notifyPhoneChannels).
 */

/**
 * The longest text sent to a phone: one SMS segment of 7-bit text (a Vietnamese text, UCS-2, of this length goes as at
 * most three), and within what a Zalo relay puts in a ZNS template's parameters.
 */
export const PHONE_TEXT_MAX_CHARS = 160;

/** A name cut shorter than this says nothing: the text goes without it. */
const SHORTEST_USEFUL_NAME = 8;

/**
 * A text of at most `max` characters written by `compose` around `name` (a task's title, a procedure's name): a name
 * too long is cut to the room left, with "…"; left out (`compose(null)`) when less than a few characters of it would
 * fit; a text still too long is cut at its end.
 */
export function fitPhoneText(compose: (name: string | null) => string, name: string, max = PHONE_TEXT_MAX_CHARS): string {
  const chars = [...name.normalize('NFC').replace(/\s+/g, ' ').trim()];
  const room = max - [...compose('')].length;
  const text =
    chars.length <= room
      ? compose(chars.join(''))
      : room >= SHORTEST_USEFUL_NAME
        ? compose(
            `${chars
              .slice(0, room - 1)
              .join('')
              .trimEnd()}…`,
          )
        : compose(null);
  return capPhoneText(text, max);
}

/** The text itself when it fits, else its first `max - 1` characters and "…". */
export function capPhoneText(text: string, max = PHONE_TEXT_MAX_CHARS): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * One text to one phone as one message per channel, each with its own dedupe key (`dedupeKeyOf(channel)`: a run that
 * comes again writes none of them twice), the body within PHONE_TEXT_MAX_CHARS.
 */
export function phoneMessages(
  channels: readonly PhoneChannel[],
  phone: string,
  message: Omit<OutboxMessage, 'channel' | 'recipient' | 'dedupeKey' | 'subject'>,
  dedupeKeyOf: (channel: PhoneChannel) => string,
): OutboxMessage[] {
  return channels.map((channel) => ({
    ...message,
    channel,
    recipient: phone,
    body: capPhoneText(message.body),
    dedupeKey: dedupeKeyOf(channel),
  }));
}
