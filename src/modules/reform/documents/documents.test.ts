import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readZip, readZipEntry } from '../../../core/zip';
import { PDF_FONT_FILES } from '../../../documents/pdf-fonts';
import { DOCX_FONT, renderProposalDocx as renderDocx } from './docx';
import {
  buildCriminalRecordRow,
  buildLongProposalDocumentData,
  buildMarriageRow,
  buildPoliceProposalDocumentData,
  buildProposalDocumentData,
} from './fixture';
import { buildProposalLayout, buildSignatureLines, isRule, PAGE, type ProposalLayout } from './layout';
import { renderProposalPdf } from './pdf';

const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** Workflow words that must never appear in the official text: the proposal's states and the review's vocabulary. */
const STATUS_WORDS = ['Tình trạng', 'Dự thảo', 'Đã trình', 'Đã tổng hợp', 'Đã phê duyệt', 'Đã thực hiện', 'Bị từ chối', 'bản nháp'];
const MM = 72 / 25.4;
const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const PROCEDURE_NAMES = [
  'Đăng ký kết hôn có yếu tố nước ngoài',
  'Đăng ký lại khai tử có yếu tố nước ngoài',
  'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
];
const workDirectory = mkdtempSync(join(tmpdir(), 'motcua-proposal-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of each paragraph of a DOCX part (runs of one paragraph joined), in document order. */
async function readDocxParagraphs(docx: Buffer, part = 'word/document.xml'): Promise<string[]> {
  const xml = (await readZipEntry(docx, part)).toString('utf8');
  return xml
    .split('</w:p>')
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''))
    .map((text) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name]!))
    .filter((text) => text !== '');
}

function countPdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

function isToolInstalled(command: string): boolean {
  return spawnSync(command, ['-v'], { stdio: 'ignore' }).error === undefined;
}

function writeTemporaryPdf(pdf: Buffer, name: string): string {
  const path = join(workDirectory, `${name}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

/** Text of the given pages as pdftotext reads it, NFC, white space collapsed (table cells wrap names). */
function extractPdfText(pdfPath: string, firstPage = 1, lastPage = 999): string {
  const pages = ['-f', String(firstPage), '-l', String(lastPage)];
  const text = execFileSync('pdftotext', [...pages, pdfPath, '-'], { encoding: 'utf8' });
  return text.normalize('NFC').replace(/\s+/g, ' ');
}

/** Every character the document shows, to check against the fonts' character sets. */
function collectLayoutCharacters(layout: ProposalLayout): Set<string> {
  const { masthead, heading, headerRows, bodyRows, notes, closing } = layout;
  const tableBlocks = [...headerRows, ...bodyRows].flatMap((row) => row.cells.flatMap((cell) => cell.blocks));
  const blocks = [...masthead.left, ...masthead.right, ...heading, ...tableBlocks, ...notes, ...closing.left, ...closing.right];
  const texts = [...blocks.flatMap((block) => (isRule(block) ? [] : block.runs.map((run) => run.text))), layout.pageNotice ?? ''];
  return new Set(texts.join(''));
}

/** Code points a font file has glyphs for, read with fontconfig's fc-query ("20-7e a0-17f 1ea0-1ef9 ..."). */
function readFontCharacterSet(fontPath: string): (codePoint: number) => boolean {
  const ranges = execFileSync('fc-query', ['--format=%{charset}', fontPath], { encoding: 'utf8' })
    .trim()
    .split(/\s+/)
    .map((range) => range.split('-').map((hex) => Number.parseInt(hex, 16)))
    .map(([first, last]) => [first!, last ?? first!] as const);
  return (codePoint) => ranges.some(([first, last]) => codePoint >= first && codePoint <= last);
}

describe('renderProposalDocx', () => {
  it('writes masthead, title, every procedure, amounts, groups, missing baselines and the demo notice', async () => {
    const docx = await renderDocx(buildProposalDocumentData());
    const paragraphs = await readDocxParagraphs(docx);

    expect(paragraphs).toContain(NATIONAL_NAME);
    expect(paragraphs).toContain(MOTTO);
    // The parent body above the issuing body, the date of signing, the document type and its summary.
    expect(paragraphs.slice(0, 3)).toEqual([
      'UBND TỈNH AN GIANG',
      'SỞ TƯ PHÁP',
      'Số:\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0/PA-STP',
    ]);
    expect(paragraphs).toContain('An Giang, ngày 23 tháng 11 năm 2026');
    expect(paragraphs).toContain('PHƯƠNG ÁN');
    expect(paragraphs).toContain('Cắt giảm, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Tư pháp tỉnh An Giang');
    expect(paragraphs.some((text) => text.endsWith('trình UBND tỉnh An Giang xem xét, quyết định như sau:'))).toBe(true);
    for (const name of PROCEDURE_NAMES) expect(paragraphs).toContain(name);
    expect(paragraphs).toEqual(expect.arrayContaining(['32.000.000', '28.800.000', '10,0 %', '17.032.000.000']));
    expect(paragraphs).toContain('I. Lĩnh vực Hộ tịch');
    expect(paragraphs).toContain('II. Lĩnh vực Lý lịch tư pháp');
    // Time before, time reduction, cost before and cost reduction of the procedure without a baseline.
    expect(paragraphs.filter((text) => text === 'Chưa có số liệu năm 2024')).toHaveLength(4);
    expect(paragraphs).toContain('Tổng cộng: 3 thủ tục');
    const methodNote = 'Chi phí tuân thủ tính theo Thông tư 02/2017/TT-VPCP (Điều 27)';
    expect(paragraphs.some((text) => text.startsWith(methodNote))).toBe(true);
    const closing = ['Nơi nhận:', '- UBND tỉnh An Giang (qua Văn phòng UBND tỉnh);', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn An'];
    expect(paragraphs).toEqual(expect.arrayContaining(closing));
    // No workflow data and no signing formula of a form inside the official text; the demo warning is in the margin.
    const text = paragraphs.join('\n');
    for (const word of [...STATUS_WORDS, '(Ký, ghi rõ họ tên, đóng dấu)', 'THỦ TRƯỞNG ĐƠN VỊ', 'DỮ LIỆU MẪU']) {
      expect(text).not.toContain(word);
    }
    const headers = (await Promise.all(['word/header1.xml', 'word/header2.xml'].map((part) => readDocxParagraphs(docx, part)))).flat();
    expect(headers).toContain('DỮ LIỆU MẪU — không phải số liệu thật của địa phương');
  });

  it('heads a Công an tỉnh proposal with Bộ Công an, addresses it there, leaves the date blank and signs "KT."', async () => {
    const paragraphs = await readDocxParagraphs(await renderDocx(buildPoliceProposalDocumentData()));

    expect(paragraphs.slice(0, 2)).toEqual(['BỘ CÔNG AN', 'CÔNG AN TỈNH AN GIANG']);
    expect(paragraphs.join('\n')).not.toMatch(/UBND TỈNH|ỦY BAN NHÂN DÂN TỈNH/);
    expect(paragraphs.some((text) => text.endsWith('/PA-CAT'))).toBe(true);
    expect(paragraphs).toContain('An Giang, ngày … tháng … năm 20…');
    expect(paragraphs).toContain('- Bộ Công an (để xem xét, quyết định);');
    expect(paragraphs.some((text) => text.endsWith('trình Bộ Công an xem xét, quyết định như sau:'))).toBe(true);
    const signature = paragraphs.slice(paragraphs.indexOf('KT. GIÁM ĐỐC'));
    expect(signature.slice(0, 3)).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Trần Văn Bình']);
  });

  it('lays the page out A4 landscape with the margins of NĐ 30, in Times New Roman 14 pt, the table header repeating', async () => {
    const docx = await renderDocx(buildProposalDocumentData());
    const documentXml = (await readZipEntry(docx, 'word/document.xml')).toString('utf8');
    const stylesXml = (await readZipEntry(docx, 'word/styles.xml')).toString('utf8');

    expect(documentXml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    // Section margins in twips (1 mm = 56.7 twips): top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
    const margins = documentXml.match(/<w:pgMar ([^>]*)\/>/)![1]!;
    const marginMm = (side: string) => Number(margins.match(new RegExp(`w:${side}="(\\d+)"`))![1]) / (1440 / 25.4);
    for (const [side, low, high] of [
      ['top', 20, 25],
      ['bottom', 20, 25],
      ['left', 30, 35],
      ['right', 15, 20],
    ] as const) {
      expect(marginMm(side), side).toBeGreaterThanOrEqual(low - 0.05);
      expect(marginMm(side), side).toBeLessThanOrEqual(high + 0.05);
    }
    expect(documentXml.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(stylesXml).toContain(`w:ascii="${DOCX_FONT}"`);
    expect(DOCX_FONT).toBe('Times New Roman');
    expect(stylesXml).toContain('<w:sz w:val="28"/>');
    const archive = await readZip(docx, { maxEntries: 100, maxTotalBytes: 10_000_000, maxRatio: 200 });
    const entryNames = archive.entries.map((entry) => entry.name);
    expect(entryNames).toEqual(expect.arrayContaining(['word/header1.xml', 'word/header2.xml']));
    // Times New Roman is the only font any part names.
    for (const name of entryNames.filter((entry) => entry.endsWith('.xml'))) {
      const xml = (await readZipEntry(docx, name)).toString('utf8');
      const fonts = new Set([...xml.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)].map((match) => match[1]));
      for (const font of fonts) expect(font, name).toBe('Times New Roman');
      expect(xml, name).not.toContain('Roboto');
    }
  });

  it('writes NFC text even when it is handed decomposed (NFD) text', async () => {
    const row = { ...buildMarriageRow(), procedureName: 'Đăng ký nhận cha, mẹ, con'.normalize('NFD') };
    const data = buildProposalDocumentData({
      issuingBody: { parent: 'UBND TỈNH AN GIANG', name: 'SỞ TƯ PHÁP'.normalize('NFD'), symbol: 'STP', shortName: 'Sở Tư pháp' },
      groups: [{ field: 'Hộ tịch'.normalize('NFD'), rows: [row] }],
    });
    const docx = await renderDocx(data);
    const documentXml = (await readZipEntry(docx, 'word/document.xml')).toString('utf8');

    expect(documentXml).not.toMatch(/[\u0300-\u036f]/);
    const expected = ['Đăng ký nhận cha, mẹ, con', 'SỞ TƯ PHÁP', 'I. Lĩnh vực Hộ tịch'];
    expect(await readDocxParagraphs(docx)).toEqual(expect.arrayContaining(expected));
    expect(documentXml).toContain('/PA-STP');
  });

  it('leaves the demo notice out of real data', async () => {
    const signer = { form: 'head', collectiveBody: null, headTitle: 'Giám đốc', deputyTitle: null, name: null } as const;
    const data = buildProposalDocumentData({ isDemo: false, signer });
    const docx = await renderDocx(data);
    const parts = ['word/document.xml', 'word/header1.xml', 'word/header2.xml'];
    const text = (await Promise.all(parts.map((part) => readDocxParagraphs(docx, part)))).flat().join('\n');

    expect(text).not.toContain('DỮ LIỆU MẪU');
    expect(text).toContain('GIÁM ĐỐC');
  });
});

describe('buildSignatureLines', () => {
  const signer = { collectiveBody: null, headTitle: 'Giám đốc', deputyTitle: 'Phó Giám đốc', name: null };

  it('writes the authority of the signature as NĐ 30 Điều 13 wants it', () => {
    expect(buildSignatureLines({ ...signer, form: 'head' })).toEqual(['GIÁM ĐỐC']);
    expect(buildSignatureLines({ ...signer, form: 'deputy' })).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    expect(buildSignatureLines({ ...signer, form: 'acting' })).toEqual(['Q. GIÁM ĐỐC']);
    const committee = { ...signer, collectiveBody: 'ỦY BAN NHÂN DÂN', headTitle: 'CHỦ TỊCH', deputyTitle: 'PHÓ CHỦ TỊCH' };
    expect(buildSignatureLines({ ...committee, form: 'head' })).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(buildSignatureLines({ ...committee, form: 'deputy' })).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
  });
});

describe('renderProposalPdf', () => {
  it('produces an A4 landscape PDF with embedded fonts', async () => {
    const pdf = await renderProposalPdf(buildProposalDocumentData());
    const raw = pdf.toString('latin1');

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(countPdfPages(pdf)).toBeGreaterThanOrEqual(1);
    expect(pdf.length).toBeGreaterThan(20_000); // four embedded font subsets
    expect(raw).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    expect(raw).not.toContain('Roboto');
  });

  it('embeds Liberation Serif, in its four faces, and no other font (pdffonts)', async (context) => {
    if (!isToolInstalled('pdffonts')) {
      console.warn('pdffonts (poppler-utils) is not installed: the fonts of the PDF not checked');
      context.skip();
    }
    const pdfPath = writeTemporaryPdf(await renderProposalPdf(buildProposalDocumentData()), 'fonts');
    // name, type, encoding, emb, sub, uni, object id — after two heading lines.
    const fonts = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2)
      .map((line) => line.split(/\s+/))
      .map((columns) => ({ name: columns[0]!.replace(/^[A-Z]{6}\+/, ''), embedded: columns.at(-5) }));

    expect(fonts.map((font) => font.name).sort()).toEqual([
      'LiberationSerif',
      'LiberationSerif-Bold',
      'LiberationSerif-BoldItalic',
      'LiberationSerif-Italic',
    ]);
    expect(fonts.every((font) => font.embedded === 'yes')).toBe(true);
  });

  it('keeps the text within the margins of NĐ 30, only the page header in the top margin (pdftotext -bbox)', async (context) => {
    if (!isToolInstalled('pdftotext')) {
      console.warn('pdftotext (poppler-utils) is not installed: the margins of the PDF not checked');
      context.skip();
    }
    const pdfPath = writeTemporaryPdf(await renderProposalPdf(buildLongProposalDocumentData(12)), 'margins');
    const html = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8' });
    const pages = html.split('<page ').slice(1);
    expect(pages.length).toBeGreaterThan(1);
    const { leftMm, rightMm, topMm, bottomMm } = PAGE.margins;
    expect([
      leftMm >= 30 && leftMm <= 35,
      rightMm >= 15 && rightMm <= 20,
      topMm >= 20 && topMm <= 25,
      bottomMm >= 20 && bottomMm <= 25,
    ]).toEqual([true, true, true, true]);
    for (const page of pages) {
      const width = Number(page.match(/width="([\d.]+)"/)![1]);
      const height = Number(page.match(/height="([\d.]+)"/)![1]);
      expect([Math.round(width / MM), Math.round(height / MM)]).toEqual([297, 210]);
      const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (match) => ({ xMin: +match[1]!, yMin: +match[2]!, xMax: +match[3]!, yMax: +match[4]!, text: match[5]! }),
      );
      const body = words.filter((word) => word.yMin >= topMm * MM - 0.5);
      const inTopMargin = words.filter((word) => word.yMin < topMm * MM - 0.5);
      expect(body.length).toBeGreaterThan(20);
      for (const word of body) {
        expect(word.xMin, word.text).toBeGreaterThanOrEqual(leftMm * MM - 0.5);
        expect(word.xMax, word.text).toBeLessThanOrEqual(width - rightMm * MM + 0.5);
        expect(word.yMax, word.text).toBeLessThanOrEqual(height - bottomMm * MM + 0.5);
      }
      // The top margin holds the page header only: the page number and the demo warning.
      expect(inTopMargin.map((word) => word.text).join(' ')).toMatch(/^(\d+ )?DỮ LIỆU MẪU — không phải số liệu thật của địa phương$/);
    }
    // The text block begins at the top margin and the left margin (the header's first line, the table's rule).
    const firstPageWords = [...pages[0]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"/g)].map((match) => [+match[1]!, +match[2]!]);
    expect(Math.min(...firstPageWords.map(([, y]) => y!).filter((y) => y >= topMm * MM - 0.5))).toBeCloseTo(topMm * MM, 0);
  });

  it('uses fonts that have a glyph for every character of the document', async (context) => {
    if (!isToolInstalled('fc-query')) {
      console.warn('fc-query (fontconfig) is not installed: glyph coverage of the PDF fonts not checked');
      context.skip();
    }
    const characters = collectLayoutCharacters(buildProposalLayout(buildProposalDocumentData()));
    expect(characters).toContain('ữ');
    for (const fontPath of Object.values(PDF_FONT_FILES)) {
      const hasGlyph = readFontCharacterSet(fontPath);
      const missing = [...characters].filter((character) => !hasGlyph(character.codePointAt(0)!));
      expect(missing, fontPath).toEqual([]);
    }
  });

  it('reads back the Vietnamese text (pdftotext)', async (context) => {
    if (!isToolInstalled('pdftotext')) {
      console.warn('pdftotext (poppler-utils) is not installed: text extraction of the PDF not checked');
      context.skip();
    }
    const pdfPath = writeTemporaryPdf(await renderProposalPdf(buildProposalDocumentData()), 'proposal');
    const text = extractPdfText(pdfPath);

    expect(text).toContain(NATIONAL_NAME);
    expect(text).toContain(MOTTO);
    for (const name of PROCEDURE_NAMES) expect(text).toContain(name);
    expect(text).toContain('I. Lĩnh vực Hộ tịch');
    expect(text).toContain('32.000.000');
    expect(text).toContain('Chưa có số liệu năm 2024');
    expect(text).toContain('DỮ LIỆU MẪU — không phải số liệu thật của địa phương');
    expect(text).toContain('UBND TỈNH AN GIANG SỞ TƯ PHÁP');
    expect(text).toContain('An Giang, ngày 23 tháng 11 năm 2026');
    expect(text).toContain('Nơi nhận: - UBND tỉnh An Giang (qua Văn phòng UBND tỉnh); - Lưu: VT.');
    expect(text).toMatch(/GIÁM ĐỐC Nguyễn Văn An/);
    for (const word of [...STATUS_WORDS, '(Ký, ghi rõ họ tên', 'THỦ TRƯỞNG ĐƠN VỊ']) expect(text).not.toContain(word);
  });

  it('writes the parent body, the blank date and each signature form: KT., TM., Q. (pdftotext)', async (context) => {
    if (!isToolInstalled('pdftotext')) {
      console.warn('pdftotext (poppler-utils) is not installed: the signature forms of the PDF not checked');
      context.skip();
    }
    const police = extractPdfText(writeTemporaryPdf(await renderProposalPdf(buildPoliceProposalDocumentData()), 'police'));
    expect(police).toContain('BỘ CÔNG AN CÔNG AN TỈNH AN GIANG');
    expect(police).not.toContain('UBND TỈNH');
    expect(police).toContain('An Giang, ngày … tháng … năm 20…');
    expect(police).toContain('/PA-CAT');
    expect(police).toContain('KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Văn Bình');

    const commune = buildPoliceProposalDocumentData({
      issuingBody: { parent: null, name: 'ỦY BAN NHÂN DÂN\nXÃ MỸ HÒA HƯNG', symbol: 'UBND', shortName: 'Ủy ban nhân dân xã Mỹ Hòa Hưng' },
      signer: {
        form: 'deputy',
        collectiveBody: 'ỦY BAN NHÂN DÂN',
        headTitle: 'CHỦ TỊCH',
        deputyTitle: 'PHÓ CHỦ TỊCH',
        name: 'Lê Văn Cường',
      },
    });
    const communeText = extractPdfText(writeTemporaryPdf(await renderProposalPdf(commune), 'commune'));
    expect(communeText).toMatch(/^(\S+ )*?ỦY BAN NHÂN DÂN XÃ MỸ HÒA HƯNG/);
    expect(communeText).toContain('TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Văn Cường');

    const acting = buildProposalDocumentData({
      signer: { form: 'acting', collectiveBody: null, headTitle: 'GIÁM ĐỐC', deputyTitle: 'PHÓ GIÁM ĐỐC', name: 'Võ Minh Đức' },
    });
    expect(extractPdfText(writeTemporaryPdf(await renderProposalPdf(acting), 'acting'))).toContain('Q. GIÁM ĐỐC Võ Minh Đức');
  });

  it('renders page 1 to an image (pdftoppm)', async (context) => {
    if (!isToolInstalled('pdftoppm')) {
      console.warn('pdftoppm (poppler-utils) is not installed: page 1 of the PDF not rasterised');
      context.skip();
    }
    const pdfPath = writeTemporaryPdf(await renderProposalPdf(buildProposalDocumentData()), 'raster');
    const imagePrefix = join(workDirectory, 'page-1');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, imagePrefix]);
    const png = readFileSync(`${imagePrefix}.png`);

    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // 297 × 210 mm at 60 dpi is 701.6 × 496.1 px; poppler rounds either way.
    expect(Math.abs(png.readUInt32BE(16) - 702)).toBeLessThanOrEqual(1);
    expect(Math.abs(png.readUInt32BE(20) - 496)).toBeLessThanOrEqual(1);
    expect(png.length).toBeGreaterThan(20_000); // a page full of text, not a blank one
  });

  it('never leaves a field heading alone at the foot of a page, away from its first procedure', async (context) => {
    if (!isToolInstalled('pdftotext')) {
      console.warn('pdftotext (poppler-utils) is not installed: the page breaks of the PDF not checked');
      context.skip();
    }
    // With 2 and 8 procedures in the first field, the second field's heading falls at the foot of page 1 and page 2.
    for (const count of [2, 8]) {
      const rows = Array.from({ length: count }, (_, index) => ({ ...buildMarriageRow(), procedureCode: `1.00${1000 + index}` }));
      const data = buildProposalDocumentData({
        groups: [
          { field: 'Hộ tịch', rows },
          { field: 'Lý lịch tư pháp', rows: [buildCriminalRecordRow()] },
        ],
      });
      const path = writeTemporaryPdf(await renderProposalPdf(data), `groups-${count}`);
      const pages = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).split('\f');
      const headingPage = pages.find((page) => page.includes('II. Lĩnh vực Lý lịch tư pháp'));
      expect(headingPage, `${count} procedures`).toContain('2.000488');
    }
  });

  it('repeats the table header and the demo notice on the following pages of a long proposal', async () => {
    const pdf = await renderProposalPdf(buildLongProposalDocumentData(30));

    expect(countPdfPages(pdf)).toBeGreaterThan(2);
    if (!isToolInstalled('pdftotext')) {
      console.warn('pdftotext (poppler-utils) is not installed: repeated table header not checked');
      return;
    }
    const secondPage = extractPdfText(writeTemporaryPdf(pdf, 'long'), 2, 2);
    expect(secondPage).toContain('Tên thủ tục (mã)');
    expect(secondPage).toMatch(/Chi phí tuân thủ\/ ?năm trước \(đồng\)/);
    expect(secondPage).toContain('DỮ LIỆU MẪU');
    expect(secondPage).not.toContain(NATIONAL_NAME);
  });
});
