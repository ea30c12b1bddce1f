/**
 * What a proposal document says and how it is arranged, independent of the file format: the DOCX and PDF
 * renderers only translate this into their library's objects, so wording, numbering and formatting live here once.
 */

import { buildSignatureLines, NATIONAL_MOTTO, NATIONAL_NAME, NUMBER_BLANK } from '../../../documents/nd30';
import { EMPTY_VALUE, formatDateLine, formatFieldName, formatPercent, formatVnd, joinMeasures, toRomanNumeral } from './format';
import type { ProposalDocumentData, ProposalDocumentRow } from './types';

export type TextRun = { text: string; isBold?: boolean; isItalic?: boolean; isUnderlined?: boolean; isWarning?: boolean };
/** What a paragraph is, which decides its size (FONT_SIZES_PT). */
export type TextSize = 'header' | 'motto' | 'title' | 'body' | 'table' | 'recipientsLabel' | 'recipients' | 'signature' | 'page';
export type TextAlign = 'left' | 'center' | 'right' | 'justify';
/** One paragraph; `spaceBefore` in points, `firstLineIndentMm` for the paragraphs of the body. */
export type TextBlock = { runs: TextRun[]; align: TextAlign; size: TextSize; spaceBefore?: number; firstLineIndentMm?: number };
/** A short horizontal rule centred under the line above (under the issuing body and under the summary, NĐ 30). */
export type RuleBlock = { rule: { widthMm: number }; spaceBefore?: number };
export type LayoutBlock = TextBlock | RuleBlock;
export type TableCell = { blocks: TextBlock[]; columnSpan?: number };
export type TableRow = { kind: 'header' | 'group' | 'procedure' | 'total'; cells: TableCell[] };
export type TableColumn = { label: string; widthMm: number; align: TextAlign };

export type ProposalLayout = {
  /** For the file's metadata. */
  documentTitle: string;
  /** Printed in the top margin of every page, outside the text (the demo warning), null for real data. */
  pageNotice: string | null;
  /** Left column width of the masthead and of the closing block; the right column takes the rest. */
  leftColumnWidthMm: number;
  masthead: { left: LayoutBlock[]; right: LayoutBlock[] };
  heading: LayoutBlock[];
  columns: TableColumn[];
  /** Repeated at the top of the table on every page. */
  headerRows: TableRow[];
  bodyRows: TableRow[];
  notes: TextBlock[];
  closing: { left: TextBlock[]; right: TextBlock[] };
};

export function isRule(block: LayoutBlock): block is RuleBlock {
  return 'rule' in block;
}

/**
 * A4 landscape (the table needs the width: NĐ 30 allows a text with tables to be set across the page), margins of
 * Nghị định 30/2020/NĐ-CP Phụ lục I mục I.4: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
 */
export const PAGE = { widthMm: 297, heightMm: 210, margins: { topMm: 20, rightMm: 15, bottomMm: 20, leftMm: 30 } };
export const CONTENT_WIDTH_MM = PAGE.widthMm - PAGE.margins.leftMm - PAGE.margins.rightMm;
/** Distance of the page header (page number, demo warning) from the top edge: inside the top margin. */
export const PAGE_HEADER_OFFSET_MM = 8;

/**
 * Font sizes in points after NĐ 30 Phụ lục I (the same in PDF and DOCX: Liberation Serif has Times New Roman's
 * metrics): issuing body, number and Quốc hiệu 13; Tiêu ngữ, place and date, document type, summary, body and the
 * signature 14; "Nơi nhận:" 12 and its list 11; page numbers 13. The table is smaller, as tables may be: ten columns
 * on 252 mm.
 */
export const FONT_SIZES_PT: Record<TextSize, number> = {
  header: 13,
  motto: 14,
  title: 14,
  body: 14,
  table: 10.5,
  recipientsLabel: 12,
  recipients: 11,
  signature: 14,
  page: 13,
};

export const BASELINE_YEAR = 2024;
export const NO_BASELINE_TEXT = `Chưa có số liệu năm ${BASELINE_YEAR}`;
export const DEMO_NOTICE = 'DỮ LIỆU MẪU — không phải số liệu thật của địa phương';
export const METHOD_NOTE =
  'Chi phí tuân thủ tính theo Thông tư 02/2017/TT-VPCP (Điều 27): chi phí = thời gian × thu nhập bình quân theo giờ' +
  ' + phí, lệ phí + chi phí khác; chi phí năm = chi phí × số lần/năm × số đối tượng/năm.';
const RESOLUTION = 'Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ';
const SIGNATURE_SPACE_PT = 64;
/** Rough advance width of a letter of Times New Roman / Liberation Serif, in ems, to size the rules under lines. */
const AVERAGE_CAPITAL_EM = 0.68;
const AVERAGE_LOWER_EM = 0.5;
const MM_PER_POINT = 25.4 / 72;

/** Widths sum to CONTENT_WIDTH_MM (252 mm); the cost columns hold "999.999.999.999" on one line in both formats. */
const COLUMNS: TableColumn[] = [
  { label: 'STT', widthMm: 10, align: 'center' },
  { label: 'Tên thủ tục (mã)', widthMm: 40, align: 'left' },
  { label: 'Nội dung cắt giảm, đơn giản hóa', widthMm: 49, align: 'left' },
  { label: 'Thời gian trước', widthMm: 20, align: 'center' },
  { label: 'Thời gian sau', widthMm: 20, align: 'center' },
  { label: 'Tỷ lệ cắt giảm thời gian', widthMm: 17, align: 'center' },
  { label: 'Chi phí tuân thủ/năm trước (đồng)', widthMm: 28, align: 'right' },
  { label: 'Chi phí tuân thủ/năm sau (đồng)', widthMm: 28, align: 'right' },
  { label: 'Tỷ lệ cắt giảm chi phí', widthMm: 17, align: 'center' },
  { label: 'Văn bản cần sửa đổi', widthMm: 23, align: 'left' },
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

/** Estimated width of a line of text, in millimetres: enough to size a rule at a third to a half of it. */
function estimateWidthMm(text: string, size: TextSize): number {
  const ems = [...text].reduce((sum, character) => {
    const isCapital = character !== character.toLocaleLowerCase('vi-VN');
    return sum + (isCapital ? AVERAGE_CAPITAL_EM : AVERAGE_LOWER_EM);
  }, 0);
  return ems * FONT_SIZES_PT[size] * MM_PER_POINT;
}

/** A rule of 40 % of the longest of `lines` (NĐ 30: "từ 1/3 đến 1/2 độ dài của dòng chữ"). */
function ruleUnder(lines: string[], size: TextSize, spaceBefore = 3): RuleBlock {
  const longest = Math.max(...lines.map((line) => estimateWidthMm(line, size)));
  return { rule: { widthMm: Math.round(longest * 0.4) }, spaceBefore };
}

function buildMasthead(data: ProposalDocumentData): ProposalLayout['masthead'] {
  const { issuingBody } = data;
  const numberLine = `Số:${NUMBER_BLANK}/PA-${issuingBody.symbol.normalize('NFC')}`;
  const nameLines = issuingBody.name.split('\n');
  const left: LayoutBlock[] = [];
  if (issuingBody.parent) left.push(block([run(issuingBody.parent)], 'center', 'header'));
  for (const line of nameLines) left.push(block([run(line, { isBold: true })], 'center', 'header'));
  left.push(ruleUnder(nameLines, 'header'), block([run(numberLine)], 'center', 'header', 6));
  return {
    left,
    right: [
      block([run(NATIONAL_NAME, { isBold: true })], 'center', 'header'),
      block([run(NATIONAL_MOTTO, { isBold: true, isUnderlined: true })], 'center', 'motto'),
      block([run(formatDateLine(data.place, data.signedOn), { isItalic: true })], 'center', 'motto', 12),
    ],
  };
}

/** The summary (trích yếu) under "PHƯƠNG ÁN": the proposal's own title, without its leading "Phương án". */
function buildSummaryLines(data: ProposalDocumentData): string[] {
  const title = data.title.normalize('NFC').trim();
  const rest = title.replace(/^phương án\s+/iu, '');
  if (rest !== title && rest !== '') return [rest.charAt(0).toLocaleUpperCase('vi-VN') + rest.slice(1)];
  return [`Cắt giảm, đơn giản hóa thủ tục hành chính năm ${data.year}`, title];
}

function buildHeading(data: ProposalDocumentData): LayoutBlock[] {
  const summary = buildSummaryLines(data);
  const { issuingBody } = data;
  const introduction =
    `Thực hiện ${RESOLUTION} về cắt giảm, đơn giản hóa thủ tục hành chính liên quan đến hoạt động sản xuất,` +
    ` kinh doanh, ${issuingBody.shortName} xây dựng phương án cắt giảm, đơn giản hóa thủ tục hành chính năm ${data.year}` +
    ` thuộc phạm vi quản lý, trình ${data.addressee} xem xét, quyết định như sau:`;
  return [
    block([run('PHƯƠNG ÁN', { isBold: true })], 'center', 'title', 18),
    ...summary.map((line) => block([run(line, { isBold: true })], 'center', 'title')),
    ruleUnder(summary, 'title', 4),
    { ...block([run(introduction)], 'justify', 'body', 12), firstLineIndentMm: 10 },
  ];
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
    notes.push(block([run(text, { isItalic: true })], 'justify', 'body', 6));
  }
  notes.push(block([run(METHOD_NOTE, { isItalic: true })], 'justify', 'body', notes.length === 0 ? 6 : 2));
  return notes;
}

export { buildSignatureLines };

function buildClosing(data: ProposalDocumentData): ProposalLayout['closing'] {
  const { recipients, signer } = data;
  const recipientLines = recipients.map((recipient, index) =>
    block([run(`- ${recipient}${index === recipients.length - 1 ? '.' : ';'}`)], 'left', 'recipients'),
  );
  const right = buildSignatureLines(signer).map((line) => block([run(line, { isBold: true })], 'center', 'signature'));
  right.push(block(signer.name ? [run(signer.name, { isBold: true })] : [], 'center', 'signature', SIGNATURE_SPACE_PT));
  return {
    left: [block([run('Nơi nhận:', { isBold: true, isItalic: true })], 'left', 'recipientsLabel'), ...recipientLines],
    right,
  };
}

export function buildProposalLayout(data: ProposalDocumentData): ProposalLayout {
  return {
    documentTitle: run(`Phương án cắt giảm, đơn giản hóa thủ tục hành chính năm ${data.year} — ${data.issuingBody.shortName}`).text,
    pageNotice: data.isDemo ? DEMO_NOTICE : null,
    leftColumnWidthMm: 110,
    masthead: buildMasthead(data),
    heading: buildHeading(data),
    columns: COLUMNS,
    headerRows: buildHeaderRows(),
    bodyRows: buildBodyRows(data),
    notes: buildNotes(data.totals),
    closing: buildClosing(data),
  };
}
