import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Bieu06View } from '../../../contract/metrics';
import { openWorkbook } from '../../../core/workbook';
import { BIEU06_XLSX_FIRST_DATA_ROW, BIEU06_XLSX_HEADING_ROW, figureCells, renderBieu06Pdf, renderBieu06Xlsx } from '.';
import { bieu06Fixture, reportHeaderFixture } from './fixture';

const folder = mkdtempSync(join(tmpdir(), 'bieu06-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

function writePdf(name: string, body: Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, body);
  return path;
}
const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).normalize('NFC');

async function readSheet(report: Bieu06View) {
  const opened = await openWorkbook(await renderBieu06Xlsx(report, reportHeaderFixture));
  if ('error' in opened) throw new Error(opened.error);
  const sheet = opened.workbook.getWorksheet('Bieu06');
  if (!sheet) throw new Error('no sheet Bieu06');
  return sheet;
}

describe('Biểu 06 as XLSX', () => {
  it('holds the figures of the JSON, line by line, as numbers', async () => {
    const report = bieu06Fixture();
    const sheet = await readSheet(report);
    const line = (offset: number) => {
      const row = sheet.getRow(BIEU06_XLSX_FIRST_DATA_ROW + offset);
      return {
        number: row.getCell(1).value,
        label: row.getCell(2).value,
        figures: Array.from({ length: 11 }, (_, i) => row.getCell(3 + i).value),
        note: row.getCell(14).value,
      };
    };
    expect(line(0)).toEqual({ number: 'I', label: 'Cấp tỉnh', figures: figureCells(report.levels[0]!.totals), note: 'Dừng, từ chối: 1' });
    expect(line(1)).toEqual({
      number: '1',
      label: 'Hộ tịch',
      figures: figureCells(report.levels[0]!.fields[0]!.figures),
      note: 'Dừng, từ chối: 1',
    });
    expect(line(2)).toMatchObject({ number: '2', label: 'Đất đai', figures: [1609, 1204, 310, 95, 1341, 600, 700, 41, 268, 259, 9] });
    expect(line(3)).toMatchObject({ number: 'II', label: 'Cấp xã', figures: figureCells(report.levels[1]!.totals) });
    expect(line(4)).toMatchObject({ number: '1', label: 'Chứng thực' });
    expect(line(5)).toMatchObject({ number: '', label: 'Tổng cộng', figures: figureCells(report.totals) });
    expect(report.totals.received.total).toBe(20 + 1609 + 68);
    expect(line(5).figures[0]).toBe(1697);
  });

  it('has the header of the form: title, unit, period, merged heading cells, signature block', async () => {
    const sheet = await readSheet(bieu06Fixture());
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    const all = texts.join(' | ');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN TỈNH AN GIANG',
      'Biểu số 06/VPCP/KSTT',
      'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
      'Tại UBND tỉnh An Giang',
      'Kỳ báo cáo: từ ngày 21/12/2025 đến ngày 20/03/2026',
      'Đơn vị nhận báo cáo: Văn phòng Chính phủ',
      'NGƯỜI LẬP BIỂU',
      'THỦ TRƯỞNG ĐƠN VỊ',
      '……, ngày …… tháng …… năm ……',
    ]) {
      expect(all).toContain(expected);
    }
    const top = BIEU06_XLSX_HEADING_ROW;
    // "Số hồ sơ nhận giải quyết" spans columns C–F; "Kết quả giải quyết" G–M; STT three rows.
    expect(sheet.getCell(top, 3).value).toBe('Số hồ sơ nhận giải quyết');
    expect(sheet.getCell(top, 6).isMerged && sheet.getCell(top, 6).master.address).toBe(`C${top}`);
    expect(sheet.getCell(top, 13).master.address).toBe(`G${top}`);
    expect(sheet.getCell(top + 2, 1).master.address).toBe(`A${top}`);
    expect(sheet.getCell(top + 2, 4).value).toBe('Mới tiếp nhận trực tuyến');
    expect(sheet.getCell(top + 2, 12).value).toBe('Trong hạn');
    expect(sheet.pageSetup.orientation).toBe('landscape');
  });

  it('an empty period says so and totals zero', async () => {
    const report = bieu06Fixture();
    const empty: Bieu06View = {
      ...report,
      levels: [],
      totals: {
        ...report.levels[1]!.totals,
        received: { total: 0, online: 0, directOrPostal: 0, carriedOver: 0 },
        resolved: { total: 0, early: 0, onTime: 0, late: 0 },
        closedWithoutResult: 0,
        inProgress: { total: 0, withinTime: 0, overdue: 0 },
      },
    };
    const sheet = await readSheet(empty);
    expect(sheet.getRow(BIEU06_XLSX_FIRST_DATA_ROW).getCell(2).value).toBe('Không có hồ sơ trong kỳ');
    expect(sheet.getRow(BIEU06_XLSX_FIRST_DATA_ROW + 1).getCell(3).value).toBe(0);
  });
});

describe.skipIf(!hasPoppler)('Biểu 06 as PDF', () => {
  it('is landscape A4 with the form, the figures and the signature block, in Liberation Serif only', async () => {
    const path = writePdf('bieu06.pdf', await renderBieu06Pdf({ report: bieu06Fixture(), header: reportHeaderFixture }));
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.89 x 595\.28/);
    const text = pdfText(path);
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'ỦY BAN NHÂN DÂN',
      'Biểu số 06/VPCP/KSTT',
      'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
      'Kỳ báo cáo: từ ngày 21/12/2025 đến ngày 20/03/2026',
      'Số hồ sơ nhận giải quyết',
      'Kết quả giải quyết',
      'NGƯỜI LẬP BIỂU',
      'THỦ TRƯỞNG ĐƠN VỊ',
    ]) {
      expect(flat).toContain(expected);
    }
    // The land line in the layout text: its eleven figures in order, thousands with a dot (vi-VN).
    const landLine = text.split('\n').find((line) => line.includes('Đất đai'));
    expect(landLine?.replace(/\s+/g, ' ').trim()).toBe('2 Đất đai 1.609 1.204 310 95 1.341 600 700 41 268 259 9');
    const totalLine = text.split('\n').find((line) => line.includes('Tổng cộng'));
    expect(totalLine?.replace(/\s+/g, ' ').trim()).toMatch(
      /^Tổng cộng 1\.697 1\.256 337 104 1\.405 634 727 44 291 280 11 Dừng, từ chối: 1$/,
    );
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/LiberationSerif.*yes/);
  });
});
