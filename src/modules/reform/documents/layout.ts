/**
 * What a proposal document says and how it is arranged, independent of the file format: the DOCX and PDF
 * renderers only translate this into their library's objects, so wording, numbering and formatting live here once.
 */
import {
  abbreviateUnit,
  EMPTY_VALUE,
  formatDateLine,
  formatFieldName,
  formatPercent,
  formatVnd,
  joinMeasures,
  toRomanNumeral,
  toUpperCaseVietnamese,
} from './format';
import type { ProposalDocumentData, ProposalDocumentRow } from './types';

export type TextRun = { text: string; isBold?: boolean; isItalic?: boolean; isUnderlined?: boolean; isWarning?: boolean };
export type TextSize = 'title' | 'body' | 'table' | 'small';
export type TextAlign = 'left' | 'center' | 'right';
/** One paragraph; `spaceBefore` in points. */
export type TextBlock = { runs: TextRun[]; align: TextAlign; size: TextSize; spaceBefore?: number };
export type TableCell = { blocks: TextBlock[]; columnSpan?: number };
export type TableRow = { kind: 'header' | 'group' | 'procedure' | 'total'; cells: TableCell[] };
export type TableColumn = { label: string; widthMm: number; align: TextAlign };

export type ProposalLayout = {
  /** For the file's metadata. */
  documentTitle: string;
  /** Printed at the top of every page (the demo warning), null for real data. */
  pageNotice: string | null;
  /** Left column width of the masthead and of the closing block; the right column takes the rest. */
  leftColumnWidthMm: number;
  masthead: { left: TextBlock[]; right: TextBlock[] };
  heading: TextBlock[];
  columns: TableColumn[];
  /** Repeated at the top of the table on every page. */
  headerRows: TableRow[];
  bodyRows: TableRow[];
  notes: TextBlock[];
  closing: { left: TextBlock[]; right: TextBlock[] };
};

/** A4 landscape, margins after Nghị định 30/2020/NĐ-CP (narrower left margin: the wide table needs the room). */
export const PAGE = { widthMm: 297, heightMm: 210, margins: { topMm: 20, rightMm: 15, bottomMm: 20, leftMm: 25 } };
export const CONTENT_WIDTH_MM = PAGE.widthMm - PAGE.margins.leftMm - PAGE.margins.rightMm;

export const BASELINE_YEAR = 2024;
export const NO_BASELINE_TEXT = `Chưa có số liệu năm ${BASELINE_YEAR}`;
export const DEMO_NOTICE = 'DỮ LIỆU MẪU — không phải số liệu thật của địa phương';
export const METHOD_NOTE =
  'Chi phí tuân thủ tính theo Thông tư 02/2017/TT-VPCP (Điều 27): chi phí = thời gian × thu nhập bình quân theo giờ' +
  ' + phí, lệ phí + chi phí khác; chi phí năm = chi phí × số lần/năm × số đối tượng/năm.';
const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const RESOLUTION = 'Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ';
/** Room left blank for the number the clerk writes in when the document is registered. */
const NUMBER_BLANK = '\u00A0'.repeat(8);
const SIGNATURE_SPACE_PT = 64;

/** Widths sum to CONTENT_WIDTH_MM (257 mm); the cost columns hold "999.999.999.999" on one line in both formats. */
const COLUMNS: TableColumn[] = [
  { label: 'STT', widthMm: 10, align: 'center' },
  { label: 'Tên thủ tục (mã)', widthMm: 42, align: 'left' },
  { label: 'Nội dung cắt giảm, đơn giản hóa', widthMm: 53, align: 'left' },
  { label: 'Thời gian trước', widthMm: 20, align: 'center' },
  { label: 'Thời gian sau', widthMm: 20, align: 'center' },
  { label: 'Tỷ lệ cắt giảm thời gian', widthMm: 17, align: 'center' },
  { label: 'Chi phí tuân thủ/năm trước (đồng)', widthMm: 28, align: 'right' },
  { label: 'Chi phí tuân thủ/năm sau (đồng)', widthMm: 28, align: 'right' },
  { label: 'Tỷ lệ cắt giảm chi phí', widthMm: 17, align: 'center' },
  { label: 'Văn bản cần sửa đổi', widthMm: 22, align: 'left' },
];

/** Every text of the document passes through here, so all of it is NFC whatever the caller handed in. */
function run(text: string, style: Omit<TextRun, 'text'> = {}): TextRun {
  return { text: text.normalize('NFC'), ...style };
}

function block(runs: TextRun[], align: TextAlign, size: TextSize, spaceBefore?: number): TextBlock {
  return spaceBefore === undefined ? { runs, align, size } : { runs, align, size, spaceBefore };
}

function cell(text: string, align: TextAlign, style: Omit<TextRun, 'text'> = {}): TableCell {
  return { blocks: [block([run(text, style)], align, 'table')] };
}

function buildMasthead(data: ProposalDocumentData): ProposalLayout['masthead'] {
  const numberLine = `Số:${NUMBER_BLANK}/PA-${abbreviateUnit(data.issuingUnit.normalize('NFC'))}`;
  return {
    left: [
      block([run(toUpperCaseVietnamese(data.parentAuthority))], 'center', 'body'),
      block([run(toUpperCaseVietnamese(data.issuingUnit), { isBold: true })], 'center', 'body'),
      block([run(numberLine)], 'center', 'body', 8),
    ],
    right: [
      block([run(NATIONAL_NAME, { isBold: true })], 'center', 'body'),
      block([run(NATIONAL_MOTTO, { isBold: true, isUnderlined: true })], 'center', 'body'),
      block([run(formatDateLine(data.place, data.generatedAt), { isItalic: true })], 'center', 'body', 8),
    ],
  };
}

function buildHeading(data: ProposalDocumentData): TextBlock[] {
  const unitAbbreviation = abbreviateUnit(data.issuingUnit.normalize('NFC'));
  const attachment =
    `(Kèm theo Tờ trình số${NUMBER_BLANK}/TTr-${unitAbbreviation} của ${data.issuingUnit}` + ` về việc thực hiện ${RESOLUTION})`;
  const statusRuns = [run('Tình trạng: ', { isBold: true }), run(data.status)];
  if (data.statusNote) statusRuns.push(run(` — ${data.statusNote}`));
  const heading = [
    block([run('PHƯƠNG ÁN', { isBold: true })], 'center', 'title', 18),
    block([run(`Cắt giảm, đơn giản hóa thủ tục hành chính năm ${data.year}`, { isBold: true })], 'center', 'title'),
    block([run(data.title, { isItalic: true })], 'center', 'body'),
    block([run(attachment, { isItalic: true })], 'center', 'body'),
  ];
  if (data.isDemo) heading.push(block([run(DEMO_NOTICE, { isBold: true, isWarning: true })], 'center', 'body', 6));
  heading.push(block(statusRuns, 'left', 'body', 10));
  return heading;
}

function buildHeaderRows(): TableRow[] {
  return [
    { kind: 'header', cells: COLUMNS.map((column) => cell(column.label, 'center', { isBold: true })) },
    { kind: 'header', cells: COLUMNS.map((_, index) => cell(`(${index + 1})`, 'center', { isItalic: true })) },
  ];
}

function buildContentCell(row: ProposalDocumentRow): TableCell {
  const blocks = [block([run(joinMeasures(row.measures))], 'left', 'table')];
  if (row.reason.trim() !== '') {
    blocks.push(block([run('Lý do: ', { isItalic: true }), run(row.reason)], 'left', 'table', 2));
  }
  return { blocks };
}

function buildProcedureRow(row: ProposalDocumentRow, position: number): TableRow {
  const { before, after } = row;
  const nameCell: TableCell = {
    blocks: [block([run(row.procedureName)], 'left', 'table'), block([run(`(${row.procedureCode})`)], 'left', 'table')],
  };
  return {
    kind: 'procedure',
    cells: [
      cell(String(position), 'center'),
      nameCell,
      buildContentCell(row),
      cell(before ? before.timeText : NO_BASELINE_TEXT, 'center', { isItalic: !before }),
      cell(after.timeText, 'center'),
      cell(before ? formatPercent(row.timeReduction) : NO_BASELINE_TEXT, 'center', { isItalic: !before }),
      cell(before ? formatVnd(before.annualCost) : NO_BASELINE_TEXT, before ? 'right' : 'center', { isItalic: !before }),
      cell(formatVnd(after.annualCost), 'right'),
      cell(before ? formatPercent(row.costReduction) : NO_BASELINE_TEXT, 'center', { isItalic: !before }),
      cell(row.legalText ?? EMPTY_VALUE, row.legalText ? 'left' : 'center'),
    ],
  };
}

function buildTotalRow(totals: ProposalDocumentData['totals']): TableRow {
  const bold = { isBold: true };
  return {
    kind: 'total',
    cells: [
      { ...cell(`Tổng cộng: ${totals.procedures} thủ tục`, 'center', bold), columnSpan: 5 },
      cell(formatPercent(totals.timeReduction), 'center', bold),
      cell(formatVnd(totals.annualCostBefore), 'right', bold),
      cell(formatVnd(totals.annualCostAfter), 'right', bold),
      cell(formatPercent(totals.costReduction), 'center', bold),
      cell('', 'left'),
    ],
  };
}

function buildBodyRows(data: ProposalDocumentData): TableRow[] {
  const rows: TableRow[] = [];
  let position = 0;
  data.groups.forEach((group, groupIndex) => {
    const label = `${toRomanNumeral(groupIndex + 1)}. ${formatFieldName(group.field.normalize('NFC'))}`;
    rows.push({ kind: 'group', cells: [{ ...cell(label, 'left', { isBold: true }), columnSpan: COLUMNS.length }] });
    for (const row of group.rows) {
      position += 1;
      rows.push(buildProcedureRow(row, position));
    }
  });
  rows.push(buildTotalRow(data.totals));
  return rows;
}

function buildNotes(totals: ProposalDocumentData['totals']): TextBlock[] {
  const notes: TextBlock[] = [];
  if (totals.withoutBaseline > 0) {
    const text =
      `Ghi chú: ${totals.withoutBaseline}/${totals.procedures} thủ tục chưa có số liệu năm ${BASELINE_YEAR}` +
      ` (năm cơ sở theo Nghị quyết số 66/NQ-CP) nên chưa tính được tỷ lệ cắt giảm của các thủ tục này.`;
    notes.push(block([run(text, { isItalic: true })], 'left', 'body', 6));
  }
  notes.push(block([run(METHOD_NOTE, { isItalic: true })], 'left', 'body', notes.length === 0 ? 6 : 2));
  return notes;
}

function buildClosing(signer: ProposalDocumentData['signer']): ProposalLayout['closing'] {
  const recipient = (text: string) => block([run(text, { isItalic: true })], 'left', 'small');
  return {
    left: [
      block([run('Nơi nhận:', { isBold: true, isItalic: true })], 'left', 'small'),
      recipient('- UBND tỉnh (VP UBND tỉnh);'),
      recipient('- Lưu: VT.'),
    ],
    right: [
      block([run(toUpperCaseVietnamese(signer.title), { isBold: true })], 'center', 'body'),
      block([run('(Ký, ghi rõ họ tên, đóng dấu)', { isItalic: true })], 'center', 'body'),
      block(signer.name ? [run(signer.name, { isBold: true })] : [], 'center', 'body', SIGNATURE_SPACE_PT),
    ],
  };
}

export function buildProposalLayout(data: ProposalDocumentData): ProposalLayout {
  return {
    documentTitle: run(`Phương án cắt giảm, đơn giản hóa thủ tục hành chính năm ${data.year} — ${data.issuingUnit}`).text,
    pageNotice: data.isDemo ? DEMO_NOTICE : null,
    leftColumnWidthMm: 100,
    masthead: buildMasthead(data),
    heading: buildHeading(data),
    columns: COLUMNS,
    headerRows: buildHeaderRows(),
    bodyRows: buildBodyRows(data),
    notes: buildNotes(data.totals),
    closing: buildClosing(data.signer),
  };
}
