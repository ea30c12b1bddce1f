import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { dossierEvents, dossiers } from '../../db/schema/dossiers';
import { type App, buildApp } from '../../http/app';
import { type AuthHeaders, createFactories, type Factories, type ProcedureRef } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { notificationsInsert } from '../notify';
import { applicantMessages, intakeNotice } from './intake-notify';

/*
 * The applicant's notices to their phone by the channels of NOTIFY_PHONE_CHANNELS (docs/api/notify.md "Messages to a
 * phone"): a desk intake with sms,zalo writes an SMS and a Zalo message (ZNS, addressed by the phone number), each
 * once; with zalo alone, no SMS.
 */
const ZALO = { ZALO_WEBHOOK_URL: 'https://zalo.example.vn/zns', ZALO_WEBHOOK_SECRET: 'bi-mat-kiem-thu-zalo-0123456789' };
const phoneChannelsOf = (value: string) => loadConfig({ NOTIFY_PHONE_CHANNELS: value, ...ZALO }).notifyPhoneChannels;
const LONG_NAME =
  'Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu cho hộ gia đình, cá nhân đã được giao đất';

describe.each(testBackends())('applicant notices to a phone on %s', (backend) => {
  let t: TestApp;
  let make: Factories;
  let officer: AuthHeaders;
  let procedure: ProcedureRef;

  const rows = async <T>(query: ReturnType<typeof sql>): Promise<T[]> => {
    const result = await t.database.db.execute(query);
    return ((result as unknown as { rows?: T[] }).rows ?? (result as unknown as T[])) as T[];
  };
  const messagesOf = (dossierId: string) =>
    rows<{ channel: string; recipient: string; template: string; body: string; dedupe_key: string }>(
      sql`select channel, recipient, template, body, dedupe_key from notify_outbox where ref_id = ${dossierId}
          and channel <> 'national_portal' order by channel`,
    );

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false, config: { notifyPhoneChannels: phoneChannelsOf('sms,zalo') } });
    make = createFactories(t);
    const province = await make.buildProvince();
    procedure = await make.buildProcedure({ handlingUnits: [province.departmentA], name: LONG_NAME });
    officer = await (await make.buildUser({ roles: [{ role: 'desk_officer', unit: province.desk }] })).login();
  });
  afterAll(() => t?.close());

  it('writes the e-mail, the SMS and the Zalo message of an intake with sms,zalo, each once', async () => {
    const dossier = await make.buildDossier({ officer, procedure });
    const messages = await messagesOf(dossier.id);
    expect(messages.map((row) => [row.channel, row.recipient, row.template])).toEqual([
      ['email', 'kiemthu@example.vn', 'dossier.received'],
      ['sms', '0912345678', 'dossier.received'],
      ['zalo', '0912345678', 'dossier.received'],
    ]);
    const [email, sms, zalo] = messages as [(typeof messages)[0], (typeof messages)[0], (typeof messages)[0]];
    // The texts to the phone: the same, within an SMS, the procedure's name cut and the code and due date kept.
    expect(zalo.body).toBe(sms.body);
    expect([...zalo.body].length).toBeLessThanOrEqual(160);
    expect(zalo.body).toMatch(
      new RegExp(
        `^Hồ sơ ${dossier.code} \\(Cấp Giấy chứng nhận .*…\\) đã được tiếp nhận\\. Ngày hẹn trả kết quả: \\d{2}/\\d{2}/\\d{4}\\.$`,
      ),
    );
    expect(email.body).toContain(LONG_NAME);
    expect(new Set(messages.map((row) => row.dedupe_key)).size).toBe(3);

    // The same event's messages written again (a retried write): the dedupe keys keep one of each.
    const [row] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, dossier.id));
    const [event] = await t.database.db.select({ id: dossierEvents.id }).from(dossierEvents).where(eq(dossierEvents.dossierId, dossier.id));
    await notificationsInsert(t.database.db, applicantMessages(row!, intakeNotice(row!, null), event!.id, t.config.notifyPhoneChannels));
    expect(await messagesOf(dossier.id)).toEqual(messages);
  });

  it('writes no SMS with zalo alone, and leaves another server its own setting', async () => {
    // A second server on the same database, configured with NOTIFY_PHONE_CHANNELS=zalo.
    const zaloOnly: App = await buildApp({
      config: { ...t.config, notifyPhoneChannels: phoneChannelsOf('zalo') },
      database: t.database,
      webRoot: '/nonexistent',
    });
    try {
      const response = await zaloOnly.inject({
        method: 'POST',
        url: '/api/dossiers',
        headers: officer,
        payload: make.dossierBody(procedure),
      });
      expect(response.statusCode, response.body).toBe(201);
      const messages = await messagesOf(response.json().id);
      expect(messages.map((row) => [row.channel, row.recipient])).toEqual([
        ['email', 'kiemthu@example.vn'],
        ['zalo', '0912345678'],
      ]);
      // Each server keeps its own setting: the first one still writes both texts.
      const other = await make.buildDossier({ officer, procedure });
      expect((await messagesOf(other.id)).map((row) => row.channel)).toEqual(['email', 'sms', 'zalo']);
    } finally {
      await zaloOnly.close();
    }
  });
});
