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
import {
  buildProposalLayout,
  CONTENT_WIDTH_MM,
  FONT_SIZES_PT,
  isRule,
  type LayoutBlock,
  type TableRow as LayoutTableRow,
  PAGE,
  PAGE_HEADER_OFFSET_MM,
  type ProposalLayout,
  type TextBlock,
  type TextSize,
} from './layout';
import type { ProposalDocumentData } from './types';

/** The font of Nghị định 30/2020 (Phụ lục I mục I.2: a Unicode font of TCVN 6909:2001, Times New Roman in practice). */
export const DOCX_FONT = 'Times New Roman';
/** Half-points, as WordprocessingML counts font sizes. */
const halfPoints = (size: TextSize) => Math.round(FONT_SIZES_PT[size] * 2);
const WARNING_COLOR = 'C00000';
const TWIPS_PER_MM = 1440 / 25.4;
const TWIPS_PER_POINT = 20;

const ALIGNMENTS = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;
const RULE_SIZE_EIGHTHS = 4; // 0.5 pt, in eighths of a point as borders are counted

function toTwips(millimetres: number): number {
  return Math.round(millimetres * TWIPS_PER_MM);
}

function toParagraph(block: TextBlock, isKeptWithNext = false): Paragraph {
  const size = halfPoints(block.size);
  return new Paragraph({
    alignment: ALIGNMENTS[block.align],
    keepNext: isKeptWithNext,
    spacing: { before: (block.spaceBefore ?? 0) * TWIPS_PER_POINT, after: 0 },
    ...(block.firstLineIndentMm ? { indent: { firstLine: toTwips(block.firstLineIndentMm) } } : {}),
    children: block.runs.map(
      (run) =>
        new TextRun({
          text: run.text,
          size,
          bold: run.isBold ?? false,
          italics: run.isItalic ?? false,
          ...(run.isUnderlined ? { underline: {} } : {}),
          ...(run.isWarning ? { color: WARNING_COLOR } : {}),
        }),
    ),
  });
}

/**
 * A text, or a rule centred in a column `containerWidthMm` wide: an empty, tiny paragraph indented from both sides
 * whose bottom border is the rule.
 */
function toBlockParagraph(block: LayoutBlock, containerWidthMm: number, isKeptWithNext = false): Paragraph {
  if (!isRule(block)) return toParagraph(block, isKeptWithNext);
  const indent = toTwips((containerWidthMm - block.rule.widthMm) / 2);
  return new Paragraph({
    keepNext: isKeptWithNext,
    indent: { left: indent, right: indent },
    spacing: { before: (block.spaceBefore ?? 0) * TWIPS_PER_POINT, after: 0, line: 40, lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.SINGLE, size: RULE_SIZE_EIGHTHS, color: '000000', space: 0 } },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

/** Two text columns without borders: the masthead and the closing (recipients, signature). */
function buildTwoColumnBlock(left: LayoutBlock[], right: LayoutBlock[], leftWidthMm: number): Table {
  const widthsMm = [leftWidthMm, CONTENT_WIDTH_MM - leftWidthMm] as const;
  const widths = widthsMm.map(toTwips);
  const column = (blocks: LayoutBlock[], index: 0 | 1) =>
    new TableCell({
      width: { size: widths[index]!, type: WidthType.DXA },
      margins: { left: 0, right: 0 },
      children: blocks.map((block) => toBlockParagraph(block, widthsMm[index])),
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths[0]! + widths[1]!, type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [column(left, 0), column(right, 1)] })],
  });
}

function buildTableRow(row: LayoutTableRow, columnWidths: number[], isHeader: boolean): TableRow {
  let columnIndex = 0;
  const cells = row.cells.map((cell) => {
    const span = cell.columnSpan ?? 1;
    const width = columnWidths.slice(columnIndex, columnIndex + span).reduce((sum, value) => sum + value, 0);
    columnIndex += span;
    return new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: row.kind === 'procedure' ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
      ...(span > 1 ? { columnSpan: span } : {}),
      ...(row.kind === 'group' || row.kind === 'total' ? { shading: { fill: 'F2F2F2' } } : {}),
      // A group heading is kept with the row after it (Word keeps a row with the next when its paragraphs are).
      children: cell.blocks.map((block) => toParagraph(block, row.kind === 'group')),
    });
  });
  return new TableRow({ ...(isHeader ? { tableHeader: true } : {}), cantSplit: true, children: cells });
}

function buildProcedureTable(layout: ProposalLayout): Table {
  const columnWidths = layout.columns.map((column) => toTwips(column.widthMm));
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: columnWidths.reduce((sum, value) => sum + value, 0), type: WidthType.DXA },
    columnWidths,
    margins: { top: 40, bottom: 40, left: 70, right: 70 },
    rows: [
      ...layout.headerRows.map((row) => buildTableRow(row, columnWidths, true)),
      ...layout.bodyRows.map((row) => buildTableRow(row, columnWidths, false)),
    ],
  });
}

/**
 * The top margin: the page number from page 2 on, centred (NĐ 30 Phụ lục I mục II.10), and on every page the demo
 * warning when there is one — outside the text block, so that the text itself stays the document to sign.
 */
function buildPageHeaders(pageNotice: string | null): { default: Header; first: Header } {
  const notice = () =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: pageNotice ?? '', size: halfPoints('recipients'), bold: true, color: WARNING_COLOR })],
    });
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints('page') })],
  });
  return {
    default: new Header({ children: pageNotice ? [pageNumber, notice()] : [pageNumber] }),
    first: new Header({ children: pageNotice ? [notice()] : [] }),
  };
}

function spacer(points: number, isKeptWithNext: boolean): Paragraph {
  const spacing = { before: points * TWIPS_PER_POINT, after: 0 };
  return new Paragraph({ keepNext: isKeptWithNext, spacing, children: [] });
}

/** The proposal as a Word document (A4 landscape, Times New Roman 14 pt), ready to number, sign and stamp. */
export async function renderProposalDocx(data: ProposalDocumentData): Promise<Buffer> {
  const layout = buildProposalLayout(data);
  const { margins } = PAGE;
  const document = new Document({
    creator: 'motcua',
    title: layout.documentTitle,
    styles: { default: { document: { run: { font: DOCX_FONT, size: halfPoints('body') } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            // docx takes the portrait size and swaps width and height itself for landscape.
            size: {
              width: toTwips(PAGE.heightMm),
              height: toTwips(PAGE.widthMm),
              orientation: PageOrientation.LANDSCAPE,
            },
            margin: {
              top: toTwips(margins.topMm),
              right: toTwips(margins.rightMm),
              bottom: toTwips(margins.bottomMm),
              left: toTwips(margins.leftMm),
              header: toTwips(PAGE_HEADER_OFFSET_MM),
            },
          },
        },
        headers: buildPageHeaders(layout.pageNotice),
        children: [
          buildTwoColumnBlock(layout.masthead.left, layout.masthead.right, layout.leftColumnWidthMm),
          // Kept with what follows so that neither the title nor the signature ends up alone on a page.
          ...layout.heading.map((block) => toBlockParagraph(block, CONTENT_WIDTH_MM, true)),
          spacer(6, true),
          buildProcedureTable(layout),
          ...layout.notes.map((block) => toParagraph(block, true)),
          spacer(12, true),
          buildTwoColumnBlock(layout.closing.left, layout.closing.right, layout.leftColumnWidthMm),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
