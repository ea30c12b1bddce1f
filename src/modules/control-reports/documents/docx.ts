import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { DOCX_FONT } from '../../../documents/nd30';
import {
  ANNEX_COLUMNS,
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
  PORTRAIT,
  type Size,
} from './layout';
import type { ControlReportDocumentData } from './types';

const halfPoints = (size: Size) => Math.round(FONT_SIZES_PT[size] * 2);
const TWIPS_PER_MM = 1440 / 25.4;
const toTwips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function toParagraph(block: Para, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: ALIGN[block.align],
    keepNext,
    spacing: { before: (block.spaceBefore ?? 0) * 20, after: 0 },
    ...(block.firstLineIndentMm ? { indent: { firstLine: toTwips(block.firstLineIndentMm) } } : {}),
    children: block.runs.map(
      (run) =>
        new TextRun({
          text: run.text,
          size: halfPoints(block.size),
          bold: run.isBold ?? false,
          italics: run.isItalic ?? false,
          ...(run.isUnderlined ? { underline: {} } : {}),
        }),
    ),
  });
}

function toBlock(block: Block, widthMm: number, keepNext = false): Paragraph {
  if (!isRule(block)) return toParagraph(block, keepNext);
  const indent = toTwips((widthMm - block.rule.widthMm) / 2);
  return new Paragraph({
    keepNext,
    indent: { left: indent, right: indent },
    spacing: { before: (block.spaceBefore ?? 0) * 20, after: 0, line: 40, lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 0 } },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

function twoColumns(left: Block[], right: Block[]): Table {
  const widthsMm = [LEFT_COLUMN_MM, CONTENT_WIDTH_MM - LEFT_COLUMN_MM];
  const widths = widthsMm.map(toTwips);
  const cell = (blocks: Block[], index: number) =>
    new TableCell({
      width: { size: widths[index]!, type: WidthType.DXA },
      margins: { left: 0, right: 0 },
      children: blocks.map((block) => toBlock(block, widthsMm[index]!)),
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths[0]! + widths[1]!, type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, 0), cell(right, 1)] })],
  });
}

const spanWidth = (widths: number[], column: number, span: number) => widths.slice(column, column + span).reduce((a, b) => a + b, 0);

/**
 * The heading rows of Biểu 06 with their merged cells: a cell spanning rows is written once with its rowSpan (docx then
 * adds the w:vMerge continuations to the rows below), one spanning columns with its columnSpan (w:gridSpan).
 */
function annexHeadingRows(cells: AnnexHeadingCell[], rowCount: number, widths: number[]): TableRow[] {
  return Array.from({ length: rowCount }, (_, rowIndex) => {
    const children = cells
      .filter((cell) => cell.row === rowIndex)
      .sort((a, b) => a.column - b.column)
      .map(
        (cell) =>
          new TableCell({
            width: { size: spanWidth(widths, cell.column, cell.columnSpan), type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
            ...(cell.columnSpan > 1 ? { columnSpan: cell.columnSpan } : {}),
            children: [toParagraph({ runs: [{ text: cell.text, isBold: true }], align: 'center', size: 'table' })],
          }),
      );
    return new TableRow({ tableHeader: true, cantSplit: true, children });
  });
}

function annexTable(heading: { cells: AnnexHeadingCell[]; rowCount: number }, rows: AnnexRow[], headerCount: number): Table {
  const widths = ANNEX_COLUMNS.map((column) => toTwips(column.widthMm));
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    margins: { top: 30, bottom: 30, left: 50, right: 50 },
    rows: [
      ...annexHeadingRows(heading.cells, heading.rowCount, widths),
      ...rows.map((row, rowIndex) => {
        let column = 0;
        const cells = row.cells.map((cell) => {
          const span = cell.span ?? 1;
          const width = spanWidth(widths, column, span);
          const align = row.kind === 'header' || column === 0 ? 'center' : (ANNEX_COLUMNS[column]?.align ?? 'left');
          column += span;
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            ...(span > 1 ? { columnSpan: span } : {}),
            ...(row.kind === 'level' || row.kind === 'total' ? { shading: { fill: 'F2F2F2' } } : {}),
            children: [
              toParagraph({
                runs: [{ text: cell.text, isBold: row.kind !== 'field', isItalic: row.kind === 'header' && /^\(\d+\)$/.test(cell.text) }],
                align,
                size: 'table',
              }),
            ],
          });
        });
        return new TableRow({ tableHeader: rowIndex < headerCount, cantSplit: true, children: cells });
      }),
    ],
  });
}

function headers(notice: string | null) {
  const noticeParagraph = () =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: notice ?? '', size: halfPoints('recipients'), bold: true, color: 'C00000' })],
    });
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints('page') })],
  });
  return {
    default: new Header({ children: notice ? [pageNumber, noticeParagraph()] : [pageNumber] }),
    first: new Header({ children: notice ? [noticeParagraph()] : [] }),
  };
}

const margin = {
  top: toTwips(MARGINS.topMm),
  right: toTwips(MARGINS.rightMm),
  bottom: toTwips(MARGINS.bottomMm),
  left: toTwips(MARGINS.leftMm),
  header: toTwips(PAGE_HEADER_OFFSET_MM),
};

/** The report as a Word document (A4 portrait, Times New Roman), the Biểu 06 annex in a landscape section. */
export async function renderControlReportDocx(data: ControlReportDocumentData): Promise<Buffer> {
  const layout = buildReportLayout(data);
  const document = new Document({
    creator: 'motcua',
    title: layout.documentTitle,
    styles: { default: { document: { run: { font: DOCX_FONT, size: halfPoints('body') } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: toTwips(PORTRAIT.widthMm), height: toTwips(PORTRAIT.heightMm), orientation: PageOrientation.PORTRAIT },
            margin,
          },
        },
        headers: headers(layout.pageNotice),
        children: [
          twoColumns(layout.masthead.left, layout.masthead.right),
          ...layout.heading.map((block) => toBlock(block, CONTENT_WIDTH_MM, true)),
          ...layout.body.map((block) => toParagraph(block)),
          new Paragraph({ spacing: { before: 240, after: 0 }, keepNext: true, children: [] }),
          twoColumns(layout.closing.left, layout.closing.right),
        ],
      },
      {
        properties: {
          page: {
            size: { width: toTwips(PORTRAIT.widthMm), height: toTwips(PORTRAIT.heightMm), orientation: PageOrientation.LANDSCAPE },
            margin,
          },
        },
        headers: { default: headers(layout.pageNotice).default },
        children: [
          ...layout.annex.heading.map((block) => toParagraph(block, true)),
          annexTable(layout.annex.columnHeadings, [layout.annex.numbers, ...layout.annex.rows], 1),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
