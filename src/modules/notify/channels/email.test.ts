import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../config';
import { DeliveryError } from '../rules';
import { createEmailSender } from './email';
import type { OutboxRow } from './types';

const message: OutboxRow = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  channel: 'email',
  recipient: 'nguyenvana@example.vn',
  template: 'dossier.result_ready',
  subject: 'Kết quả hồ sơ H01.01-260101-0001',
  body: 'Hồ sơ của ông/bà đã có kết quả.',
  data: {},
  refType: 'dossier',
  refId: 'D-1',
  dedupeKey: null,
  status: 'sending',
  attempts: 1,
  nextAttemptAt: new Date(),
  lockedUntil: null,
  lastError: null,
  deliveredVia: null,
  createdAt: new Date(),
  sentAt: null,
};

/** A minimal SMTP server: accepts the envelope and the data, or answers RCPT TO with `rcptReply`. */
function startSmtpStub() {
  const received: string[] = [];
  const state = { rcptReply: '250 OK' };
  const server: Server = createServer((socket) => {
    let inData = false;
    let data = '';
    let buffer = '';
    socket.write('220 stub ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let end = buffer.indexOf('\r\n');
      while (end >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\r\n');
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(data);
            data = '';
            socket.write('250 queued\r\n');
          } else data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-stub\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL' || verb === 'RSET' || verb === 'NOOP') socket.write('250 OK\r\n');
        else if (verb === 'RCPT') socket.write(`${state.rcptReply}\r\n`);
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('502 unknown\r\n');
      }
    });
  });
  return { server, received, state };
}

describe('e-mail through SMTP', () => {
  const stub = startSmtpStub();
  let url: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', resolve));
    url = `smtp://127.0.0.1:${(stub.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => stub.server.close(() => resolve())));

  it('hands the message to the SMTP server, in UTF-8, with its id', async () => {
    stub.state.rcptReply = '250 OK';
    await createEmailSender(url, 'Một cửa tỉnh <motcua@example.vn>').send(message);
    const sent = stub.received.at(-1) ?? '';
    expect(sent).toMatch(/^X-Motcua-Message-Id: 0f8fad5b-d9cb-469f-a165-70867728950e$/im);
    expect(sent).toContain('Subject: =?UTF-8?');
    expect(sent).toContain('To: nguyenvana@example.vn');
  });

  it('retries a 4xx answer, refuses for good a 5xx one, and keeps no address in the error', async () => {
    stub.state.rcptReply = '450 4.2.1 <nguyenvana@example.vn> mailbox busy';
    const busy = await createEmailSender(url, 'motcua@example.vn')
      .send(message)
      .catch((error: unknown) => error);
    expect(busy).toBeInstanceOf(DeliveryError);
    expect(busy).toMatchObject({ isPermanent: false });
    stub.state.rcptReply = '550 5.1.1 <nguyenvana@example.vn> no such user';
    const unknown = await createEmailSender(url, 'motcua@example.vn')
      .send(message)
      .catch((error: unknown) => error);
    expect(unknown).toMatchObject({ summary: 'SMTP 550 EENVELOPE', isPermanent: true });
    expect(JSON.stringify([busy, unknown, (busy as DeliveryError).summary])).not.toContain('nguyenvana');
  });

  it('counts a server that does not answer as a failure worth retrying', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const failure = await createEmailSender(`smtp://127.0.0.1:${port}`, 'motcua@example.vn')
      .send(message)
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ isPermanent: false, summary: expect.stringMatching(/^SMTP/) });
  });

  it('builds the message through any nodemailer transport (subject by default)', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    let produced = '';
    const sender = createEmailSender(
      {
        async sendMail(mail: object) {
          const info = await transport.sendMail(mail);
          produced = info.message as string;
          return info;
        },
      } as never,
      'motcua@example.vn',
    );
    await sender.send({ ...message, subject: null });
    expect(JSON.parse(produced)).toMatchObject({
      subject: 'Thông báo từ hệ thống một cửa',
      text: message.body,
      to: [{ address: 'nguyenvana@example.vn' }],
    });
  });
});

describe('notification settings', () => {
  const secret = '0123456789abcdef';
  it('are read from the environment, unconfigured channels left to the log', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://user:pw@mail.example.vn',
      MAIL_FROM: 'motcua@example.vn',
      SMS_WEBHOOK_URL: 'https://sms.example.vn/send',
      SMS_WEBHOOK_SECRET: secret,
    });
    expect(config.notify).toEqual({
      smtpUrl: 'smtps://user:pw@mail.example.vn',
      mailFrom: 'motcua@example.vn',
      sms: { url: 'https://sms.example.vn/send', secret },
      zalo: undefined,
      nationalPortal: undefined,
      maxAttempts: 12,
    });
    expect(loadConfig({}).jobsEnabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).jobsEnabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', JOBS: 'on' }).jobsEnabled).toBe(true);
    expect(loadConfig({ JOBS: 'off' }).jobsEnabled).toBe(false);
  });
  it('refuse an endpoint without its secret, a short secret, mail without a sender, a URL that is not HTTP', () => {
    const problems = (environment: Record<string, string>) => {
      try {
        loadConfig(environment);
        return '';
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
    };
    expect(problems({ ZALO_WEBHOOK_URL: 'https://zalo.example.vn' })).toContain('ZALO_WEBHOOK_SECRET: cần khóa bí mật HMAC');
    expect(problems({ NATIONAL_PORTAL_SYNC_SECRET: secret })).toContain('NATIONAL_PORTAL_SYNC_URL: đã đặt');
    expect(problems({ SMS_WEBHOOK_URL: 'https://sms.example.vn', SMS_WEBHOOK_SECRET: 'short' })).toContain('ít nhất 16 ký tự');
    expect(problems({ SMTP_URL: 'smtp://mail.example.vn' })).toContain('MAIL_FROM');
    expect(problems({ SMTP_URL: 'mail.example.vn' })).toContain('smtp://');
    expect(problems({ SMS_WEBHOOK_URL: 'ftp://x', SMS_WEBHOOK_SECRET: secret })).toContain('http://');
    expect(problems({ JOBS: 'maybe' })).toContain('JOBS');
    expect(problems({ NOTIFY_MAX_ATTEMPTS: '0' })).toContain('NOTIFY_MAX_ATTEMPTS');
  });
  it('send texts to a phone by SMS unless NOTIFY_PHONE_CHANNELS says otherwise; Zalo only with its gateway', () => {
    const zalo = { ZALO_WEBHOOK_URL: 'https://zalo.example.vn/zns', ZALO_WEBHOOK_SECRET: secret };
    expect(loadConfig({}).notifyPhoneChannels).toEqual(['sms']);
    expect(loadConfig({ NOTIFY_PHONE_CHANNELS: ' Zalo , sms,zalo', ...zalo }).notifyPhoneChannels).toEqual(['sms', 'zalo']);
    expect(loadConfig({ NOTIFY_PHONE_CHANNELS: 'zalo', ...zalo }).notifyPhoneChannels).toEqual(['zalo']);
    const refusal = (environment: Record<string, string>) => {
      try {
        loadConfig(environment);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refusal({ NOTIFY_PHONE_CHANNELS: 'sms,zalo' })).toContain(
      'NOTIFY_PHONE_CHANNELS: chọn zalo thì cần cấu hình cổng gửi Zalo (ZALO_WEBHOOK_URL và ZALO_WEBHOOK_SECRET)',
    );
    expect(refusal({ NOTIFY_PHONE_CHANNELS: 'zalo', ZALO_WEBHOOK_URL: zalo.ZALO_WEBHOOK_URL })).toContain('NOTIFY_PHONE_CHANNELS');
    expect(refusal({ NOTIFY_PHONE_CHANNELS: 'sms,telegram' })).toContain('"telegram" không phải kênh gửi tới số điện thoại');
  });
});
