import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ProgressReportData, renderProgressReportPdf } from './documents';

const workDirectory = mkdtempSync(join(tmpdir(), 'motcua-progress-report-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

/** A short report of a three-task plan: the body fits on page 1, the annex on page 2. */
function buildShortReport(overrides: Partial<ProgressReportData> = {}): ProgressReportData {
  return {
    issuingBody: { parent: null, name: 'ỦY BAN NHÂN DÂN\nTỈNH AN GIANG', symbol: 'UBND', shortName: 'Ủy ban nhân dân tỉnh' },
    place: 'An Giang',
    plan: { number: '125/KH-UBND', date: '2026-04-16', title: 'Kế hoạch cải cách thủ tục hành chính năm 2026' },
    from: '2026-01-01',
    to: '2026-12-31',
    tasks: [
      {
        ref: '1',
        title: 'Rà soát, đơn giản hóa thủ tục hành chính',
        leadUnits: ['Sở A'],
        deadline: '30/06/2026',
        statusLabel: 'Hoàn thành',
        status: 'done',
        results: ['Đã ban hành quyết định phê duyệt phương án.'],
        percent: null,
        evidence: ['Quyết định phê duyệt.pdf'],
      },
      {
        ref: '2',
        title: 'Số hóa hồ sơ, kết quả giải quyết',
        leadUnits: ['Sở A'],
        deadline: 'năm 2026',
        statusLabel: 'Đang thực hiện',
        status: 'in_progress',
        results: ['Đã số hóa 40% hồ sơ.'],
        percent: 40,
        evidence: [],
      },
      {
        ref: '3',
        title: 'Tập huấn cán bộ',
        leadUnits: ['Sở B'],
        deadline: '',
        statusLabel: 'Chưa triển khai',
        status: 'not_started',
        results: [],
        percent: null,
        evidence: [],
      },
    ],
    difficulties: [{ ref: '2', unit: 'Sở A', text: 'Máy quét thiếu.' }],
    proposals: [{ ref: '1', unit: 'Sở A', text: 'Đề nghị Bộ sửa Nghị định 63.' }],
    recipients: ['Văn phòng Chính phủ', 'Thường trực Tỉnh ủy', 'Lưu: VT'],
    signer: { form: 'deputy', collectiveBody: 'ỦY BAN NHÂN DÂN', headTitle: 'CHỦ TỊCH', deputyTitle: 'PHÓ CHỦ TỊCH', name: null },
    ...overrides,
  };
}

/** The text of each page of the PDF, as pdftotext reads it (whitespace collapsed). */
async function renderPages(data: ProgressReportData, name: string): Promise<string[]> {
  const path = join(workDirectory, `${name}.pdf`);
  writeFileSync(path, await renderProgressReportPdf(data));
  const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
  const pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
  const pages = text.split('\f').slice(0, pageCount);
  expect(pages).toHaveLength(pageCount);
  return pages.map((page) => page.replace(/\s+/g, ' ').trim());
}

describe('the progress report PDF (NĐ 30/2020 layout)', () => {
  it("keeps a document's number and symbol whole in justified lines, also where a line ends", async () => {
    // Notes of growing length move the symbol along the line, to its end and onto the next one.
    const difficulties = Array.from({ length: 8 }, (_, index) => ({
      ref: '2',
      unit: 'Sở A',
      text: `Chưa có hướng dẫn${' thêm'.repeat(index)} theo Nghị định số 30/2020/NĐ-CP và Quyết định 1085/QĐ-TTg.`,
    }));
    const pages = await renderPages(buildShortReport({ difficulties }), 'symbols');
    const text = pages.join(' ');
    expect(text).toContain('Thực hiện Kế hoạch số 125/KH-UBND ngày 16 tháng 4 năm 2026');
    expect(text).toContain('Trên đây là báo cáo kết quả thực hiện Kế hoạch số 125/KH-UBND ngày 16/04/2026');
    expect(text.match(/30\/2020\/NĐ-CP/g)).toHaveLength(difficulties.length);
    expect(text.match(/1085\/QĐ-TTg/g)).toHaveLength(difficulties.length);
  });

  it('a short report signs on page 1 and puts its annex on page 2, no blank page between', async () => {
    const pages = await renderPages(buildShortReport(), 'short');
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Nơi nhận:');
    expect(pages[0]).toContain('PHÓ CHỦ TỊCH');
    expect(pages[1]).toMatch(/^2 PHỤ LỤC TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ/);
  });

  it('never leaves a page blank nor parts the signature from its titles or from the closing paragraph', async () => {
    const signer = { form: 'deputy', collectiveBody: 'ỦY BAN NHÂN DÂN', headTitle: 'CHỦ TỊCH', deputyTitle: 'PHÓ CHỦ TỊCH' } as const;
    // From a report that fits with room left to one that spills over: every position of the page's end is met.
    for (let extra = 0; extra <= 9; extra += 1) {
      const difficulties = Array.from({ length: 1 + extra }, (_, index) => ({
        ref: '2',
        unit: 'Sở A',
        text: `Vướng mắc thứ ${index + 1}.`,
      }));
      const pages = await renderPages(buildShortReport({ difficulties, signer: { ...signer, name: 'Nguyễn Văn Bình' } }), `fill-${extra}`);
      for (const [index, page] of pages.entries()) {
        expect(page.replace(/^\d+/, '').trim(), `page ${index + 1} of ${extra}`).not.toBe('');
      }
      const signing = pages.findIndex((page) => page.includes('KT. CHỦ TỊCH'));
      expect(signing, `${extra}`).toBeGreaterThanOrEqual(0);
      for (const line of ['TM. ỦY BAN NHÂN DÂN', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn Bình', 'Nơi nhận:', 'Trên đây là báo cáo']) {
        expect(pages[signing], `${line} with the signature (${extra})`).toContain(line);
      }
      expect(pages[signing + 1], `${extra}`).toMatch(/^\d+ PHỤ LỤC/);
      expect(pages, `${extra}`).toHaveLength(signing + 2);
    }
  }, 60_000);
});
