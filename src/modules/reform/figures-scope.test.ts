/**
 * NQ 66 figures a province can sign (issue 10): the scope of the reductions, the cost method, carried-over
 * worksheets, business conditions by the level of their source text, full online and information provided once.
 * Each test builds the few facts it relies on (no demo data).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AuthHeaders, createFactories, type Factories, type ProcedureRef, type UnitRef } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

type Indicator = { key: string; value: number | null; numerator: number; denominator: number; status: string; target: number | null };

/** Runs `action` with the clock on `day` (Vietnam morning): history is published on its day, never rewritten later. */
async function onDay<T>(day: string, action: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${day}T03:00:00Z`));
  try {
    return await action();
  } finally {
    vi.useRealTimers();
  }
}

describe.each(testBackends())('NQ 66 figures: scope, cost method, carried worksheets, conditions on %s', (backend) => {
  let t: TestApp;
  let make: Factories;
  let admin: AuthHeaders;
  let tree: Awaited<ReturnType<Factories['buildProvince']>>;
  let vertical: UnitRef;
  let verticalDivision: UnitRef;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    admin = await make.admin();
    tree = await make.buildProvince();
    vertical = await make.buildUnit({ parent: tree.province, type: 'vertical_agency', name: 'Công an tỉnh Kiểm Thử' });
    verticalDivision = await make.buildUnit({ parent: vertical, type: 'division', name: 'Phòng Quản lý xuất nhập cảnh' });
    await make.buildIncomeRate({ year: 2024, hourlyIncomeVnd: 40_000 });
    for (const key of ['time_reduction', 'time_reduction_business', 'time_reduction_internal', 'cost_reduction']) {
      await make.asAdmin({ method: 'PUT', url: `/api/reform/targets/2026/${key}`, payload: { target: 0.5, source: 'NQ 66/NQ-CP' } });
    }
  }, 120_000);
  afterAll(() => t?.close());

  const call = (method: 'GET' | 'PUT' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: admin, payload });

  type Content = ReturnType<Factories['procedureContent']> & Record<string, unknown>;

  /** A procedure of `days` days in force since 2024 and, when `currentDays` is given, a version amending it in 2025. */
  async function buildFigures(options: {
    handlingUnits: UnitRef[];
    days: number;
    currentDays?: number;
    content?: Partial<Content>;
  }): Promise<ProcedureRef & { content: Content }> {
    const procedure = await make.buildProcedure({ handlingUnits: options.handlingUnits });
    const base = make.procedureContent({ handlingUnits: options.handlingUnits });
    const content: Content = { ...base, ...options.content, processingTime: { amount: options.days, unit: 'working_days' } };
    // The procedure as it stood in 2024, with the given figures (the factory's first version is replaced by a 2024 one).
    const first = await onDay('2024-02-01', () =>
      call('POST', `/api/procedures/${procedure.code}/versions`, {
        baseVersionNo: 1,
        decision: {
          number: `${make.next()}/QĐ-UBND`,
          date: '2024-02-01',
          signer: 'Chủ tịch UBND tỉnh',
          type: 'amended',
          effectiveDate: '2024-02-01',
        },
        procedure: content,
      }),
    );
    expect(first.statusCode, first.body).toBe(201);
    let versionNo = 2;
    if (options.currentDays !== undefined) {
      const next = await onDay('2025-07-01', () =>
        call('POST', `/api/procedures/${procedure.code}/versions`, {
          baseVersionNo: 2,
          decision: {
            number: `${make.next()}/QĐ-UBND`,
            date: '2025-06-20',
            signer: 'Chủ tịch UBND tỉnh',
            type: 'amended',
            effectiveDate: '2025-07-01',
          },
          // Something changes even when the time does not: an identical version is refused.
          procedure: {
            ...content,
            conditions: 'Sửa đổi, bổ sung năm 2025.',
            processingTime: { amount: options.currentDays, unit: 'working_days' },
          },
        }),
      );
      expect(next.statusCode, next.body).toBe(201);
      versionNo = 3;
    }
    return { ...procedure, versionNo, content };
  }

  const summaryOf = async (unit?: UnitRef) => {
    const response = await call('GET', `/api/reform/summary?year=2026${unit ? `&unit=${unit.id}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { indicators: Indicator[]; scopes: Record<string, number>; costMethod: Record<string, unknown> };
  };
  const indicator = (summary: { indicators: Indicator[] }, key: string) => summary.indicators.find((item) => item.key === key)!;

  it('types a central vertical agency apart in the unit tree', async () => {
    const underDepartment = await call('POST', '/api/units', {
      code: make.unitCode(),
      name: 'Ngành dọc sai chỗ',
      type: 'vertical_agency',
      parentId: tree.departmentA.id,
      validFrom: '2020-01-01',
    });
    expect(underDepartment.statusCode).toBe(422);
    const units = (await call('GET', '/api/units')).json().items as { id: string; type: string }[];
    expect(units.find((unit) => unit.id === vertical.id)?.type).toBe('vertical_agency');
  });

  it('computes the reductions over the province’s procedures, business-related and internal ones with their own targets, vertical agencies apart', async () => {
    const department = await make.buildUnit({ parent: tree.province, type: 'department', name: 'Sở Phạm Vi' });
    const division = await make.buildUnit({ parent: department, type: 'division', name: 'Phòng thuộc Sở Phạm Vi' });
    await buildFigures({ handlingUnits: [division], days: 10, currentDays: 5 });
    await buildFigures({ handlingUnits: [division], days: 10, currentDays: 6, content: { businessRelated: true } });
    await buildFigures({ handlingUnits: [division], days: 10, currentDays: 8, content: { internalGroup: 'B' } });
    // Handled by the vertical agency only: not the province's to cut. Handled with it (liên thông): the province's.
    await buildFigures({ handlingUnits: [verticalDivision], days: 10, currentDays: 10 });
    const summary = await summaryOf(tree.province);
    const scoped = await summaryOf(department);
    expect(scoped.scopes).toEqual({ province: 2, vertical: 0, internal: 1 });
    expect(indicator(scoped, 'time_reduction')).toMatchObject({ value: expect.closeTo(1 - 11 / 20, 10), denominator: 160 });
    expect(indicator(scoped, 'time_reduction_business')).toMatchObject({ value: expect.closeTo(0.4, 10), status: 'behind', target: 0.5 });
    expect(indicator(scoped, 'time_reduction_internal')).toMatchObject({ value: expect.closeTo(0.2, 10), status: 'behind' });
    expect(summary.scopes.vertical).toBe(1);
    expect(indicator(summary, 'time_reduction_vertical')).toMatchObject({ value: 0, status: 'no_target', target: null });
    // The vertical agency's 0 % does not pull the province's figure down.
    const provinceTime = indicator(summary, 'time_reduction');
    expect(provinceTime.denominator).toBe(
      (await call('GET', `/api/reform/summary/drill?year=2026&indicator=time_reduction`))
        .json()
        .items.reduce((sum: number, item: { baseline: number | null }) => sum + (item.baseline ?? 0), 0),
    );
    const drill = (await call('GET', `/api/reform/summary/drill?year=2026&indicator=time_reduction_vertical`)).json();
    expect(drill.items).toHaveLength(1);
    const reform = (await call('GET', `/api/reform/procedures/${drill.items[0].code}`)).json();
    expect(reform.scope).toBe('vertical');
  });

  it('costs the baseline and the current worksheet at the baseline year’s income, waiting time as the cost method says', async () => {
    await make.buildIncomeRate({ year: 2026, hourlyIncomeVnd: 60_000 });
    const procedure = await buildFigures({ handlingUnits: [tree.departmentA], days: 5, currentDays: 5 });
    const worksheet = (incomeYear: number) => ({
      activities: [
        { name: 'Chuẩn bị hồ sơ', hours: 4 },
        { name: 'Chờ giải quyết', hours: 40, waiting: true },
      ],
      feesVnd: 100_000,
      otherCostsVnd: 0,
      timesPerYear: 1,
      subjectsPerYear: 10,
      incomeYear,
      note: null,
    });
    expect((await call('PUT', `/api/reform/procedures/${procedure.code}/versions/2/worksheet`, worksheet(2024))).statusCode).toBe(200);
    expect((await call('PUT', `/api/reform/procedures/${procedure.code}/versions/3/worksheet`, worksheet(2026))).statusCode).toBe(200);
    let reform = (await call('GET', `/api/reform/procedures/${procedure.code}`)).json();
    // Same hours, same fees: no cut — wage growth from 40,000 to 60,000 đ/h neither hides nor fakes one.
    expect(reform.costReduction).toBe(0);
    expect(reform.current.worksheet).toMatchObject({ incomeYear: 2026, costedAtYear: 2024, hourlyIncomeVnd: 40_000 });
    expect(reform.current.worksheet.result.costPerDossier).toBe(44 * 40_000 + 100_000);

    const defaults = (await call('GET', '/api/reform/cost-method')).json();
    expect(defaults).toMatchObject({ waitingIncomeShare: 1, incomeYear: 2024, hourlyIncomeVnd: 40_000, isDefault: true });
    expect((await call('PUT', '/api/reform/cost-method', { waitingIncomeShare: 2 })).statusCode).toBe(422);
    expect((await call('PUT', '/api/reform/cost-method', { waitingIncomeShare: 0.5 })).json()).toMatchObject({
      waitingIncomeShare: 0.5,
      isDefault: false,
    });
    reform = (await call('GET', `/api/reform/procedures/${procedure.code}`)).json();
    expect(reform.current.worksheet.result.costPerDossier).toBe(4 * 40_000 + 40 * 20_000 + 100_000);
    expect((await summaryOf()).costMethod).toMatchObject({ waitingIncomeShare: 0.5, incomeYear: 2024 });
    await call('PUT', '/api/reform/cost-method', { waitingIncomeShare: 1 });
  });

  it('keeps a new version in the figures with the worksheet of the version it amends, marked to review', async () => {
    const department = await make.buildUnit({ parent: tree.province, type: 'department', name: 'Sở Phiên Bản' });
    const procedure = await buildFigures({ handlingUnits: [department], days: 10 });
    await make.buildWorksheet({ procedure: { ...procedure, versionNo: 2 }, hours: 80 });
    const amended = await onDay('2025-07-01', () =>
      call('POST', `/api/procedures/${procedure.code}/versions`, {
        baseVersionNo: 2,
        decision: {
          number: `${make.next()}/QĐ-UBND`,
          date: '2025-06-20',
          signer: 'Chủ tịch UBND tỉnh',
          type: 'amended',
          effectiveDate: '2025-07-01',
        },
        procedure: { ...procedure.content, processingTime: { amount: 6, unit: 'working_days' } },
      }),
    );
    expect(amended.statusCode, amended.body).toBe(201);
    let reform = (await call('GET', `/api/reform/procedures/${procedure.code}`)).json();
    expect(reform.current).toMatchObject({ versionNo: 3, worksheetFromVersionNo: 2 });
    expect(reform.current.worksheet).not.toBeNull();
    expect(reform.costReduction).toBe(0);
    let drill = (await call('GET', `/api/reform/summary/drill?year=2026&unit=${department.id}&indicator=cost_reduction`)).json();
    expect(drill.items).toEqual([
      expect.objectContaining({ code: procedure.code, toReview: true, note: expect.stringMatching(/rà soát/) }),
    ]);
    expect(drill.indicator.note).toMatch(/phiên bản trước/);

    await make.buildWorksheet({ procedure: { ...procedure, versionNo: 3 }, hours: 48 });
    reform = (await call('GET', `/api/reform/procedures/${procedure.code}`)).json();
    expect(reform.current.worksheetFromVersionNo).toBeNull();
    expect(reform.costReduction).toBeGreaterThan(0);
    drill = (await call('GET', `/api/reform/summary/drill?year=2026&unit=${department.id}&indicator=cost_reduction`)).json();
    expect(drill.items[0].toReview).toBe(false);
  });

  it('counts eligible procedures offered fully online and components that reuse a digitised document', async () => {
    const department = await make.buildUnit({ parent: tree.province, type: 'department', name: 'Sở Trực Tuyến' });
    const components = [{ name: 'Tờ khai theo mẫu' }, { name: 'Căn cước công dân', reusableDocumentType: 'CCCD' }];
    const full = await buildFigures({ handlingUnits: [department], days: 5, content: { onlineLevel: 'full', components } });
    const partial = await buildFigures({
      handlingUnits: [department],
      days: 5,
      content: { onlineLevel: 'partial', components: components.slice(0, 1) },
    });
    const offline = await buildFigures({
      handlingUnits: [department],
      days: 5,
      content: { onlineLevel: 'none', components: components.slice(0, 1) },
    });
    const drillOf = async (key: string) =>
      (await call('GET', `/api/reform/summary/drill?year=2026&unit=${department.id}&indicator=${key}`)).json();
    // No list decision has set "eligible for full online" in this installation yet: no data, not a guessed figure.
    expect(indicator(await summaryOf(department), 'procedures_full_online')).toMatchObject({
      value: null,
      numerator: 0,
      denominator: 0,
      status: 'no_data',
    });
    const noList = await drillOf('procedures_full_online');
    expect(noList.indicator.note).toMatch(/^Chưa có dữ liệu: tỉnh chưa ban hành quyết định công bố danh mục/);
    expect(noList.items).toEqual([]);
    // The province's list decides, not the online level: the partial one is listed as not eligible, the one with no
    // online service yet as eligible (it is behind).
    const list = await call('POST', '/api/decisions/flags', {
      decision: make.decisionHeader(),
      changes: [
        { code: full.code, flag: 'fullOnlineEligible', value: true },
        { code: partial.code, flag: 'fullOnlineEligible', value: false },
        { code: offline.code, flag: 'fullOnlineEligible', value: true },
      ],
    });
    expect(list.statusCode, list.body).toBe(201);
    const summary = await summaryOf(department);
    expect(indicator(summary, 'procedures_full_online')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    const listed = await drillOf('procedures_full_online');
    expect(listed.items.map((item: { code: string; meets: boolean }) => [item.code, item.meets])).toEqual([
      [offline.code, false],
      [full.code, true],
    ]);
    expect(indicator(summary, 'information_once')).toMatchObject({ numerator: 1, denominator: 4 });
    const drill = (await call('GET', `/api/reform/summary/drill?year=2026&unit=${department.id}&indicator=information_once`)).json();
    expect(drill.items.map((item: { note: string }) => item.note).sort()).toEqual([
      '0/1 thành phần hồ sơ khai thác lại giấy tờ đã số hóa',
      '0/1 thành phần hồ sơ khai thác lại giấy tờ đã số hóa',
      '1/2 thành phần hồ sơ khai thác lại giấy tờ đã số hóa',
    ]);
  });

  it('compares a replacing procedure with the 2024 version of the code it replaced, entered through a decision', async () => {
    const department = await make.buildUnit({ parent: tree.province, type: 'department', name: 'Sở Thay Thế' });
    const replaced = await buildFigures({ handlingUnits: [department], days: 10 });
    const drillOf = async (key: string) =>
      (await call('GET', `/api/reform/summary/drill?year=2026&unit=${department.id}&indicator=${key}`)).json();
    const newCode = `8.${String(600_000 + make.next())}`;
    const decision = await call('POST', '/api/decisions', {
      decision: make.decisionHeader(),
      items: [
        {
          action: 'replaced',
          code: newCode,
          replacesCodes: [replaced.code],
          procedure: { ...replaced.content, name: 'Thủ tục thay thế', processingTime: { amount: 4, unit: 'working_days' } },
        },
      ],
    });
    expect(decision.statusCode, decision.body).toBe(201);
    // 10 days in 2024 under the old code, 4 days now under the new one: a 60 % cut, not a 100 % cut of the old code
    // plus a new code without a baseline.
    const summary = await summaryOf(department);
    expect(indicator(summary, 'time_reduction')).toMatchObject({ value: expect.closeTo(0.6, 10), denominator: 80, numerator: 32 });
    const drill = await drillOf('time_reduction');
    expect(drill.items).toEqual([
      expect.objectContaining({
        code: newCode,
        baseline: 80,
        current: 32,
        reduction: expect.closeTo(0.6, 10),
        note: `So với phiên bản năm 2024 của thủ tục ${replaced.code} được thay thế.`,
      }),
    ]);
  });

  it('lets the province abolish its own business conditions and only propose central ones; simplified counted apart', async () => {
    const department = await make.buildUnit({ parent: tree.province, type: 'department', name: 'Sở Điều Kiện' });
    const create = async (body: Record<string, unknown>) => {
      const response = await call('POST', '/api/reform/conditions', {
        unitId: department.id,
        field: 'Thương mại',
        text: `Điều kiện kiểm thử ${make.next()}`,
        form: 'licence',
        sourceRegulation: 'Nghị định 1/2020/NĐ-CP',
        assessment: 'unnecessary',
        proposedAction: 'abolish',
        ...body,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string; version: number };
    };
    const central = await create({});
    const refused = await call('PATCH', `/api/reform/conditions/${central.id}`, { status: 'abolished', version: central.version });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0]).toMatchObject({ path: 'status', message: expect.stringMatching(/trung ương/) });
    expect((await call('POST', '/api/reform/conditions', { ...conditionBody(department), status: 'simplified' })).statusCode).toBe(422);
    const proposed = await call('PATCH', `/api/reform/conditions/${central.id}`, { status: 'proposed', version: central.version });
    expect(proposed.json()).toMatchObject({ status: 'proposed', sourceLevel: 'central' });
    const byDecree = await call('PATCH', `/api/reform/conditions/${central.id}`, {
      status: 'abolished',
      abolishedByText: 'Nghị định 2/2026/NĐ-CP',
      version: proposed.json().version,
    });
    expect(byDecree.statusCode, byDecree.body).toBe(200);
    const provincial = await create({
      sourceLevel: 'provincial',
      sourceRegulation: 'Quyết định 5/2020/QĐ-UBND',
      isOutsideConditionalList: true,
    });
    expect(
      (await call('PATCH', `/api/reform/conditions/${provincial.id}`, { status: 'abolished', version: provincial.version })).statusCode,
    ).toBe(200);
    await create({ sourceLevel: 'provincial', sourceRegulation: 'Quyết định 6/2020/QĐ-UBND', status: 'simplified' });
    await create({ isOutsideConditionalList: true });

    const list = (await call('GET', `/api/reform/conditions?unit=${department.id}`)).json();
    expect(list.summary).toMatchObject({
      total: 4,
      abolished: 2,
      simplified: 1,
      share: 0.5,
      outsideList: { total: 2, abolished: 1, share: 0.5 },
    });
    const summary = await summaryOf(department);
    expect(indicator(summary, 'business_conditions_cut')).toMatchObject({ numerator: 2, denominator: 4, value: 0.5 });
    expect(indicator(summary, 'business_conditions_simplified')).toMatchObject({ numerator: 1, denominator: 4 });
    expect(indicator(summary, 'business_conditions_outside_list')).toMatchObject({ numerator: 1, denominator: 2 });
  });

  function conditionBody(unit: UnitRef) {
    return {
      unitId: unit.id,
      field: 'Thương mại',
      text: 'Điều kiện của nghị định',
      form: 'licence',
      sourceRegulation: 'Nghị định 3/2020/NĐ-CP',
      assessment: 'unnecessary',
      proposedAction: 'simplify',
    };
  }
});
