import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanImportError } from './errors';
import { readDocumentXml } from './extract-docx';
import { importPlanDocument } from './index';

/*
 * Word's automatic numbering: headings and items numbered by Word (numbering.xml) and not typed are read with their
 * numbers, so that the outline, and the tasks' references, come out as the document shows them. And input that is
 * no plan is refused with a Vietnamese message, never with another error.
 */
const numbered = (text: string, level: number) => new Paragraph({ numbering: { reference: 'plan', level }, children: [new TextRun(text)] });
const plain = (text: string) => new Paragraph({ children: [new TextRun(text)] });

async function autoNumberedPlan(): Promise<Buffer> {
  const level = (index: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
    level: index,
    format,
    text,
    alignment: AlignmentType.LEFT,
  });
  return Packer.toBuffer(
    new Document({
      numbering: {
        config: [
          {
            reference: 'plan',
            levels: [
              level(0, LevelFormat.UPPER_ROMAN, '%1.'),
              level(1, LevelFormat.DECIMAL, '%2.'),
              level(2, LevelFormat.LOWER_LETTER, '%3)'),
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            plain('KẾ HOẠCH'),
            plain('Triển khai công tác kiểm soát thủ tục hành chính năm 2026'),
            numbered('MỤC TIÊU', 0),
            numbered('Mục tiêu năm 2026', 1),
            numbered('100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình.', 2),
            numbered('NHIỆM VỤ', 0),
            numbered('Rà soát thủ tục hành chính', 1),
            plain('- Cơ quan chủ trì: Sở Nội vụ.'),
            plain('- Thời hạn hoàn thành: Quý III/2026.'),
            numbered('Số hóa kết quả giải quyết', 1),
            numbered('Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính nâng cấp hệ thống, hoàn thành trước ngày 30/9/2026.', 2),
            numbered('Công an tỉnh chủ trì rà soát dữ liệu dân cư, hoàn thành trong tháng 10/2026.', 2),
          ],
        },
      ],
    }),
  );
}

describe('a .docx numbered by Word', () => {
  it('reads the numbers Word shows: I., 1., a)', async () => {
    const plan = await importPlanDocument(await autoNumberedPlan(), 'ke-hoach.docx');
    expect(plan.targets).toEqual([
      {
        year: 2026,
        ref: 'I.1.a',
        text: '100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình.',
        measures: [{ metric: 'online_full_process_percent', value: 100 }],
      },
    ]);
    expect(
      plan.tasks.map(({ ref, lead, coordinating, deadlines }) => ({
        ref,
        lead,
        coordinating,
        deadlines: deadlines.map((deadline) => deadline.kind),
      })),
    ).toEqual([
      { ref: 'II.1', lead: ['Sở Nội vụ'], coordinating: [], deadlines: ['quarter'] },
      { ref: 'II.2.a', lead: ['Sở Khoa học và Công nghệ'], coordinating: ['Sở Tài chính'], deadlines: ['date'] },
      { ref: 'II.2.b', lead: ['Công an tỉnh'], coordinating: [], deadlines: ['month'] },
    ]);
  });
});

describe('input that is no plan', () => {
  it('refuses a corrupt or empty file with a PlanImportError', async () => {
    await expect(importPlanDocument(Buffer.from('PK\u0003\u0004 hỏng'), 'a.docx')).rejects.toBeInstanceOf(PlanImportError);
    await expect(importPlanDocument(Buffer.from('%PDF-1.7 hỏng'), 'a.pdf')).rejects.toBeInstanceOf(PlanImportError);
    await expect(importPlanDocument(Buffer.from(''), 'a.txt')).rejects.toMatchObject({ reason: 'empty' });
    await expect(importPlanDocument(Buffer.from('x'), 'a.odt')).rejects.toMatchObject({ reason: 'unsupported' });
  });

  it('reads any text into a valid plan or refuses it as empty, and never fails otherwise', async () => {
    const words = fc.constantFrom(
      'I.',
      '1.',
      'a)',
      '-',
      '+',
      '*',
      'Cơ quan chủ trì:',
      'Thời hạn:',
      'KẾ HOẠCH',
      'Sở Tư pháp',
      'chủ trì',
      'phối hợp với',
      'ngày',
      'tháng',
      'năm',
      '2025',
      '15/6',
      'Quý II/2025',
      '|',
      '| STT |',
      'Nội dung',
      '\n',
      '\n\n',
      ',',
      ';',
      '(',
      ')',
      '30%',
      'Mục tiêu',
      'PHỤ LỤC',
      'Nơi nhận:',
      'Số:',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(words, fc.string({ maxLength: 8 })), { maxLength: 80 }), async (parts) => {
        try {
          await importPlanDocument(Buffer.from(parts.join(' ')), 'ke-hoach.txt');
        } catch (error) {
          expect(error).toBeInstanceOf(PlanImportError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('text boxes in a .docx', () => {
  const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
  const boxParagraphs = (texts: string[]) => texts.map((text) => `<w:p>${run(text)}</w:p>`).join('');
  /** A paragraph anchoring a text box as Word writes it: the box in mc:Choice, its copy for older programs in mc:Fallback. */
  const anchored = (before: string, box: string[], after: string) =>
    `<w:p>${run(before)}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>` +
    `<wps:wsp><wps:txbx><w:txbxContent>${boxParagraphs(box)}</w:txbxContent></wps:txbx></wps:wsp>` +
    `</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` +
    `${boxParagraphs(box)}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>${run(after)}</w:p>`;

  it('reads a text box once, as paragraphs of its own, and keeps the text of the paragraph it is anchored in', () => {
    const xml =
      '<w:document xmlns:w="w" xmlns:mc="mc" xmlns:wp="wp" xmlns:a="a" xmlns:wps="wps" xmlns:v="v"><w:body>' +
      anchored('ỦY BAN NHÂN DÂN ', ['Số: 12/KH-UBND', 'Hà Tiên, ngày 02 tháng 3 năm 2026'], 'XÃ TIÊN HẢI') +
      `<w:p>${run('KẾ HOẠCH')}</w:p></w:body></w:document>`;
    const paragraphs = readDocumentXml(xml, new Map()).filter((block) => block !== '');
    expect(paragraphs).toEqual(['Số: 12/KH-UBND', 'Hà Tiên, ngày 02 tháng 3 năm 2026', 'ỦY BAN NHÂN DÂN XÃ TIÊN HẢI', 'KẾ HOẠCH']);
  });
});

describe('merged cells of an appendix table in a .docx', () => {
  const cell = (text: string, rowSpan?: number) => new TableCell({ rowSpan, children: [plain(text)] });
  it("gives a lead unit's cell merged over several tasks to each of them, and a task's own merged rows to that task", async () => {
    const heading = ['TT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Kết quả'];
    const bytes = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              plain('UBND TỈNH AN GIANG'),
              plain('SỞ TƯ PHÁP'),
              plain('KẾ HOẠCH'),
              plain('Cải cách hành chính năm 2026'),
              plain('PHỤ LỤC'),
              new Table({
                rows: [
                  new TableRow({ children: heading.map((text) => cell(text)) }),
                  // The lead merged over tasks 1 and 2.
                  new TableRow({
                    children: [
                      cell('1'),
                      cell('Rà soát thủ tục hộ tịch'),
                      cell('Phòng Hành chính tư pháp', 2),
                      cell('Văn phòng Sở'),
                      cell('Quý II/2026'),
                      cell('Báo cáo'),
                    ],
                  }),
                  new TableRow({
                    children: [cell('2'), cell('Số hóa sổ hộ tịch'), cell('Văn phòng Sở'), cell('Quý III/2026'), cell('Dữ liệu')],
                  }),
                  // Task 3 over two rows (its STT and text merged): one task, both rows' units and deadlines.
                  new TableRow({
                    children: [
                      cell('3', 2),
                      cell('Báo cáo kết quả', 2),
                      cell('Văn phòng Sở'),
                      cell(''),
                      cell('Hằng quý'),
                      cell('Báo cáo quý'),
                    ],
                  }),
                  new TableRow({ children: [cell('Phòng Hành chính tư pháp'), cell(''), cell('Hằng tháng'), cell('Báo cáo tháng')] }),
                ],
              }),
            ],
          },
        ],
      }),
    );
    const plan = await importPlanDocument(new Uint8Array(bytes), 'ke-hoach.docx');
    expect(plan.tasks.map(({ ref, lead, deadlines }) => ({ ref, lead, deadlines: deadlines.map((deadline) => deadline.kind) }))).toEqual([
      { ref: 'PL.1', lead: ['Phòng Hành chính tư pháp'], deadlines: ['quarter'] },
      { ref: 'PL.2', lead: ['Phòng Hành chính tư pháp'], deadlines: ['quarter'] },
      { ref: 'PL.3', lead: ['Văn phòng Sở', 'Phòng Hành chính tư pháp'], deadlines: ['periodic', 'periodic'] },
    ]);
  });
});
