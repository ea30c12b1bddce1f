import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readZip, readZipEntry } from '../../../core/zip';
import { renderProposalDocx } from './docx';
import { buildLongProposalDocumentData, buildMarriageRow, buildProposalDocumentData } from './fixture';
import { buildProposalLayout, type ProposalLayout } from './layout';
import { PDF_FONT_FILES, renderProposalPdf } from './pdf';

const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
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
  const texts = [...blocks.flatMap((block) => block.runs.map((run) => run.text)), layout.pageNotice ?? ''];
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
    const docx = await renderProposalDocx(buildProposalDocumentData());
    const paragraphs = await readDocxParagraphs(docx);

    expect(paragraphs).toContain(NATIONAL_NAME);
    expect(paragraphs).toContain(MOTTO);
    expect(paragraphs).toContain('UBND TỈNH AN GIANG');
    expect(paragraphs).toContain('SỞ TƯ PHÁP');
    expect(paragraphs).toContain('An Giang, ngày 23 tháng 11 năm 2026');
    expect(paragraphs).toContain('PHƯƠNG ÁN');
    expect(paragraphs).toContain('Cắt giảm, đơn giản hóa thủ tục hành chính năm 2026');
    expect(paragraphs).toContain('Thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Tư pháp tỉnh An Giang');
    for (const name of PROCEDURE_NAMES) expect(paragraphs).toContain(name);
    expect(paragraphs).toEqual(expect.arrayContaining(['32.000.000', '28.800.000', '10,0 %', '17.032.000.000']));
    expect(paragraphs).toContain('I. Lĩnh vực Hộ tịch');
    expect(paragraphs).toContain('II. Lĩnh vực Lý lịch tư pháp');
    // Time before, time reduction, cost before and cost reduction of the procedure without a baseline.
    expect(paragraphs.filter((text) => text === 'Chưa có số liệu năm 2024')).toHaveLength(4);
    expect(paragraphs).toContain('DỮ LIỆU MẪU — không phải số liệu thật của địa phương');
    expect(paragraphs).toContain('Tình trạng: Đã trình — Trình UBND tỉnh ngày 20/11/2026');
    expect(paragraphs).toContain('Tổng cộng: 3 thủ tục');
    const methodNote = 'Chi phí tuân thủ tính theo Thông tư 02/2017/TT-VPCP (Điều 27)';
    expect(paragraphs.some((text) => text.startsWith(methodNote))).toBe(true);
    const closing = ['GIÁM ĐỐC', '(Ký, ghi rõ họ tên, đóng dấu)', 'Nguyễn Văn An', '- Lưu: VT.'];
    expect(paragraphs).toEqual(expect.arrayContaining(closing));
  });

  it('lays the page out A4 landscape in Times New Roman 13 pt, the table header repeating on each page', async () => {
    const docx = await renderProposalDocx(buildProposalDocumentData());
    const documentXml = (await readZipEntry(docx, 'word/document.xml')).toString('utf8');
    const stylesXml = (await readZipEntry(docx, 'word/styles.xml')).toString('utf8');

    expect(documentXml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(documentXml.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(stylesXml).toContain('w:ascii="Times New Roman"');
    expect(stylesXml).toContain('<w:sz w:val="26"/>');
    const entryNames = (await readZip(docx, { maxEntries: 100, maxTotalBytes: 10_000_000, maxRatio: 200 })).entries.map(
      (entry) => entry.name,
    );
    expect(entryNames).toEqual(expect.arrayContaining(['word/header1.xml', 'word/header2.xml']));
  });

  it('writes NFC text even when it is handed decomposed (NFD) text', async () => {
    const row = { ...buildMarriageRow(), procedureName: 'Đăng ký nhận cha, mẹ, con'.normalize('NFD') };
    const data = buildProposalDocumentData({
      issuingUnit: 'Sở Tư pháp'.normalize('NFD'),
      groups: [{ field: 'Hộ tịch'.normalize('NFD'), rows: [row] }],
    });
    const docx = await renderProposalDocx(data);
    const documentXml = (await readZipEntry(docx, 'word/document.xml')).toString('utf8');

    expect(documentXml).not.toMatch(/[\u0300-\u036f]/);
    const expected = ['Đăng ký nhận cha, mẹ, con', 'SỞ TƯ PHÁP', 'I. Lĩnh vực Hộ tịch'];
    expect(await readDocxParagraphs(docx)).toEqual(expect.arrayContaining(expected));
    expect(documentXml).toContain('/PA-STP');
  });

  it('leaves the demo notice out of real data', async () => {
    const data = buildProposalDocumentData({ isDemo: false, signer: { title: 'Giám đốc', name: null } });
    const docx = await renderProposalDocx(data);
    const parts = ['word/document.xml', 'word/header1.xml', 'word/header2.xml'];
    const text = (await Promise.all(parts.map((part) => readDocxParagraphs(docx, part)))).flat().join('\n');

    expect(text).not.toContain('DỮ LIỆU MẪU');
    expect(text).toContain('GIÁM ĐỐC');
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
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Roboto-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Roboto-Medium/); // the bold face
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

  it('repeats the table header and the demo notice on the following pages of a long proposal', async () => {
    const pdf = await renderProposalPdf(buildLongProposalDocumentData(30));

    expect(countPdfPages(pdf)).toBeGreaterThan(2);
    if (!isToolInstalled('pdftotext')) {
      console.warn('pdftotext (poppler-utils) is not installed: repeated table header not checked');
      return;
    }
    const secondPage = extractPdfText(writeTemporaryPdf(pdf, 'long'), 2, 2);
    expect(secondPage).toContain('Tên thủ tục (mã)');
    expect(secondPage).toContain('Chi phí tuân thủ/ năm trước (đồng)');
    expect(secondPage).toContain('DỮ LIỆU MẪU');
    expect(secondPage).not.toContain(NATIONAL_NAME);
  });
});
