import { type SQL, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config';
import type { PlanDeadline } from '../../contract/plans';
import { jobs } from '../../jobs';
import { type AuthHeaders, createFactories } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { PLAN_SMS_MAX_CHARS, phoneNoticesOf } from './sweep';

/*
 * Plan reminders and overdue notices to a phone by the channels of NOTIFY_PHONE_CHANNELS (docs/api/plans.md
 * "Occurrences, reminders, overdue"): the job plans-sweep as the worker runs it, with its configuration. The plan is
 * issued on Thursday 16/4/2026; Monday 27/4 is a day off (Giỗ Tổ), 30/4 and 1/5 too.
 */
const at = (instant: string) => new Date(instant);
const ZALO = { ZALO_WEBHOOK_URL: 'https://zalo.example.vn/zns', ZALO_WEBHOOK_SECRET: 'bi-mat-kiem-thu-zalo-0123456789' };
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe.each(testBackends())('plan notices to a phone by SMS and Zalo (%s)', (backend) => {
  let t: TestApp;
  let leader: string;
  const phone = '0987654321';

  const rows = async <T>(query: SQL): Promise<T[]> => {
    const result = await t.database.db.execute(query);
    return ((result as unknown as { rows?: T[] }).rows ?? (result as unknown as T[])) as T[];
  };
  const outbox = () =>
    rows<{ template: string; channel: string; recipient: string; body: string; dedupe_key: string }>(
      sql`select template, channel, recipient, body, dedupe_key from notify_outbox where template like 'plan.occurrence%'
          order by template, channel`,
    );
  /** One run of the job plans-sweep, as src/jobs runs it, with NOTIFY_PHONE_CHANNELS set to `channels`. */
  const runSweep = async (channels: string, now: string) => {
    const config = { ...t.config, notifyPhoneChannels: loadConfig({ NOTIFY_PHONE_CHANNELS: channels, ...ZALO }).notifyPhoneChannels };
    await jobs.find((job) => job.name === 'plans-sweep')!.handler({ db: t.database.db, now: at(now), config, log: silent });
  };

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    const make = createFactories(t);
    const tree = await make.buildProvince();
    const controller: AuthHeaders = await (await make.buildUser({ roles: [{ role: 'procedure_controller', unit: tree.office }] })).login();
    const head = await make.buildUser({ roles: [{ role: 'unit_leader', unit: tree.departmentA }] });
    leader = `lanhdao.zalo.${backend}@example.vn`;
    await t.database.db.execute(sql`update users set email = ${leader}, phone = ${phone} where id = ${head.id}`);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at('2026-04-16T03:00:00Z'));
    const task = (ref: string, deadline: PlanDeadline) => ({ ref, title: `Nhiệm vụ ${ref}`, deadlines: [deadline] });
    await make.buildPlan({
      headers: controller,
      issuer: tree.province,
      body: {
        lead: tree.departmentA,
        plan: { number: '90/KH-UBND', date: '2026-04-16', title: 'Kế hoạch kiểm soát thủ tục hành chính năm 2026' },
        tasks: [
          task('1', { kind: 'date', date: '2026-04-20', text: 'trước ngày 20/4/2026' }),
          task('2', { kind: 'date', date: '2026-05-05', text: 'trước ngày 05/5/2026' }),
        ],
      },
    });
    vi.useRealTimers();
  }, 120_000);
  afterAll(() => t?.close());
  afterEach(() => vi.useRealTimers());

  it('sends the overdue notice by e-mail, SMS and Zalo with sms,zalo: each once, however often the job runs', async () => {
    await runSweep('sms,zalo', '2026-04-27T02:00:00Z');
    await runSweep('sms,zalo', '2026-04-27T09:00:00Z'); // a second run, another worker: nothing more
    const messages = await outbox();
    expect(messages.map((row) => [row.template, row.channel, row.recipient])).toEqual([
      ['plan.occurrence_overdue', 'email', leader],
      ['plan.occurrence_overdue', 'sms', phone],
      ['plan.occurrence_overdue', 'zalo', phone],
    ]);
    const [, sms, zalo] = messages;
    expect(zalo!.body).toBe(sms!.body);
    expect(zalo!.body).toBe(
      'Quá hạn báo cáo tiến độ NV 1 "Nhiệm vụ 1" (KH số 90/KH-UBND) từ 20/04/2026. Báo cáo tại Kế hoạch › Nhiệm vụ của đơn vị.',
    );
    expect(new Set(messages.map((row) => row.dedupe_key)).size).toBe(3);
  });

  it('sends a reminder by e-mail and Zalo alone with zalo: no SMS', async () => {
    // Tuesday 28/4: 3 working days before task 2's 5/5 (30/4 and 1/5 off).
    await runSweep('zalo', '2026-04-28T02:00:00Z');
    await runSweep('zalo', '2026-04-28T09:00:00Z');
    const reminders = (await outbox()).filter((row) => row.template === 'plan.occurrence_due');
    expect(reminders.map((row) => [row.channel, row.recipient])).toEqual([
      ['email', leader],
      ['zalo', phone],
    ]);
    expect(reminders[1]!.body).toBe(
      'Nhắc báo cáo tiến độ NV 2 "Nhiệm vụ 2" (KH số 90/KH-UBND): hạn 05/05/2026. Báo cáo tại Kế hoạch › Nhiệm vụ của đơn vị.',
    );
    // The overdue notice of the day before is not sent again by the channel that remains.
    expect((await outbox()).filter((row) => row.template === 'plan.occurrence_overdue')).toHaveLength(3);
  });
});

describe('the texts of a plan notice to a phone', () => {
  it('are one per channel, each within the length of an SMS and with its own dedupe key', () => {
    const title = 'Rà soát, đánh giá và đề xuất phương án cắt giảm, đơn giản hóa thủ tục hành chính thuộc phạm vi quản lý của sở '.repeat(
      2,
    );
    const row = {
      occurrence: { id: 'o-9', dueOn: '2026-05-05', deadlineIndex: 0 } as Parameters<typeof phoneNoticesOf>[0]['occurrence'],
      unitId: 'u-1',
      unitName: 'Sở A',
      task: { id: 't-1', ref: '2.3', title, deadlines: [{ kind: 'date' as const, date: '2026-05-05', text: 'trước ngày 05/5/2026' }] },
      plan: { number: '77/KH-UBND', title: 'Kế hoạch cải cách hành chính năm 2026' },
    };
    const messages = phoneNoticesOf(row, false, '2026-04-28', '0912345678', ['sms', 'zalo']);
    expect(messages.map((message) => [message.channel, message.recipient, message.dedupeKey])).toEqual([
      ['sms', '0912345678', 'plan-occurrence-due:o-9:sms:0912345678'],
      ['zalo', '0912345678', 'plan-occurrence-due:o-9:zalo:0912345678'],
    ]);
    for (const message of messages) expect([...message.body].length).toBeLessThanOrEqual(PLAN_SMS_MAX_CHARS);
    expect(messages[1]!.body).toBe(messages[0]!.body);
    expect(messages[1]!.body).toMatch(/…" \(KH số 77\/KH-UBND\): hạn 05\/05\/2026\. Báo cáo tại Kế hoạch › Nhiệm vụ của đơn vị\.$/);
    expect(phoneNoticesOf(row, false, '2026-04-28', '0912345678', ['zalo']).map((message) => message.channel)).toEqual(['zalo']);
  });
});
