import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../core/vietnam-time';
import { dossierAccessLog } from '../../db/schema/dossiers';
import { type AuthHeaders, createFactories, type ProcedureRef } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

// Desk intake (docs/api/dossiers.md "Intake"): the three decisions, the code, the due date and the steps, the
// Vietnamese validation messages, who may receive and who may read.

const template = [
  { order: 1, name: 'Tiếp nhận, chuyển hồ sơ', role: 'desk_officer', unitCode: null, budget: { amount: 0.5, unit: 'working_days' } },
  { order: 2, name: 'Thẩm định', role: 'specialist', unitCode: null, budget: { amount: 6, unit: 'working_days' } },
  { order: 3, name: 'Phê duyệt', role: 'unit_leader', unitCode: null, budget: { amount: 3, unit: 'working_days' } },
  { order: 4, name: 'Trả kết quả', role: 'desk_officer', unitCode: null, budget: { amount: 0.5, unit: 'working_days' } },
];

describe.each(testBackends())('desk intake on %s', (backend) => {
  let t: TestApp;
  let make: ReturnType<typeof createFactories>;
  let officer: AuthHeaders;
  let otherOfficer: AuthHeaders;
  let specialistA: AuthHeaders;
  let specialistB: AuthHeaders;
  let procedure: ProcedureRef;
  let province: Awaited<ReturnType<ReturnType<typeof createFactories>['buildProvince']>>;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    province = await make.buildProvince();
    const otherDesk = await make.buildUnit({ parent: province.departmentB, type: 'desk', name: 'Bộ phận một cửa Sở B' });
    procedure = await make.buildProcedure({
      handlingUnits: [province.departmentA],
      content: {
        components: [{ name: 'Đơn đề nghị' }, { name: 'Bản sao giấy tờ', required: false }],
        processTemplate: template,
      },
    });
    const users = await Promise.all([
      make.buildUser({ roles: [{ role: 'desk_officer', unit: province.desk }] }),
      make.buildUser({ roles: [{ role: 'desk_officer', unit: otherDesk }] }),
      make.buildUser({ roles: [{ role: 'specialist', unit: province.departmentA }] }),
      make.buildUser({ roles: [{ role: 'specialist', unit: province.departmentB }] }),
    ]);
    const headers = await Promise.all(users.map((user) => user.login()));
    [officer, otherOfficer, specialistA, specialistB] = headers as [AuthHeaders, AuthHeaders, AuthHeaders, AuthHeaders];
  });
  afterAll(() => t?.close());

  it('accepts a complete dossier: code of the handling unit and Vietnam day, due date, steps, event', async () => {
    const dossier = await make.buildDossier({ officer, procedure });
    const day = vietnamDate().slice(2).replaceAll('-', '');
    expect(dossier.code).toMatch(new RegExp(`^${procedure.handlingUnitCodes[0]!.replaceAll('.', '\\.')}-${day}-\\d{4}$`));
    const view = (await t.app.inject({ url: `/api/dossiers/${dossier.id}`, headers: specialistA })).json();
    expect(view).toMatchObject({ status: 'processing', channel: 'direct', source: 'desk', currentStepNo: 2, version: 1 });
    expect(view.receivingUnit.id).toBe(province.desk.id);
    expect(view.handlingUnit.id).toBe(province.departmentA.id);
    expect(view.dueAt).not.toBeNull();
    expect(view.dueAt).toBe(view.appointmentDueAt);
    expect(view.time).toEqual({ amount: 10, unit: 'working_days' });
    expect(view.steps.map((step: { status: string }) => step.status)).toEqual(['done', 'active', 'pending', 'pending']);
    expect(view.steps[0].unit.id).toBe(province.desk.id);
    expect(view.steps[1].unit.id).toBe(province.departmentA.id);
    expect(view.events).toHaveLength(1);
    expect(view.events[0]).toMatchObject({ action: 'receive', fromStatus: null, toStatus: 'processing', data: { decision: 'accept' } });
    expect(view.components).toMatchObject([
      { position: 0, presence: 'paper', isRequired: true },
      { position: 1, presence: 'missing', isRequired: false },
    ]);
    expect(view.portalSyncState).toBe('pending');
    // The staff read is logged (NĐ 13/2023); nothing personal goes to the audit trail.
    const reads = await t.database.db.select().from(dossierAccessLog).where(eq(dossierAccessLog.dossierId, dossier.id));
    expect(reads.map((read) => read.purpose)).toEqual(['detail']);
    const audit = await t.database.db.execute(sql`select data::text as data from audit_events where entity_id = ${dossier.id}`);
    expect(JSON.stringify(audit)).not.toContain('Nguyễn Văn Kiểm Thử');
    expect(JSON.stringify(audit)).toContain(dossier.code);
  });

  it('follows the default process when the procedure has neither an approved process nor a template', async () => {
    const plain = await make.buildProcedure({ handlingUnits: [province.departmentA] });
    const dossier = await make.buildDossier({ officer, procedure: plain });
    const view = (await t.app.inject({ url: `/api/dossiers/${dossier.id}`, headers: officer })).json();
    expect(view.steps.map((step: { role: string }) => step.role)).toEqual([
      'desk_officer',
      'division_head',
      'specialist',
      'division_head',
      'unit_leader',
      'clerk',
      'desk_officer',
    ]);
    expect(view.steps.map((step: { status: string }) => step.status).slice(0, 3)).toEqual(['done', 'active', 'pending']);
    const total = view.steps.reduce((sum: number, step: { budget: { amount: number } }) => sum + step.budget.amount, 0);
    expect(total).toBeCloseTo(10, 9);
    expect(view.steps[0].unit.id).toBe(province.desk.id);
    expect(view.steps[1].unit.id).toBe(province.departmentA.id);
    expect(view.currentStepNo).toBe(2);
  });

  it('requests a supplement or refuses at the desk, without starting the clock', async () => {
    const supplement = await make.buildDossier({
      officer,
      procedure,
      body: { components: [], decision: { action: 'request_supplement', reason: 'Thiếu đơn', items: ['Đơn đề nghị có chữ ký'] } },
    });
    expect(supplement).toMatchObject({ status: 'supplement_requested', dueAt: null });
    const refused = await make.buildDossier({
      officer,
      procedure,
      body: { decision: { action: 'refuse', reason: 'Không thuộc thẩm quyền' } },
    });
    expect(refused.status).toBe('refused');
    const view = (await t.app.inject({ url: `/api/dossiers/${refused.id}`, headers: officer })).json();
    expect(view.closedAt).not.toBeNull();
    expect(view.steps).toEqual([]);
  });

  it('refuses to accept without a required component, in Vietnamese', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: officer,
      payload: make.dossierBody(procedure, { components: [{ position: 1, presence: 'paper' }] }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details[0].message).toContain('Thiếu thành phần bắt buộc số 1: Đơn đề nghị');
  });

  it('checks the CCCD and the tax code', async () => {
    const bad = async (applicant: Record<string, unknown>) => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        headers: officer,
        payload: make.dossierBody(procedure, { applicant: { kind: 'individual', fullName: 'Nguyễn Văn A', ...applicant } }),
      });
      expect(response.statusCode).toBe(422);
      return JSON.stringify(response.json());
    };
    expect(await bad({ idNumber: '12345' })).toContain('Số định danh cá nhân (CCCD) phải gồm 12 chữ số.');
    expect(await bad({ kind: 'organization', idNumber: '12345678' })).toContain('Mã số thuế phải gồm 10 hoặc 13 chữ số.');
  });

  it('lets only desk officers receive, and only those covering the dossier read it', async () => {
    const asSpecialist = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: specialistA,
      payload: make.dossierBody(procedure),
    });
    expect(asSpecialist.statusCode).toBe(403);
    // Any desk of the province receives (location-independent): the desk of Sở B receives a dossier of Sở A.
    const elsewhere = await make.buildDossier({ officer: otherOfficer, procedure });
    expect(elsewhere.status).toBe('processing');
    const dossier = await make.buildDossier({ officer, procedure });
    expect((await t.app.inject({ url: `/api/dossiers/${dossier.id}`, headers: specialistB })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/dossiers/${dossier.id}`, headers: otherOfficer })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/dossiers/${dossier.id}` })).statusCode).toBe(401);
  });
});
