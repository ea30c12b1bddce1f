import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bieu06View, MetricsIndexView } from '../../contract/metrics';
import type { MetricsTrendView } from '../../contract/metrics-dashboard';
import type { MetricsSettingsView } from '../../contract/metrics-settings';
import { DEFAULT_RATING_BANDS } from '../../core/metrics/score';
import { type AuthHeaders, createFactories } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { insertDossier } from '../../test/metrics-dossiers';
import { dossierFactsColumns } from './dossier-facts';
import { countersFromDossiers, countersFromRollups } from './index';

/*
 * The settings of monitoring (docs/api/metrics.md, "Settings") and the auditor's CSV over HTTP ("The auditor's CSV"):
 * who reads and who changes them, Vietnamese refusals, a new start day rebuilding the monthly rollup with every figure
 * unchanged, new bands changing the rating, and the CSV of a unit's subtree only, logged.
 */

type Role = 'controller' | 'deptController' | 'leaderA' | 'leaderB' | 'specialistA' | 'citizen';

describe.each(testBackends())('metrics: settings and the CSV download (%s)', (backend) => {
  let t: TestApp;
  let tree: Awaited<ReturnType<ReturnType<typeof createFactories>['buildProvince']>>;
  let headers: Record<Role, AuthHeaders>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    const make = createFactories(t);
    tree = await make.buildProvince();
    const user = async (roles: Parameters<typeof make.buildUser>[0]['roles']) => (await make.buildUser({ roles })).login();
    headers = {
      controller: await user([{ role: 'procedure_controller', unit: tree.office }]),
      deptController: await user([{ role: 'procedure_controller', unit: tree.departmentA }]),
      leaderA: await user([{ role: 'unit_leader', unit: tree.departmentA }]),
      leaderB: await user([{ role: 'unit_leader', unit: tree.departmentB }]),
      specialistA: await user([{ role: 'specialist', unit: tree.departmentA }]),
      citizen: await user([{ role: 'citizen' }]),
    };
    const db = t.database.db;
    // Around the 21st of January and February 2026, so that calendar months and reporting months split them apart.
    ids.aOnTime = (
      await insertDossier(db, {
        unitId: tree.departmentA.id,
        field: 'Hộ tịch',
        channel: 'online',
        receivedAt: '2026-01-19T02:00:00Z',
        dueAt: '2026-01-30T10:00:00Z',
        resolvedAt: '2026-01-22T03:00:00Z',
        timing: 'early',
        status: 'returned',
      })
    ).code;
    ids.divisionLate = (
      await insertDossier(db, {
        unitId: tree.divisionA.id,
        field: 'Đất đai, "thửa" 1',
        receivedAt: '2026-01-23T02:00:00Z',
        dueAt: '2026-02-03T10:00:00Z',
        resolvedAt: '2026-02-24T02:00:00Z',
        timing: 'late',
      })
    ).code;
    ids.bOpen = (
      await insertDossier(db, {
        unitId: tree.departmentB.id,
        field: 'Xây dựng',
        receivedAt: '2026-02-10T02:00:00Z',
        dueAt: '2026-03-30T10:00:00Z',
      })
    ).code;
    ids.aStopped = (
      await insertDossier(db, {
        unitId: tree.departmentA.id,
        field: 'Hộ tịch',
        receivedAt: '2026-02-02T02:00:00Z',
        dueAt: '2026-02-20T10:00:00Z',
        closedAt: '2026-02-05T02:00:00Z',
        status: 'stopped',
      })
    ).code;
  }, 120_000);
  afterAll(() => t?.close());

  const send = (method: 'GET' | 'PUT', url: string, as: AuthHeaders | undefined, payload?: object) => {
    const options: InjectOptions = { method, url, headers: as ?? {}, ...(payload === undefined ? {} : { payload }) };
    return t.app.inject(options);
  };
  const defaults = () => DEFAULT_RATING_BANDS.map(({ band, minScore }) => ({ band, minScore }));

  it('is read by staff, changed only by administrators and the province’s procedure-control office', async () => {
    const read = await send('GET', '/api/metrics/settings', headers.leaderA);
    expect(read.statusCode, read.body).toBe(200);
    const view = read.json() as MetricsSettingsView;
    expect(view).toMatchObject({ monthStartDay: 21, canEdit: false, defaults: { monthStartDay: 21 } });
    expect(view.ratingBands.map((entry) => [entry.label, entry.minScore])).toEqual([
      ['Xuất sắc', 90],
      ['Tốt', 80],
      ['Khá', 70],
      ['Trung bình', 50],
      ['Yếu', 0],
    ]);
    expect((await send('GET', '/api/metrics/settings', headers.controller)).json().canEdit).toBe(true);
    expect((await send('GET', '/api/metrics/settings', headers.citizen)).statusCode).toBe(403);
    expect((await send('GET', '/api/metrics/settings', undefined)).statusCode).toBe(401);
    const body = { monthStartDay: 21, ratingBands: defaults() };
    for (const as of [headers.deptController, headers.leaderA, headers.specialistA]) {
      const refused = await send('PUT', '/api/metrics/settings', as, body);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.message).toContain('bộ phận kiểm soát thủ tục hành chính của tỉnh');
    }
  });

  it('refuses a start day outside 1–28 and bands that do not cover every score once, in Vietnamese', async () => {
    const put = (body: object) => send('PUT', '/api/metrics/settings', headers.controller, body);
    const day = await put({ monthStartDay: 29, ratingBands: defaults() });
    expect(day.statusCode).toBe(422);
    expect(JSON.stringify(day.json().error.details)).toContain('Ngày bắt đầu tháng báo cáo phải là một số nguyên từ 1 đến 28.');
    const missing = await put({ monthStartDay: 21, ratingBands: defaults().slice(0, 4) });
    expect(missing.statusCode).toBe(422);
    expect(JSON.stringify(missing.json().error.details)).toContain('Cần đủ 5 mức xếp loại');
    const disordered = defaults();
    disordered[1] = { band: 'tot', minScore: 95 };
    const order = await put({ monthStartDay: 21, ratingBands: disordered });
    expect(order.statusCode).toBe(422);
    expect(order.json().error.details).toContainEqual({
      path: 'ratingBands.0.minScore',
      message: 'Điểm thấp nhất của mức "Xuất sắc" phải lớn hơn của mức "Tốt".',
    });
    const lowest = defaults();
    lowest[4] = { band: 'yeu', minScore: 10 };
    expect((await put({ monthStartDay: 21, ratingBands: lowest })).json().error.details).toEqual([
      { path: 'ratingBands.4.minScore', message: 'Mức "Yếu" phải bắt đầu từ 0 điểm.' },
    ]);
    expect((await send('GET', '/api/metrics/settings', headers.controller)).json().monthStartDay).toBe(21);
  });

  it('moves the reporting months to calendar months, rebuilding the monthly rollup: every figure stays the same', async () => {
    const db = t.database.db;
    const period = `unit=${tree.province.code}&from=2026-01-01&to=2026-02-28`;
    const before = (await send('GET', `/api/reports/bieu-06?${period}`, headers.controller)).json() as Bieu06View;
    const trendBefore = (await send('GET', `/api/metrics/trend?${period}`, headers.controller)).json() as MetricsTrendView;
    expect(trendBefore.months[0]).toMatchObject({ from: '2026-01-01', to: '2026-01-20' });

    const saved = await send('PUT', '/api/metrics/settings', headers.controller, { monthStartDay: 1, ratingBands: defaults() });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ monthStartDay: 1, canEdit: true });
    const months = await db.execute(sql`select distinct day::text as month from metrics_monthly order by 1`);
    expect((months as unknown as { rows: { month: string }[] }).rows.map((row) => row.month)).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
    const trend = (await send('GET', `/api/metrics/trend?${period}`, headers.controller)).json() as MetricsTrendView;
    expect(trend.months.map((month) => [month.from, month.to])).toEqual([
      ['2026-01-01', '2026-01-31'],
      ['2026-02-01', '2026-02-28'],
    ]);
    expect((await send('GET', `/api/reports/bieu-06?${period}`, headers.controller)).json()).toEqual(before);
    const unitIds = [tree.province.id, tree.departmentA.id, tree.divisionA.id, tree.departmentB.id];
    for (const [from, to] of [
      ['2026-01-21', '2026-02-20'],
      ['2026-01-01', '2026-03-31'],
    ] as const) {
      expect(await countersFromRollups(db, unitIds, from, to)).toEqual(await countersFromDossiers(db, unitIds, from, to));
    }
    const audit = await db.execute(
      sql`select entity_id, data from audit_events where action = 'setting.update' and entity_id like 'metrics.%' order by id`,
    );
    expect((audit as unknown as { rows: { entity_id: string; data: unknown }[] }).rows).toEqual([
      { entity_id: 'metrics.monthStartDay', data: { before: 21, after: 1 } },
    ]);
    // Back to the 21st (the admin may too).
    const admin = await createFactories(t).asAdmin<MetricsSettingsView>({
      method: 'PUT',
      url: '/api/metrics/settings',
      payload: { monthStartDay: 21, ratingBands: defaults() },
    });
    expect(admin.monthStartDay).toBe(21);
    expect((await send('GET', `/api/metrics/trend?${period}`, headers.controller)).json()).toEqual(trendBefore);
  });

  it('rates the index with the bands saved', async () => {
    const url = `/api/metrics/index?unit=${tree.province.code}&from=2026-01-01&to=2026-02-28`;
    const index = (await send('GET', url, headers.controller)).json() as MetricsIndexView;
    expect(index.score).not.toBeNull();
    expect(index.score!).toBeGreaterThan(2);
    expect(index.score!).toBeLessThan(99);
    // Xuất sắc from 2 points: this score is now "Xuất sắc"; then from 99: "Yếu" unless it reaches the other bands.
    const low = [
      { band: 'xuat_sac', minScore: 2 },
      { band: 'tot', minScore: 1.5 },
      { band: 'kha', minScore: 1 },
      { band: 'trung_binh', minScore: 0.5 },
      { band: 'yeu', minScore: 0 },
    ];
    expect((await send('PUT', '/api/metrics/settings', headers.controller, { monthStartDay: 21, ratingBands: low })).statusCode).toBe(200);
    expect((await send('GET', url, headers.controller)).json()).toMatchObject({ rating: 'xuat_sac', ratingLabel: 'Xuất sắc' });
    const high = [
      { band: 'trung_binh', minScore: 99.7 },
      { band: 'xuat_sac', minScore: 99.9 },
      { band: 'tot', minScore: 99.8 },
      { band: 'yeu', minScore: 0 },
      { band: 'kha', minScore: 99.75 },
    ];
    const saved = await send('PUT', '/api/metrics/settings', headers.controller, { monthStartDay: 21, ratingBands: high });
    expect(saved.json().ratingBands.map((entry: { band: string }) => entry.band)).toEqual(['xuat_sac', 'tot', 'kha', 'trung_binh', 'yeu']);
    expect((await send('GET', url, headers.controller)).json()).toMatchObject({ rating: 'yeu', ratingLabel: 'Yếu' });
    await send('PUT', '/api/metrics/settings', headers.controller, { monthStartDay: 21, ratingBands: defaults() });
    expect((await send('GET', url, headers.controller)).json().rating).toBe(index.rating);
  });

  it('downloads the CSV of a unit’s subtree to the readers of its index, and logs each download', async () => {
    const url = `/api/metrics/dossier-facts.csv?unit=${tree.departmentA.code}&from=2026-01-01&to=2026-03-31`;
    const response = await send('GET', url, headers.leaderA);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toContain(`filename="Du lieu ho so ${tree.departmentA.code} tu 2026-01-01 den 2026-03-31.csv"`);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(
      `Dữ liệu hồ sơ ${tree.departmentA.code} từ 2026-01-01 đến 2026-03-31.csv`,
    );
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.body).toContain('\r\n');
    const rows = parse(response.rawPayload, { bom: true, columns: true }) as Record<(typeof dossierFactsColumns)[number], string>[];
    expect(Object.keys(rows[0]!)).toEqual([...dossierFactsColumns]);
    // Department A and its division; department B's dossier is not theirs.
    expect(rows.map((row) => row.ma_ho_so).sort()).toEqual([ids.aOnTime, ids.divisionLate, ids.aStopped].sort());
    expect(rows.find((row) => row.ma_ho_so === ids.divisionLate)).toMatchObject({
      linh_vuc: 'Đất đai, "thửa" 1',
      ma_don_vi_giai_quyet: tree.divisionA.code,
      ket_qua_thoi_han: 'late',
    });
    expect(rows.find((row) => row.ma_ho_so === ids.aStopped)?.ket_qua_thoi_han).toBe('closed');

    expect((await send('GET', url, headers.controller)).statusCode).toBe(200);
    for (const as of [headers.leaderB, headers.specialistA, headers.citizen]) {
      expect((await send('GET', url, as)).statusCode).toBe(403);
    }
    expect((await send('GET', url, undefined)).statusCode).toBe(401);
    expect((await send('GET', url.replace(tree.departmentA.code, 'KHONG.CO'), headers.controller)).statusCode).toBe(404);
    const reversed = await send('GET', url.replace('from=2026-01-01', 'from=2026-04-01'), headers.controller);
    expect(reversed.statusCode).toBe(422);
    expect(reversed.body).toContain('Ngày kết thúc phải từ ngày bắt đầu trở đi.');

    const audit = await t.database.db.execute(
      sql`select entity_id, data from audit_events where action = 'metrics.dossier_facts.download' order by id`,
    );
    const logged = (audit as unknown as { rows: { entity_id: string; data: Record<string, unknown> }[] }).rows;
    expect(logged).toHaveLength(2);
    expect(logged[0]).toEqual({
      entity_id: tree.departmentA.id,
      data: { unitCode: tree.departmentA.code, from: '2026-01-01', to: '2026-03-31' },
    });
  });
});
