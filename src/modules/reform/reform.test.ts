import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reformIndicators } from '../../contract/enums';
import { vietnamDate } from '../../core/vietnam-time';
import { hasDemoBaseline } from '../../demo/baselines';
import { readDemoProcedures } from '../../demo/fixtures';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

type Headers = { cookie: string; 'x-csrf-token': string };
const JUSTICE = '000.00.03.H01';

describe.each(testBackends())('simplification programme (NQ 66) on %s', (backend) => {
  let t: TestApp;
  let units: { id: string; code: string; name: string }[];
  const justiceCodes = readDemoProcedures()
    .filter((procedure) => procedure.handlingUnitCodes.includes(JUSTICE))
    .map((procedure) => procedure.code);
  const withBaseline = justiceCodes.filter(hasDemoBaseline);
  const withoutBaseline = readDemoProcedures()
    .map((procedure) => procedure.code)
    .find((code) => !hasDemoBaseline(code) && !code.startsWith('5.'))!;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: { procedureCodes: [...justiceCodes.slice(0, 40), withoutBaseline, '1.001193'] } });
    units = (await t.app.inject({ url: '/api/units' })).json().items;
  }, 120_000);
  afterAll(() => t?.close());

  const unitId = (code: string) => units.find((unit) => unit.code === code)!.id;
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, headers?: Headers, payload?: unknown) =>
    t.app.inject({ method, url, headers, payload: payload as object });

  it('computes a worksheet without saving it: 10 → 9 days of waiting is 32,000,000 → 28,800,000 đ a year', async () => {
    const body = (hours: number) => ({
      hourlyIncome: 40_000,
      activities: [{ name: 'Chờ kết quả', hours }],
      fees: 0,
      otherCosts: 0,
      timesPerYear: 1,
      subjectsPerYear: 10,
    });
    const before = await call('POST', '/api/reform/cost', undefined, body(80));
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({
      costPerDossier: 3_200_000,
      annualCost: 32_000_000,
      terms: { totalHours: 80, dossiersPerYear: 10 },
    });
    expect((await call('POST', '/api/reform/cost', undefined, body(72))).json().annualCost).toBe(28_800_000);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/reform/cost',
      headers: { 'content-type': 'application/json' },
      payload: '{"hourlyIncome":1e999,"activities":[],"fees":0,"otherCosts":0,"timesPerYear":1,"subjectsPerYear":1}',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0].path).toBe('hourlyIncome');
  });

  it('takes the version in force on 31/12/2024 as baseline and today’s as current, across new versions', async () => {
    const admin = await t.login('admin');
    const code = withBaseline[0]!;
    const first = (await call('GET', `/api/reform/procedures/${code}`, admin)).json();
    expect(first.baseline).toMatchObject({ versionNo: 1, effectiveFrom: '2024-01-01' });
    expect(first.current).toMatchObject({ versionNo: 2, effectiveFrom: '2025-07-01' });
    const catalog = (await call('GET', `/api/procedures/${code}`)).json();
    const {
      code: _c,
      versionNo: _n,
      latestVersionNo,
      status: _s,
      handlingUnits: _h,
      receivingUnits: _r,
      receivingPlaces: _p,
      decision: _d,
      effectiveFrom: _f,
      effectiveTo: _t,
      versions: _v,
      ...content
    } = catalog;
    const today = vietnamDate();
    const published = await call('POST', `/api/procedures/${code}/versions`, admin, {
      baseVersionNo: latestVersionNo,
      decision: { number: '77/QĐ-UBND', date: today, signer: 'Chủ tịch UBND tỉnh', type: 'amended', effectiveDate: today },
      procedure: { ...content, processingTime: { ...content.processingTime, amount: 1, unit: 'working_days' }, processTemplate: [] },
    });
    expect(published.statusCode, published.body).toBe(201);
    const after = (await call('GET', `/api/reform/procedures/${code}`, admin)).json();
    expect(after.baseline.versionNo).toBe(1);
    // The new version has no worksheet of its own yet: it shows the one of the version it amends, to review.
    expect(after.current).toMatchObject({ versionNo: 3, hours: 8, worksheetFromVersionNo: first.current.worksheet ? 2 : null });
    expect(after.timeReduction).toBeCloseTo(1 - 8 / after.baseline.hours, 10);

    const none = (await call('GET', `/api/reform/procedures/${withoutBaseline}`, admin)).json();
    expect(none).toMatchObject({ baseline: null, timeReduction: null, costReduction: null });
  });

  it('saves worksheets with optimistic versions; a unit may only cost its own procedures', async () => {
    const controller = await t.login('kiemsoat');
    const code = withBaseline[1]!;
    const view = (await call('GET', `/api/reform/procedures/${code}`, controller)).json();
    expect(view.canEdit).toBe(true);
    expect((await call('GET', `/api/reform/procedures/${code}`, await t.login('tiepnhan'))).json().canEdit).toBe(false);
    const worksheet = {
      activities: [{ name: 'Chờ giải quyết', hours: 40 }],
      feesVnd: 100_000,
      otherCostsVnd: 0,
      timesPerYear: 1,
      subjectsPerYear: 10,
      incomeYear: 2024,
      note: null,
    };
    const url = `/api/reform/procedures/${code}/versions/${view.current.versionNo}/worksheet`;
    const first = await call('PUT', url, controller, { ...worksheet, version: view.current.worksheet?.version });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ subjectsSource: 'entered', result: { costPerDossier: 1_700_000, annualCost: 17_000_000 } });
    const stale = await call('PUT', url, controller, { ...worksheet, version: view.current.worksheet?.version ?? 99 });
    expect(stale.statusCode).toBe(409);
    const other = await t.login('tiepnhan');
    expect((await call('PUT', url, other, { ...worksheet, version: first.json().version })).statusCode).toBe(403);
    const noRate = await call('PUT', url, controller, { ...worksheet, incomeYear: 2010, version: first.json().version });
    expect(noRate.statusCode).toBe(422);
  });

  it('runs a proposal through its lifecycle with the right people and keeps its trail', async () => {
    const leader = await t.login('lanhdao');
    const controller = await t.login('kiemsoat');
    const created = await call('POST', '/api/reform/proposals', leader, {
      unitId: unitId(JUSTICE),
      year: 2099,
      title: 'Phương án thử nghiệm',
    });
    expect(created.statusCode, created.body).toBe(201);
    let proposal = created.json();
    expect(proposal).toMatchObject({
      status: 'draft',
      canEdit: true,
      allowedActions: ['submit'],
      isOverdue: false,
      deadline: '2099-06-15',
    });

    const emptySubmit = await call('POST', `/api/reform/proposals/${proposal.id}/actions`, leader, {
      action: 'submit',
      version: proposal.version,
    });
    expect(emptySubmit.statusCode).toBe(422);

    const code = withBaseline[2]!;
    const item = {
      measures: ['shorten_time', 'move_online_full'],
      proposed: {
        timeAmount: 1,
        timeUnit: 'working_days',
        activities: [{ name: 'Chờ giải quyết', hours: 8 }],
        feesVnd: 0,
        otherCostsVnd: 0,
      },
      legalText: 'Khoản 2 Điều 5 Thông tư X',
      reason: 'Số hóa quy trình nội bộ',
    };
    const added = await call('PUT', `/api/reform/proposals/${proposal.id}/items/${code}`, leader, { ...item, version: proposal.version });
    expect(added.statusCode, added.body).toBe(200);
    proposal = added.json();
    expect(proposal.items).toHaveLength(1);
    expect(proposal.items[0]).toMatchObject({ procedureCode: code, baseline: { hours: expect.any(Number) }, proposed: { hours: 8 } });
    expect(proposal.items[0].timeReduction).toBeGreaterThan(0);
    expect(proposal.totals.procedures).toBe(1);

    const divisionHead = await t.login('truongphong');
    const byDivision = await call('PATCH', `/api/reform/proposals/${proposal.id}`, divisionHead, {
      title: 'Phương án thử nghiệm của Sở',
      version: proposal.version,
    });
    expect(byDivision.statusCode, byDivision.body).toBe(200);
    proposal = byDivision.json();
    const stale = await call('PUT', `/api/reform/proposals/${proposal.id}/items/${code}`, leader, {
      ...item,
      version: proposal.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    const tooEarly = await call('POST', `/api/reform/proposals/${proposal.id}/actions`, controller, {
      action: 'consolidate',
      version: proposal.version,
    });
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.json().error.message).toMatch(/trạng thái/);

    const act = async (headers: Headers, body: Record<string, unknown>) => {
      const response = await call('POST', `/api/reform/proposals/${proposal.id}/actions`, headers, { ...body, version: proposal.version });
      if (response.statusCode === 200) proposal = response.json();
      return response;
    };
    expect((await act(leader, { action: 'submit' })).statusCode).toBe(200);
    expect(proposal).toMatchObject({ status: 'submitted', canEdit: false });
    expect(
      (await call('PUT', `/api/reform/proposals/${proposal.id}/items/${code}`, leader, { ...item, version: proposal.version })).statusCode,
    ).toBe(422);
    expect((await act(leader, { action: 'consolidate' })).statusCode).toBe(403);
    expect((await act(controller, { action: 'consolidate' })).statusCode).toBe(200);
    expect((await act(controller, { action: 'approve' })).statusCode).toBe(422);
    expect((await act(controller, { action: 'approve', approvalReference: 'Quyết định số 1/QĐ-UBND' })).statusCode).toBe(200);
    expect((await act(controller, { action: 'implement', decisionNumber: 'không có' })).statusCode).toBe(422);
    expect((await act(controller, { action: 'implement', decisionNumber: '77/QĐ-UBND' })).statusCode).toBe(422);
    expect(proposal.status).toBe('approved');
    expect(proposal.events.map((event: { action: string }) => event.action)).toEqual([
      'proposal.create',
      'proposal.edit',
      'proposal.edit',
      'proposal.submit',
      'proposal.consolidate',
      'proposal.approve',
    ]);
  });

  it('links an implemented proposal to the publication decision that enacted it', async () => {
    const leader = await t.login('lanhdao');
    const controller = await t.login('kiemsoat');
    let proposal = (
      await call('POST', '/api/reform/proposals', leader, {
        unitId: unitId(JUSTICE),
        year: Number(vietnamDate().slice(0, 4)),
        title: 'Phương án đã thực thi',
      })
    ).json();
    const item = {
      measures: ['abolish'],
      proposed: { timeAmount: 0, timeUnit: 'working_days', activities: [], feesVnd: 0, otherCostsVnd: 0 },
      legalText: null,
      reason: 'Không còn cần thiết',
    };
    proposal = (
      await call('PUT', `/api/reform/proposals/${proposal.id}/items/${withBaseline[3]}`, leader, { ...item, version: proposal.version })
    ).json();
    expect(proposal.items[0]).toMatchObject({ proposed: { hours: 0, annualCost: 0 }, timeReduction: 1 });
    for (const [headers, body] of [
      [leader, { action: 'submit' }],
      [controller, { action: 'consolidate' }],
      [controller, { action: 'approve', approvalReference: 'Quyết định số 2/QĐ-UBND' }],
      [controller, { action: 'implement', decisionNumber: '77/QĐ-UBND' }],
    ] as const) {
      const response = await call('POST', `/api/reform/proposals/${proposal.id}/actions`, headers, { ...body, version: proposal.version });
      expect(response.statusCode, response.body).toBe(200);
      proposal = response.json();
    }
    expect(proposal).toMatchObject({
      status: 'implemented',
      implementedDecision: { number: '77/QĐ-UBND' },
      approvalReference: 'Quyết định số 2/QĐ-UBND',
      allowedActions: [],
    });
  });

  it('keeps departments out of each other’s proposals and flags overdue drafts', async () => {
    const leader = await t.login('lanhdao');
    const construction = await call('POST', '/api/reform/proposals', leader, {
      unitId: unitId('000.00.05.H01'),
      year: 2026,
      title: 'Không phải của tôi',
    });
    expect(construction.statusCode).toBe(403);
    const late = (
      await call('POST', '/api/reform/proposals', leader, { unitId: unitId(JUSTICE), year: 2025, title: 'Phương án trễ hạn' })
    ).json();
    expect(late.isOverdue).toBe(true);
    const list = (await call('GET', `/api/reform/proposals?unit=${unitId(JUSTICE)}`, leader)).json();
    expect(list.items.some((item: { id: string; isOverdue: boolean }) => item.id === late.id && item.isOverdue)).toBe(true);
  });

  it('downloads the proposal as DOCX and PDF', async () => {
    const leader = await t.login('lanhdao');
    const list = (await call('GET', `/api/reform/proposals?unit=${unitId(JUSTICE)}&year=2026`, leader)).json();
    const id = list.items[0].id;
    const docx = await call('GET', `/api/reform/proposals/${id}/document.docx`, leader);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await call('GET', `/api/reform/proposals/${id}/document.pdf`, leader);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await call('GET', `/api/reform/proposals/${id}/document.docx`)).statusCode).toBe(401);
  });

  it('summarises the NQ 66 targets for the province and a department, each figure drilling down', async () => {
    const controller = await t.login('kiemsoat');
    const summary = (await call('GET', '/api/reform/summary?year=2026', controller)).json();
    expect(summary.unit.type).toBe('province');
    expect(summary.hasDemoData).toBe(true);
    expect(summary.indicators.map((indicator: { key: string }) => indicator.key)).toEqual([...reformIndicators]);
    // 1.001193 (lý lịch tư pháp) is handled by the provincial Sở Tư pháp: in the province's scope.
    expect(summary.scopes.province).toBeGreaterThan(0);
    const time = summary.indicators.find((indicator: { key: string }) => indicator.key === 'time_reduction');
    expect(time).toMatchObject({ target: 0.5, status: expect.stringMatching(/met|behind/) });
    expect(time.value).toBeCloseTo(1 - time.numerator / time.denominator, 10);
    const justice = summary.children.find((child: { unitName: string }) => child.unitName === 'Sở Tư pháp');
    expect(justice.procedures).toBeGreaterThan(0);

    const department = (await call('GET', `/api/reform/summary?year=2026&unit=${justice.unitId}&method=weighted`, controller)).json();
    expect(department).toMatchObject({ unit: { name: 'Sở Tư pháp' }, method: 'weighted' });
    const drill = (
      await call('GET', `/api/reform/summary/drill?year=2026&unit=${justice.unitId}&indicator=time_reduction`, controller)
    ).json();
    expect(drill.items.length).toBeGreaterThan(0);
    const firstMeeting = drill.items.findIndex((item: { meets: boolean }) => item.meets);
    const lastFailing = drill.items.map((item: { meets: boolean }) => item.meets).lastIndexOf(false);
    if (firstMeeting >= 0 && lastFailing >= 0) expect(lastFailing).toBeLessThan(firstMeeting);
    expect(
      drill.items
        .filter((item: { baseline: number | null }) => item.baseline === null)
        .every((item: { note: string }) => /2024/.test(item.note)),
    ).toBe(true);
    expect((await call('GET', '/api/reform/summary?year=2026')).statusCode).toBe(401);
    expect((await call('GET', '/api/reform/summary?year=1e999', controller)).statusCode).toBe(422);
  });

  it('keeps an inventory of business conditions with the share cut', async () => {
    const controller = await t.login('kiemsoat');
    const list = (await call('GET', '/api/reform/conditions', controller)).json();
    expect(list.summary.total).toBeGreaterThan(10);
    // NQ 66 2025: abolished ÷ every condition inventoried; the demo's central conditions are proposed, not abolished.
    expect(list.summary.share).toBeCloseTo(list.summary.abolished / list.summary.total, 10);
    expect(
      list.items
        .filter((item: { sourceLevel: string }) => item.sourceLevel === 'central')
        .every((item: { status: string }) => item.status === 'in_force' || item.status === 'proposed'),
    ).toBe(true);
    const created = await call('POST', '/api/reform/conditions', controller, {
      unitId: unitId(JUSTICE),
      field: 'Công chứng',
      text: 'Công chứng viên phải có ít nhất 3 năm kinh nghiệm',
      form: 'practising_certificate',
      sourceRegulation: 'Quyết định 9/2024/QĐ-UBND',
      sourceLevel: 'provincial',
      assessment: 'unnecessary',
      proposedAction: 'abolish',
    });
    expect(created.statusCode, created.body).toBe(201);
    const condition = created.json();
    const updated = await call('PATCH', `/api/reform/conditions/${condition.id}`, controller, {
      status: 'abolished',
      version: condition.version,
    });
    expect(updated.json()).toMatchObject({ status: 'abolished', statusChangedOn: vietnamDate() });
    expect(
      (await call('PATCH', `/api/reform/conditions/${condition.id}`, controller, { status: 'in_force', version: condition.version }))
        .statusCode,
    ).toBe(409);
    const after = (await call('GET', '/api/reform/conditions', controller)).json();
    expect(after.summary.abolished).toBe(list.summary.abolished + 1);
    expect(
      (
        await call('POST', '/api/reform/conditions', controller, {
          unitId: unitId(JUSTICE),
          field: 'X',
          text: 'ngắn',
          form: 'licence',
          sourceRegulation: 'Y',
          assessment: 'bad',
          proposedAction: 'keep',
        })
      ).statusCode,
    ).toBe(422);
  });
});
