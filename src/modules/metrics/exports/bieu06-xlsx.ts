import ExcelJS from 'exceljs';
import type { Bieu06View } from '../../../contract/metrics';
import {
  BIEU06_COLUMN_NUMBERS,
  BIEU06_FORM_NUMBER,
  BIEU06_HEADING,
  BIEU06_HEADING_ROWS,
  BIEU06_LEGAL_NOTE,
  BIEU06_TITLE,
  BIEU06_UNIT_OF_COUNT,
  bieu06Lines,
  BIEU06_COLUMN_COUNT as LAST,
  periodLine,
  SIGNATURE_DATE_LINE,
  SIGNERS,
} from './bieu06-layout';
import type { ReportHeader } from './types';

const nfc = (text: string) => text.normalize('NFC');
const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
/** Columns A–F hold the issuer and the preparer, G–N the national title and the head (the form's two halves). */
const LEFT_HALF = [1, 6] as const;
const RIGHT_HALF = [7, LAST] as const;

/** Where the table starts in the sheet (1-based): the rows above hold the header of the form. */
export const BIEU06_XLSX_HEADING_ROW = 11;
export const BIEU06_XLSX_FIRST_DATA_ROW = BIEU06_XLSX_HEADING_ROW + BIEU06_HEADING_ROWS + 1;

type TextOptions = { bold?: boolean; italic?: boolean; size?: number; horizontal?: 'left' | 'center' | 'right' };

/**
 * Biểu 06 as a workbook laid out as the printed form: the issuer and the national title side by side, the form's
 * number, the title, unit and period, the three heading rows with their merged cells and the column numbers, one row
 * per level and field (figures as numbers), the grand total, and the two signature blocks with a blank date.
 * Landscape A4, fitted to one page wide, Times New Roman (the font of NĐ 30/2020).
 */
export async function renderBieu06Xlsx(report: Bieu06View, header: ReportHeader): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  const sheet = workbook.addWorksheet('Bieu06', {
    views: [{ state: 'frozen', ySplit: BIEU06_XLSX_FIRST_DATA_ROW - 1, xSplit: 2 }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      // NĐ 30/2020: top and bottom 20 mm, left 30 mm, right 15 mm (inches).
      margins: { top: 20 / 25.4, bottom: 20 / 25.4, left: 30 / 25.4, right: 15 / 25.4, header: 0.3, footer: 0.3 },
      printTitlesRow: `${BIEU06_XLSX_HEADING_ROW}:${BIEU06_XLSX_FIRST_DATA_ROW - 1}`,
    },
  });
  const text = (row: number, [first, last]: readonly [number, number], value: string, options: TextOptions = {}) => {
    if (last > first) sheet.mergeCells(row, first, row, last);
    const cell = sheet.getCell(row, first);
    cell.value = nfc(value);
    cell.font = { name: FONT, bold: options.bold ?? false, italic: options.italic ?? false, size: options.size ?? 12 };
    cell.alignment = { horizontal: options.horizontal ?? 'center', vertical: 'middle', wrapText: true };
  };

  const issuerLines = [...(header.issuer.parent ? [header.issuer.parent] : []), header.issuer.name.replace(/\n/g, ' ')];
  issuerLines.forEach((line, index) => {
    text(1 + index, LEFT_HALF, line, { bold: index === issuerLines.length - 1 });
  });
  text(1, RIGHT_HALF, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  text(2, RIGHT_HALF, 'Độc lập - Tự do - Hạnh phúc', { bold: true });
  text(4, RIGHT_HALF, BIEU06_FORM_NUMBER, { bold: true, horizontal: 'right' });
  text(5, RIGHT_HALF, BIEU06_LEGAL_NOTE, { italic: true, size: 10, horizontal: 'right' });
  text(6, [1, LAST], BIEU06_TITLE, { bold: true, size: 14 });
  text(7, [1, LAST], `Tại ${report.unit.name}`, { bold: true });
  text(8, [1, LAST], periodLine(report), { italic: true });
  text(9, LEFT_HALF, `Đơn vị báo cáo: ${header.reportingUnit}`, { horizontal: 'left' });
  text(9, RIGHT_HALF, `Đơn vị nhận báo cáo: ${header.receivingUnit}`, { horizontal: 'left' });
  text(10, [1, LAST], BIEU06_UNIT_OF_COUNT, { italic: true, horizontal: 'right', size: 11 });

  for (const cell of BIEU06_HEADING) {
    const top = BIEU06_XLSX_HEADING_ROW + cell.row;
    const left = 1 + cell.column;
    sheet.mergeCells(top, left, top + cell.rowSpan - 1, left + cell.columnSpan - 1);
    const target = sheet.getCell(top, left);
    target.value = nfc(cell.text);
  }
  const numbers = sheet.getRow(BIEU06_XLSX_FIRST_DATA_ROW - 1);
  numbers.values = BIEU06_COLUMN_NUMBERS;
  for (let row = BIEU06_XLSX_HEADING_ROW; row < BIEU06_XLSX_FIRST_DATA_ROW; row++) {
    for (let column = 1; column <= LAST; column++) {
      const cell = sheet.getCell(row, column);
      const isNumbers = row === BIEU06_XLSX_FIRST_DATA_ROW - 1;
      cell.font = { name: FONT, bold: !isNumbers, italic: isNumbers, size: isNumbers ? 10 : 11 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = THIN;
    }
  }
  sheet.getRow(BIEU06_XLSX_HEADING_ROW + 2).height = 62;

  let rowNumber = BIEU06_XLSX_FIRST_DATA_ROW;
  for (const line of bieu06Lines(report)) {
    const row = sheet.getRow(rowNumber++);
    row.values = [line.number, nfc(line.label), ...line.figures, nfc(line.note)];
    const isBold = line.kind !== 'field';
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      if (column > LAST) return;
      cell.border = THIN;
      cell.font = { name: FONT, size: 11, bold: isBold, italic: line.kind === 'empty' };
      cell.alignment =
        column === 2 || column === LAST
          ? { horizontal: 'left', vertical: 'middle', wrapText: true }
          : { horizontal: 'center', vertical: 'middle' };
      if (column > 2 && column < LAST) cell.numFmt = '#,##0';
    });
  }

  rowNumber += 1;
  text(rowNumber, RIGHT_HALF, SIGNATURE_DATE_LINE, { italic: true });
  text(rowNumber + 1, LEFT_HALF, SIGNERS.preparer.title, { bold: true });
  text(rowNumber + 1, RIGHT_HALF, SIGNERS.head.title, { bold: true });
  text(rowNumber + 2, LEFT_HALF, SIGNERS.preparer.note, { italic: true });
  text(rowNumber + 2, RIGHT_HALF, SIGNERS.head.note, { italic: true });

  [6, 34, 9, 10, 12, 10, 9, 9, 9, 9, 9, 9, 9, 20].forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
