import {
  AlignmentType,
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
  type TableRow as LayoutTableRow,
  PAGE,
  type ProposalLayout,
  type TextBlock,
  type TextSize,
} from './layout';
import type { ProposalDocumentData } from './types';

const FONT = 'Times New Roman';
/** Half-points, as WordprocessingML counts font sizes. */
const FONT_SIZES: Record<TextSize, number> = { title: 28, body: 26, table: 21, small: 22 };
const WARNING_COLOR = 'C00000';
const TWIPS_PER_MM = 1440 / 25.4;
const TWIPS_PER_POINT = 20;

const ALIGNMENTS = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function toTwips(millimetres: number): number {
  return Math.round(millimetres * TWIPS_PER_MM);
}

function toParagraph(block: TextBlock, isKeptWithNext = false): Paragraph {
  const size = FONT_SIZES[block.size];
  return new Paragraph({
    alignment: ALIGNMENTS[block.align],
    keepNext: isKeptWithNext,
    spacing: { before: (block.spaceBefore ?? 0) * TWIPS_PER_POINT, after: 0 },
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

/** Two text columns without borders: the masthead and the closing (recipients, signature). */
function buildTwoColumnBlock(left: TextBlock[], right: TextBlock[], leftWidthMm: number): Table {
  const widths = [toTwips(leftWidthMm), toTwips(CONTENT_WIDTH_MM - leftWidthMm)];
  const column = (blocks: TextBlock[], width: number) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, children: blocks.map((block) => toParagraph(block)) });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths[0]! + widths[1]!, type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [column(left, widths[0]!), column(right, widths[1]!)] })],
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
      children: cell.blocks.map((block) => toParagraph(block)),
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

/** Page numbers from page 2 on, centred at the top (Nghị định 30/2020), with the demo warning when there is one. */
function buildPageHeaders(pageNotice: string | null): { default: Header; first: Header } {
  const size = FONT_SIZES.small;
  const pageNumber = new TextRun({ children: [PageNumber.CURRENT], size });
  const children = [new Paragraph({ alignment: AlignmentType.CENTER, children: [pageNumber] })];
  if (pageNotice) {
    const notice = new TextRun({ text: pageNotice, size, bold: true, color: WARNING_COLOR });
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [notice] }));
  }
  return { default: new Header({ children }), first: new Header({ children: [] }) };
}

function spacer(points: number, isKeptWithNext: boolean): Paragraph {
  const spacing = { before: points * TWIPS_PER_POINT, after: 0 };
  return new Paragraph({ keepNext: isKeptWithNext, spacing, children: [] });
}

/** The proposal as a Word document (A4 landscape, Times New Roman 13 pt), ready to number, sign and stamp. */
export async function renderProposalDocx(data: ProposalDocumentData): Promise<Buffer> {
  const layout = buildProposalLayout(data);
  const { margins } = PAGE;
  const document = new Document({
    creator: 'motcua',
    title: layout.documentTitle,
    styles: { default: { document: { run: { font: FONT, size: FONT_SIZES.body } } } },
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
              header: toTwips(8),
            },
          },
        },
        headers: buildPageHeaders(layout.pageNotice),
        children: [
          buildTwoColumnBlock(layout.masthead.left, layout.masthead.right, layout.leftColumnWidthMm),
          // Kept with what follows so that neither the title nor the signature ends up alone on a page.
          ...layout.heading.map((block) => toParagraph(block, true)),
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
