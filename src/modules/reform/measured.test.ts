import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AuthHeaders, createFactories, type Factories, type ProcedureRef, type UserRef, worksheetInput } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { lastTwelveMonths } from '../dossiers';

/*
 * Measured figures (docs/api/reform.md, "Measured figures"): the last 12 months of whole Vietnamese days before today,
 * received dossiers and their applicants for a worksheet's subjects, the median working time of resolved ones.
 * Today (Vietnam) is Wednesday 02/12/2026: the period is 02/12/2025–01/12/2026, i.e. [2025-12-01T17:00Z,
 * 2026-12-01T17:00Z). The dossiers are received through the API; their recorded instants are then set in SQL (the
 * dossiers module's table, read and written as SQL: module walls) to where each case needs them.
 */

const vn = (text: string) => new Date(`${text}+07:00`);
const TODAY = vn('2026-12-02T10:00:00');

describe('the 12-month period of the measures', () => {
  it('is the whole Vietnamese days from the same date a year before to yesterday, today changing at 17:00 UTC', () => {
    expect(lastTwelveMonths(new Date('2026-12-02T16:59:59Z'))).toEqual({
      from: '2025-12-02',
      to: '2026-12-01',
      fromInstant: new Date('2025-12-01T17:00:00Z'),
      toInstant: new Date('2026-12-01T17:00:00Z'),
    });
    // 00:00 on 03/12 in Vietnam is still 02/12 in UTC.
    expect(lastTwelveMonths(new Date('2026-12-02T17:00:00Z'))).toMatchObject({ from: '2025-12-03', to: '2026-12-02' });
  });

  it('goes back from 29/02 to 01/03 of a year without one', () => {
    expect(lastTwelveMonths(new Date('2028-02-29T03:00:00Z'))).toMatchObject({ from: '2027-03-01', to: '2028-02-28' });
    expect(lastTwelveMonths(new Date('2027-03-01T03:00:00Z'))).toMatchObject({ from: '2026-03-01', to: '2027-02-28' });
  });
});

describe.each(testBackends())('measured reform figures on %s', (backend) => {
  let t: TestApp;
  let make: Factories;
  let deskUser: UserRef;
  let adminUser: UserRef;
  let desk: AuthHeaders;
  let admin: AuthHeaders;
  let measured: ProcedureRef;
  let quiet: ProcedureRef;

  const receive = async (procedure: ProcedureRef, receivedAt: string, applicantId?: string) => {
    const body = applicantId
      ? {
          applicant: {
            kind: 'individual',
            fullName: 'Trần Thị Đo Lường',
            idNumber: applicantId,
            address: 'Số 2 đường Đo Lường',
            phone: '0912345679',
            email: 'doluong@example.vn',
          },
        }
      : undefined;
    const dossier = await make.buildDossier({ officer: desk, procedure, body });
    await t.database.db.execute(sql`update dossiers set received_at = ${receivedAt}::timestamptz where id = ${dossier.id}`);
    return dossier.id;
  };
  const resolve = async (id: string, receivedAt: string, resolvedAt: string) =>
    t.database.db.execute(
      sql`update dossiers set received_at = ${receivedAt}::timestamptz, resolved_at = ${resolvedAt}::timestamptz,
        status = 'result_ready' where id = ${id}`,
    );
  const get = (url: string, headers = admin) => t.app.inject({ url, headers });
  const putWorksheet = (procedure: ProcedureRef, payload: object) =>
    t.app.inject({ method: 'PUT', url: `/api/reform/procedures/${procedure.code}/versions/1/worksheet`, headers: admin, payload });

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(TODAY);
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    const province = await make.buildProvince();
    await make.buildIncomeRate();
    measured = await make.buildProcedure({ handlingUnits: [province.departmentA] });
    quiet = await make.buildProcedure({ handlingUnits: [province.departmentA] });
    const other = await make.buildProcedure({ handlingUnits: [province.departmentA] });
    deskUser = await make.buildUser({ roles: [{ role: 'desk_officer', unit: province.desk }] });
    adminUser = await make.buildUser({ roles: [{ role: 'admin' }] });
    desk = await deskUser.login();
    admin = await adminUser.login();
    // Received: the last instant before the period (23:59:59 on 01/12/2025 in Vietnam) and the first in it (00:00
    // on 02/12/2025), the same applicant again in June, the last instant of yesterday, and today's first.
    await receive(measured, '2025-12-01T16:59:59Z');
    await receive(measured, '2025-12-01T17:00:00Z', '001090000001');
    await receive(measured, '2026-06-15T03:00:00Z', '001090000001');
    await receive(measured, '2026-12-01T16:59:59Z');
    await receive(measured, '2026-12-01T17:00:00Z');
    await receive(other, '2026-06-15T03:00:00Z');
  }, 120_000);
  afterAll(async () => {
    vi.useRealTimers();
    await t?.close();
  });

  it('counts the dossiers received in the last 12 months of Vietnamese days, and their distinct applicants', async () => {
    const response = await get(`/api/reform/procedures/${measured.code}/measures`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      code: measured.code,
      period: { from: '2025-12-02', to: '2026-12-01' },
      received: { dossiers: 3, applicants: 2 },
    });
  });

  it('fills a worksheet’s subjects from the dossiers when asked, and refuses a count sent with "measured"', async () => {
    const refused = await putWorksheet(measured, { ...worksheetInput(), subjectsSource: 'measured' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toContainEqual(expect.objectContaining({ path: 'subjectsPerYear' }));
    const { subjectsPerYear: _entered, ...withoutCount } = worksheetInput();
    const missing = await putWorksheet(measured, withoutCount);
    expect(missing.statusCode).toBe(422);

    const saved = await putWorksheet(measured, { ...withoutCount, subjectsSource: 'measured' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      subjectsPerYear: 2,
      subjectsSource: 'measured',
      subjectsMeasured: { period: { from: '2025-12-02', to: '2026-12-01' }, dossiers: 3, measuredAt: TODAY.toISOString() },
    });
    // 40 h × 40,000 đ + 100,000 đ fees, × 1 time × 2 subjects.
    expect(saved.json().result.annualCost).toBe(2 * (40 * 40_000 + 100_000));

    // A dossier received later leaves the saved figure as measured, until someone measures again.
    vi.setSystemTime(vn('2026-12-05T10:00:00'));
    // Three days later: the sessions of 02/12 have ended.
    desk = await deskUser.login();
    admin = await adminUser.login();
    try {
      await receive(measured, '2026-12-03T03:00:00Z', '001090000001');
      const page = (await get(`/api/reform/procedures/${measured.code}`)).json();
      expect(page.current.worksheet).toMatchObject({ subjectsPerYear: 2, subjectsMeasured: { dossiers: 3 } });
      const again = await putWorksheet(measured, { ...withoutCount, subjectsSource: 'measured', version: saved.json().version });
      expect(again.json()).toMatchObject({
        // 05/12/2025–04/12/2026: the first of December 2025 has left, today’s of 02/12 and the 03/12 one came in.
        subjectsPerYear: 3,
        subjectsMeasured: { period: { from: '2025-12-05', to: '2026-12-04' }, dossiers: 4 },
      });
      const entered = await putWorksheet(measured, { ...worksheetInput(), version: again.json().version });
      expect(entered.json()).toMatchObject({ subjectsPerYear: 10, subjectsSource: 'entered', subjectsMeasured: null });
    } finally {
      vi.setSystemTime(TODAY);
      desk = await deskUser.login();
      admin = await adminUser.login();
    }
  });

  it('takes the median working time of resolved dossiers, paused time excluded, beside the statutory and committed time', async () => {
    // Working days of 8 h (08:00–12:00, 13:30–17:30), November 2026, no day off.
    const fourDays = await receive(measured, '2026-11-02T01:00:00Z');
    await resolve(fourDays, '2026-11-02T08:00:00+07:00', '2026-11-05T17:30:00+07:00');
    const fiveDaysTwoPaused = await receive(measured, '2026-11-09T01:00:00Z');
    await resolve(fiveDaysTwoPaused, '2026-11-09T08:00:00+07:00', '2026-11-13T17:30:00+07:00');
    await t.database.db.execute(sql`insert into dossier_pauses (dossier_id, started_at, ended_at, working_minutes, reason, requested)
      values (${fiveDaysTwoPaused}, '2026-11-10T08:00:00+07:00', '2026-11-11T17:30:00+07:00', 960, 'Bổ sung', '{"positions":[],"items":["Bản sao"]}')`);
    const halfDay = await receive(measured, '2026-11-16T01:00:00Z');
    await resolve(halfDay, '2026-11-16T08:00:00+07:00', '2026-11-16T12:00:00+07:00');
    // Resolved before the period: not counted.
    const old = await receive(measured, '2025-11-03T01:00:00Z');
    await resolve(old, '2025-11-03T08:00:00+07:00', '2025-11-28T17:30:00+07:00');

    const response = await get(`/api/reform/procedures/${measured.code}/measures`);
    // Sorted: 4 h, 3 days (5 less 2 paused), 4 days → 3 days. Counting the pause it would be 4 days.
    expect(response.json().processing).toMatchObject({
      statutory: { amount: 10, unit: 'working_days' },
      committed: { amount: 10, unit: 'working_days' },
      hasApprovedProcess: false,
      resolvedDossiers: 3,
      medianWorkingMinutes: 3 * 480,
      medianWorkingDays: 3,
    });
  });

  it('says so when a procedure has no dossiers, and measures only procedures in force', async () => {
    const response = await get(`/api/reform/procedures/${quiet.code}/measures`);
    expect(response.json()).toMatchObject({
      received: { dossiers: 0, applicants: 0 },
      processing: { resolvedDossiers: 0, medianWorkingMinutes: null, medianWorkingDays: null },
    });
    expect((await get('/api/reform/procedures/8.999999/measures')).statusCode).toBe(404);
    const saved = await putWorksheet(quiet, { ...worksheetInput(), subjectsPerYear: undefined, subjectsSource: 'measured' });
    expect(saved.json()).toMatchObject({ subjectsPerYear: 0, subjectsMeasured: { dossiers: 0 } });
  });
});
