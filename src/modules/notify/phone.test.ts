import { describe, expect, it } from 'vitest';
import { capPhoneText, fitPhoneText, PHONE_TEXT_MAX_CHARS, phoneMessages } from './phone';

describe('texts to a phone', () => {
  const compose = (name: string | null) => `Hồ sơ H01.01-260101-0001${name === null ? '' : ` (${name})`} đã được tiếp nhận.`;

  it('keep a name that fits, cut a long one first, and leave it out when almost no room is left', () => {
    expect(fitPhoneText(compose, '  Chứng thực   bản sao ')).toBe('Hồ sơ H01.01-260101-0001 (Chứng thực bản sao) đã được tiếp nhận.');
    const cut = fitPhoneText(compose, 'Cấp giấy phép '.repeat(20));
    expect([...cut].length).toBe(PHONE_TEXT_MAX_CHARS);
    expect(cut).toMatch(/^Hồ sơ H01\.01-260101-0001 \(Cấp giấy phép .*…\) đã được tiếp nhận\.$/);
    const crowded = (name: string | null) => `${'x'.repeat(150)}${name === null ? '' : ` (${name})`}.`;
    expect(fitPhoneText(crowded, 'Cấp giấy phép xây dựng')).toBe(`${'x'.repeat(150)}.`);
  });

  it('cut a text still too long at its end, counting characters (not UTF-16 units)', () => {
    expect(capPhoneText('ngắn')).toBe('ngắn');
    const long = `${'😀'.repeat(100)}${'ạ'.repeat(100)}`;
    const capped = [...capPhoneText(long)];
    expect(capped).toHaveLength(PHONE_TEXT_MAX_CHARS);
    expect(capped.at(-1)).toBe('…');
    expect(fitPhoneText((name) => `${'Lý do: '.repeat(40)}${name ?? ''}`, 'A').length).toBeLessThanOrEqual(PHONE_TEXT_MAX_CHARS);
  });

  it('are one message per channel with a dedupe key each, and none without a channel', () => {
    const base = { template: 'dossier.received', body: 'a'.repeat(200), refType: 'dossier', refId: 'd-1' };
    const messages = phoneMessages(['sms', 'zalo'], '0912345678', base, (channel) => `dossier:7:${channel}`);
    expect(messages.map((message) => [message.channel, message.recipient, message.dedupeKey, [...message.body].length])).toEqual([
      ['sms', '0912345678', 'dossier:7:sms', PHONE_TEXT_MAX_CHARS],
      ['zalo', '0912345678', 'dossier:7:zalo', PHONE_TEXT_MAX_CHARS],
    ]);
    expect(phoneMessages([], '0912345678', base, (channel) => channel)).toEqual([]);
  });
});
