import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dossierEvents } from '../../db/schema/dossiers';
import { type AuthHeaders, createFactories, type ProcedureRef } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { measuredMedianProcessingTime, measuredSubjectsPerYear } from './measures';

// The lifecycle through POST /api/dossiers/:id/actions (docs/api/dossiers.md "Actions"), on a demo-like process,
// with the clock fixed so the dues are the same at any hour.

const wd = (amount: number) => ({ amount, unit: 'working_days' });
const template = [
  { order: 1, name: 'Tiếp nhận hồ sơ', role: 'desk_officer', unitCode: null, budget: wd(0.5) },
  { order: 2, name: 'Chuyển hồ sơ', role: 'desk_officer', unitCode: null, budget: wd(0.5) },
  { order: 3, name: 'Phân công', role: 'division_head', unitCode: null, budget: wd(0.5) },
  { order: 4, name: 'Thẩm định', role: 'specialist', unitCode: null, budget: wd(5) },
  { order: 5, name: 'Xem xét', role: 'division_head', unitCode: null, budget: wd(1) },
  { order: 6, name: 'Phê duyệt', role: 'unit_leader', unitCode: null, budget: wd(1.5) },
  { order: 7, name: 'Phát hành', role: 'clerk', unitCode: null, budget: wd(0.5) },
  { order: 8, name: 'Trả kết quả', role: 'desk_officer', unitCode: null, budget: wd(0.5) },
];
const vn = (text: string) => new Date(`${text}+07:00`);

type View = { id: string; version: number; status: string; dueAt: string | null; [key: string]: unknown };

describe.each(testBackends())('dossier actions on %s', (backend) => {
  let t: TestApp;
  let make: ReturnType<typeof createFactories>;
  let procedure: ProcedureRef;
  let province: Awaited<ReturnType<ReturnType<typeof createFactories>['buildProvince']>>;
  const users: Record<string, Awaited<ReturnType<ReturnType<typeof createFactories>['buildUser']>>> = {};
  const as: Record<string, AuthHeaders> = {};

  /** Fixes the clock, and signs everyone in again at that time (sessions live in the faked time). */
  async function at(instant: string) {
    vi.setSystemTime(vn(instant));
    for (const [name, user] of Object.entries(users)) as[name] = await user.login();
  }

  async function act(who: string, view: { id: string; version: number }, body: Record<string, unknown>) {
    return t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${view.id}/actions`,
      headers: as[who],
      payload: { version: view.version, ...body },
    });
  }

  async function ok(who: string, view: { id: string; version: number }, body: Record<string, unknown>): Promise<View> {
    const response = await act(who, view, body);
    if (response.statusCode !== 200) throw new Error(`${String(body.action)} by ${who}: ${response.statusCode} ${response.body}`);
    // The answer is built from what the action holds: it must be the dossier as a fresh read sees it.
    const fresh = await t.app.inject({ method: 'GET', url: `/api/dossiers/${view.id}`, headers: as[who] });
    if (fresh.statusCode === 200) expect(response.json()).toEqual(fresh.json());
    return response.json();
  }

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(vn('2026-01-05T09:00:00'));
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    province = await make.buildProvince();
    procedure = await make.buildProcedure({
      handlingUnits: [province.departmentA],
      content: { onlineLevel: 'full', components: [{ name: 'Đơn đề nghị' }], processTemplate: template },
    });
    const otherUnit = province.departmentB;
    const roles = {
      desk: [{ role: 'desk_officer', unit: province.desk }],
      head: [{ role: 'division_head', unit: province.divisionA }],
      specialist: [{ role: 'specialist', unit: province.departmentA }],
      leader: [{ role: 'unit_leader', unit: province.departmentA }],
      outsider: [{ role: 'unit_leader', unit: otherUnit }],
      consulted: [{ role: 'specialist', unit: otherUnit }],
      citizen: [{ role: 'citizen' }],
      // The desk of the handling unit: an online dossier accepted at any desk is received in the handling unit's name.
      unitDesk: [{ role: 'desk_officer', unit: province.departmentA }],
    } as const;
    for (const [name, list] of Object.entries(roles)) users[name] = await make.buildUser({ roles: [...list] });
  });
  afterEach(() => undefined);
  afterAll(async () => {
    vi.useRealTimers();
    await t?.close();
  });

  async function received(instant: string): Promise<View> {
    await at(instant);
    const dossier = await make.buildDossier({ officer: as.desk!, procedure });
    return (await t.app.inject({ url: `/api/dossiers/${dossier.id}`, headers: as.desk })).json();
  }

  it('runs the whole process: transfer, assign, review, send back, approve, issue, return — events and timing', async () => {
    let view = await received('2026-10-05T09:00:00');
    expect(view).toMatchObject({ status: 'processing', currentStepNo: 2, version: 1 });
    expect(view.allowedActions).toContain('transfer');
    view = await ok('desk', view, { action: 'transfer' });
    expect(view.currentStepNo).toBe(3);
    const specialistId = users.specialist!.id;
    view = await ok('head', view, { action: 'assign', assigneeId: specialistId });
    expect(view).toMatchObject({ currentStepNo: 4 });
    const steps = view.steps as { stepNo: number; assignee: { id: string } | null; status: string; dueAt: string | null }[];
    expect(steps[3]).toMatchObject({ status: 'active', assignee: { id: specialistId } });
    // 5 working days = 40 working hours from Monday 09:00: Monday 12 Oct 09:00.
    expect(steps[3]!.dueAt).toBe(vn('2026-10-12T09:00:00').toISOString());
    view = await ok('specialist', view, { action: 'submit_for_review' });
    const missing = await act('head', view, { action: 'send_back' });
    expect(missing.statusCode).toBe(422);
    view = await ok('head', view, { action: 'send_back', comment: 'Bổ sung ý kiến thẩm định.' });
    expect(view.currentStepNo).toBe(4);
    view = await ok('specialist', view, { action: 'submit_for_review' });
    view = await ok('head', view, { action: 'approve' });
    view = await ok('leader', view, { action: 'approve' });
    expect(view.currentStepNo).toBe(7);
    view = await ok('leader', view, { action: 'issue_result', resultNumber: '12/GP' });
    expect(view).toMatchObject({ status: 'result_ready', resultNumber: '12/GP', timing: 'early', currentStepNo: 8 });
    expect(view.allowedActions).toEqual([]);
    const desk = await t.app.inject({ url: `/api/dossiers/${view.id}`, headers: as.desk });
    expect(desk.json().allowedActions).toEqual(['return_result']);
    view = await ok('desk', view, { action: 'return_result', method: 'desk' });
    expect(view).toMatchObject({ status: 'returned', returnMethod: 'desk', version: 10 });
    const events = view.events as { action: string; fromStatus: string | null; toStatus: string; stepTiming: string | null }[];
    expect(events.map((event) => event.action)).toEqual([
      'receive',
      'transfer',
      'assign',
      'submit_for_review',
      'send_back',
      'submit_for_review',
      'approve',
      'approve',
      'issue_result',
      'return_result',
    ]);
    expect(events.at(-2)).toMatchObject({ fromStatus: 'processing', toStatus: 'result_ready', stepTiming: 'on_time' });
    const outbox = await t.database.db.execute(
      sql`select template from notify_outbox where ref_id = ${view.id} and channel = 'email' order by id`,
    );
    expect(JSON.stringify(outbox)).toContain('dossier.result_ready');
    expect(JSON.stringify(outbox)).toContain('dossier.returned');
    // Each staff action answered the view, personal data included: each is in the read log (NĐ 13/2023).
    const reads = await t.database.db.execute(
      sql`select count(*)::int as n from dossier_access_log where dossier_id = ${view.id} and purpose = 'action'`,
    );
    expect((reads as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(9);
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const view = await received('2026-10-05T09:00:00');
    const stale = await act('desk', { ...view, version: view.version + 1 }, { action: 'transfer' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/phiên bản/);
    const events = await t.database.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, view.id));
    expect(events).toHaveLength(1);
  });

  it('lets no officer of another unit act (403), and gives each wrong state its Vietnamese reason', async () => {
    const view = await received('2026-10-05T09:00:00');
    const outsider = await act('outsider', view, { action: 'refuse', reason: 'Không thuộc thẩm quyền.' });
    expect(outsider.statusCode).toBe(403);
    const wrong = await act('desk', view, { action: 'return_result', method: 'desk' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.message).toBe('Hồ sơ chưa có kết quả để trả.');
    const early = await act('leader', view, { action: 'approve' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/^Bước hiện tại/);
  });

  it('pauses for a supplement across Tết 2026 and moves the due by exactly the paused working time', async () => {
    let view = await received('2026-02-11T09:00:00');
    const due = view.dueAt!;
    view = await ok('desk', view, { action: 'transfer' });
    await at('2026-02-12T09:00:00');
    view = await ok('head', view, { action: 'request_supplement', reason: 'Thiếu bản sao.', items: ['Bản sao CCCD'] });
    expect(view.status).toBe('supplement_requested');
    await at('2026-02-24T09:00:00');
    view = await ok('desk', view, { action: 'resume' });
    // Paused Thu 12/2 09:00 → Tue 24/2 09:00: Thursday 7 h, Friday 13/2 8 h, Monday 23/2 8 h, Tuesday 1 h (14–22/2 Tết and weekends).
    expect(view.pausedWorkingMinutes).toBe(24 * 60);
    const { createWorkCalendar } = await import('../../core/calendar');
    expect(view.dueAt).toBe(
      createWorkCalendar()
        .shiftDueByPause(new Date(due), 24 * 60)
        .toISOString(),
    );
    expect(view.status).toBe('processing');
  });

  it('consults two agencies in parallel, each with its due, and blocks the submission until both replied', async () => {
    let view = await received('2026-10-05T09:00:00');
    view = await ok('desk', view, { action: 'transfer' });
    view = await ok('head', view, { action: 'assign', assigneeId: users.specialist!.id });
    view = await ok('specialist', view, {
      action: 'consult',
      consultations: [
        { unitCode: province.departmentB.code, question: 'Ý kiến về quy hoạch?', dueDate: '2026-10-08' },
        { agencyName: 'Công an tỉnh', question: 'Xác minh nhân thân?', dueDate: '2026-10-09' },
      ],
    });
    const consultations = view.consultations as { id: string; dueAt: string }[];
    expect(consultations.map((entry) => entry.dueAt)).toEqual([
      vn('2026-10-08T17:30:00').toISOString(),
      vn('2026-10-09T17:30:00').toISOString(),
    ]);
    const blocked = await act('specialist', view, { action: 'submit_for_review' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toMatch(/phối hợp/);
    view = await ok('consulted', view, { action: 'consult_reply', consultationId: consultations[0]!.id, reply: 'Phù hợp quy hoạch.' });
    view = await ok('specialist', view, {
      action: 'consult_reply',
      consultationId: consultations[1]!.id,
      reply: 'Đã xác minh (văn bản giấy).',
    });
    expect((view.consultations as { timing: string }[]).map((entry) => entry.timing)).toEqual(['early', 'early']);
    view = await ok('specialist', view, { action: 'submit_for_review' });
    expect(view.currentStepNo).toBe(5);
  });

  it('takes one apology, not less than a working day before the due, with a later new due', async () => {
    let view = await received('2026-10-05T09:00:00');
    const due = new Date(view.dueAt!);
    const sameDay = await act('leader', view, { action: 'apologize', reason: 'Cần xác minh thêm.', newDueDate: '2026-10-19' });
    expect(sameDay.statusCode).toBe(422);
    expect(sameDay.json().error.message).toBe('Ngày hẹn trả mới phải sau thời hạn hiện tại.');
    view = await ok('leader', view, { action: 'apologize', reason: 'Cần xác minh thêm.', newDueDate: '2026-10-23' });
    expect(view).toMatchObject({ hasApology: true, dueAt: vn('2026-10-23T17:30:00').toISOString() });
    expect(new Date(view.dueAt!).getTime()).toBeGreaterThan(due.getTime());
    const again = await act('leader', view, { action: 'apologize', reason: 'Lần hai.', newDueDate: '2026-10-30' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/một lần/);
    const late = await received('2026-10-05T09:00:00');
    const leaderSees = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/dossiers/${late.id}`, headers: as.leader })).json().allowedActions;
    expect(await leaderSees()).toContain('apologize');
    await at('2026-10-19T10:00:00');
    // Less than a working day before the due: no longer offered, and refused with the reason if sent.
    expect(await leaderSees()).not.toContain('apologize');
    const tooLate = await act('leader', late, { action: 'apologize', reason: 'Muộn.', newDueDate: '2026-10-23' });
    expect(tooLate.statusCode).toBe(422);
    expect(tooLate.json().error.message).toMatch(/01 ngày làm việc/);
  });

  it('stops a dossier on the applicant’s written request, and then nothing more', async () => {
    let view = await received('2026-10-05T09:00:00');
    view = await ok('desk', view, { action: 'stop', reason: 'Người nộp đề nghị dừng.' });
    expect(view).toMatchObject({ status: 'stopped', currentStepNo: null });
    expect(view.closedAt).not.toBeNull();
    const after = await act('desk', view, { action: 'stop', reason: 'Lần nữa.' });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.message).toBe('Hồ sơ đã dừng giải quyết, không thể thao tác thêm.');
  });

  /** From acceptance (step 2 active) to the result issued by the unit leader (the clerk step of departmentA). */
  async function issued(view: View, result: { isElectronic: boolean; resultFileIds?: string[] }, desk = 'desk'): Promise<View> {
    view = await ok(desk, view, { action: 'transfer' });
    view = await ok('head', view, { action: 'assign', assigneeId: users.specialist!.id });
    view = await ok('specialist', view, { action: 'submit_for_review' });
    view = await ok('head', view, { action: 'approve' });
    view = await ok('leader', view, { action: 'approve' });
    return ok('leader', view, { action: 'issue_result', resultNumber: '7/GP', ...result });
  }

  async function filedOnline(): Promise<View> {
    const scan = await make.uploadDossierFile(as.citizen!);
    const filed = await make.fileOnline(as.citizen!, procedure, { fileIds: [scan.id] });
    expect(filed.statusCode).toBe(201);
    return ok('unitDesk', filed.json(), { action: 'accept' });
  }

  it('returns an electronic result of an online dossier online, by the unit that issued it, into "Hồ sơ của tôi"', async () => {
    await at('2026-10-05T09:00:00');
    const resultFile = await make.uploadDossierFile(as.leader!, { name: 'giay-phep.pdf' });
    let view = await issued(await filedOnline(), { isElectronic: true, resultFileIds: [resultFile.id] }, 'unitDesk');
    expect(view).toMatchObject({ status: 'result_ready', channel: 'online', resultIsElectronic: true });
    // The leader who issued it may return it, online only; the desk still may, any way.
    expect(view.allowedActions).toEqual(['return_result']);
    const byDesk = await act('leader', view, { action: 'return_result', method: 'desk' });
    expect(byDesk.statusCode).toBe(403);
    expect(byDesk.json().error.message).toMatch(/^Đơn vị giải quyết chỉ trả trực tuyến kết quả điện tử/);
    // Not the applicant's before it is returned.
    const mine = `/api/my/dossiers/${view.id}`;
    const before = (await t.app.inject({ url: mine, headers: as.citizen })).json();
    expect(before.files.map((file: { purpose: string }) => file.purpose)).toEqual(['component']);
    const download = `/api/dossiers/${view.id}/files/${resultFile.id}`;
    expect((await t.app.inject({ url: download, headers: as.citizen })).statusCode).toBe(404);
    view = await ok('leader', view, { action: 'return_result', method: 'online' });
    expect(view).toMatchObject({ status: 'returned', returnMethod: 'online', currentStepNo: null });
    expect((view.events as { action: string; data: unknown }[]).at(-1)).toMatchObject({
      action: 'return_result',
      data: { method: 'online' },
    });
    const after = (await t.app.inject({ url: mine, headers: as.citizen })).json();
    expect(after).toMatchObject({ status: 'returned', returnMethod: 'online' });
    expect(after.files).toContainEqual(expect.objectContaining({ fileId: resultFile.id, purpose: 'result', name: 'giay-phep.pdf' }));
    const served = await t.app.inject({ url: download, headers: as.citizen });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    const portal = await t.database.db.execute(
      sql`select body from notify_outbox where ref_id = ${view.id} and channel = 'national_portal' and body::jsonb->>'action' = 'return_result'`,
    );
    expect((portal as unknown as { rows: { body: string }[] }).rows.map((row) => JSON.parse(row.body).status)).toEqual(['returned']);
  });

  it('refuses to return online a paper result, or the result of a dossier filed at the desk', async () => {
    await at('2026-10-05T09:00:00');
    const paper = await issued(await filedOnline(), { isElectronic: false }, 'unitDesk');
    expect(paper.allowedActions).toEqual([]);
    const byLeader = await act('leader', paper, { action: 'return_result', method: 'online' });
    expect(byLeader.statusCode).toBe(403);
    const paperOnline = await act('unitDesk', paper, { action: 'return_result', method: 'online' });
    expect(paperOnline.statusCode).toBe(422);
    expect(paperOnline.json().error.message).toBe(
      'Kết quả là bản giấy: không trả trực tuyến được, hãy trả tại bộ phận một cửa hoặc qua bưu chính.',
    );
    const atDesk = await issued(await received('2026-10-05T09:00:00'), { isElectronic: true });
    expect(atDesk.allowedActions).toEqual([]);
    expect((await act('leader', atDesk, { action: 'return_result', method: 'online' })).statusCode).toBe(403);
    const directOnline = await act('desk', atDesk, { action: 'return_result', method: 'online' });
    expect(directOnline.statusCode).toBe(422);
    expect(directOnline.json().error.message).toBe('Hồ sơ nộp trực tiếp hoặc qua bưu chính: kết quả không trả trực tuyến được.');
    // Nothing was written by the refusals: the desk returns each one at the desk.
    expect((await ok('desk', atDesk, { action: 'return_result', method: 'desk' })).status).toBe('returned');
    expect((await ok('unitDesk', paper, { action: 'return_result', method: 'desk' })).status).toBe('returned');
  });

  it('measures the subjects per year and the median processing time on the dossiers themselves', async () => {
    const db = t.database.db;
    // Eleven dossiers received above (two of them filed online): ten in October 2026, one in February (before the window of March 2027).
    expect(await measuredSubjectsPerYear(db, procedure.code, vn('2026-10-06T00:00:00'))).toBe(11);
    expect(await measuredSubjectsPerYear(db, procedure.code, vn('2027-03-01T00:00:00'))).toBe(10);
    // The lifecycle's dossier was resolved at the fixed instant it was received: no working time.
    expect(await measuredMedianProcessingTime(db, procedure.code, vn('2026-10-01T00:00:00'), vn('2026-10-31T00:00:00'))).toBe(0);
    expect(await measuredMedianProcessingTime(db, procedure.code, vn('2025-01-01T00:00:00'), vn('2025-12-31T00:00:00'))).toBeNull();
  });

  it('takes one of two simultaneous actions on the same version and refuses the other on its version (409)', async () => {
    // Both may read before either writes (no lock on a step action): the second's write then misses its guard and
    // the action runs again under the lock, answering as if it had waited for it.
    const view = await received('2026-10-05T09:00:00');
    const answers = await Promise.all([act('desk', view, { action: 'transfer' }), act('desk', view, { action: 'transfer' })]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.statusCode === 409)!.json().error.message).toMatch(/phiên bản 2/);
    const events = await t.database.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, view.id));
    expect(events.map((event) => event.action)).toEqual(['receive', 'transfer']);
  });
});
