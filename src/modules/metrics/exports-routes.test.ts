import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bieu06View, MetricsIndexView } from '../../contract/metrics';
import type { MetricsRankingView, MetricsTrendView, PublicStatisticsView } from '../../contract/metrics-dashboard';
import { openWorkbook } from '../../core/workbook';
import { type AuthHeaders, createFactories, type Factories } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { insertDossier } from '../../test/metrics-dossiers';
import { BIEU06_XLSX_FIRST_DATA_ROW, figureCells } from './exports';

/*
 * The Biểu 06 downloads and the dashboards' series through the HTTP API (docs/api/metrics-exports.md): the XLSX read
 * back cell by cell against the JSON of the same query, the PDF's text and fonts, the trend's months against the
 * index of each month, the ranking against each child's index. The period is 2025, long past, so "today" (months
 * that have not started are left out) does not change the answers.
 */

type Province = Awaited<ReturnType<Factories['buildProvince']>>;
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const folder = mkdtempSync(join(tmpdir(), 'bieu06-routes-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe.each(testBackends())('metrics exports and dashboards (%s)', (backend) => {
  let t: TestApp;
  let tree: Province;
  let headers: Record<'controller' | 'leaderA' | 'leaderB' | 'specialistA', AuthHeaders>;
  // Reporting months of 2025 (start day 21): March = 21/02 → 20/03, April = 21/03 → 20/04.
  const from = '2025-02-21';
  const to = '2025-04-20';
  const query = (unit: string) => `unit=${unit}&from=${from}&to=${to}`;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    const make = createFactories(t);
    tree = await make.buildProvince();
    const user = async (roles: Parameters<Factories['buildUser']>[0]['roles']) => (await make.buildUser({ roles })).login();
    headers = {
      controller: await user([{ role: 'procedure_controller', unit: tree.office }]),
      leaderA: await user([{ role: 'unit_leader', unit: tree.departmentA }]),
      leaderB: await user([{ role: 'unit_leader', unit: tree.departmentB }]),
      specialistA: await user([{ role: 'specialist', unit: tree.departmentA }]),
    };
    const db = t.database.db;
    const A = tree.departmentA.id;
    // Carried over into March, resolved early in March.
    await insertDossier(db, {
      unitId: A,
      field: 'Hộ tịch',
      receivedAt: '2025-02-10T02:00:00Z',
      dueAt: '2025-03-05T10:00:00Z',
      resolvedAt: '2025-03-03T03:00:00Z',
      timing: 'early',
      status: 'returned',
    });
    // March, online, resolved on time in April.
    await insertDossier(db, {
      unitId: A,
      field: 'Hộ tịch',
      channel: 'online',
      receivedAt: '2025-03-01T02:00:00Z',
      dueAt: '2025-03-25T10:00:00Z',
      resolvedAt: '2025-03-24T03:00:00Z',
      timing: 'on_time',
      status: 'returned',
    });
    // March, postal, in the division, resolved late in March.
    await insertDossier(db, {
      unitId: tree.divisionA.id,
      field: 'Đất đai',
      channel: 'postal',
      receivedAt: '2025-03-02T02:00:00Z',
      dueAt: '2025-03-09T10:00:00Z',
      resolvedAt: '2025-03-16T02:00:00Z',
      timing: 'late',
      status: 'returned',
    });
    // April, direct, still open and overdue at the end of April.
    await insertDossier(db, { unitId: A, field: 'Đất đai', receivedAt: '2025-03-25T02:00:00Z', dueAt: '2025-04-10T10:00:00Z' });
    // Commune level, stopped in April (closed without a result).
    await insertDossier(db, {
      unitId: tree.commune.id,
      field: 'Chứng thực',
      level: 'commune',
      receivedAt: '2025-04-01T02:00:00Z',
      dueAt: '2025-04-03T10:00:00Z',
      closedAt: '2025-04-02T02:00:00Z',
      status: 'stopped',
    });
  });
  afterAll(() => t?.close());

  const getJson = async <T>(url: string, as: AuthHeaders = headers.controller) => {
    const response = await t.app.inject({ url, headers: as });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };

  it('the XLSX holds, line by line, the figures of the JSON of the same query', async () => {
    const report = await getJson<Bieu06View>(`/api/reports/bieu-06?${query(tree.province.code)}`);
    const response = await t.app.inject({ url: `/api/reports/bieu-06.xlsx?${query(tree.province.code)}`, headers: headers.controller });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toContain(`bieu-06-${tree.province.code}-${from}-${to}.xlsx`);
    const opened = await openWorkbook(response.rawPayload);
    if ('error' in opened) throw new Error(opened.error);
    const sheet = opened.workbook.getWorksheet('Bieu06')!;
    const expected: { label: string; figures: number[] }[] = [];
    for (const level of report.levels) {
      expected.push({ label: level.levelLabel, figures: figureCells(level.totals) });
      for (const field of level.fields) expected.push({ label: field.field, figures: figureCells(field.figures) });
    }
    expected.push({ label: 'Tổng cộng', figures: figureCells(report.totals) });
    const actual = expected.map((_, offset) => {
      const row = sheet.getRow(BIEU06_XLSX_FIRST_DATA_ROW + offset);
      return { label: String(row.getCell(2).value), figures: Array.from({ length: 11 }, (_, i) => row.getCell(3 + i).value as number) };
    });
    expect(actual).toEqual(expected);
    // The figures by hand: 5 dossiers (1 carried over, 4 received: 1 online, 3 direct/postal); 3 resolved (early, on
    // time, late), 1 stopped, 1 in progress and overdue.
    expect(figureCells(report.totals)).toEqual([5, 1, 3, 1, 3, 1, 1, 1, 1, 0, 1]);
    expect(sheet.getRow(BIEU06_XLSX_FIRST_DATA_ROW + expected.length - 1).getCell(14).value).toBe('Dừng, từ chối: 1');
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain(`Tại ${tree.province.name}`);
    expect(texts).toContain('Kỳ báo cáo: từ ngày 21/02/2025 đến ngày 20/04/2025');
    expect(texts).toContain('Đơn vị nhận báo cáo: Văn phòng Chính phủ');
  });

  it.skipIf(!hasPoppler)('the PDF is the form in landscape A4, with the unit, period and totals, in Liberation Serif', async () => {
    const response = await t.app.inject({ url: `/api/reports/bieu-06.pdf?${query(tree.departmentA.code)}`, headers: headers.leaderA });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const path = join(folder, `${backend}.pdf`);
    writeFileSync(path, response.rawPayload);
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.89 x 595\.28/);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).normalize('NFC');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('UBND TỈNH KIỂM THỬ'); // the body above Sở A
    expect(flat).toContain('SỞ A');
    expect(flat).toContain('Kỳ báo cáo: từ ngày 21/02/2025 đến ngày 20/04/2025');
    expect(flat).toContain(`Đơn vị nhận báo cáo: Văn phòng ${tree.province.name}`);
    // Sở A and its division: 4 dossiers, 1 carried over, 1 online, 2 direct/postal; 3 resolved; 1 overdue.
    const total = text.split('\n').find((line) => line.includes('Tổng cộng'));
    expect(total?.replace(/\s+/g, ' ').trim()).toBe('Tổng cộng 4 1 2 1 3 1 1 1 1 0 1');
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    for (const font of fonts) expect(font).toMatch(/LiberationSerif.*yes/);
  });

  it('whoever may read the JSON may download; others get the one error shape', async () => {
    const status = async (url: string, as?: AuthHeaders) => (await t.app.inject({ url, headers: as ?? {} })).statusCode;
    const xlsxA = `/api/reports/bieu-06.xlsx?${query(tree.departmentA.code)}`;
    expect(await status(xlsxA, headers.leaderA)).toBe(200);
    expect(await status(xlsxA, headers.leaderB)).toBe(403);
    expect(await status(xlsxA, headers.specialistA)).toBe(403);
    expect(await status(xlsxA)).toBe(401);
    const unknown = await t.app.inject({
      url: `/api/reports/bieu-06.pdf?unit=KHONG.CO&from=${from}&to=${to}`,
      headers: headers.controller,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('đơn vị');
    const reversed = await t.app.inject({
      url: `/api/reports/bieu-06.xlsx?unit=${tree.departmentA.code}&from=${to}&to=${from}`,
      headers: headers.controller,
    });
    expect(reversed.statusCode).toBe(422);
  });

  it('the trend gives each reporting month the index of that month', async () => {
    const trend = await getJson<MetricsTrendView>(`/api/metrics/trend?${query(tree.departmentA.code)}`);
    expect(trend.months.map((month) => [month.year, month.month, month.from, month.to])).toEqual([
      [2025, 3, '2025-02-21', '2025-03-20'],
      [2025, 4, '2025-03-21', '2025-04-20'],
    ]);
    for (const month of trend.months) {
      const index = await getJson<{ score: number | null; points: number }>(
        `/api/metrics/index?unit=${tree.departmentA.code}&from=${month.from}&to=${month.to}`,
      );
      expect(month.score).toBe(index.score);
      expect(month.points).toBe(index.points);
      const onTime = (index as unknown as MetricsIndexView).groups
        .flatMap((group) => group.indicators)
        .find((item) => item.code === 'on_time');
      expect(month.indicators.on_time).toEqual({
        numerator: onTime?.numerator,
        denominator: onTime?.denominator,
        ratio: onTime?.ratio,
        points: onTime?.points,
      });
    }
    // March: 2 received (1 online), the carried-over one resolved early and the postal one late; April: 1 received,
    // the online one resolved on time, 1 open and overdue.
    expect(
      trend.months.map((month) => [
        month.received,
        month.receivedOnline,
        month.resolvedEarly,
        month.resolvedOnTime,
        month.resolvedLate,
        month.overdue,
      ]),
    ).toEqual([
      [2, 1, 1, 0, 1, 0],
      [1, 0, 0, 1, 0, 1],
    ]);
    const tooLong = await t.app.inject({
      url: `/api/metrics/trend?unit=${tree.departmentA.code}&from=2021-01-01&to=2025-04-20`,
      headers: headers.controller,
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().error.message).toContain('tối đa 24 tháng');
  });

  it('the ranking lists the children (no desk), each with its own index, best first', async () => {
    const ranking = await getJson<MetricsRankingView>(`/api/metrics/ranking?${query(tree.province.code)}`);
    const names = ranking.items.map((item) => item.unit.name);
    expect(names).toEqual(expect.arrayContaining(['Sở A', 'Sở B', 'Xã Kiểm Thử', 'Văn phòng UBND tỉnh']));
    expect(names).not.toContain('Trung tâm Phục vụ hành chính công tỉnh');
    const scores = ranking.items.map((item) => item.score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const a = ranking.items.find((item) => item.unit.code === tree.departmentA.code)!;
    const indexA = await getJson<{ score: number | null }>(`/api/metrics/index?${query(tree.departmentA.code)}`);
    expect(a.score).toBe(indexA.score);
    expect(a.received).toBe(3); // the division's dossier counts for Sở A
    expect((await t.app.inject({ url: `/api/metrics/ranking?${query(tree.province.code)}`, headers: headers.leaderA })).statusCode).toBe(
      403,
    );
  });

  it('the warning lists hold the late, overdue and due-soon dossiers, masked', async () => {
    type List = { total: number; items: { code: string; applicantIdNumber: string; timing: string | null }[] };
    const list = (name: string, range = query(tree.departmentA.code)) => getJson<List>(`/api/metrics/dossiers?${range}&list=${name}`);
    const late = await list('late');
    expect(late.total).toBe(1);
    expect(late.items[0]?.timing).toBe('late');
    expect(late.items[0]?.applicantIdNumber).toBe('••••••••2345');
    expect((await list('overdue')).total).toBe(1);
    // On 08/04 the open dossier (due 10/04) is due within 3 days; on 06/04 not yet.
    expect((await list('due_soon', `unit=${tree.departmentA.code}&from=2025-03-21&to=2025-04-08`)).total).toBe(1);
    expect((await list('due_soon', `unit=${tree.departmentA.code}&from=2025-03-21&to=2025-04-06`)).total).toBe(0);
    const wrong = await t.app.inject({
      url: `/api/metrics/dossiers?${query(tree.departmentA.code)}&list=all`,
      headers: headers.controller,
    });
    expect(wrong.statusCode).toBe(422);
  });

  it('the public statistics give the province figures to anyone, without personal data', async () => {
    const response = await t.app.inject({ url: '/api/public/statistics?year=2025' });
    expect(response.statusCode).toBe(200);
    const body = response.json() as PublicStatisticsView;
    expect(body.unit.name).toBe(tree.province.name);
    expect([body.from, body.to]).toEqual(['2024-12-21', '2025-12-20']);
    expect(body.totals.received.total).toBe(5);
    expect(body.months.map((month) => month.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(response.body).not.toContain('Nguyễn Văn An');
    expect(response.body).not.toContain('001090012345');
    const future = await t.app.inject({ url: '/api/public/statistics?year=2100' });
    expect(future.statusCode).toBe(422);
    expect((await t.app.inject({ url: '/api/public/statistics?year=abc' })).statusCode).toBe(422);
  });
});
