import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bieu06View, IndicatorDrillView, MetricsIndexView } from '../../contract/metrics';
import { vietnamDate } from '../../core/vietnam-time';
import { type AuthHeaders, createFactories, type Factories } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { insertDossier, insertPortalMessage } from '../../test/metrics-dossiers';
import { countersFromDossiers, countersFromRollups, reportingPeriod, sumCounters } from './index';

/*
 * Golden figures, computed by hand (docs/api/metrics.md): a small province, the reporting month of March 2026
 * (21/02 → 20/03), dossiers on both sides of its boundaries (a Vietnam day starts at 17:00 UTC), across Tết 2026
 * (16–20/02 off), with a paused one, a stopped one and units without dossiers.
 */

type Province = Awaited<ReturnType<Factories['buildProvince']>>;

describe.each(testBackends())('metrics: index and Biểu 06 (%s)', (backend) => {
  let t: TestApp;
  let tree: Province;
  let make: Factories;
  let headers: Record<'controller' | 'leaderA' | 'specialistA' | 'citizen', AuthHeaders>;
  const codes: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const march = reportingPeriod('month', 2026, 3);
  const april = reportingPeriod('month', 2026, 4);

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    tree = await make.buildProvince();
    const user = async (roles: Parameters<Factories['buildUser']>[0]['roles']) => (await make.buildUser({ roles })).login();
    headers = {
      controller: await user([{ role: 'procedure_controller', unit: tree.office }]),
      leaderA: await user([{ role: 'unit_leader', unit: tree.departmentA }]),
      specialistA: await user([{ role: 'specialist', unit: tree.departmentA }]),
      citizen: await user([{ role: 'citizen' }]),
    };
    const db = t.database.db;
    const A = tree.departmentA.id;
    const add = async (name: string, spec: Parameters<typeof insertDossier>[1]) => {
      const row = await insertDossier(db, spec);
      codes[name] = row.code;
      ids[name] = row.id;
    };
    // Carried over: received before 21/02, resolved early in the period, electronic result.
    await add('D1', {
      unitId: A,
      field: 'Hộ tịch',
      receivedAt: '2026-02-10T02:00:00Z',
      dueAt: '2026-03-05T10:00:00Z',
      resolvedAt: '2026-03-03T03:00:00Z',
      timing: 'early',
      status: 'returned',
      resultIsElectronic: true,
      components: [{ presence: 'file' }],
    });
    // 23:59:59 on 20/02 in Vietnam: the day before the period — carried over, still open, overdue since 10/03.
    await add('D2', { unitId: A, field: 'Hộ tịch', channel: 'online', receivedAt: '2026-02-20T16:59:59Z', dueAt: '2026-03-10T10:00:00Z' });
    // 00:00 on 21/02 in Vietnam: the period's first day; online, synced, within time at the end.
    await add('D3', {
      unitId: A,
      field: 'Hộ tịch',
      channel: 'online',
      receivedAt: '2026-02-20T17:00:00Z',
      dueAt: '2026-04-01T10:00:00Z',
      components: [{ presence: 'file' }],
    });
    // Division of A (in A's subtree), postal, paper not digitised, resolved late; its portal message still pending.
    await add('D4', {
      unitId: tree.divisionA.id,
      field: 'Đất đai',
      channel: 'postal',
      receivedAt: '2026-03-02T02:00:00Z',
      dueAt: '2026-03-09T10:00:00Z',
      resolvedAt: '2026-03-16T02:00:00Z',
      timing: 'late',
      components: [{ presence: 'paper' }],
    });
    // Commune level, resolved the day it was received, reusing data.
    await add('D5', {
      unitId: tree.commune.id,
      field: 'Chứng thực',
      level: 'commune',
      receivedAt: '2026-03-04T02:00:00Z',
      dueAt: '2026-03-04T10:00:00Z',
      resolvedAt: '2026-03-04T08:00:00Z',
      timing: 'on_time',
      status: 'returned',
      resultIsElectronic: true,
      components: [{ presence: 'reused' }],
    });
    // Stopped on the applicant's request: ended without a result.
    await add('D6', {
      unitId: A,
      field: 'Hộ tịch',
      receivedAt: '2026-03-05T02:00:00Z',
      dueAt: '2026-03-12T10:00:00Z',
      closedAt: '2026-03-06T02:00:00Z',
      status: 'stopped',
      components: [{ presence: 'file' }],
    });
    // Resolved at 00:30 on 21/03 in Vietnam: still in progress at the end of the period, within time.
    await add('D7', {
      unitId: A,
      field: 'Hộ tịch',
      receivedAt: '2026-03-19T02:00:00Z',
      dueAt: '2026-03-25T10:00:00Z',
      resolvedAt: '2026-03-20T17:30:00Z',
      timing: 'early',
      components: [{ presence: 'missing' }, { presence: 'file' }],
    });
    // Before the period entirely; and one never accepted.
    await add('D8', {
      unitId: A,
      field: 'Hộ tịch',
      receivedAt: '2026-01-05T02:00:00Z',
      dueAt: '2026-01-12T10:00:00Z',
      resolvedAt: '2026-01-09T02:00:00Z',
      timing: 'early',
    });
    await add('D9', { unitId: A, field: 'Hộ tịch', receivedAt: null, channel: 'online' });
    // Across Tết (16–20/02 off): received Thu 12/02, resolved Wed 25/02 — 4 working days, half a day paused.
    await add('D10', {
      unitId: A,
      field: 'Hộ tịch',
      receivedAt: '2026-02-12T02:00:00Z',
      dueAt: '2026-02-26T10:00:00Z',
      resolvedAt: '2026-02-25T03:00:00Z',
      timing: 'on_time',
      pausedWorkingMinutes: 240,
    });
    await insertPortalMessage(db, ids.D3!, 'sent');
    await insertPortalMessage(db, ids.D4!, 'pending');
  }, 180_000);
  afterAll(() => t?.close());

  const get = async <T>(url: string, as: AuthHeaders) => {
    const response = await t.app.inject({ url, headers: as });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };
  const bieu06 = (unit: string, period: { from: string; to: string }, as = headers.controller) =>
    get<Bieu06View>(`/api/reports/bieu-06?unit=${unit}&from=${period.from}&to=${period.to}`, as);
  const index = (unit: string, period: { from: string; to: string }, as = headers.controller) =>
    get<MetricsIndexView>(`/api/metrics/index?unit=${unit}&from=${period.from}&to=${period.to}`, as);

  it('fills Biểu 06 of the province for March 2026 (21/02 → 20/03)', async () => {
    expect(march).toEqual({ from: '2026-02-21', to: '2026-03-20' });
    const report = await bieu06(tree.province.code, march);
    expect(report.totals).toEqual({
      received: { total: 8, online: 1, directOrPostal: 4, carriedOver: 3 },
      resolved: { total: 4, early: 1, onTime: 2, late: 1 },
      closedWithoutResult: 1,
      inProgress: { total: 3, withinTime: 2, overdue: 1 },
    });
    expect(report.levels.map((level) => [level.levelLabel, level.fields.map((row) => row.field)])).toEqual([
      ['Cấp tỉnh', ['Đất đai', 'Hộ tịch']],
      ['Cấp xã', ['Chứng thực']],
    ]);
    const civil = report.levels[0]!.fields[1]!.figures;
    expect(civil).toEqual({
      received: { total: 6, online: 1, directOrPostal: 2, carriedOver: 3 },
      resolved: { total: 2, early: 1, onTime: 1, late: 0 },
      closedWithoutResult: 1,
      inProgress: { total: 3, withinTime: 2, overdue: 1 },
    });
    expect(report.levels[1]!.totals.resolved).toEqual({ total: 1, early: 0, onTime: 1, late: 0 });
  });

  it("carries over exactly what was in progress at the previous period's end", async () => {
    const before = await bieu06(tree.province.code, march);
    const after = await bieu06(tree.province.code, april);
    expect(after.totals.received.carriedOver).toBe(before.totals.inProgress.total);
    expect(after.totals.resolved).toEqual({ total: 1, early: 1, onTime: 0, late: 0 });
    // D2 and D3 still open on 20/04, both past their due (10/03, 01/04).
    expect(after.totals.inProgress).toEqual({ total: 2, withinTime: 0, overdue: 2 });
  });

  it("counts a department's subtree and answers a unit without dossiers with zeros", async () => {
    const departmentA = await bieu06(tree.departmentA.code, march, headers.leaderA);
    expect(departmentA.totals.received).toEqual({ total: 7, online: 1, directOrPostal: 3, carriedOver: 3 });
    expect(departmentA.totals.resolved.total).toBe(3);
    const empty = await bieu06(tree.departmentB.code, march);
    expect(empty.levels).toEqual([]);
    expect(empty.totals.received.total).toBe(0);
  });

  it('scores the index of the province by hand-computed indicators', async () => {
    const answer = await index(tree.province.code, march);
    const byCode = Object.fromEntries(answer.groups.flatMap((group) => group.indicators).map((entry) => [entry.code, entry]));
    const figure = (code: string) => {
      const entry = byCode[code]!;
      return [entry.numerator, entry.denominator, entry.ratio === null ? null : Math.round(entry.ratio * 1e4) / 1e4, entry.points];
    };
    expect(figure('on_time')).toEqual([5, 7, 0.7143, 10]);
    // Used: D1 10, D10 4 − 0.5 (Tết, pause), D4 10, D5 0 = 23.5; allotted 12 + 4.5 + 5 + 0 = 21.5.
    expect(figure('average_time')).toEqual([21.5, 23.5, 0.9149, 5.49]);
    expect(byCode.average_time!.measures).toEqual({ dossiers: 4, averageDays: 5.88, averageAllottedDays: 5.38 });
    expect(figure('online_dossiers')).toEqual([1, 5, 0.2, 2.4]);
    expect(figure('digitised')).toEqual([4, 5, 0.8, 8]);
    expect(figure('reused')).toEqual([1, 5, 0.2, 1.75]);
    expect(figure('electronic_results')).toEqual([2, 4, 0.5, 3.5]);
    expect(figure('synced_to_portal')).toEqual([1, 5, 0.2, 1.2]);
    for (const code of ['online_payments', 'feedback_on_time', 'satisfaction', 'procedures_online']) {
      expect(byCode[code]!.points, code).toBeNull();
      expect(byCode[code]!.noDataReason, code).toMatch(/^Chưa có dữ liệu/);
    }
    expect(byCode.published_on_time!.ratio).toBeNull();
    expect(answer.maxPoints).toBe(100);
    expect(answer.availableMaxPoints).toBe(54);
    expect(answer.points).toBe(32.34);
    expect(answer.score).toBe(59.89);
    expect([answer.rating, answer.ratingLabel]).toEqual(['trung_binh', 'Trung bình']);
    expect(answer.groups.map((group) => [group.code, group.points, group.availableMaxPoints])).toEqual([
      ['transparency', 1.2, 6],
      ['progress', 15.49, 20],
      ['online_service', 2.4, 6],
      ['digitisation', 13.25, 22],
      ['online_payment', null, 0],
      ['satisfaction', null, 0],
    ]);
  });

  it('scores publication on time and on the national database from the decisions of the period', async () => {
    const basis = (effectiveDate: string) => ({ legalBasis: [{ number: '15/2025/NĐ-CP', title: null, date: null, effectiveDate }] });
    // Effective 02/06/2025: on time for a law in force from 01/07, late for one in force from 01/06.
    const onTime = await make.buildProcedure({
      handlingUnits: [tree.departmentB],
      effectiveDate: '2025-06-02',
      content: basis('2025-07-01'),
    });
    await make.buildProcedure({ handlingUnits: [tree.departmentB], effectiveDate: '2025-06-02', content: basis('2025-06-01') });
    // One decision made public on the national database on Fri 06/06 (4 working days after Mon 02/06); the other never.
    await t.database.db.execute(sql`
      update publication_decisions set national_published_on = '2025-06-06'
      where id = (select decision_id from procedure_versions v join procedures p on p.id = v.procedure_id where p.code = ${onTime.code})`);
    const answer = await index(tree.departmentB.code, { from: '2025-06-01', to: '2025-06-30' });
    const byCode = Object.fromEntries(answer.groups.flatMap((group) => group.indicators).map((entry) => [entry.code, entry]));
    expect([byCode.published_on_time!.numerator, byCode.published_on_time!.denominator, byCode.published_on_time!.points]).toEqual([
      1, 2, 3,
    ]);
    const national = byCode.public_on_national_database!;
    expect([national.numerator, national.denominator, national.points]).toEqual([1, 2, 3]);
    expect(byCode.published_on_time!.isDrillable).toBe(false);
  });

  it('gives a unit without dossiers no figure rather than a division by zero', async () => {
    const answer = await index(tree.departmentB.code, march);
    const indicators = answer.groups.flatMap((group) => group.indicators);
    expect(indicators.every((entry) => entry.points === null)).toBe(true);
    expect(answer.score).toBeNull();
    expect(answer.rating).toBeNull();
  });

  it('lists the dossiers of a numerator and a denominator, paginated, ID numbers masked', async () => {
    const base = `/api/metrics/index/drill?unit=${tree.province.code}&from=${march.from}&to=${march.to}&indicator=on_time`;
    const numerator = await get<IndicatorDrillView>(`${base}&part=numerator`, headers.controller);
    expect(numerator.total).toBe(5);
    expect(numerator.items.map((item) => item.code).sort()).toEqual([codes.D1, codes.D10, codes.D3, codes.D5, codes.D7].sort());
    expect(numerator.items[0]!.applicantIdNumber).toBe('••••••••2345');
    const denominator = await get<IndicatorDrillView>(`${base}&part=denominator`, headers.controller);
    expect(denominator.total).toBe(7);
    const page2 = await get<IndicatorDrillView>(`${base}&part=denominator&page=2`, headers.controller);
    expect(page2.items).toEqual([]);
    const notDossiers = await t.app.inject({
      url: `/api/metrics/index/drill?unit=${tree.province.code}&from=${march.from}&to=${march.to}&indicator=online_payments&part=numerator`,
      headers: headers.controller,
    });
    expect(notDossiers.statusCode).toBe(422);
    const unknown = await t.app.inject({ url: `${base.replace('on_time', 'khong_co')}&part=numerator`, headers: headers.controller });
    expect(unknown.statusCode).toBe(404);
  });

  it('lets leaders read their subtree, procedure control the province, and nobody else', async () => {
    const url = (unit: string) => `/api/reports/bieu-06?unit=${unit}&from=${march.from}&to=${march.to}`;
    const status = async (unit: string, as?: AuthHeaders) => (await t.app.inject({ url: url(unit), headers: as ?? {} })).statusCode;
    expect(await status(tree.departmentA.code, headers.leaderA)).toBe(200);
    expect(await status(tree.divisionA.code, headers.leaderA)).toBe(200);
    expect(await status(tree.province.code, headers.leaderA)).toBe(403);
    expect(await status(tree.departmentA.code, headers.specialistA)).toBe(403);
    expect(await status(tree.province.code, headers.citizen)).toBe(403);
    expect(await status(tree.province.code)).toBe(401);
    expect(await status('KHONG.CO.00.H99', headers.controller)).toBe(404);
    const reversed = await t.app.inject({
      url: `/api/reports/bieu-06?unit=${tree.province.code}&from=2026-03-20&to=2026-03-01`,
      headers: headers.controller,
    });
    expect(reversed.statusCode).toBe(422);
  });

  it('counts a dossier received through the intake service, and its portal message once sent', async () => {
    const officer = await (await make.buildUser({ roles: [{ role: 'desk_officer', unit: tree.desk }] })).login();
    const procedure = await make.buildProcedure({ handlingUnits: [tree.departmentA] });
    const file = await make.uploadDossierFile(officer);
    const body = make.dossierBody(procedure, { components: [{ position: 0, presence: 'file', fileIds: [file.id] }] });
    const dossier = await make.buildDossier({ officer, procedure, body });
    const today = vietnamDate();
    const unitIds = [tree.departmentA.id, tree.divisionA.id];
    const total = async () => sumCounters((await countersFromRollups(t.database.db, unitIds, today, today)).map((row) => row.counters));
    // Department A's earlier dossiers are in progress too (D2, D3): the new one adds one to each figure.
    expect(await total()).toMatchObject({ received: 1, receivedDigitised: 1, receivedSynced: 0, inProgress: 3 });
    await t.database.db.execute(sql`update notify_outbox set status = 'sent' where ref_type = 'dossier' and ref_id = ${dossier.id}`);
    expect((await total()).receivedSynced).toBe(1);
    expect(await countersFromRollups(t.database.db, unitIds, today, today)).toEqual(
      await countersFromDossiers(t.database.db, unitIds, today, today),
    );
  });

  it('follows later changes of a dossier: resolution, a due moved, a status after the result', async () => {
    const db = t.database.db;
    await db.execute(
      sql`update dossiers set resolved_at = '2026-03-15T03:00:00Z', timing = 'late', status = 'result_ready' where id = ${ids.D2!}`,
    );
    await db.execute(sql`update dossiers set due_at = '2026-03-18T10:00:00Z' where id = ${ids.D3!}`);
    await db.execute(sql`update dossiers set status = 'returned', returned_at = now() where id = ${ids.D4!}`);
    const report = await bieu06(tree.province.code, march);
    expect(report.totals.resolved).toEqual({ total: 5, early: 1, onTime: 2, late: 2 });
    expect(report.totals.inProgress).toEqual({ total: 2, withinTime: 1, overdue: 1 });
    const unitIds = [tree.province, tree.departmentA, tree.divisionA, tree.commune, tree.departmentB].map((unit) => unit.id);
    for (const period of [march, april, { from: '2026-01-01', to: '2026-12-31' }, { from: '2026-03-04', to: '2026-03-04' }]) {
      expect(await countersFromRollups(db, unitIds, period.from, period.to)).toEqual(
        await countersFromDossiers(db, unitIds, period.from, period.to),
      );
    }
  });
});
