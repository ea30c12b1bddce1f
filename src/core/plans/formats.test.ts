import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportedPlan } from '../../contract/plans';
import { APPENDIX_HEADING, APPENDIX_ROWS } from './fixtures/appendix-table';
import { type PlanModel, toDocx, toMarkdown, toPdf } from './fixtures/make-documents';
import { importPlanDocument } from './index';
import { stripMarkdown } from './lines';

/*
 * The same plan as text, as a .docx and as a .pdf gives the same plan: a seed's paragraphs followed, after the
 * signature, by an appendix task table that runs over two pages (two tables in the .docx, the second opening with
 * the rest of a row; in the .pdf long rows split by the page break, the heading repeated, page numbers and a running
 * header on every page).
 */
const seedText = readFileSync(join(import.meta.dirname, 'fixtures', 'seeds', '000_a3a59d2b228e0ff8.txt'), 'utf8');
const model: PlanModel = {
  paragraphs: [
    ...seedText
      .split('\n')
      .map(stripMarkdown)
      .filter((line) => line.length > 0),
    'PHỤ LỤC',
    'DANH MỤC NHIỆM VỤ CẮT GIẢM, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH NĂM 2025 - 2026',
  ],
  table: { heading: APPENDIX_HEADING, rows: APPENDIX_ROWS },
};

function comparable(plan: ImportedPlan) {
  return {
    plan: plan.plan,
    targets: plan.targets,
    tasks: plan.tasks.map(({ ref, title, items, lead, coordinating, deliverables, deadlines }) => ({
      ref,
      title,
      items,
      lead,
      coordinating,
      deliverables,
      deadlines,
    })),
  };
}

describe('a plan as .md, .docx and .pdf', () => {
  it('reads the appendix table of the text version: group rows, units per line, items, deadlines', async () => {
    const plan = await importPlanDocument(Buffer.from(toMarkdown(model)), 'ke-hoach.md');
    const table = plan.tasks.filter((task) => task.ref.startsWith('PL.'));
    expect(table.map((task) => task.ref)).toEqual([
      'PL.I.1',
      'PL.I.2',
      'PL.I.3',
      ...Array.from({ length: 13 }, (_, index) => `PL.II.${index + 1}`),
    ]);
    expect(table[0]).toMatchObject({
      title: 'Rà soát, thống kê thủ tục hành chính liên quan đến hoạt động sản xuất, kinh doanh thuộc phạm vi quản lý',
      items: ['Lập danh mục thủ tục hành chính, thời gian giải quyết, chi phí tuân thủ', 'Đề xuất phương án cắt giảm, đơn giản hóa'],
      lead: ['Phòng Hành chính tư pháp'],
      coordinating: ['Văn phòng Sở', 'Phòng Bổ trợ tư pháp'],
      deliverables: ['Danh mục thủ tục hành chính', 'Báo cáo kết quả rà soát'],
      deadlines: [{ kind: 'quarter', year: 2025, quarter: 2, text: 'Quý II/2025' }],
    });
    expect(table[2]?.coordinating).toEqual(['Phòng Hành chính tư pháp', 'Phòng Bổ trợ tư pháp']);
    expect(table[3]?.lead).toEqual(['Trung tâm Dịch vụ đấu giá tài sản', 'Phòng Công chứng số 1']);
    expect(table[3]?.deadlines).toEqual([{ kind: 'ongoing', text: 'Thường xuyên' }]);
    expect(table[4]?.deadlines).toEqual([
      { kind: 'periodic', every: 'quarter', day: 20, text: 'Định kỳ hằng quý, trước ngày 20 của tháng cuối quý' },
    ]);
    expect(table[5]?.deadlines).toEqual([{ kind: 'month', year: 2026, month: 12, text: 'Tháng mười hai năm 2026' }]);
    expect(table[6]).toMatchObject({
      coordinating: ['Bưu điện tỉnh', 'Trung tâm Phục vụ hành chính công tỉnh'],
      deadlines: [{ kind: 'relative', amount: 30, unit: 'days', after: 'Kế hoạch được ban hành' }],
    });
  });

  it('gives the same plan from the .docx as from the text', async () => {
    const text = await importPlanDocument(Buffer.from(toMarkdown(model)), 'ke-hoach.md');
    const docx = await importPlanDocument(await toDocx(model), 'ke-hoach.docx');
    expect(comparable(docx)).toEqual(comparable(text));
  });

  it('gives the same plan from the .pdf as from the text', async () => {
    const text = await importPlanDocument(Buffer.from(toMarkdown(model)), 'ke-hoach.md');
    const bytes = await toPdf(model, { runningHeader: 'Kế hoạch cắt giảm thủ tục hành chính - Sở Tư pháp' });
    // The table does run over pages: its heading is repeated on more than one.
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const document = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    let pagesWithTable = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      if (content.items.some((item) => 'str' in item && item.str === 'STT')) pagesWithTable++;
    }
    await document.destroy();
    expect(pagesWithTable).toBeGreaterThanOrEqual(2);
    const pdf = await importPlanDocument(bytes, 'ke-hoach.pdf');
    expect(comparable(pdf)).toEqual(comparable(text));
  });

  it('reads a table over many pages from the .pdf as from the text (rows cut by page breaks, the heading on every page)', async () => {
    const rows = Array.from({ length: 6 }, (_, group) => [
      [['I', 'II', 'III', 'IV', 'V', 'VI'][group] as string, `Nhóm nhiệm vụ ${group + 1}`, '', '', '', ''],
      ...APPENDIX_ROWS.filter((row) => /^\d/.test(row[0] as string)),
    ]).flat();
    const long: PlanModel = { ...model, table: { heading: APPENDIX_HEADING, rows } };
    const text = await importPlanDocument(Buffer.from(toMarkdown(long)), 'ke-hoach.md');
    const pdf = await importPlanDocument(await toPdf(long), 'ke-hoach.pdf');
    expect(text.tasks.length).toBe(7 + 6 * 16);
    expect(comparable(pdf).tasks).toEqual(comparable(text).tasks);
  });
});
