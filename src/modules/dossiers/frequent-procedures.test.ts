import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHeaders, createFactories, type ProcedureRef } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/harness';

// The intake screen's picks (docs/api/dossiers.md "Intake"): what the officer's desks received most in 90 days.

describe('frequent procedures of a desk', () => {
  let t: TestApp;
  let officer: AuthHeaders;
  let otherDesk: AuthHeaders;
  let specialist: AuthHeaders;
  let often: ProcedureRef;
  let once: ProcedureRef;

  beforeAll(async () => {
    t = await createTestApp('pglite', { demo: false });
    const make = createFactories(t);
    const province = await make.buildProvince();
    const template = {
      processTemplate: [
        {
          order: 1,
          name: 'Tiếp nhận',
          role: 'desk_officer' as const,
          unitCode: null,
          budget: { amount: 0.5, unit: 'working_days' as const },
        },
        {
          order: 2,
          name: 'Thẩm định',
          role: 'specialist' as const,
          unitCode: null,
          budget: { amount: 9.5, unit: 'working_days' as const },
        },
      ],
    };
    often = await make.buildProcedure({ handlingUnits: [province.departmentA], content: template });
    once = await make.buildProcedure({ handlingUnits: [province.departmentA], content: template });
    officer = await (await make.buildUser({ roles: [{ role: 'desk_officer', unit: province.desk }] })).login();
    const desk = await make.buildUnit({ parent: province.departmentB, type: 'desk', name: 'Bộ phận một cửa Sở B' });
    otherDesk = await (await make.buildUser({ roles: [{ role: 'desk_officer', unit: desk }] })).login();
    specialist = await (await make.buildUser({ roles: [{ role: 'specialist', unit: province.departmentA }] })).login();
    for (const procedure of [often, once, often, often]) await make.buildDossier({ officer, procedure });
  });
  afterAll(() => t?.close());

  const get = (headers: AuthHeaders) => t.app.inject({ url: '/api/dossiers/frequent-procedures', headers });

  it('lists the procedures the desk received, the most received first, with their counts', async () => {
    const response = await get(officer);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      days: 90,
      items: [
        { code: often.code, name: expect.any(String), count: 3 },
        { code: once.code, name: expect.any(String), count: 1 },
      ],
    });
  });

  it("shows another desk's officer none of them, and refuses those who receive nothing", async () => {
    expect((await get(otherDesk)).json()).toEqual({ days: 90, items: [] });
    const refused = await get(specialist);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('cán bộ tiếp nhận');
    expect((await t.app.inject({ url: '/api/dossiers/frequent-procedures' })).statusCode).toBe(401);
  });
});
