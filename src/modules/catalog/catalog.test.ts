import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../core/vietnam-time';
import { procedureDecision } from '../../test/factories';
import { createTestApp, TEST_PROCEDURE_CODES, type TestApp, testBackends } from '../../test/harness';
import { importProcedures } from './transfer/import';
import { readProceduresJson } from './transfer/json';
import { buildDecision, buildJsonFile, buildProcedureContent } from './transfer/test-support';

const CODE = TEST_PROCEDURE_CODES[0]!;
/** The Vietnamese day `days` after today (decisions are dated from the real today: no door rewrites history). */
const dayFromToday = (days: number) => vietnamDate(new Date(Date.now() + days * 86_400_000));

describe.each(testBackends())('procedure catalog and versions on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    // Catalog mechanics from a single first version: no generated 2024 baselines here (see the reform tests).
    t = await createTestApp(backend, { demo: { procedureCodes: TEST_PROCEDURE_CODES, baselines: false } });
  });
  afterAll(() => t?.close());

  const getProcedure = async (code = CODE) => {
    const response = await t.app.inject({ url: `/api/procedures/${code}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('shows every part of the procedure record to the public', async () => {
    const procedure = await getProcedure();
    expect(procedure).toMatchObject({
      code: CODE,
      versionNo: 1,
      status: 'in_force',
      name: expect.stringMatching(/lý lịch tư pháp/i),
      field: expect.any(String),
      levels: expect.arrayContaining(['province']),
      processingTime: { amount: expect.any(Number), unit: expect.any(String) },
      onlineLevel: expect.stringMatching(/full|partial|none/),
      decision: { number: expect.any(String), type: 'new', effectiveDate: '2025-07-01' },
    });
    expect(procedure.components.length).toBeGreaterThan(0);
    expect(procedure.components[0]).toMatchObject({
      name: expect.any(String),
      originals: expect.any(Number),
      copies: expect.any(Number),
      required: expect.any(Boolean),
    });
    // Since 1/7/2025 the police issue criminal-record certificates (the national catalog's agency field).
    expect(procedure.handlingUnits).toEqual([{ code: expect.any(String), name: 'Công an tỉnh' }]);
    expect(procedure.versions).toHaveLength(1);
  });

  it('lists every commune as handling unit of a commune-level procedure', async () => {
    const procedure = await getProcedure(TEST_PROCEDURE_CODES[4]);
    expect(procedure.levels).toEqual(['commune']);
    expect(procedure.handlingUnits.length).toBeGreaterThanOrEqual(10);
    expect(procedure.handlingUnits.every((unit: { name: string }) => /^UBND (xã|phường|đặc khu)/.test(unit.name))).toBe(true);
    expect(procedure.receivingUnits.every((unit: { name: string }) => /Trung tâm Phục vụ hành chính công|Bộ phận/.test(unit.name))).toBe(
      true,
    );
  });

  it('refuses unknown and malformed codes', async () => {
    expect((await t.app.inject({ url: '/api/procedures/1.999999' })).statusCode).toBe(404);
    const malformed = await t.app.inject({ url: '/api/procedures/abc' });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().error.details[0].path).toBe('params.code');
  });

  it('publishes a new version through a decision; the old one stays readable', async () => {
    const controller = await t.login('kiemsoat');
    const current = await getProcedure();
    const {
      code: _code,
      versionNo: _versionNo,
      latestVersionNo: _latest,
      status: _status,
      handlingUnits: _h,
      receivingUnits: _r,
      receivingPlaces: _p,
      decision: _d,
      effectiveFrom: _f,
      effectiveTo: _t,
      versions: _v,
      ...content
    } = current;
    const today = vietnamDate();
    const amended = {
      ...content,
      name: `${content.name} (rút gọn)`,
      processingTime: { ...content.processingTime, amount: Math.max(1, content.processingTime.amount - 1) },
      processTemplate: [],
    };
    const payload = {
      baseVersionNo: 1,
      decision: procedureDecision('amended'),
      procedure: amended,
    };
    const response = await t.app.inject({ method: 'POST', url: `/api/procedures/${CODE}/versions`, headers: controller, payload });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ versionNo: 2, status: 'in_force', name: amended.name });

    const publicView = await getProcedure();
    expect(publicView.versionNo).toBe(2);
    expect(publicView.versions.map((version: { versionNo: number; status: string }) => [version.versionNo, version.status])).toEqual([
      [2, 'in_force'],
      [1, 'superseded'],
    ]);
    const old = await t.app.inject({ url: `/api/procedures/${CODE}/versions/1` });
    expect(old.json()).toMatchObject({ versionNo: 1, status: 'superseded', name: content.name, effectiveTo: today });

    const stale = await t.app.inject({ method: 'POST', url: `/api/procedures/${CODE}/versions`, headers: controller, payload });
    expect(stale.statusCode).toBe(409);
  });

  it('rejects a process template whose budgets do not add up to the statutory time', async () => {
    const controller = await t.login('kiemsoat');
    const current = await getProcedure(TEST_PROCEDURE_CODES[1]);
    const {
      code: _c,
      versionNo: _n,
      latestVersionNo: _l,
      status: _s,
      handlingUnits,
      receivingUnits: _r,
      receivingPlaces: _p,
      decision: _d,
      effectiveFrom: _f,
      effectiveTo: _t,
      versions: _v,
      ...content
    } = current;
    const unitCode = handlingUnits[0].code;
    const broken = {
      ...content,
      processingTime: { amount: 5, unit: 'working_days', text: null, isDefault: false },
      processTemplate: [
        { order: 1, name: 'Tiếp nhận', role: 'desk_officer', unitCode: null, budget: { amount: 4, unit: 'working_hours' } },
        { order: 2, name: 'Thẩm định', role: 'specialist', unitCode, budget: { amount: 3, unit: 'working_days' } },
      ],
    };
    const decision = procedureDecision('amended');
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/procedures/${current.code}/versions`,
      headers: controller,
      payload: { baseVersionNo: 1, decision, procedure: broken },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details).toEqual([
      {
        path: 'procedure.processTemplate',
        message: expect.stringMatching(/Tổng thời gian các bước \(28 giờ làm việc\) phải bằng thời hạn giải quyết \(40 giờ làm việc\)/),
      },
    ]);
    expect((await getProcedure(current.code)).versionNo).toBe(1);

    broken.processTemplate.push({
      order: 3,
      name: 'Ký duyệt',
      role: 'unit_leader',
      unitCode,
      budget: { amount: 1.5, unit: 'working_days' },
    });
    const fixed = await t.app.inject({
      method: 'POST',
      url: `/api/procedures/${current.code}/versions`,
      headers: controller,
      payload: { baseVersionNo: 1, decision, procedure: broken },
    });
    expect(fixed.statusCode, fixed.body).toBe(201);
  });

  it('only lets controllers and administrators publish', async () => {
    const specialist = await t.login('chuyenvien');
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/procedures/${TEST_PROCEDURE_CODES[2]}/versions`,
      headers: specialist,
      payload: { baseVersionNo: 1, decision: procedureDecision('abolished') },
    });
    expect(response.statusCode).toBe(403);
  });

  it('abolishes a procedure: it leaves the public search but its history stays', async () => {
    const admin = await t.login('admin');
    const code = TEST_PROCEDURE_CODES[2]!;
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/procedures/${code}/versions`,
      headers: admin,
      payload: {
        baseVersionNo: 1,
        decision: procedureDecision('abolished'),
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().status).toBe('abolished');
    const search = await t.app.inject({ url: '/api/procedures', query: { q: code } });
    expect(search.json().items.map((item: { code: string }) => item.code)).not.toContain(code);
  });

  it('schedules a version for a future date without showing it yet', async () => {
    const admin = await t.login('admin');
    const code = TEST_PROCEDURE_CODES[3]!;
    const current = await getProcedure(code);
    const {
      code: _c,
      versionNo: _n,
      latestVersionNo: _l,
      status: _s,
      handlingUnits: _h,
      receivingUnits: _r,
      receivingPlaces: _p,
      decision: _d,
      effectiveFrom: _f,
      effectiveTo: _t,
      versions: _v,
      ...content
    } = current;
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/procedures/${code}/versions`,
      headers: admin,
      payload: {
        baseVersionNo: 1,
        decision: procedureDecision('replaced', { effectiveDate: '2099-01-01' }),
        procedure: { ...content, name: 'Tên tương lai' },
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().status).toBe('scheduled');
    const publicView = await getProcedure(code);
    expect(publicView.versionNo).toBe(1);
    expect(publicView.versions[0]).toMatchObject({ versionNo: 2, status: 'scheduled' });
  });

  it('publishes through one routine: the API and the importer refuse the same decision with the same details', async () => {
    const admin = await t.login('admin');
    const procedure = buildProcedureContent();
    const throughApi = async (url: string, payload: Record<string, unknown>) => {
      const response = await t.app.inject({ method: 'POST', url, headers: admin, payload });
      expect(response.statusCode, response.body).toBe(422);
      return response.json().error.details;
    };
    const throughFile = async (row: unknown) => {
      const result = await importProcedures(t.database.db, readProceduresJson(buildJsonFile([row])), { actor: 'system', source: 'test' });
      if (result.ok) throw new Error('the import should have been refused');
      return result.errors.map(({ path, message }) => ({ path, message }));
    };

    const amending = buildDecision({ type: 'amended', date: dayFromToday(0), effectiveDate: dayFromToday(5) });
    const refusedNew = await throughApi('/api/procedures', { code: '9.000777', decision: amending, procedure });
    expect(refusedNew).toEqual([
      { path: 'decision.type', message: 'Thủ tục mã 9.000777 chưa có trong danh mục: phải công bố bằng quyết định loại "mới".' },
    ]);
    expect(await throughFile({ code: '9.000777', decision: amending, procedure })).toEqual(refusedNew);

    const code = '9.000778';
    const first = buildDecision({ number: '7/QĐ-UBND', type: 'new', date: dayFromToday(0), effectiveDate: dayFromToday(1) });
    const abolishing = buildDecision({ number: '8/QĐ-UBND', type: 'abolished', date: dayFromToday(0), effectiveDate: dayFromToday(2) });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/procedures',
      headers: admin,
      payload: { code, decision: first, procedure },
    });
    expect(created.statusCode, created.body).toBe(201);
    const abolished = await t.app.inject({
      method: 'POST',
      url: `/api/procedures/${code}/versions`,
      headers: admin,
      payload: { baseVersionNo: 1, decision: abolishing },
    });
    expect(abolished.statusCode, abolished.body).toBe(201);
    const revived = buildDecision({ number: '9/QĐ-UBND', type: 'amended', date: dayFromToday(0), effectiveDate: dayFromToday(5) });
    const refusedRevival = await throughApi(`/api/procedures/${code}/versions`, { baseVersionNo: 2, decision: revived, procedure });
    expect(refusedRevival).toEqual([{ path: 'decision.type', message: `Thủ tục mã ${code} đã bị bãi bỏ.` }]);
    expect(await throughFile({ code, decision: revived, procedure })).toEqual(refusedRevival);
  });
  it('checks the decision dates at every door: no version in force here is closed in the past', async () => {
    const admin = await t.login('admin');
    const procedure = buildProcedureContent();
    const refusal = async (url: string, payload: Record<string, unknown>) => {
      const response = await t.app.inject({ method: 'POST', url, headers: admin, payload });
      expect(response.statusCode, response.body).toBe(422);
      return response.json().error.details;
    };
    const throughFile = (row: unknown) =>
      importProcedures(t.database.db, readProceduresJson(buildJsonFile([row])), { actor: 'system', source: 'test' });
    const pastDue = expect.stringContaining('trước hôm nay: chỉ nhập được như công bố muộn');

    // A new code's first version closes nothing here: it may keep its historical dates (history), through the API...
    const past = buildDecision({ number: '21/QĐ-UBND', type: 'new', date: dayFromToday(-40), effectiveDate: dayFromToday(-30) });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/procedures',
      headers: admin,
      payload: { code: '9.000781', decision: past, procedure },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ versionNo: 1, effectiveFrom: dayFromToday(-30) });
    // ...but its next version may not close it in the past.
    const amendingEarly = buildDecision({
      number: '20/QĐ-UBND',
      type: 'amended',
      date: dayFromToday(-20),
      effectiveDate: dayFromToday(-20),
    });
    const changedEarly = { ...procedure, name: `${procedure.name} (sửa đổi sớm)` };
    expect(
      await refusal('/api/procedures/9.000781/versions', { baseVersionNo: 1, decision: amendingEarly, procedure: changedEarly }),
    ).toEqual([{ path: 'decision.isLatePublication', message: pastDue }]);
    const future = buildDecision({ number: '22/QĐ-UBND', type: 'new', date: dayFromToday(1), effectiveDate: dayFromToday(3) });
    expect(await refusal('/api/procedures', { code: '9.000784', decision: future, procedure })).toEqual([
      { path: 'decision.date', message: expect.stringContaining('Ngày ban hành không được sau hôm nay') },
    ]);

    // The catalog file may likewise take over a new code's first version with its historical dates (history import)...
    const historical = await throughFile({ code: '9.000782', decision: past, procedure });
    expect(historical).toMatchObject({ ok: true, created: 1 });
    const taken = await t.app.inject({ method: 'GET', url: '/api/procedures/9.000782' });
    expect(taken.json()).toMatchObject({ versionNo: 1, effectiveFrom: dayFromToday(-30), effectiveTo: null });

    // ...but neither the API nor the file closes that version in force in the past.
    const amendingPast = buildDecision({ number: '23/QĐ-UBND', type: 'amended', date: dayFromToday(-10), effectiveDate: dayFromToday(-5) });
    const changed = { ...procedure, name: `${procedure.name} (sửa đổi)` };
    const apiRefusal = await refusal('/api/procedures/9.000782/versions', { baseVersionNo: 1, decision: amendingPast, procedure: changed });
    expect(apiRefusal).toEqual([{ path: 'decision.isLatePublication', message: pastDue }]);
    const fileRefusal = await throughFile({ code: '9.000782', decision: amendingPast, procedure: changed });
    expect(fileRefusal.ok ? [] : fileRefusal.errors.map(({ path, message }) => ({ path, message }))).toEqual(apiRefusal);

    // Published late, the new version starts today and the old one closes today: history is not rewritten.
    const late = { ...amendingPast, isLatePublication: true };
    expect(await throughFile({ code: '9.000782', decision: late, procedure: changed })).toMatchObject({ ok: true, published: 1 });
    const view = (await t.app.inject({ method: 'GET', url: '/api/procedures/9.000782' })).json();
    expect(view).toMatchObject({ versionNo: 2, effectiveFrom: dayFromToday(0) });
    expect(view.versions.find((entry: { versionNo: number }) => entry.versionNo === 1)).toMatchObject({
      effectiveFrom: dayFromToday(-30),
      effectiveTo: dayFromToday(0),
    });
    const lateApi = buildDecision({ number: '24/QĐ-UBND', type: 'amended', date: dayFromToday(-3), effectiveDate: dayFromToday(-2) });
    const published = await t.app.inject({
      method: 'POST',
      url: '/api/procedures/9.000782/versions',
      headers: admin,
      payload: {
        baseVersionNo: 2,
        decision: { ...lateApi, isLatePublication: true },
        procedure: { ...changed, name: `${changed.name} lần 2` },
      },
    });
    // Its versions would also start today, on the day version 2 took effect: a version is not replaced on its first day.
    expect(published.statusCode, published.body).toBe(422);
    expect(published.json().error.details).toEqual([
      { path: 'decision.effectiveDate', message: expect.stringContaining('phải sau ngày hiệu lực') },
    ]);

    // A replacement in a file closes the replaced codes: it is no history import.
    const replacing = buildDecision({ number: '25/QĐ-UBND', type: 'replaced', date: dayFromToday(-10), effectiveDate: dayFromToday(-5) });
    const replaced = await throughFile({ code: '9.000783', decision: replacing, procedure, replacesCodes: ['9.000782'] });
    expect(replaced.ok ? [] : replaced.errors.map(({ path }) => path)).toEqual(['decision.isLatePublication']);
  });
});
