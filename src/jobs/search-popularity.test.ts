import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AuthHeaders, createFactories, type Factories, type ProcedureRef } from '../test/factories';
import { createTestApp, type TestApp, testBackends } from '../test/harness';
import { jobs } from './registry';
import { refreshSearchPopularity } from './search-popularity';

/*
 * Search's popularity prior fed by the dossier engine (docs/api/search.md, "Popularity"): the job counts the dossiers
 * of the last 12 months per procedure and hands them to the catalog; two procedures equal in every other way then
 * rank by use, unless the administrator sets the weight to 0.
 */

const vn = (text: string) => new Date(`${text}+07:00`);
const TODAY = vn('2026-12-02T10:00:00');
const NAME = 'Cấp giấy xác nhận thử nghiệm mức độ sử dụng';

describe.each(testBackends())('search popularity from dossiers on %s', (backend) => {
  let t: TestApp;
  let make: Factories;
  let admin: AuthHeaders;
  let first: ProcedureRef;
  let second: ProcedureRef;

  const search = async () => {
    const response = await t.app.inject({ url: `/api/procedures?q=${encodeURIComponent('giấy xác nhận thử nghiệm mức độ sử dụng')}` });
    expect(response.statusCode).toBe(200);
    return (response.json().items as { code: string }[])
      .map((item) => item.code)
      .filter((code) => [first.code, second.code].includes(code));
  };
  const setWeight = (popularityWeight: unknown, headers = admin) =>
    t.app.inject({ method: 'PUT', url: '/api/search/settings', headers, payload: { popularityWeight } });

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(TODAY);
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    const province = await make.buildProvince();
    // Same name, same content: only the code tells them apart (the listing order breaks the tie).
    first = await make.buildProcedure({ handlingUnits: [province.departmentA], name: NAME });
    second = await make.buildProcedure({ handlingUnits: [province.departmentA], name: NAME });
    const desk = await (await make.buildUser({ roles: [{ role: 'desk_officer', unit: province.desk }] })).login();
    admin = await (await make.buildUser({ roles: [{ role: 'admin' }] })).login();
    for (let n = 0; n < 3; n++) await make.buildDossier({ officer: desk, procedure: second });
    // Received yesterday: today's dossiers wait for tomorrow's count (whole days only).
    await t.database.db.execute(sql`update dossiers set received_at = '2026-12-01T03:00:00Z' where procedure_code = ${second.code}`);
    // One for the first, but received before the 12 months: it does not count.
    const old = await make.buildDossier({ officer: desk, procedure: first });
    await t.database.db.execute(sql`update dossiers set received_at = '2025-12-01T16:59:59Z' where id = ${old.id}`);
  }, 120_000);
  afterAll(async () => {
    vi.useRealTimers();
    await t?.close();
  });

  it('is a daily job of the registry', () => {
    expect(jobs).toContainEqual(expect.objectContaining({ name: 'search-popularity', everySeconds: 86_400 }));
  });

  it('puts the used procedure first once the job has handed over the counts, and keeps them for a restart', async () => {
    // Without counts the tie puts the smaller code first: the first built.
    expect(await search()).toEqual([first.code, second.code]);
    const outcome = await refreshSearchPopularity({ db: t.database.db, now: TODAY });
    expect(outcome).toEqual({ isChanged: true, procedures: 1 });
    expect(await search()).toEqual([second.code, first.code]);
    // Stored: what a restart reads, and a second run the same day changes nothing.
    const settings = (await t.app.inject({ url: '/api/search/settings', headers: admin })).json();
    expect(settings.popularity).toMatchObject({
      period: { from: '2025-12-02', to: '2026-12-01' },
      procedures: 1,
      dossiers: 3,
      top: [{ code: second.code, name: NAME, dossiers: 3, popularity: 1 }],
    });
    expect(await refreshSearchPopularity({ db: t.database.db, now: TODAY })).toEqual({ isChanged: false, procedures: 1 });
  });

  it('changes nothing with weight 0, and accepts only a number from 0 to 1 from an administrator', async () => {
    await refreshSearchPopularity({ db: t.database.db, now: TODAY });
    const withPrior = await search();
    expect(withPrior[0]).toBe(second.code);
    expect((await setWeight(0)).json()).toMatchObject({ popularityWeight: 0, isDefault: false });
    // Without the prior, the tie again, whatever the dossiers.
    expect(await search()).toEqual([first.code, second.code]);
    expect((await setWeight(1.5)).statusCode).toBe(422);
    expect((await setWeight(-0.1)).statusCode).toBe(422);
    expect((await setWeight('0.3')).statusCode).toBe(422);
    expect((await setWeight(0.3)).json()).toMatchObject({ popularityWeight: 0.3, defaultPopularityWeight: 0.1 });
    expect((await search())[0]).toBe(second.code);
    const audit = await t.database.db.execute(
      sql`select data::text as data from audit_events where action = 'setting.update' and entity_id = 'search.popularityWeight' order by id`,
    );
    const rows = ((audit as unknown as { rows?: { data: string }[] }).rows ?? []).map((row) => JSON.parse(row.data));
    expect(rows).toEqual([
      { before: 0.1, after: 0 },
      { before: 0, after: 0.3 },
    ]);
  });
});
