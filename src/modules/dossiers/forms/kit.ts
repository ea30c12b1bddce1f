import pdfMake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { configurePdfmake, PDF_FONT_FAMILY, toPoints } from '../../../documents/pdf-fonts';
import type { FormIssuer } from './types';

/**
 * The layout every form shares, after Nghị định 30/2020/NĐ-CP Phụ lục I: A4, margins top and bottom 20 mm, left
 * 30 mm, right 15 mm; Times-metric serif; the issuing body on the left and the national title and motto on the
 * right, each with a short rule under it; the title in bold capitals; signature blocks with room for the signature.
 */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 };
export const FONT_PT = { body: 13, header: 12.5, title: 14, small: 11, table: 11 };
const RULE_PT = 0.5;

export const nfc = (text: string) => text.normalize('NFC');

function rule(widthMm: number, containerMm: number): Content {
  const x1 = toPoints((containerMm - widthMm) / 2);
  return { canvas: [{ type: 'line', x1, y1: 0, x2: x1 + toPoints(widthMm), y2: 0, lineWidth: RULE_PT }], margin: [0, 1, 0, 0] };
}

/**
 * The masthead: the issuer (its parent in regular capitals above it in bold) and the number line on the left; on the
 * right "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc" and the place and date in italics.
 */
export function masthead(
  issuer: FormIssuer,
  options: { numberLine: string | null; placeDate: string | null; contentWidthMm: number; leftWidthMm?: number },
): Content {
  const leftMm = options.leftWidthMm ?? 70;
  const rightMm = options.contentWidthMm - leftMm;
  const left: Content[] = [];
  if (issuer.parent) left.push({ text: nfc(issuer.parent), alignment: 'center', fontSize: FONT_PT.header });
  left.push({ text: nfc(issuer.name), alignment: 'center', bold: true, fontSize: FONT_PT.header });
  left.push(rule(20, leftMm));
  if (options.numberLine) left.push({ text: options.numberLine, alignment: 'center', fontSize: FONT_PT.body, margin: [0, 4, 0, 0] });
  const right: Content[] = [
    { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', alignment: 'center', bold: true, fontSize: FONT_PT.header },
    { text: 'Độc lập - Tự do - Hạnh phúc', alignment: 'center', bold: true, fontSize: FONT_PT.body },
    rule(58, rightMm),
  ];
  if (options.placeDate) {
    right.push({ text: nfc(options.placeDate), alignment: 'center', italics: true, fontSize: FONT_PT.body, margin: [0, 4, 0, 0] });
  }
  return {
    columns: [
      { width: toPoints(leftMm), stack: left },
      { width: toPoints(rightMm), stack: right },
    ],
    columnGap: 0,
  };
}

export function title(lines: string[], spaceBefore = 14): Content[] {
  return lines.map((line, index) => ({
    text: nfc(line),
    alignment: 'center' as const,
    bold: true,
    fontSize: index === 0 ? FONT_PT.title : FONT_PT.body,
    margin: [0, index === 0 ? spaceBefore : 2, 0, 0] as [number, number, number, number],
  }));
}

/** A line "Label: value"; an empty value leaves a dotted blank to write in by hand. */
export function field(label: string, value: string | null | undefined, spaceBefore = 3): Content {
  const shown = value && value.trim() !== '' ? nfc(value) : '……………………………………';
  return { text: [{ text: `${nfc(label)}: ` }, { text: shown }], margin: [0, spaceBefore, 0, 0], alignment: 'left' };
}

export function paragraph(
  text: string,
  options: { bold?: boolean; italics?: boolean; spaceBefore?: number; indentMm?: number } = {},
): Content {
  return {
    text: nfc(text),
    bold: options.bold ?? false,
    italics: options.italics ?? false,
    alignment: 'justify',
    margin: [0, options.spaceBefore ?? 3, 0, 0],
    ...(options.indentMm ? { leadingIndent: toPoints(options.indentMm) } : {}),
  };
}

/** A signature block: its title in bold capitals, the instruction in italics, room to sign, and the name if known. */
export function signatureBlock(heading: string[], name: string | null, note = '(Ký và ghi rõ họ tên)'): Content[] {
  const lines: Content[] = heading.map((line) => ({ text: nfc(line), alignment: 'center' as const, bold: true }));
  if (note) lines.push({ text: note, alignment: 'center', italics: true });
  lines.push({ text: name ? nfc(name) : ' ', alignment: 'center', bold: true, margin: [0, 54, 0, 0] });
  return lines;
}

/** Two signature blocks side by side (applicant and officer), or one on the right. */
export function signatures(left: Content[] | null, right: Content[], contentWidthMm: number): Content {
  const half = toPoints(contentWidthMm / 2);
  return {
    columns: [
      { width: half, stack: left ?? [{ text: '' }] },
      { width: half, stack: right },
    ],
    columnGap: 0,
    margin: [0, 14, 0, 0],
    unbreakable: true,
  };
}

/** A bordered table with a bold heading row that repeats on each page. */
export function table(widths: (number | '*')[], heading: string[], rows: string[][], fontSize = FONT_PT.table): Content {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: widths.map((width) => (width === '*' ? '*' : toPoints(width))),
      body: [
        heading.map((text) => ({ text: nfc(text), bold: true, alignment: 'center' as const, fontSize })),
        ...rows.map((row) =>
          row.map((text, index) => ({ text: nfc(text), fontSize, alignment: index === 0 ? ('center' as const) : ('left' as const) })),
        ),
      ],
    },
    layout: { hLineWidth: () => RULE_PT, vLineWidth: () => RULE_PT, paddingTop: () => 2, paddingBottom: () => 2 },
    margin: [0, 4, 0, 0],
  };
}

export const A4_PORTRAIT_CONTENT_MM = 210 - MARGINS_MM.left - MARGINS_MM.right;
export const A4_LANDSCAPE_CONTENT_MM = 297 - 20 - 15;

/** The page number from page 2 on, centred in the top margin (NĐ 30 Phụ lục I mục II.10). */
function pageNumber(currentPage: number): Content | null {
  if (currentPage < 2) return null;
  return { text: String(currentPage), alignment: 'center', fontSize: FONT_PT.small, margin: [0, toPoints(10), 0, 0] };
}

export async function renderPdf(
  documentTitle: string,
  content: Content[],
  orientation: 'portrait' | 'landscape' = 'portrait',
): Promise<Buffer> {
  configurePdfmake();
  const margins = orientation === 'portrait' ? [MARGINS_MM.left, MARGINS_MM.top, MARGINS_MM.right, MARGINS_MM.bottom] : [20, 20, 15, 20];
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: orientation,
    pageMargins: margins.map(toPoints) as [number, number, number, number],
    info: { title: nfc(documentTitle), creator: 'motcua' },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: FONT_PT.body, lineHeight: 1.05 },
    header: pageNumber,
    content,
  };
  return pdfMake.createPdf(definition).getBuffer();
}
