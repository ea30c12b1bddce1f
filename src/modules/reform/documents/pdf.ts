import pdfMake from 'pdfmake';
import type { Content, ContentColumns, ContentText, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { configurePdfmake, PDF_FONT_FAMILY, toPoints } from '../../../documents/pdf-fonts';
import { keepDocumentSymbolsWhole } from '../../../documents/pdf-text';
import {
  buildProposalLayout,
  CONTENT_WIDTH_MM,
  FONT_SIZES_PT,
  isRule,
  type LayoutBlock,
  PAGE,
  PAGE_HEADER_OFFSET_MM,
  type ProposalLayout,
  type TableRow,
  type TextBlock,
} from './layout';
import type { ProposalDocumentData } from './types';

const WARNING_COLOR = '#C00000';
const SHADED_ROW_COLOR = '#F2F2F2';
const CELL_PADDING_PT = 3;
const RULE_WIDTH_PT = 0.5;

function toText(block: TextBlock): ContentText {
  return {
    text: block.runs.flatMap((run) =>
      keepDocumentSymbolsWhole({
        text: run.text,
        bold: run.isBold ?? false,
        italics: run.isItalic ?? false,
        ...(run.isUnderlined ? { decoration: 'underline' as const } : {}),
        ...(run.isWarning ? { color: WARNING_COLOR } : {}),
      }),
    ),
    alignment: block.align,
    fontSize: FONT_SIZES_PT[block.size],
    margin: [0, block.spaceBefore ?? 0, 0, 0],
    ...(block.firstLineIndentMm ? { leadingIndent: toPoints(block.firstLineIndentMm) } : {}),
  };
}

/** A text, or a rule centred in a column `containerWidthMm` wide. */
function toContent(block: LayoutBlock, containerWidthMm: number): Content {
  if (!isRule(block)) return toText(block);
  const x1 = toPoints((containerWidthMm - block.rule.widthMm) / 2);
  return {
    canvas: [{ type: 'line', x1, y1: 0, x2: x1 + toPoints(block.rule.widthMm), y2: 0, lineWidth: RULE_WIDTH_PT }],
    margin: [0, block.spaceBefore ?? 0, 0, 0],
  };
}

function buildTwoColumnBlock(left: LayoutBlock[], right: LayoutBlock[], leftWidthMm: number): ContentColumns {
  const rightWidthMm = CONTENT_WIDTH_MM - leftWidthMm;
  return {
    columns: [
      { width: toPoints(leftWidthMm), stack: left.map((block) => toContent(block, leftWidthMm)) },
      { width: toPoints(rightWidthMm), stack: right.map((block) => toContent(block, rightWidthMm)) },
    ],
    columnGap: 0,
  };
}

function toTableRow(row: TableRow): TableCell[] {
  const cells: TableCell[] = [];
  for (const cell of row.cells) {
    const span = cell.columnSpan ?? 1;
    cells.push({
      stack: cell.blocks.map(toText),
      verticalAlignment: row.kind === 'procedure' ? 'top' : 'middle',
      ...(span > 1 ? { colSpan: span } : {}),
      ...(row.kind === 'group' || row.kind === 'total' ? { fillColor: SHADED_ROW_COLOR } : {}),
    });
    // pdfmake wants a placeholder for every column a spanning cell covers.
    for (let covered = 1; covered < span; covered += 1) cells.push({});
  }
  return cells;
}

/** Rows that must stay on one page together: a field's heading row with its first procedure, else one row. */
function groupRowsToKeepTogether(rows: TableRow[]): TableRow[][] {
  const blocks: TableRow[][] = [];
  for (const row of rows) {
    const previous = blocks.at(-1);
    const isAfterHeading = previous?.length === 1 && previous[0]!.kind === 'group';
    if (isAfterHeading && row.kind !== 'group') previous.push(row);
    else blocks.push([row]);
  }
  return blocks;
}

/**
 * The table. pdfmake keeps a row on one page but has no "keep with next", so each block of rows that must not be
 * parted (a field's heading and its first procedure) is a table of its own, with the same columns, inside one row of
 * an outer table without rules or padding, whose first row — the column headings — repeats on every page. A block
 * after the first draws no top rule: the rule above is the bottom rule of the block before it.
 */
function buildProcedureTable(layout: ProposalLayout): Content {
  // A column's width in pdfmake excludes its padding and rules; subtract them so the table fits the text block.
  const widths = layout.columns.map((column) => toPoints(column.widthMm) - 2 * CELL_PADDING_PT - RULE_WIDTH_PT);
  const innerTable = (rows: TableRow[], hasTopRule: boolean): Content => ({
    table: { dontBreakRows: true, widths, body: rows.map(toTableRow) },
    layout: {
      hLineWidth: (index: number) => (index === 0 && !hasTopRule ? 0 : RULE_WIDTH_PT),
      vLineWidth: () => RULE_WIDTH_PT,
      paddingLeft: () => CELL_PADDING_PT,
      paddingRight: () => CELL_PADDING_PT,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
  });
  const blocks = groupRowsToKeepTogether(layout.bodyRows);
  const noRules = () => 0;
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*'],
      body: [[innerTable(layout.headerRows, true)], ...blocks.map((rows) => [innerTable(rows, false)])],
    },
    layout: {
      hLineWidth: noRules,
      vLineWidth: noRules,
      paddingLeft: noRules,
      paddingRight: noRules,
      paddingTop: noRules,
      paddingBottom: noRules,
    },
    margin: [0, 6, 0, 0],
  };
}

/**
 * The top margin: the page number from page 2 on, centred (NĐ 30 Phụ lục I mục II.10), and on every page the demo
 * warning when there is one — outside the text block, so that the text itself stays the document to sign.
 */
function buildPageHeader(pageNotice: string | null): TDocumentDefinitions['header'] {
  return (currentPage: number): Content | null => {
    const lines: Content[] = [];
    if (currentPage > 1) lines.push({ text: String(currentPage), alignment: 'center', fontSize: FONT_SIZES_PT.page });
    if (pageNotice) {
      lines.push({ text: pageNotice, alignment: 'right', fontSize: FONT_SIZES_PT.recipients, bold: true, color: WARNING_COLOR });
    }
    if (lines.length === 0) return null;
    const { leftMm, rightMm } = PAGE.margins;
    return { stack: lines, margin: [toPoints(leftMm), toPoints(PAGE_HEADER_OFFSET_MM), toPoints(rightMm), 0] };
  };
}

function buildDocumentDefinition(layout: ProposalLayout): TDocumentDefinitions {
  const { margins } = PAGE;
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [margins.leftMm, margins.topMm, margins.rightMm, margins.bottomMm].map(toPoints) as [number, number, number, number],
    info: { title: layout.documentTitle, creator: 'motcua' },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: FONT_SIZES_PT.body },
    header: buildPageHeader(layout.pageNotice),
    content: [
      buildTwoColumnBlock(layout.masthead.left, layout.masthead.right, layout.leftColumnWidthMm),
      ...layout.heading.map((block) => toContent(block, CONTENT_WIDTH_MM)),
      buildProcedureTable(layout),
      {
        // The notes travel with the signature so that it never stands alone on a page.
        stack: [
          ...layout.notes.map(toText),
          {
            ...buildTwoColumnBlock(layout.closing.left, layout.closing.right, layout.leftColumnWidthMm),
            margin: [0, 12, 0, 0],
          },
        ],
        unbreakable: true,
      },
    ],
  };
}

/** The proposal as a PDF (A4 landscape), for reading and printing; the same layout as the DOCX. */
export async function renderProposalPdf(data: ProposalDocumentData): Promise<Buffer> {
  configurePdfmake();
  const layout = buildProposalLayout(data);
  return pdfMake.createPdf(buildDocumentDefinition(layout)).getBuffer();
}
