import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bieu06View, MetricsIndexView } from '../../contract/metrics';
import { createFactories } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { insertDossier } from '../../test/metrics-dossiers';
import { dossierFactsColumns } from './dossier-facts';
import { exportDossierFactsFile, runDossierFactsExport } from './dossier-facts-cli';
import { reportingPeriod } from './index';

/*
 * The auditor's CSV (docs/formats/dossier-facts.md): a generated province, exported through the same function the
 * command runs, then the on-time indicator and a Biểu 06 row recomputed from the CSV alone and compared with the API.
 */

type Row = Record<(typeof dossierFactsColumns)[number], string>;

describe.each(testBackends())('metrics: dossier-facts CSV (%s)', (backend) => {
  let t: TestApp;
  let provinceCode: string;
  let controller: Awaited<ReturnType<Awaited<ReturnType<ReturnType<typeof createFactories>['buildUser']>>['login']>>;
  const dir = mkdtempSync(join(tmpdir(), 'dossier-facts-'));
  const march = reportingPeriod('month', 2026, 3);

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    const make = createFactories(t);
    const tree = await make.buildProvince();
    provinceCode = tree.province.code;
    controller = await (await make.buildUser({ roles: [{ role: 'procedure_controller', unit: tree.office }] })).login();
    // A deterministic generator: receipts from 05/01 to 18/03/2026, some resolved (early / on time / late), some open.
    let seed = 13;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const units = [tree.departmentA.id, tree.divisionA.id, tree.departmentB.id];
    const fields = ['Hộ tịch, chứng thực', 'Đất đai', 'Thủ tục "đặc biệt"'];
    for (let i = 0; i < 45; i++) {
      const received = new Date(Date.UTC(2026, 0, 5) + next(72) * 86_400_000 + next(20) * 3_600_000);
      const due = new Date(received.getTime() + (3 + next(20)) * 86_400_000);
      const outcome = next(4);
      const resolved = outcome === 3 ? null : new Date(received.getTime() + (1 + next(30)) * 86_400_000);
      await insertDossier(t.database.db, {
        unitId: units[next(units.length)]!,
        field: fields[next(fields.length)]!,
        level: next(3) === 0 ? 'commune' : 'province',
        channel: next(3) === 0 ? 'online' : 'direct',
        receivedAt: received.toISOString(),
        dueAt: due.toISOString(),
        resolvedAt: resolved?.toISOString() ?? null,
        timing: resolved ? (resolved < due ? (next(2) ? 'early' : 'on_time') : 'late') : null,
        pausedWorkingMinutes: next(5) === 0 ? 240 : 0,
        resultIsElectronic: resolved !== null && next(2) === 0,
        components: [{ presence: next(2) ? 'file' : 'paper' }],
      });
    }
  }, 180_000);
  afterAll(() => t?.close());

  const exportRows = async (from: string, to: string, batchSize?: number) => {
    const file = join(dir, `${from}-${to}-${batchSize ?? 0}.csv`);
    const count = await exportDossierFactsFile(t.database.db, { from, to, file }, batchSize);
    const content = readFileSync(file);
    expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(content, { bom: true, columns: true }) as Row[];
    expect(rows.length).toBe(count);
    return rows;
  };
  const get = async <T>(url: string) => {
    const response = await t.app.inject({ url, headers: controller });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };

  it('recomputes the on-time indicator and the Biểu 06 totals of March 2026 from the CSV', async () => {
    // Carried-over dossiers were received before the period: export from the first receipt to the period's end.
    const rows = await exportRows('2026-01-01', march.to, 7);
    expect(rows.length).toBe(45);
    expect(Object.keys(rows[0]!)).toEqual([...dossierFactsColumns]);
    expect(new Set(rows.map((row) => row.ma_ho_so)).size).toBe(45);
    expect(rows.every((row) => /\+07:00$/.test(row.tiep_nhan_luc))).toBe(true);
    expect(rows.some((row) => row.linh_vuc === 'Hộ tịch, chứng thực')).toBe(true);
    expect(rows.some((row) => row.ten_thu_tuc === 'Thủ tục Thủ tục "đặc biệt"')).toBe(true);
    const inPeriod = (day: string) => day >= march.from && day <= march.to;
    const resolved = rows.filter((row) => ['early', 'on_time', 'late'].includes(row.ket_qua_thoi_han) && inPeriod(row.ngay_ket_thuc));
    const open = rows.filter((row) => row.ngay_ket_thuc === '' || row.ngay_ket_thuc > march.to);
    const overdue = open.filter((row) => row.ngay_den_han !== '' && row.ngay_den_han <= march.to);
    const early = resolved.filter((row) => row.ket_qua_thoi_han === 'early').length;
    const onTime = resolved.filter((row) => row.ket_qua_thoi_han === 'on_time').length;
    const late = resolved.filter((row) => row.ket_qua_thoi_han === 'late').length;
    const received = rows.filter((row) => inPeriod(row.ngay_tiep_nhan));
    const carriedOver = rows.filter(
      (row) => row.ngay_tiep_nhan < march.from && (row.ngay_ket_thuc === '' || row.ngay_ket_thuc >= march.from),
    );

    const index = await get<MetricsIndexView>(`/api/metrics/index?unit=${provinceCode}&from=${march.from}&to=${march.to}`);
    const onTimeIndicator = index.groups.flatMap((group) => group.indicators).find((entry) => entry.code === 'on_time')!;
    expect([onTimeIndicator.numerator, onTimeIndicator.denominator]).toEqual([
      early + onTime + open.length - overdue.length,
      resolved.length + open.length,
    ]);
    expect(resolved.length).toBeGreaterThan(0);

    const report = await get<Bieu06View>(`/api/reports/bieu-06?unit=${provinceCode}&from=${march.from}&to=${march.to}`);
    expect(report.totals.received).toEqual({
      total: received.length + carriedOver.length,
      online: received.filter((row) => row.kenh === 'online').length,
      directOrPostal: received.filter((row) => row.kenh !== 'online').length,
      carriedOver: carriedOver.length,
    });
    expect(report.totals.resolved).toEqual({ total: resolved.length, early, onTime, late });
    expect(report.totals.inProgress).toEqual({ total: open.length, withinTime: open.length - overdue.length, overdue: overdue.length });
  });

  it('writes only the dossiers received in the period, the same in any batch size', async () => {
    const whole = await exportRows(march.from, march.to);
    const batched = await exportRows(march.from, march.to, 3);
    expect(batched).toEqual(whole);
    expect(whole.every((row) => row.ngay_tiep_nhan >= march.from && row.ngay_tiep_nhan <= march.to)).toBe(true);
    expect(whole.every((row) => row.thanh_toan_truc_tuyen === '' && row.danh_gia === '')).toBe(true);
  });

  it('refuses bad dates, a reversed period and an unwritable file with exit code 2 and no file', async () => {
    const lines: string[] = [];
    const output = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    const run = (args: string[]) => runDossierFactsExport(t.config, ['dossier-facts', ...args], output);
    const file = join(dir, 'sai.csv');
    expect(await run(['--from', '2026-02-30', '--to', '2026-03-20', file])).toBe(2);
    expect(lines.join('\n')).toContain('Ngày bắt đầu (--from) không hợp lệ');
    expect(await run(['--from', '2026-03-21', '--to', '2026-03-20', file])).toBe(2);
    expect(lines.join('\n')).toContain('Ngày bắt đầu 21/03/2026 sau ngày kết thúc 20/03/2026.');
    expect(await run(['--from', '2026-03-01', file])).toBe(2);
    expect(existsSync(file)).toBe(false);
    const missing = join(dir, 'khong-co', 'a.csv');
    await expect(exportDossierFactsFile(t.database.db, { from: march.from, to: march.to, file: missing })).rejects.toThrow(
      /Không ghi được tệp/,
    );
    expect(readdirSync(dir).some((name) => name.endsWith('.tmp'))).toBe(false);
  });
});
