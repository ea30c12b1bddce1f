import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlanDetail, PlanTarget, PlanTaskView } from '../../contract/plans';
import { type AuthHeaders, createFactories, type Factories, type PlanBodyOverrides, type UnitRef } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

/** UBND tỉnh Hậu Giang's plan (a seed of issue 14): tasks led by "Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ", "Các Sở, ban, ngành tỉnh". */
const seed = readFileSync(new URL('../../core/plans/fixtures/seeds/004_0a16f6a60033735b.txt', import.meta.url));

type ImportResult = {
  imported: {
    plan: { number: string | null; title: string | null; date: string | null; implements: string[]; signer: string | null };
    targets: PlanTarget[];
    tasks: { ref: string; title: string; lead: string[]; coordinating: string[] }[];
  };
  units: { name: string; unitId: string | null; isCollective: boolean }[];
};

describe.each(testBackends())('plans (%s)', (backend) => {
  let t: TestApp;
  let make: Factories;
  let tree: Awaited<ReturnType<Factories['buildProvince']>>;
  let science: UnitRef;
  let controller: AuthHeaders;
  let departmentController: AuthHeaders;
  let scienceStaff: AuthHeaders;
  let officeStaff: AuthHeaders;
  let specialistB: AuthHeaders;
  let admin: AuthHeaders;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    tree = await make.buildProvince();
    science = await make.buildUnit({ parent: tree.province, type: 'department', name: 'Sở Khoa học và Công nghệ tỉnh Hậu Giang' });
    const login = async (role: Parameters<Factories['buildUser']>[0]['roles'][number]) => (await make.buildUser({ roles: [role] })).login();
    controller = await login({ role: 'procedure_controller', unit: tree.office });
    departmentController = await login({ role: 'procedure_controller', unit: tree.departmentA });
    scienceStaff = await login({ role: 'specialist', unit: science });
    officeStaff = await login({ role: 'specialist', unit: tree.office });
    specialistB = await login({ role: 'specialist', unit: tree.departmentB });
    admin = await login({ role: 'admin', unit: null });
  }, 120_000);
  afterAll(() => t?.close());
  afterEach(() => vi.useRealTimers());

  const importSeed = (headers: AuthHeaders) =>
    t.app.inject({
      method: 'POST',
      url: '/api/plans/import?name=ke-hoach-hau-giang.txt',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: seed,
    });

  /** What the review page sends of the imported plan (its issuer aside): the plan as read, every name mapped as matched. */
  function reviewed(result: ImportResult, overrides: { units?: { name: string; unitId: string | null }[] } = {}): PlanBodyOverrides {
    const { plan, targets, tasks } = result.imported;
    return {
      plan: {
        number: '125/KH-UBND',
        date: '2026-04-16',
        title: plan.title!,
        implements: plan.implements,
        signer: plan.signer,
        sourceFileName: 'ke-hoach-hau-giang.txt',
      },
      targets,
      tasks,
      units: overrides.units ?? result.units.map(({ name, unitId }) => ({ name, unitId })),
    };
  }

  async function savedPlan(): Promise<PlanDetail> {
    // Saved before its first deadline (II.2.c: 31/12/2025), so that no task is overdue yet (occurrences, migration 0028).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-06-02T03:00:00Z'));
    const result = (await importSeed(controller)).json() as ImportResult;
    return make.buildPlan({ headers: controller, issuer: tree.province, body: reviewed(result) });
  }

  it('imports a seed, matches its unit names to the tree, saves the reviewed plan and reads back the task tree', async () => {
    const response = await importSeed(controller);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as ImportResult;
    const byName = new Map(result.units.map((unit) => [unit.name, unit]));
    expect(byName.get('Văn phòng UBND tỉnh')?.unitId).toBe(tree.office.id);
    expect(byName.get('Sở Khoa học và Công nghệ')?.unitId).toBe(science.id);
    expect(byName.get('Các Sở, ban, ngành tỉnh')).toMatchObject({ unitId: null, isCollective: true });
    // Nothing saved by an import.
    expect((await t.app.inject({ url: '/api/plans', headers: controller })).json().items).toEqual([]);

    const plan = await savedPlan();
    const read = (await t.app.inject({ url: `/api/plans/${plan.id}`, headers: specialistB })).json() as PlanDetail;
    expect(read).toMatchObject({ number: '125/KH-UBND', issuer: { id: tree.province.id }, date: '2026-04-16', canEdit: false });
    expect(read.tasks.map((task) => task.ref)).toEqual(result.imported.tasks.map((task) => task.ref));
    expect(read.targets.length).toBe(result.imported.targets.length);
    const ii2 = read.tasks.find((task) => task.ref === 'II.2')!;
    const ii2c = read.tasks.find((task) => task.ref === 'II.2.c')!;
    expect(ii2c).toMatchObject({ parentTaskId: ii2.id, depth: 1, status: 'not_started' });
    expect(ii2c.units).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          role: 'lead',
          name: 'Sở Khoa học và Công nghệ',
          unit: { id: science.id, name: 'Sở Khoa học và Công nghệ tỉnh Hậu Giang' },
        }),
        expect.objectContaining({ role: 'coordinating', name: 'các Sở, ban, ngành tỉnh', unit: null }),
      ]),
    );
    const audit = await t.database.db.execute(
      sql`select count(*)::int as n from audit_events where action = 'plan.create' and entity_id = ${plan.id}`,
    );
    expect((audit as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });

  it("matches the issuer the document names, and a department's own divisions inside that department", async () => {
    const building = await make.buildUnit({ parent: tree.province, type: 'department', name: 'Sở Xây dựng' });
    const health = await make.buildUnit({ parent: tree.province, type: 'department', name: 'Sở Y tế' });
    const [buildingOffice] = await Promise.all([
      make.buildUnit({ parent: building, type: 'division', name: 'Văn phòng Sở' }),
      make.buildUnit({ parent: health, type: 'division', name: 'Văn phòng Sở' }),
    ]);
    const document = [
      'UBND TỈNH KIỂM THỬ',
      'SỞ XÂY DỰNG',
      'Số: 12/KH-SXD',
      'Kiểm Thử, ngày 10 tháng 3 năm 2026',
      'KẾ HOẠCH',
      'Kiểm soát thủ tục hành chính năm 2026',
      'I. NHIỆM VỤ',
      '1. Rà soát quy trình nội bộ giải quyết thủ tục hành chính.',
      '- Đơn vị chủ trì: Văn phòng Sở.',
      '- Đơn vị phối hợp: Sở Y tế.',
      '- Thời gian hoàn thành: Quý II/2026.',
    ].join('\n');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/plans/import?name=ke-hoach-so.txt',
      headers: { ...controller, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(document),
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as ImportResult & { issuer: { id: string; name: string } | null };
    expect(result.issuer).toEqual({ id: building.id, name: 'Sở Xây dựng' });
    const byName = new Map(result.units.map((unit) => [unit.name, unit]));
    // Two departments have a "Văn phòng Sở": the issuer's own is chosen, not left to the user.
    expect(byName.get('Văn phòng Sở')?.unitId).toBe(buildingOffice.id);
    expect(byName.get('Sở Y tế')?.unitId).toBe(health.id);

    // Saved, the task of the department's own division is among the department's tasks: roles reach down a subtree.
    const plan = await make.buildPlan({ headers: admin, issuer: building, body: reviewed(result) });
    const buildingStaff = (await make.buildUser({ roles: [{ role: 'specialist', unit: building }] })).login();
    const mine = (await t.app.inject({ url: '/api/plans/tasks', headers: await buildingStaff })).json() as { items: { planId: string }[] };
    expect(mine.items.map((task) => task.planId)).toEqual([plan.id]);
    const ofDepartment = (await t.app.inject({ url: `/api/plans/tasks?unit=${building.id}`, headers: admin })).json() as {
      items: unknown[];
    };
    expect(ofDepartment.items).toHaveLength(1);
    // The other department's office is not under it.
    const officeOfHealth = (await t.app.inject({ url: `/api/plans/tasks?unit=${health.id}`, headers: admin })).json() as {
      items: { roles: string[] }[];
    };
    expect(officeOfHealth.items.map((task) => task.roles)).toEqual([['coordinating']]);
  });

  it('refuses a plan with an unmapped name or an unknown unit, all errors at once with their paths, saving nothing', async () => {
    const result = (await importSeed(controller)).json() as ImportResult;
    const units = result.units
      .filter((unit) => unit.name !== 'Văn phòng UBND tỉnh')
      .map(({ name, unitId }) => ({ name, unitId: name === 'Sở Khoa học và Công nghệ' ? '00000000-0000-4000-8000-000000000000' : unitId }));
    const before = (await t.app.inject({ url: '/api/plans', headers: controller })).json().items.length;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: controller,
      payload: make.planBody(tree.province, reviewed(result, { units })),
    });
    expect(response.statusCode).toBe(422);
    const paths = (response.json().error.details as { path: string }[]).map((detail) => detail.path);
    const iii1 = result.imported.tasks.findIndex((task) => task.ref === 'III.1');
    expect(paths).toContain(`tasks.${iii1}.lead.0`);
    expect(paths.some((path) => /^units\.\d+\.unitId$/.test(path))).toBe(true);
    expect((await t.app.inject({ url: '/api/plans', headers: controller })).json().items.length).toBe(before);
  });

  it("a department's controller cannot save the province's plan, but saves its own; staff without the role cannot", async () => {
    const result = (await importSeed(controller)).json() as ImportResult;
    const provincePlan = make.planBody(tree.province, reviewed(result));
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: departmentController,
      payload: provincePlan,
    });
    expect(refused.statusCode).toBe(403);
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: departmentController,
      payload: make.planBody(tree.departmentA, reviewed(result)),
    });
    expect(own.statusCode, own.body).toBe(201);
    expect((own.json() as PlanDetail).canEdit).toBe(true);
    // The province's office does not edit a department's plan.
    expect((await t.app.inject({ url: `/api/plans/${own.json().id}`, headers: controller })).json().canEdit).toBe(false);
    expect((await t.app.inject({ method: 'POST', url: '/api/plans', headers: officeStaff, payload: provincePlan })).statusCode).toBe(403);
    expect((await importSeed(specialistB)).statusCode).toBe(403);
  });

  it('a lead unit reports progress on its task; another unit cannot; a stale version is refused', async () => {
    const plan = await savedPlan();
    const task = plan.tasks.find((candidate) => candidate.ref === 'II.2.c')!;
    const url = `/api/plans/tasks/${task.id}/reports`;
    const body = { text: 'Đã rà soát 12 thủ tục, đang dự thảo phương án.', status: 'in_progress', version: task.version };
    expect((await t.app.inject({ method: 'POST', url, headers: specialistB, payload: body })).statusCode).toBe(403);
    const reported = await t.app.inject({ method: 'POST', url, headers: scienceStaff, payload: body });
    expect(reported.statusCode, reported.body).toBe(201);
    const view = reported.json() as PlanTaskView;
    expect(view).toMatchObject({ status: 'in_progress', version: task.version + 1 });
    expect(view.reports[0]).toMatchObject({ text: body.text, statusAfter: 'in_progress', unit: { id: science.id } });
    const stale = await t.app.inject({ method: 'POST', url, headers: scienceStaff, payload: { ...body, status: 'done' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict');
    const done = await t.app.inject({
      method: 'POST',
      url,
      headers: scienceStaff,
      payload: { ...body, status: 'done', version: view.version },
    });
    expect(done.json()).toMatchObject({ status: 'done', version: view.version + 1 });
    // A status a report may not set.
    expect(
      (await t.app.inject({ method: 'POST', url, headers: scienceStaff, payload: { ...body, status: 'cancelled', version: 3 } }))
        .statusCode,
    ).toBe(422);
  });

  it("lists a unit's tasks by next due date (Vietnam day, fixed clock around 17:00 UTC)", async () => {
    const saved = await savedPlan();
    // 17:30 UTC on 30/6/2026 is already 1/7 in Vietnam: the monthly report of III.3 is due 31/7, not 30/6.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-30T17:30:00Z'));
    const detail = (await t.app.inject({ url: `/api/plans/${saved.id}`, headers: officeStaff })).json() as PlanDetail;
    expect(detail.tasks.find((task) => task.ref === 'III.3')!.nextDue).toBe('2026-07-31');
    vi.setSystemTime(new Date('2026-06-30T16:30:00Z'));
    const before = (await t.app.inject({ url: `/api/plans/${saved.id}`, headers: officeStaff })).json() as PlanDetail;
    expect(before.tasks.find((task) => task.ref === 'III.3')!.nextDue).toBe('2026-06-30');
    const office = (await t.app.inject({ url: `/api/plans/tasks?unit=${tree.office.id}`, headers: officeStaff })).json()
      .items as (PlanTaskView & {
      roles: string[];
    })[];
    expect(office.length).toBeGreaterThan(0);
    expect(office.every((task) => task.roles.includes('lead'))).toBe(true);
    // Ongoing tasks (III.4 "Thường xuyên") have no due date and come last.
    expect(office.at(-1)!.nextDue).toBeNull();
    const scienceTasks = (await t.app.inject({ url: `/api/plans/tasks?unit=${science.id}`, headers: scienceStaff })).json()
      .items as PlanTaskView[];
    // II.2.c: "trước 31/12/2025" and "đến năm 2026": the earlier one.
    expect(scienceTasks.find((task) => task.ref === 'II.2.c')!.nextDue).toBe('2025-12-31');
    const dues = scienceTasks.map((task) => task.nextDue ?? '9999');
    expect(dues).toEqual([...dues].sort());
    // Without a unit: the units of the actor's roles.
    const mine = (await t.app.inject({ url: '/api/plans/tasks', headers: scienceStaff })).json().items as PlanTaskView[];
    expect(mine.map((task) => task.id).sort()).toEqual(scienceTasks.map((task) => task.id).sort());
    const dueSoon = (await t.app.inject({ url: `/api/plans/tasks?unit=${science.id}&due_before=2025-12-31`, headers: scienceStaff })).json()
      .items as PlanTaskView[];
    expect(dueSoon.every((task) => task.nextDue !== null && task.nextDue <= '2025-12-31')).toBe(true);
    expect(dueSoon.length).toBeGreaterThan(0);
    const finished = (await t.app.inject({ url: `/api/plans/tasks?unit=${science.id}&status=done`, headers: scienceStaff })).json()
      .items as PlanTaskView[];
    expect(finished.every((task) => task.status === 'done')).toBe(true);
    expect((await t.app.inject({ url: '/api/plans/tasks', headers: admin })).statusCode).toBe(200);
  });

  it('refuses an unreadable file and an unsupported type with the one error shape', async () => {
    const unsupported = await t.app.inject({
      method: 'POST',
      url: '/api/plans/import?name=ke-hoach.xlsx',
      headers: { ...controller, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('PK\u0003\u0004'),
    });
    expect(unsupported.statusCode).toBe(415);
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/plans/import?name=trong.txt',
      headers: { ...controller, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('   '),
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.message).toMatch(/không có nội dung/);
  });
});
