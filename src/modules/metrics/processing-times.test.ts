import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NO_BASELINE_NOTE, NO_DOSSIERS_NOTE, type ProcessingTimesView } from '../../contract/metrics-processing-times';
import { type AuthHeaders, createFactories, type Factories, type ProcedureRef } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { insertDossier } from '../../test/metrics-dossiers';

/*
 * Measured processing time (docs/api/metrics.md, "Measured processing time"), figures computed by hand. Working days
 * are 08:00–12:00 and 13:30–17:30 (480 minutes); Tết 2026 keeps 16–20/02 off. The period is 01/02–31/03/2026, its
 * baseline 01/02–31/03/2024. Dossiers are written into the dossier tables (the facts follow through the triggers),
 * pauses into dossier_pauses, as the lifecycle leaves them. Today is fixed at 15/04/2026.
 */

type Province = Awaited<ReturnType<Factories['buildProvince']>>;
const vn = (text: string) => `${text}+07:00`;

describe.each(testBackends())('metrics: measured processing times (%s)', (backend) => {
  let t: TestApp;
  let tree: Province;
  let headers: Record<'controller' | 'leaderA' | 'specialistA' | 'citizen', AuthHeaders>;
  let busy: ProcedureRef;
  let quick: ProcedureRef;
  const period = 'from=2026-02-01&to=2026-03-31';

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(vn('2026-04-15T10:00:00')));
    t = await createTestApp(backend, { demo: false });
    const make = createFactories(t);
    tree = await make.buildProvince();
    const user = async (roles: Parameters<Factories['buildUser']>[0]['roles']) => (await make.buildUser({ roles })).login();
    headers = {
      controller: await user([{ role: 'procedure_controller', unit: tree.office }]),
      leaderA: await user([{ role: 'unit_leader', unit: tree.departmentA }]),
      specialistA: await user([{ role: 'specialist', unit: tree.departmentA }]),
      citizen: await user([{ role: 'citizen' }]),
    };
    busy = await make.buildProcedure({ handlingUnits: [tree.departmentA, tree.departmentB], name: 'Thủ tục nhiều hồ sơ' });
    quick = await make.buildProcedure({ handlingUnits: [tree.divisionA], name: 'Thủ tục nhanh' });
    // The province commits to 8 of the 10 statutory working days for the busy procedure (approved internal process).
    const approval = await t.app.inject({
      method: 'POST',
      url: `/api/procedures/${busy.code}/processes`,
      headers: headers.controller,
      payload: {
        decisionNumber: '66/QĐ-UBND',
        decisionDate: '2026-01-15',
        signer: 'Chủ tịch UBND tỉnh',
        effectiveFrom: '2026-01-15',
        committedTime: { amount: 8, unit: 'working_days' },
        steps: [
          { order: 1, name: 'Tiếp nhận', role: 'desk_officer', unitCode: null, budget: { amount: 1, unit: 'working_days' } },
          { order: 2, name: 'Thẩm định, trả kết quả', role: 'specialist', unitCode: null, budget: { amount: 7, unit: 'working_days' } },
        ],
        note: null,
      },
    });
    expect(approval.statusCode, approval.body).toBe(201);

    const db = t.database.db;
    const A = tree.departmentA.id;
    const resolved = (unitId: string, procedureCode: string, receivedAt: string, resolvedAt: string) =>
      insertDossier(db, { unitId, procedureCode, field: 'Hộ tịch', receivedAt: vn(receivedAt), resolvedAt: vn(resolvedAt) });
    // Busy procedure in department A, resolved in the period:
    await resolved(A, busy.code, '2026-03-02T08:00:00', '2026-03-05T17:30:00'); // Mon → Thu: 4 days, 1920 min
    const paused = await resolved(A, busy.code, '2026-03-09T08:00:00', '2026-03-13T17:30:00'); // 5 days less 2 paused
    await db.execute(sql`insert into dossier_pauses (dossier_id, started_at, ended_at, working_minutes, reason, requested)
      values (${paused.id}, ${vn('2026-03-10T08:00:00')}, ${vn('2026-03-11T17:30:00')}, 960, 'Bổ sung', '{"positions":[],"items":["Bản sao"]}')`);
    await resolved(A, busy.code, '2026-03-16T08:00:00', '2026-03-16T12:00:00'); // a morning: 240 min
    await resolved(A, busy.code, '2026-02-12T08:00:00', '2026-02-24T17:30:00'); // Thu 12/02 → Tue 24/02 over Tết: 4 days
    await resolved(A, busy.code, '2026-03-30T08:00:00', '2026-03-31T23:59:00'); // the period's last minute: 2 days
    // Quick procedure in A's division: two hours.
    await resolved(tree.divisionA.id, quick.code, '2026-03-02T08:00:00', '2026-03-02T10:00:00');
    // Not counted for A: resolved at 00:30 on 01/04, stopped without a result, handled by department B (2 days).
    await resolved(A, busy.code, '2026-03-30T08:00:00', '2026-04-01T00:30:00');
    await insertDossier(db, {
      unitId: A,
      procedureCode: busy.code,
      field: 'Hộ tịch',
      receivedAt: vn('2026-03-02T08:00:00'),
      closedAt: vn('2026-03-03T08:00:00'),
      status: 'stopped',
    });
    await resolved(tree.departmentB.id, busy.code, '2026-03-02T08:00:00', '2026-03-03T17:30:00');
    // 2024, busy procedure in A: 5 days and 3 days; one resolved on 01/04/2024, after the baseline period.
    await resolved(A, busy.code, '2024-03-04T08:00:00', '2024-03-08T17:30:00');
    await resolved(A, busy.code, '2024-03-11T08:00:00', '2024-03-13T17:30:00');
    await resolved(A, busy.code, '2024-03-25T08:00:00', '2024-04-01T08:30:00');
  }, 120_000);
  afterAll(async () => {
    vi.useRealTimers();
    await t?.close();
  });

  const get = (query: string, as: AuthHeaders | Record<string, never> = headers.controller) =>
    t.app.inject({ url: `/api/metrics/processing-times?${query}`, headers: as });
  const times = async (query: string, as?: AuthHeaders) => {
    const response = await get(query, as);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ProcessingTimesView;
  };
  const minutes = (dossiers: number, median: number, p90: number) => ({
    dossiers,
    medianWorkingMinutes: median,
    p90WorkingMinutes: p90,
    medianWorkingDays: median / 480,
    p90WorkingDays: p90 / 480,
  });

  it('measures each procedure of a unit: median and p90 in working time, pauses and Tết excluded, against 2024', async () => {
    const view = await times(`unit=${tree.departmentA.code}&${period}`);
    expect(view.baselinePeriod).toEqual({ from: '2024-02-01', to: '2024-03-31' });
    expect(view.items.map((row) => row.key)).toEqual([busy.code, quick.code]);
    // Busy: 240, 960, 1440 (paused), 1920, 1920 (Tết) → median 1440 (3 days), p90 the 5th. 2024: 1440, 2400 → 1920.
    expect(view.items[0]).toMatchObject({
      procedure: { code: busy.code, name: 'Thủ tục nhiều hồ sơ' },
      measured: minutes(5, 1440, 1920),
      baseline: minutes(2, 1920, 2400),
      medianChangePercent: -25,
      note: null,
      statutory: { amount: 10, unit: 'working_days' },
      committed: { amount: 8, unit: 'working_days' },
      hasApprovedProcess: true,
    });
    // Quick: no dossier of 2024 — no baseline, no change, and the note says so.
    expect(view.items[1]).toMatchObject({
      measured: minutes(1, 120, 120),
      baseline: null,
      medianChangePercent: null,
      note: NO_BASELINE_NOTE,
      committed: { amount: 10, unit: 'working_days' },
      hasApprovedProcess: false,
    });
    // The whole department: 120, 240, 960, 1440, 1920, 1920 → (960 + 1440) ÷ 2; p90 the 6th (⌈5.4⌉).
    expect(view.total).toMatchObject({ key: null, measured: minutes(6, 1200, 1920), baseline: minutes(2, 1920, 2400) });
    expect(view.total.medianChangePercent).toBe(-37.5);
    expect(view.totalItems).toBe(2);
  });

  it('groups by direct child unit, the unit’s own dossiers on a row of their own', async () => {
    const own = await times(`unit=${tree.departmentA.code}&${period}&groupBy=unit`);
    expect(own.items.map((row) => [row.unit?.code, row.unit?.isSelf, row.measured.dossiers])).toEqual([
      [tree.departmentA.code, true, 5],
      [tree.divisionA.code, false, 1],
    ]);
    expect(own.items[1]).toMatchObject({ baseline: null, note: NO_BASELINE_NOTE, statutory: null, procedure: null });
    const province = await times(`unit=${tree.province.code}&${period}&groupBy=unit`);
    expect(province.items.map((row) => [row.unit?.code, row.measured.dossiers])).toEqual([
      [tree.departmentA.code, 6],
      [tree.departmentB.code, 1],
    ]);
    expect(province.items[1]).toMatchObject({ measured: minutes(1, 960, 960), baseline: null, note: NO_BASELINE_NOTE });
    // Province: 120, 240, 960, 960, 1440, 1920, 1920 → the 4th; p90 the 7th.
    expect(province.total).toMatchObject({ measured: minutes(7, 960, 1920), baseline: minutes(2, 1920, 2400), medianChangePercent: -50 });
  });

  it('filters one procedure, pages by count, and moves a period across years to end in 2024', async () => {
    const one = await times(`unit=${tree.departmentA.code}&${period}&procedure=${quick.code}`);
    expect(one.items.map((row) => row.key)).toEqual([quick.code]);
    expect(one.total).toMatchObject({ measured: minutes(1, 120, 120), baseline: null, note: NO_BASELINE_NOTE });
    const second = await times(`unit=${tree.departmentA.code}&${period}&pageSize=1&page=2`);
    expect(second).toMatchObject({ totalItems: 2, page: 2, pageSize: 1 });
    expect(second.items.map((row) => row.key)).toEqual([quick.code]);
    const spanning = await times(`unit=${tree.departmentA.code}&from=2025-12-01&to=2026-03-31`);
    expect(spanning.baselinePeriod).toEqual({ from: '2023-12-01', to: '2024-03-31' });
    expect(spanning.total.baseline).toMatchObject({ dossiers: 2 });
  });

  it('answers a unit without dossiers with empty figures, never a division by zero', async () => {
    const view = await times(`unit=${tree.commune.code}&${period}`);
    expect(view.items).toEqual([]);
    expect(view.totalItems).toBe(0);
    expect(view.total).toMatchObject({
      measured: { dossiers: 0, medianWorkingMinutes: null, p90WorkingMinutes: null, medianWorkingDays: null, p90WorkingDays: null },
      baseline: null,
      medianChangePercent: null,
      note: NO_BASELINE_NOTE,
    });
    // Sunday 08/03/2026 resolved nothing; Friday 08/03/2024 one dossier: no change, and why.
    const quiet = await times(`unit=${tree.departmentA.code}&from=2026-03-08&to=2026-03-08`);
    expect(quiet.total).toMatchObject({ measured: { dossiers: 0 }, baseline: minutes(1, 2400, 2400), medianChangePercent: null });
    expect(quiet.total.note).toBe(NO_DOSSIERS_NOTE);
  });

  it('lets the readers of the KPI index read it, and no one else', async () => {
    expect((await get(`unit=${tree.departmentA.code}&${period}`, headers.leaderA)).statusCode).toBe(200);
    expect((await get(`unit=${tree.divisionA.code}&${period}`, headers.leaderA)).statusCode).toBe(200);
    expect((await get(`unit=${tree.departmentB.code}&${period}`, headers.leaderA)).statusCode).toBe(403);
    expect((await get(`unit=${tree.province.code}&${period}`, headers.leaderA)).statusCode).toBe(403);
    expect((await get(`unit=${tree.departmentA.code}&${period}`, headers.specialistA)).statusCode).toBe(403);
    expect((await get(`unit=${tree.departmentA.code}&${period}`, headers.citizen)).statusCode).toBe(403);
    expect((await get(`unit=${tree.departmentA.code}&${period}`, {})).statusCode).toBe(401);
  });

  it('refuses an unknown unit, a reversed or too long period and an unknown grouping', async () => {
    expect((await get(`unit=KHONG-CO&${period}`)).statusCode).toBe(404);
    const reversed = await get(`unit=${tree.departmentA.code}&from=2026-03-31&to=2026-02-01`);
    expect(reversed.statusCode).toBe(422);
    const long = await get(`unit=${tree.departmentA.code}&from=2025-01-01&to=2026-03-31`);
    expect(long.statusCode).toBe(422);
    expect(long.json().error.details).toContainEqual(
      expect.objectContaining({ path: 'querystring.to', message: expect.stringMatching(/tối đa 366 ngày/) }),
    );
    expect((await get(`unit=${tree.departmentA.code}&${period}&groupBy=field`)).statusCode).toBe(422);
  });
});
