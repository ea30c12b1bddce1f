import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testBackends } from './harness';

/*
 * A partial PATCH changes only the fields it sends. For every PATCH operation of the OpenAPI document: send the
 * required fields alone, then each optional field alone (with the value it has), then one real change, and read
 * the resource back each time — nothing else may move (zod `.default()` inside `.partial()` once reset a business
 * condition's status, cost, reason and date on every edit).
 */

type Headers = Record<string, string>;
type View = Record<string, unknown>;
type JsonSchema = { properties?: Record<string, unknown>; required?: string[] };
type OpenApiDocument = {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
};

type PatchFixture = {
  /** Creates a resource whose fields all differ from any default; returns its id. */
  create(): Promise<string>;
  read(id: string): Promise<View>;
  /** The resource as a request body would state it (e.g. a condition's unit → unitId). */
  toBody?(view: View): View;
  /** One field changed to a new value, and how the view shows it. */
  change: { body: View; view?: View };
  /** Fields that may change on any write besides the version (the audit trail of a proposal). */
  ignored?: string[];
  /**
   * How the version moves on each write: +1 (a version column), or to a new value (a reporting regime's version is
   * PostgreSQL's row version, xmin, the id of the transaction that wrote it).
   */
  versionMoves?: 'by one' | 'to a new value';
  /** Who writes it, when not the administrator (one's own account). */
  as?: () => Headers;
};

const strongPassword = () => `Mk-${randomBytes(12).toString('base64url')}`;

describe.each(testBackends())('partial PATCH on %s', (backend) => {
  let t: TestApp;
  let admin: Headers;
  let document: OpenApiDocument;
  let department: { id: string; name: string };

  let citizen: Headers;
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Headers = admin) => {
    const response = await t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    if (response.statusCode >= 300) throw new Error(`${method} ${url} answered ${response.statusCode}: ${response.body}`);
    return response.json() as View;
  };
  const findIn = (list: View, id: string) => (list.items as View[]).find((item) => item.id === id)!;
  const planOfTask = new Map<string, string>();
  const planBody = (title: string) => ({
    plan: {
      number: '9/KH-STP',
      issuerUnitId: department.id,
      date: '2026-03-02',
      title,
      implements: ['Nghị quyết số 66/NQ-CP'],
      parentPlanId: null,
      signer: 'Nguyễn Văn A',
      sourceFileName: 'ke-hoach.docx',
    },
    targets: [
      {
        year: 2026,
        ref: 'I.1',
        text: 'Cắt giảm 30% thời gian giải quyết.',
        measures: [{ metric: 'processing_time_cut_percent', value: 30 }],
      },
    ],
    tasks: [
      {
        ref: '1',
        title: 'Rà soát thủ tục',
        content: 'Rà soát toàn bộ thủ tục.',
        items: ['a) Hộ tịch'],
        lead: ['Sở Tư pháp'],
        coordinating: ['các Sở, ngành'],
        deliverables: ['Báo cáo'],
        deadlines: [{ kind: 'date', text: 'trước 30/6/2026', date: '2026-06-30' }],
      },
    ],
    units: [
      { name: 'Sở Tư pháp', unitId: department.id },
      { name: 'các Sở, ngành', unitId: null },
    ],
  });

  const fixtures: Record<string, PatchFixture> = {
    // One's own account (citizens and businesses): the demo citizen edits theirs.
    'PATCH /api/auth/me/profile': {
      create: async () => 'me',
      read: () => call('GET', '/api/auth/me/profile', undefined, citizen),
      change: { body: { address: 'Số 9 đường Kiểm Thử, phường Rạch Giá' } },
      as: () => citizen,
    },
    'PATCH /api/units/{id}': {
      async create() {
        const root = ((await call('GET', '/api/units')).items as View[]).find((unit) => unit.type === 'province')!;
        const unit = await call('POST', '/api/units', {
          code: '000.77.31.H99',
          name: 'Ban Quản lý kiểm thử',
          shortName: 'BQL kiểm thử',
          type: 'department',
          parentId: root.id,
          validFrom: '2021-03-01',
          validTo: '2031-12-31',
          address: '12 Lê Lợi',
        });
        return String(unit.id);
      },
      read: async (id) => findIn(await call('GET', '/api/units'), id),
      change: { body: { name: 'Ban Quản lý kiểm thử (đổi tên)' } },
    },
    'PATCH /api/users/{id}': {
      async create() {
        const user = await call('POST', '/api/users', {
          username: `sua.mot.phan.${randomBytes(3).toString('hex')}`,
          fullName: 'Trần Thị Kiểm Thử',
          email: 'kiemthu@example.vn',
          phone: '0912 345 678',
          personalId: '001190012345',
          taxCode: '0101234567',
          password: strongPassword(),
          roles: [{ role: 'specialist', unitId: department.id }],
        });
        return String(user.id);
      },
      read: async (id) => findIn(await call('GET', '/api/users?pageSize=100'), id),
      toBody: (view) => ({ ...view, roles: (view.roles as View[]).map(({ role, unitId }) => ({ role, unitId })) }),
      change: { body: { fullName: 'Trần Thị Đã Đổi' } },
    },
    // Plans (docs/api/plans.md "Editing a saved plan"): a plan of Sở Tư pháp implementing another, and one of its tasks.
    'PATCH /api/plans/{id}': {
      async create() {
        const parent = await call('POST', '/api/plans', planBody('Kế hoạch cấp trên kiểm thử'));
        const plan = await call('POST', '/api/plans', planBody('Kế hoạch kiểm thử sửa một phần'));
        await call('PATCH', `/api/plans/${plan.id}`, { version: plan.version, parentPlanId: parent.id });
        return String(plan.id);
      },
      read: (id) => call('GET', `/api/plans/${id}`),
      change: { body: { title: 'Kế hoạch kiểm thử (đổi tên)' } },
    },
    'PATCH /api/plans/tasks/{id}': {
      async create() {
        const plan = await call('POST', '/api/plans', planBody('Kế hoạch có nhiệm vụ sửa một phần'));
        const tasks = plan.tasks as View[];
        planOfTask.set(String(tasks[0]!.id), String(plan.id));
        return String(tasks[0]!.id);
      },
      read: async (id) => ((await call('GET', `/api/plans/${planOfTask.get(id)}`)).tasks as View[]).find((task) => task.id === id)!,
      toBody: (view) => {
        const units = view.units as { role: string; name: string; unit: { id: string } | null }[];
        const of = (role: string) =>
          units.filter((unit) => unit.role === role).map((unit) => ({ name: unit.name, unitId: unit.unit?.id ?? null }));
        return { ...view, lead: of('lead'), coordinating: of('coordinating'), cancelled: view.status === 'cancelled' };
      },
      change: { body: { title: 'Rà soát thủ tục (đổi tên)' } },
    },
    // A comment's text (docs/api/plans.md "Progress reports, evidence, comments"): its author is the administrator.
    'PATCH /api/plans/comments/{id}': {
      async create() {
        const plan = await call('POST', '/api/plans', planBody('Kế hoạch có ý kiến sửa một phần'));
        const taskId = String((plan.tasks as View[])[0]!.id);
        const comment = await call('POST', `/api/plans/tasks/${taskId}/comments`, { text: 'Ý kiến kiểm thử.' });
        planOfTask.set(String(comment.id), taskId);
        return String(comment.id);
      },
      read: async (id) => findIn(await call('GET', `/api/plans/tasks/${planOfTask.get(id)}/comments`), id),
      change: { body: { text: 'Ý kiến kiểm thử (đã sửa).' } },
      // Every edit records when it was made.
      ignored: ['editedAt'],
    },
    'PATCH /api/reform/proposals/{id}': {
      async create() {
        const proposal = await call('POST', '/api/reform/proposals', { unitId: department.id, year: 2026, title: 'Phương án kiểm thử' });
        return String(proposal.id);
      },
      read: (id) => call('GET', `/api/reform/proposals/${id}`),
      change: { body: { title: 'Phương án kiểm thử (đổi tên)' } },
      ignored: ['events'],
    },
    'PATCH /api/reform/conditions/{id}': {
      async create() {
        const condition = await call('POST', '/api/reform/conditions', {
          unitId: department.id,
          field: 'Công chứng',
          text: 'Phải có trụ sở riêng diện tích tối thiểu 50 m²',
          form: 'licence',
          sourceRegulation: 'Nghị định 104/2025/NĐ-CP',
          procedureCodes: ['1.001193'],
          complianceCostVnd: 5_000_000,
          assessment: 'unnecessary',
          proposedAction: 'abolish',
          reason: 'Không gắn với chất lượng dịch vụ',
          status: 'proposed',
          statusChangedOn: '2025-03-01',
        });
        return String(condition.id);
      },
      read: async (id) => findIn(await call('GET', `/api/reform/conditions?unit=${department.id}`), id),
      toBody: (view) => ({ ...view, unitId: (view.unit as View).id }),
      change: { body: { text: 'Phải có trụ sở riêng diện tích tối thiểu 30 m²' } },
    },
    'PATCH /api/reform/reporting-regimes/{id}': {
      async create() {
        const regime = await call('POST', '/api/reform/reporting-regimes', {
          unitId: department.id,
          name: 'Báo cáo tình hình hoạt động công chứng',
          legalBasis: 'Thông tư 01/2021/TT-BTP, Điều 32',
          isElectronic: true,
        });
        return String(regime.id);
      },
      read: (id) => call('GET', `/api/reform/reporting-regimes/${id}`),
      toBody: (view) => ({ ...view, unitId: (view.unit as View).id }),
      change: { body: { legalBasis: 'Thông tư 01/2021/TT-BTP, Điều 33' } },
      versionMoves: 'to a new value',
    },
    'PATCH /api/control-reports/{id}': {
      async create() {
        const report = await call('POST', '/api/control-reports', { unitId: department.id, kind: 'monthly', year: 2026, periodIndex: 3 });
        return String(report.id);
      },
      read: (id) => call('GET', `/api/control-reports/${id}`),
      change: {
        body: {
          narrative: {
            achievements: 'Kết quả kiểm thử',
            shortcomings: 'Tồn tại kiểm thử',
            causes: 'Nguyên nhân kiểm thử',
            nextTasks: 'Nhiệm vụ kiểm thử',
            proposals: 'Đề xuất kiểm thử',
          },
        },
      },
    },
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = await t.login('admin');
    citizen = await t.login('congdan');
    document = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const units = (await call('GET', '/api/units')).items as { id: string; name: string; type: string }[];
    department = units.find((unit) => unit.type === 'department' && unit.name.startsWith('Sở Tư pháp'))!;
  });
  afterAll(() => t.close());

  const patchOperations = () =>
    Object.entries(document.paths)
      .filter(([, item]) => item.patch)
      .map(([path, item]) => ({ key: `PATCH ${path}`, schema: item.patch!.requestBody?.content?.['application/json']?.schema ?? {} }));

  it('has a fixture for every PATCH operation, and none for an operation that is gone', () => {
    expect(
      patchOperations()
        .map(({ key }) => key)
        .sort(),
    ).toEqual(Object.keys(fixtures).sort());
  });

  it('changes only the fields a PATCH sends', async () => {
    for (const { key, schema } of patchOperations()) {
      const fixture = fixtures[key]!;
      const id = await fixture.create();
      const url = key.replace(/^PATCH /, '').replace('{id}', id);
      const comparable = (view: View) => {
        const { version: _version, updatedAt: _updatedAt, ...rest } = view;
        for (const field of fixture.ignored ?? []) delete rest[field];
        return rest;
      };
      const required = schema.required ?? [];
      const optional = Object.keys(schema.properties ?? {}).filter((field) => !required.includes(field));
      const send = async (fields: View) => {
        const before = await fixture.read(id);
        const body = (fixture.toBody ?? ((view: View) => view))(before);
        const payload = Object.fromEntries(required.map((field) => [field, body[field]]));
        await call('PATCH', url, { ...payload, ...fields }, fixture.as?.() ?? admin);
        const after = await fixture.read(id);
        if (fixture.versionMoves === 'to a new value') expect(after.version, `${key}: the version moves on`).not.toBe(before.version);
        else expect(after.version, `${key}: the version moves on`).toBe(Number(before.version) + 1);
        return { before: comparable(before), after: comparable(after) };
      };

      const requiredOnly = await send({});
      expect(requiredOnly.after, `${key} with ${required.join(', ')} only`).toEqual(requiredOnly.before);

      for (const field of optional) {
        const current = (fixture.toBody ?? ((view: View) => view))(await fixture.read(id));
        if (!(field in current)) continue; // write-only (a password)
        const alone = await send({ [field]: current[field] });
        expect(alone.after, `${key} with ${field} alone`).toEqual(alone.before);
      }

      const changed = await send(fixture.change.body);
      expect(changed.after, `${key} with ${Object.keys(fixture.change.body).join(', ')}`).toEqual({
        ...changed.before,
        ...(fixture.change.view ?? fixture.change.body),
      });
    }
  });
});
