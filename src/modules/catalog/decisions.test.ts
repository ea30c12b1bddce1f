import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DecisionHeaderInput } from '../../contract/catalog';
import { decisionHeader } from '../../test/factories';
import { createTestApp, TEST_PROCEDURE_CODES, type TestApp, testBackends } from '../../test/harness';
import { listReplacements, procedureFlagsOn, versionsInForce } from './read';
import { buildProcedureContent, PROVINCE } from './transfer/test-support';

// "Today" is fixed: the date rules of a decision depend on it (10:00 in Vietnam on 2/12/2026).
const TODAY = '2026-12-02';
const YESTERDAY = '2026-12-01';
const [NEW_CODE, REPLACING_CODE, LATE_CODE] = ['9.100001', '9.100002', '9.100003'];
const [AMENDED, REPLACED, ABOLISHED, FLAGGED, LATE_AMENDED] = TEST_PROCEDURE_CODES as [string, string, string, string, string];

/** The factory's header, entered today (the fixed clock), as the province's decision 2001 unless a test says otherwise. */
const header = (overrides: Partial<DecisionHeaderInput> = {}) =>
  decisionHeader({ number: '2001/QĐ-UBND', issuerUnitCode: PROVINCE, issuerName: 'UBND tỉnh An Giang', ...overrides });

/** The content of a procedure view, without what the view adds (code, status, units by name, decision, versions). */
function contentOf(view: Record<string, unknown>) {
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
  } = view;
  return content;
}

describe.each(testBackends())('publication decisions on %s', (backend) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['login']>>;
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-02T03:00:00Z'));
    t = await createTestApp(backend, { demo: { procedureCodes: TEST_PROCEDURE_CODES, baselines: false } });
    admin = await t.login('admin');
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t?.close();
  });

  const view = async (code: string, versionNo?: number) => {
    const response = await t.app.inject({ url: versionNo ? `/api/procedures/${code}/versions/${versionNo}` : `/api/procedures/${code}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  /** A dossier of `code` received at the province's desk today, its required components on paper. */
  const receiveDossier = async (code: string) => {
    const procedure = await view(code);
    const positions = procedure.components.flatMap((component: { required: boolean }, position: number) =>
      component.required ? [position] : [],
    );
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: await t.login('tiepnhan'),
      payload: {
        procedureCode: code,
        handlingUnitCode: procedure.handlingUnitCodes[0],
        channel: 'direct',
        applicant: { kind: 'individual', fullName: 'Nguyễn Văn Nộp', idNumber: '001234567890' },
        components: positions.map((position: number) => ({ position, presence: 'paper' })),
        decision: { action: 'accept' },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: admin, payload: payload as object });

  it('shows the demo procedures of a central vertical agency as published by its ministry, not by the province', async () => {
    expect((await view(AMENDED)).decision).toMatchObject({
      issuerUnitCode: null,
      issuerName: 'Bộ Công an',
      number: expect.stringMatching(/\/QĐ-BCA$/),
    });
    expect((await view('1.001193')).decision).toMatchObject({ issuerUnitCode: PROVINCE, issuerName: 'UBND tỉnh An Giang' });
  });

  it('previews, then publishes a decision with a new, an amended, a replaced and an abolished item', async () => {
    const amended = { ...contentOf(await view(AMENDED)), name: 'Cấp phiếu lý lịch tư pháp (sửa đổi)' };
    const body = {
      decision: header(),
      items: [
        { action: 'new', code: NEW_CODE, procedure: buildProcedureContent({ name: 'Thủ tục mới hoàn toàn' }) },
        { action: 'amended', code: AMENDED, baseVersionNo: 1, procedure: amended },
        {
          action: 'replaced',
          code: REPLACING_CODE,
          replacesCodes: [REPLACED],
          procedure: buildProcedureContent({ name: 'Thủ tục thay thế' }),
        },
        { action: 'abolished', code: ABOLISHED },
      ],
    };
    const preview = await post('/api/decisions/preview', body);
    expect(preview.statusCode, preview.body).toBe(200);
    const replacedName = (await view(REPLACED)).name;
    expect(preview.json().items).toEqual([
      expect.objectContaining({ position: 1, action: 'new', code: NEW_CODE, versionNo: 1, baseVersionNo: null, effectiveFrom: TODAY }),
      expect.objectContaining({ position: 2, action: 'amended', code: AMENDED, versionNo: 2, baseVersionNo: 1, changedParts: ['name'] }),
      expect.objectContaining({
        action: 'replaced',
        code: REPLACING_CODE,
        versionNo: 1,
        replaces: [{ code: REPLACED, name: replacedName }],
      }),
      expect.objectContaining({ action: 'abolished', code: ABOLISHED, versionNo: 2, changedParts: [] }),
    ]);
    // The dry run wrote nothing.
    expect((await t.app.inject({ url: `/api/procedures/${NEW_CODE}` })).statusCode).toBe(404);
    expect((await view(AMENDED)).versionNo).toBe(1);

    const created = await post('/api/decisions', body);
    expect(created.statusCode, created.body).toBe(201);
    const decision = created.json();
    expect(decision).toMatchObject({ number: '2001/QĐ-UBND', issuerName: 'UBND tỉnh An Giang', isLatePublication: false, form: 'full' });
    expect(decision.items.map((item: { action: string; code: string }) => [item.action, item.code])).toEqual([
      ['new', NEW_CODE],
      ['amended', AMENDED],
      ['replaced', REPLACING_CODE],
      ['abolished', ABOLISHED],
    ]);
    expect((await t.app.inject({ url: `/api/decisions/${decision.id}` })).json()).toEqual(decision);

    expect(await view(NEW_CODE)).toMatchObject({ versionNo: 1, status: 'in_force', decision: { type: 'new', number: '2001/QĐ-UBND' } });
    expect(await view(AMENDED)).toMatchObject({ versionNo: 2, name: amended.name, decision: { type: 'amended' } });
    expect(await view(AMENDED, 1)).toMatchObject({ status: 'superseded', effectiveTo: TODAY });
    expect(await view(REPLACING_CODE)).toMatchObject({
      decision: { type: 'replaced', replaces: [{ code: REPLACED, name: replacedName }], replacedBy: null },
    });
    // The replacement is not an abolition: the old code's last version names the new code.
    expect(await view(REPLACED)).toMatchObject({
      versionNo: 2,
      status: 'abolished',
      decision: { type: 'replaced', replacedBy: { code: REPLACING_CODE, name: 'Thủ tục thay thế' } },
    });
    expect(await view(ABOLISHED)).toMatchObject({ status: 'abolished', decision: { type: 'abolished', replacedBy: null } });

    expect(await listReplacements(t.database.db, [REPLACING_CODE])).toEqual([
      { oldCode: REPLACED, newCode: REPLACING_CODE, effectiveFrom: TODAY, decisionNumber: '2001/QĐ-UBND' },
    ]);
    const inForce = versionsInForce('v', TODAY, { codes: [REPLACED, REPLACING_CODE] });
    const rows = await t.database.db
      .select({ code: inForce.code, replacesCodes: inForce.replacesCodes, replacedByCode: inForce.replacedByCode })
      .from(inForce);
    expect(rows.sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: REPLACED, replacesCodes: [], replacedByCode: REPLACING_CODE },
      { code: REPLACING_CODE, replacesCodes: [REPLACED], replacedByCode: null },
    ]);
  });

  it('keeps decision numbers unique per issuing authority', async () => {
    const item = (code: string) => ({ action: 'new', code, procedure: buildProcedureContent() });
    const again = await post('/api/decisions', { decision: header({ signer: 'Trần Văn B' }), items: [item('9.100010')] });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.details).toEqual([
      {
        path: 'decision.number',
        message: 'Số quyết định 2001/QĐ-UBND của UBND tỉnh An Giang đã được dùng (quyết định ngày 02/12/2026, hiệu lực từ 02/12/2026).',
      },
    ]);
    const ministry = header({ issuerUnitCode: null, issuerName: 'Bộ Công an', signerTitle: 'KT. Bộ trưởng, Thứ trưởng' });
    const otherAuthority = await post('/api/decisions', { decision: ministry, items: [item('9.100011')] });
    expect(otherAuthority.statusCode, otherAuthority.body).toBe(201);
    expect(otherAuthority.json()).toMatchObject({ issuerUnitCode: null, issuerName: 'Bộ Công an' });
  });

  it('checks the dates: issued on or before the effective date, not in the future; a past effective date only as a late publication', async () => {
    const item = { action: 'new', code: LATE_CODE, procedure: buildProcedureContent() };
    const refused = async (decision: Record<string, unknown>) => {
      const response = await post('/api/decisions', { decision: header({ number: '2002/QĐ-UBND', ...decision }), items: [item] });
      expect(response.statusCode).toBe(422);
      return response.json().error.details.map((detail: { path: string }) => detail.path);
    };
    expect(await refused({ date: '2026-12-10', effectiveDate: '2026-12-05' })).toEqual(['decision.date', 'decision.effectiveDate']);
    expect(await refused({ date: '2026-12-03', effectiveDate: '2026-12-20' })).toEqual(['decision.date']);
    expect(await refused({ date: '2026-11-20', effectiveDate: YESTERDAY })).toEqual(['decision.isLatePublication']);
    expect(await refused({ date: TODAY, effectiveDate: '2026-12-20', isLatePublication: true })).toEqual(['decision.isLatePublication']);

    // A dossier received under the version in force stays tied to it: a late decision rewrites no history.
    const before = await view(LATE_AMENDED);
    const earlier = await receiveDossier(LATE_AMENDED);
    expect(earlier).toMatchObject({
      procedure: { code: LATE_AMENDED, versionNo: 1 },
      receivedAt: expect.any(String),
      dueAt: expect.any(String),
    });

    // Late: the decision keeps its dates and its flag; its versions start today, the version in force yesterday stays as it was.
    const late = await post('/api/decisions', {
      decision: header({ number: '2003/QĐ-UBND', date: '2026-11-01', effectiveDate: '2026-11-15', isLatePublication: true }),
      items: [item, { action: 'amended', code: LATE_AMENDED, procedure: { ...contentOf(before), name: `${before.name} (công bố muộn)` } }],
    });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json()).toMatchObject({ effectiveDate: '2026-11-15', isLatePublication: true });
    expect(late.json().items.map((entry: { effectiveFrom: string }) => entry.effectiveFrom)).toEqual([TODAY, TODAY]);
    const previous = await view(LATE_AMENDED, 1);
    expect(previous).toMatchObject({ effectiveFrom: before.effectiveFrom, effectiveTo: TODAY });
    const yesterday = versionsInForce('v', YESTERDAY, { codes: [LATE_AMENDED] });
    expect(await t.database.db.select({ versionNo: yesterday.versionNo }).from(yesterday)).toEqual([{ versionNo: 1 }]);
    expect((await view(LATE_AMENDED)).decision).toMatchObject({ number: '2003/QĐ-UBND', isLatePublication: true });
    const desk = await t.login('tiepnhan');
    const reread = await t.app.inject({ url: `/api/dossiers/${earlier.id}`, headers: desk });
    expect(reread.json()).toMatchObject({ procedure: { versionNo: 1 }, dueAt: earlier.dueAt, receivedAt: earlier.receivedAt });
    expect((await receiveDossier(LATE_AMENDED)).procedure).toMatchObject({ versionNo: 2, name: `${before.name} (công bố muộn)` });
  });

  it('refuses a version identical to the one it amends, and shows every error of every item at once', async () => {
    const current = contentOf(await view(AMENDED));
    const response = await post('/api/decisions', {
      decision: header({ number: '2004/QĐ-UBND', date: '2026-12-05', effectiveDate: '2026-12-06' }),
      items: [
        { action: 'amended', code: AMENDED, procedure: current },
        { action: 'new', code: '9.100020', procedure: buildProcedureContent({ handlingUnitCodes: ['KHONG.CO'] }) },
        { action: 'abolished', code: '9.999999' },
        { action: 'replaced', code: '9.100021', replacesCodes: ['9.999998'], procedure: buildProcedureContent() },
      ],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details).toEqual([
      { path: 'decision.date', message: 'Ngày ban hành không được sau hôm nay (02/12/2026).' },
      {
        path: 'items.0.procedure',
        message: expect.stringMatching(/^Nội dung giống hệt phiên bản \d của thủ tục mã 3\.000333: không có gì để công bố\.$/),
      },
      { path: 'items.1.procedure.handlingUnitCodes.0', message: 'Không có đơn vị mã KHONG.CO.' },
      { path: 'items.2.action', message: 'Thủ tục mã 9.999999 chưa có trong danh mục: phải công bố bằng quyết định loại "mới".' },
      { path: 'items.3.replacesCodes.0', message: 'Thủ tục bị thay thế mã 9.999998 không có trong danh mục.' },
    ]);
    // Nothing was written: the decision number is still free.
    const list = (await t.app.inject({ url: '/api/decisions' })).json();
    expect(list.items.map((entry: { number: string }) => entry.number)).not.toContain('2004/QĐ-UBND');
    expect((await t.app.inject({ url: '/api/procedures/9.100020' })).statusCode).toBe(404);
  });

  it('changes list flags by list decisions, with their history, without a new version', async () => {
    const first = await post('/api/decisions/flags', {
      decision: header({ number: '2010/QĐ-UBND' }),
      changes: [
        { code: FLAGGED, flag: 'fullOnlineEligible', value: true },
        { code: FLAGGED, flag: 'oneStopDesk', value: true },
        { code: NEW_CODE, flag: 'fullOnlineEligible', value: true },
      ],
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      form: 'list',
      items: [],
      flagChanges: expect.arrayContaining([expect.objectContaining({ code: FLAGGED })]),
    });
    const second = await post('/api/decisions/flags', {
      decision: header({ number: '2011/QĐ-UBND', effectiveDate: '2027-01-01' }),
      changes: [{ code: FLAGGED, flag: 'fullOnlineEligible', value: false }],
    });
    expect(second.statusCode, second.body).toBe(201);
    const refused = await post('/api/decisions/flags', {
      decision: header({ number: '2012/QĐ-UBND' }),
      changes: [
        { code: '9.999999', flag: 'oneStopDesk', value: true },
        { code: FLAGGED, flag: 'nationalPortal', value: true },
        { code: FLAGGED, flag: 'nationalPortal', value: false },
      ],
    });
    expect(refused.json().error.details.map((detail: { path: string }) => detail.path)).toEqual(['changes.0.code', 'changes.2.flag']);

    const today = await procedureFlagsOn(t.database.db, TODAY, [FLAGGED, AMENDED]);
    expect(today.get(FLAGGED)).toMatchObject({ fullOnlineEligible: true, oneStopDesk: true, nationalPortal: false });
    // AMENDED keeps what the demo's list of 2025 (dữ liệu mẫu) set: eligible when offered online, at the desk when the
    // province's own; a code no list decision named reads false.
    const demoList = await procedureFlagsOn(t.database.db, YESTERDAY, [AMENDED, '9.999999']);
    expect(today.get(AMENDED)).toEqual(demoList.get(AMENDED));
    expect(demoList.get(AMENDED)!.fullOnlineEligible).toBe((await view(AMENDED)).onlineLevel !== 'none');
    expect(demoList.get('9.999999')).toMatchObject({ fullOnlineEligible: false, oneStopDesk: false });
    expect((await procedureFlagsOn(t.database.db, '2027-01-01', [FLAGGED])).get(FLAGGED)).toMatchObject({
      fullOnlineEligible: false,
      oneStopDesk: true,
    });
    expect((await procedureFlagsOn(t.database.db, '2025-06-30')).size).toBe(0);
    const flags = (await t.app.inject({ url: `/api/procedures/${FLAGGED}/flags` })).json();
    expect(flags.flags).toMatchObject({ fullOnlineEligible: true, oneStopDesk: true });
    expect(
      flags.history
        .map((entry: { flag: string; value: boolean; decision: { number: string } }) => [entry.decision.number, entry.flag, entry.value])
        .filter(([number]: [string]) => !number.endsWith('(dữ liệu mẫu)')),
    ).toEqual([
      ['2011/QĐ-UBND', 'fullOnlineEligible', false],
      ['2010/QĐ-UBND', 'fullOnlineEligible', true],
      ['2010/QĐ-UBND', 'oneStopDesk', true],
    ]);
    expect((await view(FLAGGED)).versionNo).toBe(1);
  });

  it('lists a version scheduled for later among the versions of the one in force, for the public page to announce', async () => {
    const current = await view(NEW_CODE);
    const scheduled = await post('/api/decisions', {
      decision: header({ number: '2020/QĐ-UBND', effectiveDate: '2027-03-01' }),
      items: [{ action: 'amended', code: NEW_CODE, procedure: { ...contentOf(current), name: 'Tên từ năm 2027' } }],
    });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const inForce = await view(NEW_CODE);
    expect(inForce).toMatchObject({ versionNo: 1, status: 'in_force' });
    expect(inForce.versions[0]).toMatchObject({ versionNo: 2, status: 'scheduled', effectiveFrom: '2027-03-01' });
  });

  it('lets only controllers and administrators enter decisions', async () => {
    const specialist = await t.login('chuyenvien');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/decisions/preview',
      headers: specialist,
      payload: { decision: header({ number: '2030/QĐ-UBND' }), items: [{ action: 'abolished', code: FLAGGED }] },
    });
    expect(response.statusCode).toBe(403);
  });
});
