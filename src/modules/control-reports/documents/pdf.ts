import pdfMake from 'pdfmake';
import type { Content, ContentText, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { configurePdfmake, PDF_FONT_FAMILY, toPoints } from '../../../documents/pdf-fonts';
import { keepDocumentSymbolsWhole } from '../../../documents/pdf-text';
import {
  ANNEX_COLUMNS,
  ANNEX_WIDTH_MM,
  type AnnexHeadingCell,
  type AnnexRow,
  type Block,
  buildReportLayout,
  CONTENT_WIDTH_MM,
  FONT_SIZES_PT,
  isRule,
  LEFT_COLUMN_MM,
  MARGINS,
  PAGE_HEADER_OFFSET_MM,
  type Para,
} from './layout';
import type { ControlReportDocumentData } from './types';

const WARNING_COLOR = '#C00000';
const SHADED = '#F2F2F2';
const PADDING_PT = 2;
const RULE_PT = 0.5;

function toText(block: Para): ContentText {
  return {
    text: block.runs.flatMap((run) =>
      keepDocumentSymbolsWhole({
        text: run.text,
        bold: run.isBold ?? false,
        italics: run.isItalic ?? false,
        ...(run.isUnderlined ? { decoration: 'underline' as const } : {}),
      }),
    ),
    alignment: block.align,
    fontSize: FONT_SIZES_PT[block.size],
    margin: [0, block.spaceBefore ?? 0, 0, 0],
    ...(block.firstLineIndentMm ? { leadingIndent: toPoints(block.firstLineIndentMm) } : {}),
  };
}

function toContent(block: Block, widthMm: number): Content {
  if (!isRule(block)) return toText(block);
  const x1 = toPoints((widthMm - block.rule.widthMm) / 2);
  return {
    canvas: [{ type: 'line', x1, y1: 0, x2: x1 + toPoints(block.rule.widthMm), y2: 0, lineWidth: RULE_PT }],
    margin: [0, block.spaceBefore ?? 0, 0, 0],
  };
}

function columns(left: Block[], right: Block[]): Content {
  const rightMm = CONTENT_WIDTH_MM - LEFT_COLUMN_MM;
  return {
    columns: [
      { width: toPoints(LEFT_COLUMN_MM), stack: left.map((block) => toContent(block, LEFT_COLUMN_MM)) },
      { width: toPoints(rightMm), stack: right.map((block) => toContent(block, rightMm)) },
    ],
    columnGap: 0,
  };
}

function annexRow(row: AnnexRow): TableCell[] {
  const cells: TableCell[] = [];
  let column = 0;
  for (const cell of row.cells) {
    const span = cell.span ?? 1;
    const align = row.kind === 'header' || column === 0 ? 'center' : (ANNEX_COLUMNS[column]?.align ?? 'left');
    cells.push({
      text: cell.text,
      alignment: row.kind === 'total' && column === 0 ? 'center' : align,
      bold: row.kind !== 'field',
      italics: row.kind === 'header' && /^\(\d+\)$/.test(cell.text),
      fontSize: FONT_SIZES_PT.table,
      ...(span > 1 ? { colSpan: span } : {}),
      ...(row.kind === 'level' || row.kind === 'total' ? { fillColor: SHADED } : {}),
    });
    for (let covered = 1; covered < span; covered += 1) cells.push({});
    column += span;
  }
  return cells;
}

/** The heading rows of Biểu 06 as pdfmake wants merged cells: each cell with its rowSpan / colSpan, the cells it covers empty. */
function annexHeading(cells: AnnexHeadingCell[], rowCount: number): TableCell[][] {
  const rows: TableCell[][] = Array.from({ length: rowCount }, () => ANNEX_COLUMNS.map(() => ({})));
  for (const cell of cells) {
    rows[cell.row]![cell.column] = {
      text: cell.text,
      alignment: 'center',
      verticalAlignment: 'middle',
      bold: true,
      fontSize: FONT_SIZES_PT.table,
      ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
      ...(cell.columnSpan > 1 ? { colSpan: cell.columnSpan } : {}),
    };
  }
  return rows;
}

/** The report as a PDF: A4 portrait, the Biểu 06 annex on an A4 landscape page. */
export async function renderControlReportPdf(data: ControlReportDocumentData): Promise<Buffer> {
  configurePdfmake();
  const layout = buildReportLayout(data);
  const widths = ANNEX_COLUMNS.map((column) => toPoints(column.widthMm) - 2 * PADDING_PT - RULE_PT);
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [MARGINS.leftMm, MARGINS.topMm, MARGINS.rightMm, MARGINS.bottomMm].map(toPoints) as [number, number, number, number],
    info: { title: layout.documentTitle, creator: 'motcua' },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: FONT_SIZES_PT.body },
    header: (currentPage: number) => {
      const lines: Content[] = [];
      if (currentPage > 1) lines.push({ text: String(currentPage), alignment: 'center', fontSize: FONT_SIZES_PT.page });
      if (layout.pageNotice)
        lines.push({ text: layout.pageNotice, alignment: 'right', fontSize: FONT_SIZES_PT.recipients, bold: true, color: WARNING_COLOR });
      if (lines.length === 0) return null;
      return { stack: lines, margin: [toPoints(MARGINS.leftMm), toPoints(PAGE_HEADER_OFFSET_MM), toPoints(MARGINS.rightMm), 0] };
    },
    content: [
      columns(layout.masthead.left, layout.masthead.right),
      ...layout.heading.map((block) => toContent(block, CONTENT_WIDTH_MM)),
      ...layout.body.map(toText),
      { stack: [columns(layout.closing.left, layout.closing.right)], margin: [0, 12, 0, 0], unbreakable: true },
      {
        stack: [
          ...layout.annex.heading.map((block) => toContent(block, ANNEX_WIDTH_MM)),
          {
            table: {
              headerRows: layout.annex.columnHeadings.rowCount + 1,
              dontBreakRows: true,
              widths,
              body: [
                ...annexHeading(layout.annex.columnHeadings.cells, layout.annex.columnHeadings.rowCount),
                ...[layout.annex.numbers, ...layout.annex.rows].map(annexRow),
              ],
            },
            layout: {
              hLineWidth: () => RULE_PT,
              vLineWidth: () => RULE_PT,
              paddingLeft: () => PADDING_PT,
              paddingRight: () => PADDING_PT,
              paddingTop: () => 2,
              paddingBottom: () => 2,
            },
            margin: [0, 4, 0, 0],
          },
        ],
        pageBreak: 'before',
        pageOrientation: 'landscape',
      } as Content,
    ],
  };
  return pdfMake.createPdf(definition).getBuffer();
}
