import { type SQL, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlanDeadline, PlanDetail } from '../../contract/plans';
import type { PlanCalendar, PlanRollup } from '../../contract/plans-occurrences';
import { type AuthHeaders, createFactories, type Factories, type UnitRef } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { PLAN_SMS_MAX_CHARS, smsNoticeOf, sweepPlans } from './sweep';

/*
 * Occurrences, the job plans-sweep and the overdue, calendar and roll-up views, with a fixed clock (issue 14,
 * docs/api/plans.md "Occurrences, reminders, overdue"). The plan is issued on Thursday 16/4/2026; 2026's holidays
 * (Giỗ Tổ on Sunday 26/4, so Monday 27/4 off; 30/4 and 1/5) are the calendar's.
 */
const at = (instant: string) => new Date(instant);

describe.each(testBackends())('plan occurrences and the sweep (%s)', (backend) => {
  let t: TestApp;
  let make: Factories;
  let tree: Awaited<ReturnType<Factories['buildProvince']>>;
  let controller: AuthHeaders;
  let staffA: AuthHeaders;
  let plan: PlanDetail;
  let leaderB: string;
  let leaderA: string;
  // Sở A's leader has a phone on the account as well (SMS besides the e-mail); Sở B's only an e-mail.
  const phoneA = '0912345678';
  let staffB: AuthHeaders;

  const rows = async <T>(query: SQL): Promise<T[]> => {
    const result = await t.database.db.execute(query);
    return ((result as unknown as { rows?: T[] }).rows ?? (result as unknown as T[])) as T[];
  };
  const get = (url: string, headers: AuthHeaders) => t.app.inject({ method: 'GET', url, headers });
  const outbox = () =>
    rows<{ channel: string; recipient: string; template: string; body: string; dedupe_key: string }>(
      sql`select channel, recipient, template, body, dedupe_key from notify_outbox where template like 'plan.occurrence%'
          order by template, channel, recipient, body`,
    );
  const statusOf = async (ref: string) =>
    (await rows<{ status: string }>(sql`select status from plan_tasks where plan_id = ${plan.id} and ref = ${ref}`))[0]!.status;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    tree = await make.buildProvince();
    const user = async (role: 'procedure_controller' | 'specialist' | 'unit_leader', unit: UnitRef) =>
      make.buildUser({ roles: [{ role, unit }] });
    controller = await (await user('procedure_controller', tree.office)).login();
    staffA = await (await user('specialist', tree.departmentA)).login();
    const a = await user('unit_leader', tree.departmentA);
    const b = await user('unit_leader', tree.departmentB);
    staffB = await b.login();
    leaderA = `lanhdao.a.${backend}@example.vn`;
    leaderB = `lanhdao.b.${backend}@example.vn`;
    await t.database.db.execute(sql`update users set email = ${leaderA}, phone = ${phoneA} where id = ${a.id}`);
    await t.database.db.execute(sql`update users set email = ${leaderB} where id = ${b.id}`);
  }, 120_000);
  afterAll(() => t?.close());
  afterEach(() => vi.useRealTimers());

  const task = (ref: string, lead: string, deadlines: PlanDeadline[]) => ({ ref, title: `Nhiệm vụ ${ref}`, lead: [lead], deadlines });

  it('stores the occurrences of each lead unit when the plan is saved', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at('2026-04-16T03:00:00Z'));
    plan = await make.buildPlan({
      headers: controller,
      issuer: tree.province,
      body: {
        plan: { number: '77/KH-UBND', date: '2026-04-16', title: 'Kế hoạch kiểm soát thủ tục hành chính năm 2026' },
        tasks: [
          task('1', 'Sở A', [{ kind: 'periodic', every: 'month', day: 20, text: 'trước ngày 20 hằng tháng' }]),
          task('2', 'Sở B', [{ kind: 'date', date: '2026-05-05', text: 'trước ngày 05/5/2026' }]),
          task('3', 'Sở A', [{ kind: 'ongoing', text: 'thường xuyên' }]),
        ],
        units: [
          { name: 'Sở A', unitId: tree.departmentA.id },
          { name: 'Sở B', unitId: tree.departmentB.id },
        ],
      },
    });
    const stored = await rows<{ ref: string; due_on: string }>(
      sql`select t.ref, o.due_on::text as due_on from plan_occurrences o join plan_task_units u on u.id = o.task_unit_id
          join plan_tasks t on t.id = u.task_id where t.plan_id = ${plan.id} order by o.due_on, t.ref`,
    );
    // Every 20th from April to December 2026 for task 1, 5/5 once for task 2, nothing for the ongoing task 3.
    expect(stored.filter((row) => row.ref === '1').map((row) => row.due_on)).toEqual([
      '2026-04-20',
      '2026-05-20',
      '2026-06-20',
      '2026-07-20',
      '2026-08-20',
      '2026-09-20',
      '2026-10-20',
      '2026-11-20',
      '2026-12-20',
    ]);
    expect(stored.filter((row) => row.ref !== '1')).toEqual([{ ref: '2', due_on: '2026-05-05' }]);
    const calendar = await get(`/api/plans/calendar?month=2026-05&unit=${tree.province.id}`, staffA);
    expect(calendar.statusCode, calendar.body).toBe(200);
    const days = (calendar.json() as PlanCalendar).days;
    expect(days.map((day) => [day.date, day.items.map((item) => `${item.task.ref} ${item.unit.name} ${item.state}`)])).toEqual([
      ['2026-05-05', ['2 Sở B pending']],
      ['2026-05-20', ['1 Sở A pending']],
    ]);
  });

  it('flags the overdue task and notices its unit the day after, reminds 3 working days before, once', async () => {
    const db = t.database.db;
    // Monday 27/4 (a day off): task 1's 20/4 occurrence is past due; 5/5 is not yet 3 working days away (Tuesday 28/4).
    const first = await sweepPlans({ db, now: at('2026-04-27T02:00:00Z') });
    expect(first.flagged).toBe(1);
    expect(first.noticed).toBe(2); // the e-mail and the SMS
    expect(await statusOf('1')).toBe('overdue');
    expect(await statusOf('2')).toBe('not_started');
    let messages = await outbox();
    expect(messages.map((row) => [row.template, row.channel, row.recipient])).toEqual([
      ['plan.occurrence_overdue', 'email', leaderA],
      ['plan.occurrence_overdue', 'sms', phoneA],
    ]);
    expect(messages[0]!.body).toContain('đã quá hạn ngày 20/04/2026');
    const sms = messages[1]!;
    expect(sms.body).toBe(
      'Quá hạn báo cáo tiến độ NV 1 "Nhiệm vụ 1" (KH số 77/KH-UBND) từ 20/04/2026. Báo cáo tại Kế hoạch › Nhiệm vụ của đơn vị.',
    );
    expect(sms.body.length).toBeLessThanOrEqual(PLAN_SMS_MAX_CHARS);
    expect(sms.dedupe_key).not.toBe(messages[0]!.dedupe_key);
    await sweepPlans({ db, now: at('2026-04-28T02:00:00Z') });
    await sweepPlans({ db, now: at('2026-04-28T09:00:00Z') }); // a second run, another worker: nothing more
    messages = await outbox();
    expect(messages.map((row) => [row.template, row.channel, row.recipient])).toEqual([
      ['plan.occurrence_due', 'email', leaderB],
      ['plan.occurrence_overdue', 'email', leaderA],
      ['plan.occurrence_overdue', 'sms', phoneA],
    ]);
    expect(messages[0]!.body).toContain('đến hạn ngày 05/05/2026');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at('2026-04-28T03:00:00Z'));
    const overdue = await get(`/api/plans/overdue?unit=${tree.departmentA.id}`, staffA);
    expect(overdue.statusCode, overdue.body).toBe(200);
    expect(overdue.json().items.map((item: { dueOn: string; daysOverdue: number }) => [item.dueOn, item.daysOverdue])).toEqual([
      ['2026-04-20', 8],
    ]);
    expect((await get(`/api/plans/overdue?unit=${tree.departmentB.id}`, staffA)).json().items).toEqual([]);
  });

  it('clears the flag when the unit reports for the period missed, and counts the roll-up by unit', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at('2026-04-28T03:00:00Z'));
    const taskOne = plan.tasks.find((item) => item.ref === '1')!;
    const current = (await get(`/api/plans/${plan.id}`, staffA)).json() as PlanDetail;
    const version = current.tasks.find((item) => item.id === taskOne.id)!.version;
    expect(current.tasks.find((item) => item.id === taskOne.id)!.status).toBe('overdue');
    const report = await t.app.inject({
      method: 'POST',
      url: `/api/plans/tasks/${taskOne.id}/reports`,
      headers: staffA,
      payload: { text: 'Đã báo cáo tháng 4 (muộn).', status: 'in_progress', version, periodFrom: '2026-04-16', periodTo: '2026-04-20' },
    });
    expect(report.statusCode, report.body).toBe(201);
    expect(report.json().status).toBe('in_progress');
    expect((await get(`/api/plans/overdue?unit=${tree.departmentA.id}`, staffA)).json().items).toEqual([]);
    const met = await rows<{ state: string; report_id: string | null }>(
      sql`select o.state, o.report_id from plan_occurrences o join plan_task_units u on u.id = o.task_unit_id
          where u.task_id = ${taskOne.id} and o.due_on = '2026-04-20'`,
    );
    expect(met).toEqual([{ state: 'reported', report_id: report.json().reports[0].id }]);
    // Wednesday 6/5: task 2 is a day late, its unit is noticed; task 1's next occurrence (20/5) is still ahead.
    await sweepPlans({ db: t.database.db, now: at('2026-05-06T02:00:00Z') });
    expect(await statusOf('1')).toBe('in_progress');
    expect(await statusOf('2')).toBe('overdue');
    expect((await outbox()).map((row) => [row.template, row.channel, row.recipient])).toEqual([
      ['plan.occurrence_due', 'email', leaderB],
      ['plan.occurrence_overdue', 'email', leaderA],
      ['plan.occurrence_overdue', 'email', leaderB],
      ['plan.occurrence_overdue', 'sms', phoneA],
    ]);
    vi.setSystemTime(at('2026-05-06T03:00:00Z'));
    const rollup = await get(`/api/plans/rollup?plan=${plan.id}`, staffA);
    expect(rollup.statusCode, rollup.body).toBe(200);
    const body = rollup.json() as PlanRollup;
    expect(body.rows.map((row) => [row.unit.name, row.total, row.done, row.inProgress, row.overdue, row.notStarted])).toEqual([
      ['Sở B', 1, 0, 0, 1, 0],
      ['Sở A', 2, 0, 1, 0, 1],
    ]);
    expect(body.totals).toMatchObject({ total: 3, overdue: 1, inProgress: 1, notStarted: 1, done: 0 });
    const province = await get(`/api/plans/overdue?unit=${tree.province.id}`, staffA);
    expect(province.json().items.map((item: { task: { ref: string } }) => item.task.ref)).toEqual(['2']);
  });

  it('a completion deadline is met only by the report that marks the task done', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at('2026-05-07T03:00:00Z'));
    const taskTwo = plan.tasks.find((item) => item.ref === '2')!;
    const report = async (status: 'in_progress' | 'done') => {
      const version = ((await get(`/api/plans/${plan.id}`, staffB)).json() as PlanDetail).tasks.find(
        (item) => item.id === taskTwo.id,
      )!.version;
      const url = `/api/plans/tasks/${taskTwo.id}/reports`;
      const response = await t.app.inject({
        method: 'POST',
        url,
        headers: staffB,
        payload: { text: `Báo cáo ${status}`, status, version },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { status: string };
    };
    // Still in progress after its deadline: the task stays overdue.
    expect((await report('in_progress')).status).toBe('overdue');
    expect((await get(`/api/plans/overdue?unit=${tree.departmentB.id}`, staffB)).json().items).toHaveLength(1);
    expect((await report('done')).status).toBe('done');
    expect((await get(`/api/plans/overdue?unit=${tree.departmentB.id}`, staffB)).json().items).toEqual([]);
    const rollup = (await get(`/api/plans/rollup?plan=${plan.id}&unit=${tree.departmentB.id}`, staffB)).json() as PlanRollup;
    expect(rollup.rows.map((row) => [row.unit.name, row.total, row.done, row.overdue])).toEqual([['Sở B', 1, 1, 0]]);
  });

  it('refuses a malformed month and an unknown unit, and people outside the administration', async () => {
    expect((await get('/api/plans/calendar?month=2026-13', staffA)).statusCode).toBe(422);
    expect((await get(`/api/plans/overdue?unit=${crypto.randomUUID()}`, staffA)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/plans/rollup' })).statusCode).toBe(401);
  });

  it("gives working days after the plan's issue the same due day in the task, the unit's tasks and the calendar", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at('2026-04-20T03:00:00Z'));
    const relativePlan = await make.buildPlan({
      headers: controller,
      issuer: tree.province,
      body: {
        plan: { number: '78/KH-UBND', date: '2026-04-16', title: 'Kế hoạch rà soát quy trình nội bộ năm 2026' },
        tasks: [
          task('1', 'Sở A', [
            {
              kind: 'relative',
              text: 'trong 10 ngày làm việc kể từ ngày Kế hoạch được ban hành',
              amount: 10,
              unit: 'working_days',
              after: 'ngày Kế hoạch được ban hành',
            },
          ]),
        ],
        units: [{ name: 'Sở A', unitId: tree.departmentA.id }],
      },
    });
    // Thursday 16/4 + 10 working days: Giỗ Tổ (Monday 27/4 off), 30/4 and 1/5 off → Tuesday 5/5, not 30/4.
    expect(relativePlan.tasks[0]!.nextDue).toBe('2026-05-05');
    const read = (await get(`/api/plans/${relativePlan.id}`, staffA)).json() as PlanDetail;
    expect(read.tasks[0]!.nextDue).toBe('2026-05-05');
    const mine = await get(`/api/plans/tasks?unit=${tree.departmentA.id}&due_before=2026-05-05`, staffA);
    expect(mine.statusCode, mine.body).toBe(200);
    const listed = (mine.json() as { items: { planId: string; nextDue: string | null }[] }).items.filter(
      (item) => item.planId === relativePlan.id,
    );
    expect(listed.map((item) => item.nextDue)).toEqual(['2026-05-05']);
    const calendar = (await get(`/api/plans/calendar?month=2026-05&unit=${tree.province.id}`, staffA)).json() as PlanCalendar;
    const dueDays = calendar.days.filter((day) => day.items.some((item) => item.plan.id === relativePlan.id)).map((day) => day.date);
    expect(dueDays).toEqual(['2026-05-05']);
  });
});

describe('the SMS of a reminder', () => {
  const row = (title: string, number: string | null) => ({
    occurrence: { id: 'o-1', dueOn: '2026-05-05', deadlineIndex: 0 } as Parameters<typeof smsNoticeOf>[0]['occurrence'],
    unitId: 'u-1',
    unitName: 'Sở A',
    task: { id: 't-1', ref: '2.3', title, deadlines: [{ kind: 'date' as const, date: '2026-05-05', text: 'trước ngày 05/5/2026' }] },
    plan: { number, title: 'Kế hoạch cải cách hành chính năm 2026' },
  });

  it('is short Vietnamese text: a long title cut to fit, the due day and where to report kept whole', () => {
    const long =
      'Rà soát, đánh giá và đề xuất phương án cắt giảm, đơn giản hóa thủ tục hành chính, điều kiện kinh doanh thuộc phạm vi quản lý của sở';
    const message = smsNoticeOf(row(long, '77/KH-UBND'), false, '2026-04-28', '0912345678');
    expect(message).toMatchObject({ channel: 'sms', recipient: '0912345678', template: 'plan.occurrence_due' });
    expect(message.dedupeKey).toBe('plan-occurrence-due:o-1:sms:0912345678');
    expect(message.body.length).toBeLessThanOrEqual(PLAN_SMS_MAX_CHARS);
    expect(message.body.length).toBeGreaterThan(PLAN_SMS_MAX_CHARS - 3);
    expect(message.body).toMatch(
      /^Nhắc báo cáo tiến độ NV 2\.3 "Rà soát, đánh giá .*…" \(KH số 77\/KH-UBND\): hạn 05\/05\/2026\. Báo cáo tại Kế hoạch › Nhiệm vụ của đơn vị\.$/,
    );
    // A plan number too long to leave room for the title: the text goes without it, still within the length.
    const crowded = smsNoticeOf(row(long, `${'1'.repeat(50)}/KH-UBND`), true, '2026-05-06', '0912345678').body;
    expect(crowded.length).toBeLessThanOrEqual(PLAN_SMS_MAX_CHARS);
    expect(crowded).toMatch(/^Quá hạn báo cáo tiến độ NV 2\.3 \(KH số 1+\/KH-UBND\) từ 05\/05\/2026\. Báo cáo tại/);
    expect(smsNoticeOf(row('Báo cáo quý', null), false, '2026-05-05', '0912345678').body).toBe(
      'Nhắc báo cáo tiến độ NV 2.3 "Báo cáo quý": hạn hôm nay. Báo cáo tại Kế hoạch › Nhiệm vụ của đơn vị.',
    );
  });
});
