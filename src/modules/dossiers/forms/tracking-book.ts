import ExcelJS from 'exceljs';
import type { Content } from 'pdfmake/interfaces';
import { formatCellDateTime } from './format';
import { masthead, paragraph, table, title, A4_LANDSCAPE_CONTENT_MM as WIDTH } from './kit';
import type { FormHeader, TrackingBook } from './types';

/** The columns of Mẫu 07, Sổ theo dõi hồ sơ (Thông tư 03/2025/TT-VPCP), in order. */
export const TRACKING_BOOK_COLUMNS = [
  'STT',
  'Quyển số / Số thứ tự',
  'Mã hồ sơ',
  'Tên thủ tục hành chính',
  'Tên người nộp hồ sơ',
  'Địa chỉ, số điện thoại',
  'Cơ quan chủ trì giải quyết',
  'Ngày, giờ nhận hồ sơ',
  'Ngày, giờ hẹn trả kết quả',
  'Ngày, giờ trả kết quả',
  'Hình thức trả kết quả, ghi chú',
] as const;

const dayMonthYear = (day: string) => day.split('-').reverse().join('/');

export function trackingBookCells(book: TrackingBook): string[][] {
  return book.rows.map((row, index) => [
    String(index + 1),
    row.book ? `${row.book.book} / ${row.book.line}` : '',
    row.code,
    row.procedureName,
    row.applicantName,
    row.applicantContact,
    row.leadAgency,
    formatCellDateTime(row.receivedAt),
    formatCellDateTime(row.dueAt),
    formatCellDateTime(row.returnedAt),
    row.returnNote,
  ]);
}

/** Mẫu 07 as a landscape PDF. */
export function trackingBookContent(book: TrackingBook, header: FormHeader): Content[] {
  const cells = trackingBookCells(book);
  return [
    masthead(header.issuer, { numberLine: null, placeDate: null, contentWidthMm: WIDTH, leftWidthMm: 110 }),
    ...title(['SỔ THEO DÕI HỒ SƠ', `${book.unitName}`, `Từ ngày ${dayMonthYear(book.from)} đến ngày ${dayMonthYear(book.to)}`]),
    table(
      [9, 16, 38, '*', 25, 27, 25, 17, 17, 17, 22],
      [...TRACKING_BOOK_COLUMNS],
      cells.length ? cells : [['', '', 'Không có hồ sơ trong kỳ', '', '', '', '', '', '', '', '']],
      9,
    ),
    paragraph(`Tổng số: ${cells.length} hồ sơ.`, { spaceBefore: 6, italics: true }),
  ];
}

/** Mẫu 07 as a workbook: one sheet, the title rows, the column headings (frozen) and one row per dossier. */
export async function renderTrackingBookXlsx(book: TrackingBook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  const sheet = workbook.addWorksheet('SoTheoDoi', {
    views: [{ state: 'frozen', ySplit: 4 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const lastColumn = TRACKING_BOOK_COLUMNS.length;
  const titleRow = (rowNumber: number, text: string, bold: boolean) => {
    sheet.mergeCells(rowNumber, 1, rowNumber, lastColumn);
    const cell = sheet.getCell(rowNumber, 1);
    cell.value = text.normalize('NFC');
    cell.font = { bold, size: bold ? 14 : 12 };
    cell.alignment = { horizontal: 'center' };
  };
  titleRow(1, 'SỔ THEO DÕI HỒ SƠ', true);
  titleRow(2, book.unitName, false);
  titleRow(3, `Từ ngày ${dayMonthYear(book.from)} đến ngày ${dayMonthYear(book.to)}`, false);
  const heading = sheet.getRow(4);
  heading.values = [...TRACKING_BOOK_COLUMNS];
  heading.font = { bold: true };
  heading.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  for (const cells of trackingBookCells(book)) {
    const row = sheet.addRow(cells.map((value, index) => (index === 0 ? Number(value) : value.normalize('NFC'))));
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  [6, 14, 26, 40, 24, 30, 26, 17, 17, 17, 24].forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
