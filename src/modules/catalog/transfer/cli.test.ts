import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../../config';
import { openDatabase } from '../../../db/client';
import { applyMigrations } from '../../../db/migrate';
import { type DemoLoadOptions, loadDemoData } from '../../../demo';
import { TEST_PROCEDURE_CODES, testConfig } from '../../../test/harness';
import { runCatalogTransfer } from '../transfer-cli';

let directory: string;
let withCatalog: Config;
let unitsOnly: Config;

/** Runs the command as `motcua` would, collecting what it prints. */
async function run(config: Config, command: 'import' | 'export', args: string[]) {
  const lines: string[] = [];
  const code = await runCatalogTransfer(config, command, args, { out: (line) => lines.push(line), err: (line) => lines.push(line) });
  return { code, text: lines.join('\n') };
}

/** An embedded database on disk, as the command line finds it under DATA_DIR. */
async function prepareDataDir(name: string, demo: DemoLoadOptions): Promise<Config> {
  const config = testConfig({ dataDir: join(directory, name), databaseUrl: undefined });
  const handle = await openDatabase({ dataDir: config.dataDir });
  await applyMigrations(handle);
  await loadDemoData(handle.db, { dossiers: 0, plans: false, ...demo });
  await handle.close();
  return config;
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'motcua-transfer-'));
  withCatalog = await prepareDataDir('source', { procedureCodes: TEST_PROCEDURE_CODES, baselines: false });
  unitsOnly = await prepareDataDir('target', { procedureCodes: [], baselines: false });
});

afterAll(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

describe('motcua import|export procedures', () => {
  it('exports JSON and XLSX and imports the workbook into another database', async () => {
    const json = join(directory, 'danh-muc.json');
    const xlsx = join(directory, 'danh-muc.xlsx');
    const exported = await run(withCatalog, 'export', ['procedures', json]);
    expect(exported).toEqual({
      code: 0,
      text: expect.stringMatching(/^Đã xuất 5 thủ tục có hiệu lực ngày \d{2}\/\d{2}\/\d{4} vào .*danh-muc\.json\.$/),
    });
    expect(JSON.parse(await readFile(json, 'utf8')).procedures).toHaveLength(5);
    expect((await run(withCatalog, 'export', ['procedures', xlsx, '--date', '2026-01-01'])).code).toBe(0);

    expect(await run(unitsOnly, 'import', ['procedures', xlsx, '--dry-run'])).toEqual({
      code: 0,
      text: 'Kiểm tra xong (chưa ghi gì): có thể nhập 5 thủ tục: 5 thêm mới, 0 công bố phiên bản mới, 0 không thay đổi.',
    });
    expect(await run(unitsOnly, 'import', ['procedures', xlsx])).toEqual({
      code: 0,
      text: 'Đã nhập 5 thủ tục: 5 thêm mới, 0 công bố phiên bản mới, 0 không thay đổi.',
    });
    expect((await run(unitsOnly, 'import', ['procedures', json])).text).toMatch(
      /^Đã nhập 5 thủ tục: 0 thêm mới, 0 công bố phiên bản mới, 5 không thay đổi\./,
    );
  });

  it('prints the errors of a bad file by row and exits with 1', async () => {
    const file = join(directory, 'loi.json');
    await run(withCatalog, 'export', ['procedures', file]);
    const exported = JSON.parse(await readFile(file, 'utf8'));
    exported.procedures[1].decision.effectiveDate = '01/07/2025';
    exported.procedures[3].procedure.onlineLevel = 'cao';
    await writeFile(file, JSON.stringify(exported));
    const result = await run(unitsOnly, 'import', ['procedures', file]);
    expect(result.code).toBe(1);
    expect(result.text.split('\n')).toEqual([
      'Không nhập được: tệp có 2 lỗi. Chưa có thủ tục nào được ghi vào cơ sở dữ liệu.',
      '  - procedures, dòng 2, cột decision.effectiveDate: Ngày phải có dạng YYYY-MM-DD.',
      '  - procedures, dòng 4, cột procedure.onlineLevel: Mức độ trực tuyến không hợp lệ.',
    ]);
    await writeFile(file, '{"format": "motcua.procedures", "version": 1, "procedures": [');
    expect(await run(unitsOnly, 'import', ['procedures', file])).toMatchObject({
      code: 1,
      text: expect.stringMatching(/Tệp không phải JSON hợp lệ/),
    });
    expect(await run(unitsOnly, 'import', ['procedures', join(directory, 'khong-co.xlsx')])).toMatchObject({
      code: 1,
      text: expect.stringMatching(/^Không tìm thấy tệp/),
    });
  });

  it('writes an empty template and refuses wrong usage with exit code 2', async () => {
    const template = join(directory, 'mau.xlsx');
    expect(await run(withCatalog, 'export', ['procedures', template, '--template'])).toEqual({
      code: 0,
      text: `Đã ghi mẫu trống vào ${template}.`,
    });
    expect(await run(unitsOnly, 'import', ['procedures', template])).toMatchObject({
      code: 1,
      text: expect.stringMatching(/Tệp không có thủ tục nào để nhập\./),
    });
    const wrong: [string[], RegExp][] = [
      [['procedures', 'danh-muc.csv'], /dùng phần mở rộng \.json hoặc \.xlsx/],
      [['units', 'a.json'], /Thiếu hoặc thừa tham số/],
      [['procedures', 'a.json', '--unknown'], /Tham số không hợp lệ/],
      [
        ['procedures', 'a.json', '--decision-number', '12/QĐ-UBND'],
        /cần đủ --decision-number, --decision-date, --signer và --effective-date/,
      ],
      [
        [
          'procedures',
          'a.json',
          '--decision-number',
          '1',
          '--decision-date',
          '2026-02-30',
          '--signer',
          'A',
          '--effective-date',
          '2026-03-01',
        ],
        /--decision-date: ngày phải có dạng YYYY-MM-DD và tồn tại/,
      ],
    ];
    for (const [args, message] of wrong) {
      const result = await run(unitsOnly, 'import', args);
      expect(result.code).toBe(2);
      expect(result.text).toMatch(message);
      expect(result.text).toContain('Cách dùng:');
    }
  });
});
