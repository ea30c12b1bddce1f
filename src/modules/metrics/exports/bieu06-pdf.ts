import pdfMake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Bieu06View } from '../../../contract/metrics';
import { configurePdfmake, PDF_FONT_FAMILY, toPoints } from '../../../documents/pdf-fonts';
import {
  BIEU06_COLUMN_COUNT,
  BIEU06_COLUMN_NUMBERS,
  BIEU06_FORM_NUMBER,
  BIEU06_HEADING,
  BIEU06_HEADING_ROWS,
  BIEU06_LEGAL_NOTE,
  BIEU06_TITLE,
  BIEU06_UNIT_OF_COUNT,
  bieu06Lines,
  periodLine,
  SIGNATURE_DATE_LINE,
  SIGNERS,
} from './bieu06-layout';
import type { Bieu06PdfTask, ReportHeader } from './types';

/*
 * Biểu 06 as a PDF after Nghị định 30/2020/NĐ-CP Phụ lục I: A4 landscape (the table is wide), margins top and bottom
 * 20 mm, left 30 mm, right 15 mm, Liberation Serif (Times New Roman's metrics); the issuer and the national title
 * side by side, each with a short rule; the page number from page 2 on; the heading rows repeat on every page.
 */
const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 };
const CONTENT_MM = 297 - MARGINS_MM.left - MARGINS_MM.right;
const LEFT_MM = 100;
const FONT_PT = { body: 13, header: 12.5, title: 14, table: 9.5, heading: 9, small: 10 };
const RULE_PT = 0.5;
const CELL_PADDING_PT = 2.5;
/** STT, the field, the four figures received (wider: their headings are long), seven more and the note (mm). */
const COLUMN_WIDTHS_MM = [9, '*', ...Array<number>(4).fill(17), ...Array<number>(7).fill(14.5), 22] as const;

const nfc = (text: string) => text.normalize('NFC');
const formatNumber = (value: number) => value.toLocaleString('vi-VN');

function rule(widthMm: number, containerMm: number): Content {
  const x1 = toPoints((containerMm - widthMm) / 2);
  return { canvas: [{ type: 'line', x1, y1: 0, x2: x1 + toPoints(widthMm), y2: 0, lineWidth: RULE_PT }], margin: [0, 1, 0, 0] };
}

function masthead(header: ReportHeader): Content {
  const left: Content[] = [];
  if (header.issuer.parent) left.push({ text: nfc(header.issuer.parent), alignment: 'center', fontSize: FONT_PT.header });
  left.push({ text: nfc(header.issuer.name), alignment: 'center', bold: true, fontSize: FONT_PT.header });
  left.push(rule(20, LEFT_MM));
  const rightMm = CONTENT_MM - LEFT_MM;
  return {
    columns: [
      { width: toPoints(LEFT_MM), stack: left },
      {
        width: toPoints(rightMm),
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', alignment: 'center', bold: true, fontSize: FONT_PT.header },
          { text: 'Độc lập - Tự do - Hạnh phúc', alignment: 'center', bold: true, fontSize: FONT_PT.body },
          rule(58, rightMm),
        ],
      },
    ],
    columnGap: 0,
  };
}

function headingRows(): TableCell[][] {
  const rows: TableCell[][] = Array.from({ length: BIEU06_HEADING_ROWS }, () => Array.from({ length: BIEU06_COLUMN_COUNT }, () => ({})));
  for (const cell of BIEU06_HEADING) {
    rows[cell.row]![cell.column] = {
      text: nfc(cell.text),
      bold: true,
      alignment: 'center',
      fontSize: FONT_PT.heading,
      ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
      ...(cell.columnSpan > 1 ? { colSpan: cell.columnSpan } : {}),
    };
  }
  rows.push(BIEU06_COLUMN_NUMBERS.map((text) => ({ text, italics: true, alignment: 'center', fontSize: 7.5 })));
  return rows;
}

function bodyRows(report: Bieu06View): TableCell[][] {
  return bieu06Lines(report).map((line) => {
    const bold = line.kind !== 'field';
    return [
      { text: line.number, alignment: 'center', bold, fontSize: FONT_PT.table },
      { text: nfc(line.label), bold, italics: line.kind === 'empty', fontSize: FONT_PT.table },
      ...line.figures.map((value) => ({ text: formatNumber(value), alignment: 'right' as const, bold, fontSize: FONT_PT.table })),
      { text: nfc(line.note), fontSize: FONT_PT.table - 1 },
    ];
  });
}

function signatureBlock(title: string, note: string, dateLine: string | null): Content[] {
  return [
    ...(dateLine ? [{ text: dateLine, alignment: 'center' as const, italics: true }] : [{ text: ' ' }]),
    { text: title, alignment: 'center', bold: true },
    { text: note, alignment: 'center', italics: true },
    { text: ' ', margin: [0, 30, 0, 0] },
  ];
}

export function bieu06Content(report: Bieu06View, header: ReportHeader): Content[] {
  const half = toPoints(CONTENT_MM / 2);
  return [
    masthead(header),
    { text: BIEU06_FORM_NUMBER, alignment: 'right', bold: true, fontSize: FONT_PT.small + 1, margin: [0, 8, 0, 0] },
    { text: BIEU06_LEGAL_NOTE, alignment: 'right', italics: true, fontSize: FONT_PT.small },
    { text: BIEU06_TITLE, alignment: 'center', bold: true, fontSize: FONT_PT.title, margin: [0, 8, 0, 0] },
    { text: nfc(`Tại ${report.unit.name}`), alignment: 'center', bold: true, margin: [0, 2, 0, 0] },
    { text: periodLine(report), alignment: 'center', italics: true, margin: [0, 2, 0, 0] },
    {
      columns: [
        { width: half, text: nfc(`Đơn vị báo cáo: ${header.reportingUnit}`), fontSize: FONT_PT.small + 1 },
        { width: half, text: nfc(`Đơn vị nhận báo cáo: ${header.receivingUnit}`), fontSize: FONT_PT.small + 1 },
      ],
      columnGap: 0,
      margin: [0, 6, 0, 0],
    },
    { text: BIEU06_UNIT_OF_COUNT, alignment: 'right', italics: true, fontSize: FONT_PT.small, margin: [0, 2, 0, 0] },
    {
      table: {
        headerRows: BIEU06_HEADING_ROWS + 1,
        dontBreakRows: true,
        // pdfmake adds the cell padding to a fixed width: take it off so that the columns are as wide as the form's.
        widths: COLUMN_WIDTHS_MM.map((width) => (width === '*' ? '*' : toPoints(width) - 2 * CELL_PADDING_PT)),
        body: [...headingRows(), ...bodyRows(report)],
      },
      layout: {
        hLineWidth: () => RULE_PT,
        vLineWidth: () => RULE_PT,
        paddingTop: () => 2,
        paddingBottom: () => 2,
        paddingLeft: () => CELL_PADDING_PT,
        paddingRight: () => CELL_PADDING_PT,
      },
      margin: [0, 3, 0, 0],
    },
    {
      columns: [
        { width: half, stack: signatureBlock(SIGNERS.preparer.title, SIGNERS.preparer.note, null) },
        { width: half, stack: signatureBlock(SIGNERS.head.title, SIGNERS.head.note, SIGNATURE_DATE_LINE) },
      ],
      columnGap: 0,
      margin: [0, 8, 0, 0],
      unbreakable: true,
    },
  ];
}

/** The page number from page 2 on, centred in the top margin (NĐ 30 Phụ lục I mục II.10). */
function pageNumber(currentPage: number): Content | null {
  if (currentPage < 2) return null;
  return { text: String(currentPage), alignment: 'center', fontSize: FONT_PT.small, margin: [0, toPoints(10), 0, 0] };
}

export function renderBieu06Pdf(task: Bieu06PdfTask): Promise<Buffer> {
  configurePdfmake();
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [MARGINS_MM.left, MARGINS_MM.top, MARGINS_MM.right, MARGINS_MM.bottom].map(toPoints) as [number, number, number, number],
    info: { title: nfc(`${BIEU06_FORM_NUMBER} — ${task.report.unit.name}`), creator: 'motcua' },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: FONT_PT.body, lineHeight: 1.05 },
    header: pageNumber,
    content: bieu06Content(task.report, task.header),
  };
  return pdfMake.createPdf(definition).getBuffer();
}
