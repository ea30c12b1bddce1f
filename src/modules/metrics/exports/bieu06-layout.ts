import type { Bieu06Figures, Bieu06View } from '../../../contract/metrics';

/*
 * Biểu số 06/VPCP/KSTT (Thông tư 01/2020/TT-VPCP) laid out once for both exports: the header rows of the form (with
 * their merged cells), the numbered columns and one line per level and field. The XLSX and the PDF draw these.
 */

export const BIEU06_FORM_NUMBER = 'Biểu số 06/VPCP/KSTT';
export const BIEU06_LEGAL_NOTE = 'Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020 của Văn phòng Chính phủ';
export const BIEU06_TITLE = 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
export const BIEU06_UNIT_OF_COUNT = 'Đơn vị tính: Số hồ sơ TTHC';

/** 2 label columns, 11 figures, the note: 14 columns. */
export const BIEU06_COLUMN_COUNT = 14;

/** A heading cell: its text, first row and column (0-based within the heading) and how far it spans. */
export type HeadingCell = { text: string; row: number; column: number; rowSpan: number; columnSpan: number };

/** The three heading rows of the form, as merged cells (row and column 0-based). */
export const BIEU06_HEADING: HeadingCell[] = [
  { text: 'STT', row: 0, column: 0, rowSpan: 3, columnSpan: 1 },
  { text: 'Lĩnh vực, công việc giải quyết theo cấp', row: 0, column: 1, rowSpan: 3, columnSpan: 1 },
  { text: 'Số hồ sơ nhận giải quyết', row: 0, column: 2, rowSpan: 1, columnSpan: 4 },
  { text: 'Kết quả giải quyết', row: 0, column: 6, rowSpan: 1, columnSpan: 7 },
  { text: 'Ghi chú', row: 0, column: 13, rowSpan: 3, columnSpan: 1 },
  { text: 'Tổng số', row: 1, column: 2, rowSpan: 2, columnSpan: 1 },
  { text: 'Trong đó', row: 1, column: 3, rowSpan: 1, columnSpan: 3 },
  { text: 'Số hồ sơ đã giải quyết', row: 1, column: 6, rowSpan: 1, columnSpan: 4 },
  { text: 'Số hồ sơ đang giải quyết', row: 1, column: 10, rowSpan: 1, columnSpan: 3 },
  { text: 'Mới tiếp nhận trực tuyến', row: 2, column: 3, rowSpan: 1, columnSpan: 1 },
  { text: 'Mới tiếp nhận trực tiếp, dịch vụ bưu chính', row: 2, column: 4, rowSpan: 1, columnSpan: 1 },
  { text: 'Từ kỳ trước chuyển qua', row: 2, column: 5, rowSpan: 1, columnSpan: 1 },
  { text: 'Tổng số', row: 2, column: 6, rowSpan: 1, columnSpan: 1 },
  { text: 'Trả trước hạn', row: 2, column: 7, rowSpan: 1, columnSpan: 1 },
  { text: 'Trả đúng hạn', row: 2, column: 8, rowSpan: 1, columnSpan: 1 },
  { text: 'Trả quá hạn', row: 2, column: 9, rowSpan: 1, columnSpan: 1 },
  { text: 'Tổng số', row: 2, column: 10, rowSpan: 1, columnSpan: 1 },
  { text: 'Trong hạn', row: 2, column: 11, rowSpan: 1, columnSpan: 1 },
  { text: 'Quá hạn', row: 2, column: 12, rowSpan: 1, columnSpan: 1 },
];
export const BIEU06_HEADING_ROWS = 3;

/** The row of column numbers under the heading, as on the printed form: (1) = (2) + (3) + (4), (5) = (6) + (7) + (8), (9) = (10) + (11). */
export const BIEU06_COLUMN_NUMBERS = ['A', 'B', ...Array.from({ length: 12 }, (_, index) => `(${index + 1})`)];

/** The eleven figures of a line, in the order of the columns (1)–(11). */
export function figureCells(figures: Bieu06Figures): number[] {
  return [
    figures.received.total,
    figures.received.online,
    figures.received.directOrPostal,
    figures.received.carriedOver,
    figures.resolved.total,
    figures.resolved.early,
    figures.resolved.onTime,
    figures.resolved.late,
    figures.inProgress.total,
    figures.inProgress.withinTime,
    figures.inProgress.overdue,
  ];
}

/**
 * The note (12): dossiers stopped on the applicant's request or refused in processing ended without a result — not a
 * column of TT 01, but they make the line balance: (1) = (5) + (9) + these.
 */
export function noteOf(figures: Bieu06Figures): string {
  return figures.closedWithoutResult > 0 ? `Dừng, từ chối: ${figures.closedWithoutResult}` : '';
}

export type Bieu06Line = {
  kind: 'level' | 'field' | 'total' | 'empty';
  /** STT: I, II… for a level, 1, 2… for a field. */
  number: string;
  label: string;
  figures: number[];
  note: string;
};

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** Every line of the table: per level its total then its fields (numbered within the level), the grand total last. */
export function bieu06Lines(report: Bieu06View): Bieu06Line[] {
  const lines: Bieu06Line[] = [];
  report.levels.forEach((level, levelIndex) => {
    lines.push({
      kind: 'level',
      number: ROMAN[levelIndex] ?? String(levelIndex + 1),
      label: level.levelLabel,
      figures: figureCells(level.totals),
      note: noteOf(level.totals),
    });
    level.fields.forEach((field, fieldIndex) => {
      lines.push({
        kind: 'field',
        number: String(fieldIndex + 1),
        label: field.field,
        figures: figureCells(field.figures),
        note: noteOf(field.figures),
      });
    });
  });
  if (lines.length === 0) {
    lines.push({ kind: 'empty', number: '', label: 'Không có hồ sơ trong kỳ', figures: figureCells(report.totals), note: '' });
  }
  lines.push({ kind: 'total', number: '', label: 'Tổng cộng', figures: figureCells(report.totals), note: noteOf(report.totals) });
  return lines;
}

export const dayMonthYear = (day: string) => day.split('-').reverse().join('/');

export function periodLine(report: Pick<Bieu06View, 'from' | 'to'>): string {
  return `Kỳ báo cáo: từ ngày ${dayMonthYear(report.from)} đến ngày ${dayMonthYear(report.to)}`;
}

export const SIGNERS = {
  preparer: { title: 'NGƯỜI LẬP BIỂU', note: '(Ký, ghi rõ họ tên)' },
  head: { title: 'THỦ TRƯỞNG ĐƠN VỊ', note: '(Ký, đóng dấu, ghi rõ họ tên)' },
} as const;
/** Left blank to be filled by hand when signed. */
export const SIGNATURE_DATE_LINE = '……, ngày …… tháng …… năm ……';
