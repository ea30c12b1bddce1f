import { type SQL, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlanDeadline, PlanDetail, PlanTaskListItem, PlanTaskView } from '../../contract/plans';
import type { PlanCalendar, PlanOccurrence } from '../../contract/plans-occurrences';
import { type AuthHeaders, createFactories, type Factories } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { sweepPlans } from './sweep';

/*
 * Deadlines counted from an event other than the plan's issue (docs/api/plans.md "The day of an event"): recorded by
 * the lead unit or the issuer's office, the deadline then falls due, is stored as an occurrence, flagged overdue by
 * the sweep; cleared, it waits again. The plan is issued on Thursday 16/4/2026; the clock is fixed (2026's holidays:
 * Giỗ Tổ on Sunday 26/4, so Monday 27/4 off; 30/4 and 1/5).
 */
const at = (instant: string) => new Date(instant);

describe.each(testBackends())('the day of a deadline’s event (%s)', (backend) => {
  let t: TestApp;
  let make: Factories;
  let tree: Awaited<ReturnType<Factories['buildProvince']>>;
  let controller: AuthHeaders;
  let staffA: AuthHeaders;
  let staffB: AuthHeaders;
  let desk: AuthHeaders;
  let plan: PlanDetail;

  const rows = async <T>(query: SQL): Promise<T[]> => {
    const result = await t.database.db.execute(query);
    return ((result as unknown as { rows?: T[] }).rows ?? (result as unknown as T[])) as T[];
  };
  const call = (method: 'GET' | 'PUT' | 'POST' | 'PATCH', url: string, headers: AuthHeaders, payload?: unknown) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const taskOf = (ref: string) => plan.tasks.find((task) => task.ref === ref)!;
  const record = (ref: string, index: number, date: string | null, headers: AuthHeaders, version?: number) =>
    call('PUT', `/api/plans/tasks/${taskOf(ref).id}/deadlines/${index}/event`, headers, { date, version: version ?? taskOf(ref).version });
  const refresh = async (headers: AuthHeaders = staffA) => {
    plan = (await call('GET', `/api/plans/${plan.id}`, headers)).json() as PlanDetail;
  };
  const occurrencesOf = (ref: string) =>
    rows<{ due_on: string; state: string; deadline_index: number }>(
      sql`select o.due_on::text as due_on, o.state, o.deadline_index from plan_occurrences o
          join plan_task_units u on u.id = o.task_unit_id join plan_tasks t on t.id = u.task_id
          where t.plan_id = ${plan.id} and t.ref = ${ref} order by o.due_on`,
    );
  const statusOf = async (ref: string) =>
    (await rows<{ status: string }>(sql`select status from plan_tasks where plan_id = ${plan.id} and ref = ${ref}`))[0]!.status;
  const fixClock = (instant: string) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at(instant));
  };

  const received = 'tiếp nhận văn bản';
  const relative = (
    amount: number,
    unit: 'days' | 'working_days' | 'months',
    after: string,
  ): Extract<PlanDeadline, { kind: 'relative' }> => ({
    kind: 'relative',
    text: `trong ${amount} ${unit === 'months' ? 'tháng' : unit === 'days' ? 'ngày' : 'ngày làm việc'} kể từ ${after}`,
    amount,
    unit,
    after,
  });

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    tree = await make.buildProvince();
    controller = await (await make.buildUser({ roles: [{ role: 'procedure_controller', unit: tree.office }] })).login();
    staffA = await (await make.buildUser({ roles: [{ role: 'specialist', unit: tree.departmentA }] })).login();
    staffB = await (await make.buildUser({ roles: [{ role: 'specialist', unit: tree.departmentB }] })).login();
    desk = await (await make.buildUser({ roles: [{ role: 'desk_officer', unit: tree.desk }] })).login();
    fixClock('2026-04-16T03:00:00Z');
    plan = await make.buildPlan({
      headers: controller,
      issuer: tree.province,
      body: {
        plan: { number: '88/KH-UBND', date: '2026-04-16', title: 'Kế hoạch triển khai Quyết định công bố năm 2026' },
        tasks: [
          {
            ref: '1',
            title: 'Cập nhật quy trình nội bộ',
            lead: ['Sở A'],
            coordinating: ['Sở B'],
            deadlines: [
              relative(10, 'working_days', received),
              relative(10, 'days', 'ngày Kế hoạch được ban hành'),
              { kind: 'date', text: 'trước ngày 31/12/2026', date: '2026-12-31' },
            ],
          },
          { ref: '2', title: 'Xây dựng phương án', lead: ['Sở A'], deadlines: [relative(3, 'months', 'Đề án được phê duyệt')] },
          { ref: '3', title: 'Trả lời phản ánh', lead: ['Sở A'], deadlines: [relative(10, 'days', 'nhận được phản ánh, kiến nghị')] },
        ],
        units: [
          { name: 'Sở A', unitId: tree.departmentA.id },
          { name: 'Sở B', unitId: tree.departmentB.id },
        ],
      },
    });
    vi.useRealTimers();
  }, 120_000);
  afterAll(() => t?.close());
  afterEach(() => vi.useRealTimers());

  it('shows a deadline waiting for its event, without a due date nor an occurrence, and who may record it', async () => {
    fixClock('2026-04-20T03:00:00Z');
    await refresh();
    const task = taskOf('1');
    expect(task.deadlineDues).toEqual([
      { dueOn: null, isEventDated: true, note: `Chờ ghi nhận ngày ${received}` },
      { dueOn: '2026-04-26', isEventDated: false, note: null },
      { dueOn: '2026-12-31', isEventDated: false, note: null },
    ]);
    expect(task.nextDue).toBe('2026-04-26');
    expect(taskOf('3').nextDue).toBeNull();
    expect(await occurrencesOf('3')).toEqual([]);
    expect((await occurrencesOf('1')).map((row) => row.deadline_index)).toEqual([1, 2]);
    expect(task.canRecordEvent).toBe(true);
    await refresh(controller);
    expect(taskOf('1').canRecordEvent).toBe(true);
    await refresh(staffB);
    expect(taskOf('1').canRecordEvent).toBe(false);
    await refresh();
  });

  it('lets only the lead unit’s staff and the issuer’s office record it', async () => {
    fixClock('2026-04-27T03:00:00Z');
    const anonymous = await t.app.inject({
      method: 'PUT',
      url: `/api/plans/tasks/${taskOf('1').id}/deadlines/0/event`,
      payload: { date: '2026-04-24', version: 1 },
    });
    expect(anonymous.statusCode).toBe(401);
    for (const headers of [staffB, desk]) {
      const refused = await record('1', 0, '2026-04-24', headers);
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json().error.code).toBe('forbidden');
    }
    expect(await occurrencesOf('3')).toEqual([]);
    await refresh();
    expect(taskOf('1').version).toBe(1);
  });

  it('counts N working days from the recorded day on the work calendar, stores the occurrence, audits', async () => {
    fixClock('2026-04-27T03:00:00Z');
    const response = await record('1', 0, '2026-04-24', staffA);
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json() as PlanTaskView;
    // Friday 24/4 + 10 working days, day D not counted: Monday 27/4 (Giỗ Tổ), 30/4 and 1/5 off → Wednesday 13/5.
    expect(view.deadlines[0]).toMatchObject({ kind: 'relative', eventDate: '2026-04-24' });
    expect(view.deadlineDues[0]).toEqual({ dueOn: '2026-05-13', isEventDated: true, note: null });
    expect(view.version).toBe(2);
    expect((await occurrencesOf('1')).map((row) => [row.deadline_index, row.due_on])).toEqual([
      [1, '2026-04-26'],
      [0, '2026-05-13'],
      [2, '2026-12-31'],
    ]);
    const audit = await rows<{ data: Record<string, unknown> }>(
      sql`select data from audit_events where action = 'plan.task.event_recorded' and entity_id = ${view.id}`,
    );
    expect(audit.map((row) => row.data)).toEqual([
      { planId: plan.id, deadlineIndex: 0, event: received, before: null, after: '2026-04-24', dueOn: '2026-05-13' },
    ]);
    // A stale version: 409, nothing written.
    const stale = await record('1', 0, '2026-04-23', staffA, 1);
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().error.code).toBe('conflict');
    await refresh();
    expect(taskOf('1').deadlines[0]).toMatchObject({ eventDate: '2026-04-24' });
    // The unit's list and the calendar agree.
    const list = (await call('GET', `/api/plans/tasks?unit=${tree.departmentA.id}`, staffA)).json().items as PlanTaskListItem[];
    expect(list.find((item) => item.id === view.id)!.deadlineDues[0]!.dueOn).toBe('2026-05-13');
    const calendar = (await call('GET', `/api/plans/calendar?month=2026-05&unit=${tree.departmentA.id}`, staffA)).json() as PlanCalendar;
    expect(calendar.days.map((day) => [day.date, day.items.map((item) => item.task.ref)])).toEqual([['2026-05-13', ['1']]]);
  });

  it('refuses a deadline without an event, an unknown one, a day to come or before the plan (Vietnamese, nothing written)', async () => {
    // 17:30 UTC on 27/4 is already Tuesday 28/4 in Vietnam: the 28th is today, the 29th to come.
    fixClock('2026-04-27T17:30:00Z');
    await refresh();
    const expectRefused = async (response: Awaited<ReturnType<typeof record>>, status: number, message: RegExp) => {
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().error.message).toMatch(message);
    };
    await expectRefused(await record('1', 1, '2026-04-20', staffA), 422, /ngày ban hành kế hoạch/);
    await expectRefused(await record('1', 2, '2026-04-20', staffA), 422, /không tính từ một sự kiện/);
    await expectRefused(await record('1', 3, '2026-04-20', staffA), 404, /Không tìm thấy thời hạn/);
    await expectRefused(await record('3', 0, '2026-04-29', staffA), 422, /chưa đến/);
    await expectRefused(await record('3', 0, '2026-04-15', staffA), 422, /trước ngày ban hành kế hoạch \(16\/04\/2026\)/);
    await expectRefused(await record('3', 0, '2026-02-30', staffA), 422, /./);
    const unknown = await call('PUT', '/api/plans/tasks/00000000-0000-4000-8000-000000000000/deadlines/0/event', staffA, {
      date: '2026-04-20',
      version: 1,
    });
    await expectRefused(unknown, 404, /Không tìm thấy nhiệm vụ/);
    await expectRefused(
      await call('PUT', `/api/plans/tasks/${taskOf('3').id}/deadlines/x/event`, staffA, { date: '2026-04-20', version: 1 }),
      422,
      /./,
    );
    const versions = (await rows<{ version: number }>(sql`select version from plan_tasks where plan_id = ${plan.id} order by ref`)).map(
      (row) => row.version,
    );
    expect(versions).toEqual([2, 1, 1]);
    // Today in Vietnam is accepted: 28/4 + 10 days is 8/5.
    const today = await record('3', 0, '2026-04-28', staffA);
    expect(today.statusCode, today.body).toBe(200);
    expect((today.json() as PlanTaskView).nextDue).toBe('2026-05-08');
  });

  it('counts N days and N months from the recorded day (the issuer’s office records too)', async () => {
    fixClock('2026-04-28T03:00:00Z');
    await refresh(controller);
    const corrected = await record('3', 0, '2026-04-20', controller);
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect((corrected.json() as PlanTaskView).nextDue).toBe('2026-04-30');
    const months = await record('2', 0, '2026-04-27', controller);
    expect(months.statusCode, months.body).toBe(200);
    expect((months.json() as PlanTaskView).nextDue).toBe('2026-07-27');
    expect((await occurrencesOf('3')).map((row) => row.due_on)).toEqual(['2026-04-30']);
  });

  it('falls overdue once its day passed, through the sweep, and waits again once cleared', async () => {
    const db = t.database.db;
    // Saturday 2/5: task 3 was due on 30/4.
    await sweepPlans({ db, now: at('2026-05-02T02:00:00Z') });
    expect(await statusOf('3')).toBe('overdue');
    fixClock('2026-05-02T03:00:00Z');
    const overdueOf = async (ref: string) =>
      ((await call('GET', `/api/plans/overdue?unit=${tree.departmentA.id}`, staffA)).json().items as PlanOccurrence[]).filter(
        (item) => item.task.ref === ref,
      );
    expect((await overdueOf('3')).map((item) => [item.dueOn, item.daysOverdue])).toEqual([['2026-04-30', 2]]);
    await refresh();
    const cleared = await record('3', 0, null, staffA);
    expect(cleared.statusCode, cleared.body).toBe(200);
    const view = cleared.json() as PlanTaskView;
    expect(view.deadlines[0]).not.toHaveProperty('eventDate');
    expect(view.deadlineDues[0]!.note).toBe('Chờ ghi nhận ngày nhận được phản ánh, kiến nghị');
    expect(view.status).toBe('not_started');
    expect(await occurrencesOf('3')).toEqual([]);
    expect(await overdueOf('3')).toEqual([]);
  });

  it('keeps a met occurrence with its report when the day is cleared', async () => {
    fixClock('2026-05-04T03:00:00Z');
    await refresh();
    const done = await call('POST', `/api/plans/tasks/${taskOf('2').id}/reports`, staffA, {
      text: 'Đã xây dựng xong phương án',
      status: 'done',
      version: taskOf('2').version,
    });
    expect(done.statusCode, done.body).toBe(201);
    expect(await occurrencesOf('2')).toEqual([{ due_on: '2026-07-27', state: 'reported', deadline_index: 0 }]);
    await refresh();
    const cleared = await record('2', 0, null, staffA);
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(await occurrencesOf('2')).toEqual([{ due_on: '2026-07-27', state: 'reported', deadline_index: 0 }]);
    await sweepPlans({ db: t.database.db, now: at('2026-08-01T02:00:00Z') });
    expect(await occurrencesOf('2')).toEqual([{ due_on: '2026-07-27', state: 'reported', deadline_index: 0 }]);
  });

  it('checks an event day the save and edit sides carry alike', async () => {
    fixClock('2026-05-04T03:00:00Z');
    const body = make.planBody(tree.province, {
      lead: { id: tree.departmentA.id, name: 'Sở A' },
      tasks: [{ ref: '1', title: 'Tiếp nhận', deadlines: [{ ...relative(10, 'days', received), eventDate: '2026-05-05' }] }],
    });
    const saved = await call('POST', '/api/plans', controller, body);
    expect(saved.statusCode, saved.body).toBe(422);
    expect(saved.json().error.details.map((detail: { path: string }) => detail.path)).toEqual(['tasks.0.deadlines.0.eventDate']);
    await refresh(controller);
    const edited = await call('PATCH', `/api/plans/tasks/${taskOf('3').id}`, controller, {
      version: taskOf('3').version,
      deadlines: [{ ...relative(10, 'days', 'nhận được phản ánh, kiến nghị'), eventDate: '2026-04-01' }],
    });
    expect(edited.statusCode, edited.body).toBe(422);
    expect(edited.json().error.details[0].message).toMatch(/trước ngày ban hành kế hoạch/);
    const kept = await call('PATCH', `/api/plans/tasks/${taskOf('3').id}`, controller, {
      version: taskOf('3').version,
      deadlines: [{ ...relative(10, 'days', 'nhận được phản ánh, kiến nghị'), eventDate: '2026-04-25' }],
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect((kept.json() as PlanTaskView).nextDue).toBe('2026-05-05');
  });
});
