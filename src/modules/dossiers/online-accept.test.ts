import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHeaders, createFactories, type ProcedureRef } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

// An online dossier has no receiving desk until a desk accepts it (docs/api/dossiers.md "Intake"): the accepting
// officer's desk becomes its receiving desk, so that this desk — not only the handling unit's — takes back the
// supplement, returns the result and books the dossier.

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

describe.each(testBackends())('an online dossier accepted at a desk on %s', (backend) => {
  let t: TestApp;
  let make: ReturnType<typeof createFactories>;
  let provinceDesk: AuthHeaders;
  let specialist: AuthHeaders;
  let citizen: AuthHeaders;
  let procedure: ProcedureRef;
  let province: Awaited<ReturnType<ReturnType<typeof createFactories>['buildProvince']>>;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    province = await make.buildProvince();
    procedure = await make.buildProcedure({
      handlingUnits: [province.departmentA],
      content: {
        onlineLevel: 'full',
        components: [{ name: 'Đơn đề nghị' }],
        processTemplate: [
          { order: 1, name: 'Tiếp nhận', role: 'desk_officer', unitCode: null, budget: { amount: 0.5, unit: 'working_days' } },
          { order: 2, name: 'Thẩm định', role: 'specialist', unitCode: null, budget: { amount: 9, unit: 'working_days' } },
          { order: 3, name: 'Trả kết quả', role: 'desk_officer', unitCode: null, budget: { amount: 0.5, unit: 'working_days' } },
        ],
      },
    });
    const users = await Promise.all([
      make.buildUser({ roles: [{ role: 'desk_officer', unit: province.desk }] }),
      make.buildUser({ roles: [{ role: 'specialist', unit: province.departmentA }] }),
      make.buildUser({ roles: [{ role: 'citizen' }] }),
    ]);
    [provinceDesk, specialist, citizen] = (await Promise.all(users.map((user) => user.login()))) as [AuthHeaders, AuthHeaders, AuthHeaders];
  });
  afterAll(() => t?.close());

  const act = async (headers: AuthHeaders, id: string, body: Record<string, unknown>) => {
    const current = (await t.app.inject({ url: `/api/dossiers/${id}`, headers })).json();
    return t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${id}/actions`,
      headers,
      payload: { ...body, version: current.version },
    });
  };

  it('records the accepting desk, which then resumes the dossier after a supplement', async () => {
    const file = (
      await t.app.inject({
        method: 'POST',
        url: '/api/dossier-files?name=don.pdf',
        headers: { ...citizen, 'content-type': 'application/octet-stream' },
        payload: pdf,
      })
    ).json();
    const filed = await make.fileOnline(citizen, procedure, { fileIds: [file.id] });
    expect(filed.statusCode).toBe(201);
    const { id } = filed.json();
    const accepted = await act(provinceDesk, id, { action: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().receivingUnit.id).toBe(province.desk.id);
    const asked = await act(specialist, id, { action: 'request_supplement', reason: 'Thiếu chữ ký', items: ['Đơn có chữ ký'] });
    expect(asked.statusCode).toBe(200);
    const resumed = await act(provinceDesk, id, { action: 'resume' });
    expect(resumed.statusCode).toBe(200);
    expect(resumed.json().status).toBe('processing');
  });
});
