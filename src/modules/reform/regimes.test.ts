import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHeaders, createFactories, type Factories, regimeInput } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

const url = '/api/reform/reporting-regimes';

describe.each(testBackends())('business reporting regimes (%s)', (backend) => {
  let t: TestApp;
  let make: Factories;
  let tree: Awaited<ReturnType<Factories['buildProvince']>>;
  let specialistA: AuthHeaders;
  let specialistB: AuthHeaders;
  let controller: AuthHeaders;
  let desk: AuthHeaders;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    tree = await make.buildProvince();
    specialistA = await (await make.buildUser({ roles: [{ role: 'specialist', unit: tree.departmentA }] })).login();
    specialistB = await (await make.buildUser({ roles: [{ role: 'specialist', unit: tree.departmentB }] })).login();
    controller = await (await make.buildUser({ roles: [{ role: 'procedure_controller', unit: tree.office }] })).login();
    desk = await (await make.buildUser({ roles: [{ role: 'desk_officer', unit: tree.desk }] })).login();
  }, 120_000);
  afterAll(() => t?.close());

  const send = (headers: AuthHeaders, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) =>
    t.app.inject({ method, url: path, headers, ...(payload ? { payload } : {}) });

  it('a unit editor creates, reads, edits in part and deletes a regime of its unit, each change audited', async () => {
    const created = await send(specialistA, 'POST', url, {
      ...regimeInput({ unitId: tree.departmentA.id }),
      // Decomposed Vietnamese (as some keyboards type it) is stored composed.
      name: 'Báo cáo tình hình thực hiện dự án đầu tư'.normalize('NFD'),
    });
    expect(created.statusCode).toBe(201);
    const regime = created.json();
    expect(regime).toMatchObject({
      unit: { id: tree.departmentA.id, name: 'Sở A' },
      name: 'Báo cáo tình hình thực hiện dự án đầu tư',
      legalBasis: 'Quyết định kiểm thử, Điều 5',
      isElectronic: false,
      isDemo: false,
      canEdit: true,
    });
    expect(regime.version).toBeGreaterThan(0);
    expect((await send(specialistA, 'GET', `${url}/${regime.id}`)).json()).toEqual(regime);

    // A partial PATCH changes only what it sends; the version moves on.
    const patched = await send(specialistA, 'PATCH', `${url}/${regime.id}`, { isElectronic: true, version: regime.version });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toEqual({ ...regime, isElectronic: true, version: expect.any(Number) });
    expect(patched.json().version).not.toBe(regime.version);

    // The version read before the change is stale now: 409, and nothing changes.
    const stale = await send(specialistA, 'PATCH', `${url}/${regime.id}`, { name: 'Tên khác hẳn', version: regime.version });
    expect(stale.statusCode).toBe(409);
    expect((await send(specialistA, 'GET', `${url}/${regime.id}`)).json().name).toBe(regime.name);
    expect((await send(specialistA, 'DELETE', `${url}/${regime.id}?version=${regime.version}`)).statusCode).toBe(409);

    const list = (await send(desk, 'GET', `${url}?unit=${tree.departmentA.id}`)).json();
    expect(list.items.map((item: { id: string }) => item.id)).toContain(regime.id);
    expect(list.items.find((item: { id: string }) => item.id === regime.id).canEdit).toBe(false);

    const deleted = await send(specialistA, 'DELETE', `${url}/${regime.id}?version=${patched.json().version}`);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ id: regime.id, deleted: true });
    expect((await send(specialistA, 'GET', `${url}/${regime.id}`)).statusCode).toBe(404);

    const events = (
      (await t.database.db.execute(
        sql`select action from audit_events where entity_type = 'business_reporting_regime' and entity_id = ${regime.id}`,
      )) as unknown as { rows: { action: string }[] }
    ).rows;
    expect(events.map((event) => event.action).sort()).toEqual(['regime.create', 'regime.delete', 'regime.update']);
  });

  it("keeps other units' staff out: a specialist of B neither creates, edits, moves nor deletes A's regimes", async () => {
    const regime = await make.buildRegime({ unit: tree.departmentA });
    expect((await send(specialistB, 'POST', url, regimeInput({ unitId: tree.departmentA.id }))).statusCode).toBe(403);
    expect((await send(specialistB, 'PATCH', `${url}/${regime.id}`, { isElectronic: true, version: regime.version })).statusCode).toBe(403);
    expect((await send(specialistB, 'DELETE', `${url}/${regime.id}?version=${regime.version}`)).statusCode).toBe(403);
    // Nor may A's specialist hand the regime over to B.
    expect(
      (await send(specialistA, 'PATCH', `${url}/${regime.id}`, { unitId: tree.departmentB.id, version: regime.version })).statusCode,
    ).toBe(403);
    // The procedure controller works province-wide.
    const moved = await send(controller, 'PATCH', `${url}/${regime.id}`, { unitId: tree.departmentB.id, version: regime.version });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().unit.id).toBe(tree.departmentB.id);
    expect((await t.app.inject({ url })).statusCode).toBe(401);
  });

  it('lists a unit subtree with the electronic share, and refuses invalid input in the one error shape', async () => {
    const unit = await make.buildUnit({ parent: tree.commune, type: 'division', name: 'Bộ phận báo cáo' });
    await make.buildRegime({ unit, name: 'Báo cáo giấy thứ nhất' });
    const electronic = await make.buildRegime({ unit, name: 'Báo cáo điện tử thứ hai' });
    await send(controller, 'PATCH', `${url}/${electronic.id}`, { isElectronic: true, version: electronic.version });
    const list = (await send(controller, 'GET', `${url}?unit=${tree.commune.id}`)).json();
    expect(list.summary).toEqual({ total: 2, electronic: 1, share: 0.5 });
    expect(list.items.map((item: { name: string }) => item.name)).toEqual(['Báo cáo giấy thứ nhất', 'Báo cáo điện tử thứ hai']);

    const invalid = await send(controller, 'POST', url, { unitId: tree.commune.id, name: 'Ngắn' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.details.map((detail: { path: string }) => detail.path)).toEqual(['name']);
    const unknownUnit = await send(controller, 'POST', url, regimeInput({ unitId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknownUnit.statusCode).toBe(404);
    const missing = await send(controller, 'PATCH', `${url}/00000000-0000-4000-8000-000000000000`, { name: 'Báo cáo bất kỳ', version: 1 });
    expect(missing.statusCode).toBe(404);
  });
});
