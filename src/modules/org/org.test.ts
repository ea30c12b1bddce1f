import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

type Unit = {
  id: string;
  code: string;
  name: string;
  type: string;
  parentId: string | null;
  validTo: string | null;
  successorId: string | null;
  version: number;
};

describe.each(testBackends())('organisation units on %s', (backend) => {
  let t: TestApp;
  let units: Unit[];
  beforeAll(async () => {
    t = await createTestApp(backend);
    units = (await t.app.inject({ url: '/api/units' })).json().items;
  });
  afterAll(() => t?.close());

  it('holds a believable province after the 2025 reform', () => {
    const count = (type: string) => units.filter((unit) => unit.type === type).length;
    expect(count('province')).toBe(1);
    expect(count('department')).toBeGreaterThanOrEqual(12);
    expect(count('commune')).toBeGreaterThanOrEqual(10);
    expect(count('division')).toBeGreaterThan(12);
    const currentDistricts = units.filter((unit) => unit.type === 'district' && unit.validTo === null);
    expect(currentDistricts).toEqual([]);
    for (const unit of units) expect(unit.code).toMatch(/^[0-9A-Z]{2,3}(\.[0-9A-Z]{2,3}){3}$/);
    const centre = units.find((unit) => unit.type === 'desk' && units.find((parent) => parent.id === unit.parentId)?.type === 'province');
    expect(centre?.name).toMatch(/Trung tâm Phục vụ hành chính công/);
  });

  it('lets the administrator add a unit and record a merge with a successor', async () => {
    const admin = await t.login('admin');
    const province = units.find((unit) => unit.type === 'province')!;
    const commune = units.find((unit) => unit.type === 'commune')!;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: admin,
      payload: { code: '999.00.00.h01', name: '  Xã  Thử Nghiệm ', type: 'commune', parentId: province.id, validFrom: '2025-07-01' },
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json() as Unit;
    expect(unit.code).toBe('999.00.00.H01');
    expect(unit.name).toBe('Xã Thử Nghiệm');

    const merged = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${unit.id}`,
      headers: admin,
      payload: { validTo: '2026-06-30', successorId: commune.id, version: unit.version },
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ validTo: '2026-06-30', successorId: commune.id, version: unit.version + 1 });

    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${unit.id}`,
      headers: admin,
      payload: { name: 'Khác', version: unit.version },
    });
    expect(stale.statusCode).toBe(409);
  });

  it("shows a receiving unit's address, phone, e-mail and opening hours on its procedures' public pages at once", async () => {
    const admin = await t.login('admin');
    const before = (await t.app.inject({ url: '/api/procedures/3.000333' })).json();
    const code = before.receivingUnitCodes[0] as string;
    expect(before.receivingPlaces.map((place: { code: string }) => place.code)).toEqual(before.receivingUnitCodes);
    const desk = units.find((unit) => unit.code === code)!;
    const current = (await t.app.inject({ url: '/api/units' })).json().items.find((unit: Unit) => unit.id === desk.id) as Unit;
    const contact = {
      address: 'Số 1 đường Thử Nghiệm, phường Rạch Giá',
      phone: '0297 3 800 800',
      email: 'motcua@example.gov.vn',
      openingHours: '  Thứ Hai – Thứ Sáu:  7h00–17h00 ',
    };
    const badEmail = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${desk.id}`,
      headers: admin,
      payload: { email: 'không phải thư', phone: 'gọi tôi', version: current.version },
    });
    expect(badEmail.statusCode).toBe(422);
    expect(badEmail.body).toContain('Địa chỉ thư điện tử không hợp lệ');
    expect(badEmail.body).toContain('Số điện thoại');
    const updated = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${desk.id}`,
      headers: admin,
      payload: { ...contact, version: current.version },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const after = (await t.app.inject({ url: '/api/procedures/3.000333' })).json();
    expect(after.receivingPlaces[0]).toEqual({ code, name: desk.name, ...contact, openingHours: 'Thứ Hai – Thứ Sáu: 7h00–17h00' });
  });

  it('refuses invalid units with the field that is wrong', async () => {
    const admin = await t.login('admin');
    const province = units.find((unit) => unit.type === 'province')!;
    const badCode = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: admin,
      payload: { code: 'abc', name: 'Sở X', type: 'department', parentId: province.id, validFrom: '2025-07-01' },
    });
    expect(badCode.statusCode).toBe(422);
    expect(badCode.json().error.details[0]).toMatchObject({ path: 'code', message: expect.stringMatching(/Mã định danh/) });
    const badDate = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: admin,
      payload: { code: '000.00.98.H01', name: 'Sở X', type: 'department', parentId: province.id, validFrom: '2025-02-30' },
    });
    expect(badDate.statusCode).toBe(422);
    const badPlacement = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: admin,
      payload: { code: '000.00.98.H01', name: 'Sở X', type: 'department', parentId: null, validFrom: '2025-07-01' },
    });
    expect(badPlacement.statusCode).toBe(422);
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: admin,
      payload: { code: province.code, name: 'Trùng', type: 'department', parentId: province.id, validFrom: '2025-07-01' },
    });
    expect(duplicate.statusCode).toBe(409);
    const cycle = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${province.id}`,
      headers: admin,
      payload: { parentId: units.find((unit) => unit.parentId === province.id)!.id, version: province.version },
    });
    expect(cycle.statusCode).toBe(422);
  });

  it('forbids anyone but the administrator to change units', async () => {
    const controller = await t.login('kiemsoat');
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${units[0]!.id}`,
      headers: controller,
      payload: { name: 'Đổi tên', version: 1 },
    });
    expect(response.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      payload: { code: '000.00.97.H01', name: 'Sở Y', type: 'department', parentId: null, validFrom: '2025-07-01' },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
