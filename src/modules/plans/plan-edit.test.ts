import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlanDetail, PlanTaskView } from '../../contract/plans';
import type { PlanLiveTargets } from '../../contract/plans-edit';
import type { PlanCalendar } from '../../contract/plans-occurrences';
import { readDemoProcedures } from '../../demo/fixtures';
import { jobs } from '../../jobs/registry';
import { type AuthHeaders, createFactories, type Factories, type UnitRef } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { moveTasksOfMergedUnits } from './merge';

/** Sở Tư pháp of the demo tree: its procedures carry the NQ 66 baselines the live figures are computed from. */
const JUSTICE = '000.00.03.H01';

type UnitView = UnitRef & { parentId: string | null; isOffice: boolean; validTo: string | null };

describe.each(testBackends())('editing plans (%s)', (backend) => {
  let t: TestApp;
  let make: Factories;
  let admin: AuthHeaders;
  let justiceController: AuthHeaders;
  let otherController: AuthHeaders;
  let justice: UnitView;
  let other: UnitView;
  let root: UnitView;

  beforeAll(async () => {
    const justiceCodes = readDemoProcedures()
      .filter((procedure) => procedure.handlingUnitCodes.includes(JUSTICE))
      .map((procedure) => procedure.code);
    t = await createTestApp(backend, { demo: { procedureCodes: justiceCodes.slice(0, 30) } });
    make = createFactories(t);
    admin = await t.login('admin');
    const units = (await t.app.inject({ url: '/api/units', headers: admin })).json().items as UnitView[];
    justice = units.find((unit) => unit.code === JUSTICE)!;
    root = units.find((unit) => unit.parentId === null)!;
    other = units.find((unit) => unit.parentId === root.id && unit.type === 'department' && unit.id !== justice.id)!;
    justiceController = await (await make.buildUser({ roles: [{ role: 'procedure_controller', unit: justice }] })).login();
    otherController = await (await make.buildUser({ roles: [{ role: 'procedure_controller', unit: other }] })).login();
  }, 180_000);
  afterAll(() => t?.close());
  afterEach(() => vi.useRealTimers());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, headers: AuthHeaders, payload?: unknown) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const auditCount = async (action: string, entityId: string) => {
    const result = await t.database.db.execute(
      sql`select count(*)::int as n from audit_events where action = ${action} and entity_id = ${entityId}`,
    );
    return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
  };

  async function savePlan(headers: AuthHeaders, issuer: UnitRef, lead: { id: string; name: string }, extra: object = {}) {
    return make.buildPlan({
      headers,
      issuer,
      body: {
        lead,
        plan: {
          number: '12/KH-STP',
          date: '2026-03-02',
          implements: ['Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ'],
          signer: 'Nguyễn Văn A',
          ...extra,
        },
        targets: [
          {
            year: 2026,
            ref: 'I.2',
            text: 'Cắt giảm ít nhất 30% thời gian giải quyết, 30% chi phí tuân thủ; 80% hồ sơ được số hóa; 100% phương án phân cấp được thực thi.',
            measures: [
              { metric: 'processing_time_cut_percent', value: 30 },
              { metric: 'compliance_cost_cut_percent', value: 30 },
              { metric: 'digitised_dossiers_percent', value: 80 },
              { metric: 'decentralisation_plans_percent', value: 100 },
            ],
          },
        ],
        tasks: [
          { ref: '1', title: 'Rà soát thủ tục' },
          { ref: '2', title: 'Số hóa hồ sơ' },
        ],
      },
    });
  }

  it('edits a plan partially, refuses a stale version and a cycle of parents, and shows the children on the parent', async () => {
    const province = await savePlan(admin, root, justice, { number: '125/KH-UBND' });
    const plan = await savePlan(justiceController, justice, justice);
    expect(plan.canEdit).toBe(true);

    const denied = await call('PATCH', `/api/plans/${plan.id}`, otherController, { version: plan.version, title: 'Không được' });
    expect(denied.statusCode, denied.body).toBe(403);
    const missing = await call('PATCH', '/api/plans/00000000-0000-4000-8000-000000000000', admin, { version: 1 });
    expect(missing.statusCode).toBe(404);

    const patched = await call('PATCH', `/api/plans/${plan.id}`, justiceController, {
      version: plan.version,
      title: 'Kế hoạch cải cách TTHC năm 2026 (sửa đổi)',
      parentPlanId: province.id,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const after = patched.json() as PlanDetail;
    expect(after).toMatchObject({
      title: 'Kế hoạch cải cách TTHC năm 2026 (sửa đổi)',
      number: '12/KH-STP',
      signer: 'Nguyễn Văn A',
      implements: plan.implements,
      version: plan.version + 1,
      parentPlan: { id: province.id, number: '125/KH-UBND' },
    });
    expect(after.targets).toEqual(plan.targets);
    expect(await auditCount('plan.update', plan.id)).toBe(1);

    const stale = await call('PATCH', `/api/plans/${plan.id}`, justiceController, { version: plan.version, title: 'Cũ' });
    expect(stale.statusCode).toBe(409);
    expect(((await call('GET', `/api/plans/${plan.id}`, admin)).json() as PlanDetail).title).toBe(after.title);

    const parent = (await call('GET', `/api/plans/${province.id}`, admin)).json() as PlanDetail;
    expect(parent.children).toEqual([
      { id: plan.id, number: '12/KH-STP', title: after.title, date: '2026-03-02', issuer: { id: justice.id, name: justice.name } },
    ]);
    const cycle = await call('PATCH', `/api/plans/${province.id}`, admin, { version: parent.version, parentPlanId: plan.id });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().error.details[0].path).toBe('parentPlanId');
    const self = await call('PATCH', `/api/plans/${plan.id}`, admin, { version: after.version, parentPlanId: plan.id });
    expect(self.statusCode).toBe(422);

    const targets = await call('PATCH', `/api/plans/${plan.id}`, admin, {
      version: after.version,
      targets: [
        { year: 2027, ref: 'I.1', text: 'Ít nhất 90% hồ sơ được số hóa.', measures: [{ metric: 'digitised_dossiers_percent', value: 90 }] },
      ],
    });
    expect(targets.statusCode, targets.body).toBe(200);
    expect((targets.json() as PlanDetail).targets).toEqual([
      { year: 2027, ref: 'I.1', text: 'Ít nhất 90% hồ sơ được số hóa.', measures: [{ metric: 'digitised_dossiers_percent', value: 90 }] },
    ]);
  });

  it('adds a task under its parent, edits it keeping the responsible person, cancels a reported task and deletes only an unreported one', async () => {
    // Before the task's deadline (30/9/2026): restored, it is in progress, not overdue.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-01T03:00:00Z'));
    const plan = await savePlan(justiceController, justice, justice);
    const added = await call('POST', `/api/plans/${plan.id}/tasks`, justiceController, {
      ref: '1.a',
      title: 'Rà soát thủ tục lĩnh vực hộ tịch',
      lead: [{ name: 'Sở Tư pháp', unitId: justice.id }],
      coordinating: [{ name: 'các Sở, ngành', unitId: null }],
      deadlines: [{ kind: 'date', text: 'trước 30/9/2026', date: '2026-09-30' }],
    });
    expect(added.statusCode, added.body).toBe(201);
    const task = added.json() as PlanTaskView;
    const tasks = ((await call('GET', `/api/plans/${plan.id}`, admin)).json() as PlanDetail).tasks;
    expect(tasks.map((row) => [row.ref, row.depth])).toEqual([
      ['1', 0],
      ['1.a', 1],
      ['2', 0],
    ]);
    expect(tasks[1]!.parentTaskId).toBe(tasks[0]!.id);
    const duplicate = await call('POST', `/api/plans/${plan.id}/tasks`, justiceController, { ref: '1.a', title: 'Trùng', lead: [] });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.json().error.details[0].path).toBe('ref');
    expect((await call('POST', `/api/plans/${plan.id}/tasks`, otherController, { ref: '3', title: 'X', lead: [] })).statusCode).toBe(403);

    // The person responsible in the lead unit stays when the task's units are edited around it.
    const person = await make.buildUser({ roles: [{ role: 'specialist', unit: justice }] });
    const lead = task.units.find((unit) => unit.role === 'lead')!;
    const assigned = await call('PUT', `/api/plans/tasks/${task.id}/units/${lead.taskUnitId}/responsible`, admin, {
      userId: person.id,
      version: lead.responsibleVersion,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const edited = await call('PATCH', `/api/plans/tasks/${task.id}`, justiceController, {
      version: task.version,
      title: 'Rà soát thủ tục lĩnh vực hộ tịch, chứng thực',
      coordinating: [{ name: other.name, unitId: other.id }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const view = edited.json() as PlanTaskView;
    expect(view).toMatchObject({ title: 'Rà soát thủ tục lĩnh vực hộ tịch, chứng thực', content: '', version: task.version + 1 });
    expect(view.deadlines).toEqual(task.deadlines);
    expect(view.units.map((unit) => [unit.role, unit.unit?.id ?? null, unit.responsible?.id ?? null])).toEqual([
      ['coordinating', other.id, null],
      ['lead', justice.id, person.id],
    ]);
    expect((await call('PATCH', `/api/plans/tasks/${task.id}`, justiceController, { version: task.version, title: 'Cũ' })).statusCode).toBe(
      409,
    );

    // Reported on: no deletion, cancelled instead, then restored to the status of its last report.
    const reporter = await (await make.buildUser({ roles: [{ role: 'specialist', unit: justice }] })).login();
    const reported = await call('POST', `/api/plans/tasks/${task.id}/reports`, reporter, {
      text: 'Đã rà soát 12 thủ tục',
      status: 'in_progress',
      version: view.version,
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const version = (reported.json() as PlanTaskView).version;
    const refused = await call('DELETE', `/api/plans/tasks/${task.id}?version=${version}`, justiceController);
    expect(refused.statusCode).toBe(409);
    const cancelled = await call('PATCH', `/api/plans/tasks/${task.id}`, justiceController, { version, cancelled: true });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', canReport: false });
    expect((cancelled.json() as PlanTaskView).reports).toHaveLength(1);
    expect(await auditCount('plan.task.cancel', task.id)).toBe(1);
    const restored = await call('PATCH', `/api/plans/tasks/${task.id}`, justiceController, { version: version + 1, cancelled: false });
    expect(restored.json()).toMatchObject({ status: 'in_progress' });

    const second = tasks[2]!;
    expect((await call('DELETE', `/api/plans/tasks/${second.id}?version=${second.version}`, otherController)).statusCode).toBe(403);
    const deleted = await call('DELETE', `/api/plans/tasks/${second.id}?version=${second.version}`, justiceController);
    expect(deleted.statusCode, deleted.body).toBe(200);
    const left = ((await call('GET', `/api/plans/${plan.id}`, admin)).json() as PlanDetail).tasks;
    expect(left.map((row) => row.ref)).toEqual(['1', '1.a']);
    expect(await auditCount('plan.task.delete', second.id)).toBe(1);
  });

  it('reads a deadline typed as text like the importer, and keeps the day recorded for an event when the deadlines are sent back', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-01T03:00:00Z'));
    const plan = await savePlan(justiceController, justice, justice);
    const added = await call('POST', `/api/plans/${plan.id}/tasks`, justiceController, {
      ref: '3',
      title: 'Báo cáo tình hình thực hiện',
      lead: [{ name: 'Sở Tư pháp', unitId: justice.id }],
      deadlines: [{ kind: 'text', text: 'Quý III/2026; trong 10 ngày kể từ ngày nhận được văn bản' }],
    });
    expect(added.statusCode, added.body).toBe(201);
    const task = added.json() as PlanTaskView;
    expect(task.deadlines).toEqual([
      { kind: 'quarter', year: 2026, quarter: 3, text: 'Quý III/2026' },
      { kind: 'relative', amount: 10, unit: 'days', after: 'nhận được văn bản', text: 'trong 10 ngày kể từ ngày nhận được văn bản' },
    ]);
    expect(task.nextDue).toBe('2026-09-30');
    const recorded = await call('PUT', `/api/plans/tasks/${task.id}/deadlines/1/event`, justiceController, {
      date: '2026-05-20',
      version: task.version,
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const withEvent = recorded.json() as PlanTaskView;
    // The form sends the deadlines back as one text: the event's day stays with its deadline.
    const edited = await call('PATCH', `/api/plans/tasks/${task.id}`, justiceController, {
      version: withEvent.version,
      deadlines: [{ kind: 'text', text: withEvent.deadlines.map((deadline) => deadline.text).join('; ') }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const view = edited.json() as PlanTaskView;
    expect(view.deadlines[1]).toMatchObject({ kind: 'relative', eventDate: '2026-05-20' });
    expect(view.nextDue).toBe('2026-05-30');
    // A phrase with no date in it stays as written.
    const vague = await call('PATCH', `/api/plans/tasks/${task.id}`, justiceController, {
      version: view.version,
      deadlines: [{ kind: 'text', text: 'Theo chỉ đạo của UBND tỉnh' }],
    });
    expect((vague.json() as PlanTaskView).deadlines).toEqual([{ kind: 'text', text: 'Theo chỉ đạo của UBND tỉnh' }]);
  });

  it('shows beside each target the figure the reform module and the KPI index compute, and says when there is none', async () => {
    const plan = await savePlan(justiceController, justice, justice);
    const specialist = await (await make.buildUser({ roles: [{ role: 'specialist', unit: other }] })).login();
    const response = await call('GET', `/api/plans/${plan.id}/targets/live`, admin);
    expect(response.statusCode, response.body).toBe(200);
    const live = response.json() as PlanLiveTargets;
    const [time, cost, digitised, decentralisation] = live.targets[0]!.measures;
    const year = Math.min(2026, Number(live.asOf.slice(0, 4)));
    const summary = (await call('GET', `/api/reform/summary?unit=${justice.id}&year=${year}`, admin)).json() as {
      indicators: { key: string; value: number | null }[];
    };
    const share = (key: string) => summary.indicators.find((indicator) => indicator.key === key)!.value;
    expect(share('time_reduction')).not.toBeNull();
    expect(time).toMatchObject({
      source: 'reform',
      indicator: 'time_reduction',
      target: 30,
      current: Math.round(share('time_reduction')! * 1000) / 10,
    });
    expect(time!.isMet).toBe(time!.current! >= 30);
    expect(time!.sourceLabel).toContain('NQ 66');
    expect(cost).toMatchObject({ source: 'reform', indicator: 'cost_reduction' });
    expect(cost!.current).toBe(share('cost_reduction') === null ? null : Math.round(share('cost_reduction')! * 1000) / 10);

    const index = (await call('GET', `/api/metrics/index?unit=${JUSTICE}&from=${digitised!.from}&to=${digitised!.to}`, admin)).json() as {
      groups: { indicators: { code: string; ratio: number | null; noDataReason: string | null }[] }[];
    };
    const kpi = index.groups.flatMap((group) => group.indicators).find((indicator) => indicator.code === 'digitised')!;
    expect(digitised).toMatchObject({ source: 'metrics_index', indicator: 'digitised', target: 80 });
    expect(digitised!.current).toBe(kpi.ratio === null ? null : Math.round(kpi.ratio * 1000) / 10);
    if (kpi.ratio === null) expect(digitised!.note).toBe(kpi.noDataReason);
    expect(decentralisation).toMatchObject({ current: null, source: null, note: 'Chưa có số liệu tự động cho chỉ tiêu này.' });

    // A specialist of another department reads the plan and the reform figures, not that department's KPI index.
    const theirs = (await call('GET', `/api/plans/${plan.id}/targets/live`, specialist)).json() as PlanLiveTargets;
    expect(theirs.targets[0]!.measures[0]!.current).toBe(time!.current);
    expect(theirs.targets[0]!.measures[2]).toMatchObject({
      current: null,
      note: 'Bạn không có quyền xem số liệu này của đơn vị ban hành.',
    });
  });

  it('moves the tasks of a merged unit to its successor with their reports and responsible person, once the merge takes effect', async () => {
    const makeUnit = async (name: string, code: string) => {
      const response = await call('POST', '/api/units', admin, {
        code,
        name,
        type: 'department',
        parentId: root.id,
        validFrom: '2021-01-01',
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as UnitView;
    };
    const merged = await makeUnit('Sở Kiểm thử Sáp nhập', '000.77.41.H99');
    const successor = await makeUnit('Sở Kiểm thử Kế thừa', '000.77.42.H99');
    const plan = await savePlan(admin, root, merged, { number: '7/KH-UBND' });
    const [task] = plan.tasks;
    const staff = await make.buildUser({ roles: [{ role: 'specialist', unit: merged }] });
    const lead = task!.units[0]!;
    await call('PUT', `/api/plans/tasks/${task!.id}/units/${lead.taskUnitId}/responsible`, admin, { userId: staff.id, version: 1 });
    const report = await call('POST', `/api/plans/tasks/${task!.id}/reports`, await staff.login(), {
      text: 'Đã triển khai',
      status: 'in_progress',
      version: task!.version,
    });
    expect(report.statusCode, report.body).toBe(201);

    // Merged as of 2/7/2026 (Vietnam day): on 1/7 nothing moves yet.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-30T20:00:00Z')); // 1/7 03:00 in Vietnam
    const patched = await call('PATCH', `/api/units/${merged.id}`, admin, {
      validTo: '2026-07-02',
      successorId: successor.id,
      version: merged.version,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const before = ((await call('GET', `/api/plans/${plan.id}`, admin)).json() as PlanDetail).tasks[0]!;
    expect(before.units[0]!.unit?.id).toBe(merged.id);
    vi.useRealTimers();

    // The day it takes effect (the daily run, or any later merge recorded): the task units move.
    await t.database.db.transaction((tx) => moveTasksOfMergedUnits(tx, { actorId: null }, '2026-07-02'));
    const detail = (await call('GET', `/api/plans/${plan.id}`, admin)).json() as PlanDetail;
    for (const moved of detail.tasks) {
      expect(moved.units).toEqual([
        expect.objectContaining({
          role: 'lead',
          unit: { id: successor.id, name: successor.name },
          movedFrom: { id: merged.id, name: merged.name },
        }),
      ]);
    }
    const movedTask = detail.tasks[0]!;
    expect(movedTask.units[0]!.responsible?.id).toBe(staff.id);
    expect(movedTask.reports).toHaveLength(1);
    expect(movedTask.reports[0]!.unit?.id).toBe(merged.id);
    expect(movedTask.status).toBe('in_progress');
    expect(await auditCount('plan.task.unit_moved', task!.id)).toBe(1);
    const ofSuccessor = (await call('GET', `/api/plans/tasks?unit=${successor.id}`, admin)).json() as { items: { id: string }[] };
    expect(ofSuccessor.items.map((item) => item.id).sort()).toEqual(detail.tasks.map((row) => row.id).sort());
    expect(((await call('GET', `/api/plans/tasks?unit=${merged.id}`, admin)).json() as { items: unknown[] }).items).toEqual([]);
    // Idempotent: run again, nothing moves twice.
    const again = await t.database.db.transaction((tx) => moveTasksOfMergedUnits(tx, { actorId: null }, '2026-07-03'));
    expect(again.moved).toBe(0);
  });

  it('the hourly plans-sweep moves the tasks of a unit merged with a date ahead on that Vietnam day, not before', async () => {
    const sweep = jobs.find((job) => job.name === 'plans-sweep')!;
    const runSweep = (instant: string) =>
      sweep.handler({ db: t.database.db, now: new Date(instant), config: t.config, log: { info() {}, warn() {}, error() {} } });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-08-10T03:00:00Z'));
    const create = async (name: string, code: string) => {
      const response = await call('POST', '/api/units', admin, {
        code,
        name,
        type: 'department',
        parentId: root.id,
        validFrom: '2021-01-01',
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as UnitView;
    };
    const merged = await create('Sở Kiểm thử Hợp nhất', '000.77.45.H99');
    const successor = await create('Sở Kiểm thử Tiếp nhận', '000.77.46.H99');
    const plan = await savePlan(admin, root, merged, { number: '9/KH-UBND' });
    const added = await call('POST', `/api/plans/${plan.id}/tasks`, admin, {
      ref: '3',
      title: 'Báo cáo kết quả rà soát',
      lead: [{ name: merged.name, unitId: merged.id }],
      deadlines: [{ kind: 'date', text: 'trước ngày 30/9/2026', date: '2026-09-30' }],
    });
    expect(added.statusCode, added.body).toBe(201);
    // Recorded on 10/8, the merge takes effect on 1/9/2026: the hook of the unit edit moves nothing yet.
    const patched = await call('PATCH', `/api/units/${merged.id}`, admin, {
      validTo: '2026-09-01',
      successorId: successor.id,
      version: merged.version,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    vi.useRealTimers();
    const leadUnits = async () =>
      ((await call('GET', `/api/plans/${plan.id}`, admin)).json() as PlanDetail).tasks.map((task) => task.units[0]!.unit?.id);

    // 16:59 UTC on 31/8 is 23:59 on 31/8 in Vietnam: still the merged unit's.
    await runSweep('2026-08-31T16:59:00Z');
    expect(await leadUnits()).toEqual([merged.id, merged.id, merged.id]);
    expect(await auditCount('plan.task.unit_moved', added.json().id)).toBe(0);

    // 17:00 UTC on 31/8 is 00:00 on 1/9 in Vietnam: the merge is in force, the sweep moves every task unit.
    await runSweep('2026-08-31T17:00:00Z');
    const detail = (await call('GET', `/api/plans/${plan.id}`, admin)).json() as PlanDetail;
    expect(detail.tasks.map((task) => task.units[0]!.unit?.id)).toEqual([successor.id, successor.id, successor.id]);
    expect(detail.tasks.map((task) => task.units[0]!.movedFrom?.id)).toEqual([merged.id, merged.id, merged.id]);
    expect(await auditCount('plan.task.unit_moved', added.json().id)).toBe(1);
    const ofSuccessor = (await call('GET', `/api/plans/tasks?unit=${successor.id}`, admin)).json() as { items: { id: string }[] };
    expect(ofSuccessor.items.map((item) => item.id).sort()).toEqual(detail.tasks.map((task) => task.id).sort());
    // The stored occurrence went with its task unit: the calendar shows the 30/9 deadline as the successor's.
    const calendar = (await call('GET', `/api/plans/calendar?month=2026-09&unit=${root.id}`, admin)).json() as PlanCalendar;
    const items = calendar.days.flatMap((day) => day.items).filter((item) => item.plan.id === plan.id);
    expect(items.map((item) => [item.dueOn, item.unit.id])).toEqual([['2026-09-30', successor.id]]);

    // The next hour's run moves nothing twice.
    await runSweep('2026-08-31T18:00:00Z');
    expect(await auditCount('plan.task.unit_moved', added.json().id)).toBe(1);
  });

  it('moves the tasks in the transaction of the merge when it is already in force (the admin form)', async () => {
    const create = async (name: string, code: string) =>
      (
        await call('POST', '/api/units', admin, { code, name, type: 'department', parentId: root.id, validFrom: '2021-01-01' })
      ).json() as UnitView;
    const merged = await create('Sở Kiểm thử Hết hiệu lực', '000.77.43.H99');
    const successor = await create('Sở Kiểm thử Nhận', '000.77.44.H99');
    const plan = await savePlan(admin, root, merged, { number: '8/KH-UBND' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-07-10T03:00:00Z'));
    const patched = await call('PATCH', `/api/units/${merged.id}`, admin, {
      validTo: '2026-07-01',
      successorId: successor.id,
      version: merged.version,
    });
    vi.useRealTimers();
    expect(patched.statusCode, patched.body).toBe(200);
    const detail = (await call('GET', `/api/plans/${plan.id}`, admin)).json() as PlanDetail;
    expect(detail.tasks.map((task) => task.units[0]!.unit?.id)).toEqual([successor.id, successor.id]);
    expect(detail.tasks[0]!.units[0]!.movedFrom?.id).toBe(merged.id);
  });
});
