import { createRequire } from 'node:module';
import pdfMake from 'pdfmake';
import type { Content, ContentColumns, ContentText, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { buildProposalLayout, PAGE, type ProposalLayout, type TableRow, type TextBlock, type TextSize } from './layout';
import type { ProposalDocumentData } from './types';

/**
 * pdfmake's own Roboto, read from its package on disk: it carries every Vietnamese glyph (ơ, ư, đ and the
 * precomposed U+1EA0–U+1EF9 range) and nothing has to be fetched at run time. Its "bold" is Roboto Medium.
 */
const FONT_FAMILY = 'Roboto';
const resolveFromHere = createRequire(import.meta.url);
export const PDF_FONT_FILES = {
  normal: resolveFromHere.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'),
  bold: resolveFromHere.resolve('pdfmake/fonts/Roboto/Roboto-Medium.ttf'),
  italics: resolveFromHere.resolve('pdfmake/fonts/Roboto/Roboto-Italic.ttf'),
  bolditalics: resolveFromHere.resolve('pdfmake/fonts/Roboto/Roboto-MediumItalic.ttf'),
};

/** Roboto sets wider than Times New Roman, so the PDF uses slightly smaller sizes than the DOCX for the same fit. */
const FONT_SIZES: Record<TextSize, number> = { title: 13, body: 11.5, table: 8.5, small: 9.5 };
const WARNING_COLOR = '#C00000';
const SHADED_ROW_COLOR = '#F2F2F2';
const POINTS_PER_MM = 72 / 25.4;
const CELL_PADDING_PT = 3;
const RULE_WIDTH_PT = 0.5;

let isPdfmakeConfigured = false;

/**
 * pdfmake keeps fonts and access policies process-wide. A proposal needs no network and no file but the fonts,
 * so everything else is refused (this also silences pdfmake's warning about missing policies).
 */
function configurePdfmake(): void {
  if (isPdfmakeConfigured) return;
  const fontFiles = new Set(Object.values(PDF_FONT_FILES));
  pdfMake.addFonts({ [FONT_FAMILY]: PDF_FONT_FILES });
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((path) => fontFiles.has(path));
  isPdfmakeConfigured = true;
}

function toPoints(millimetres: number): number {
  return millimetres * POINTS_PER_MM;
}

function toText(block: TextBlock): ContentText {
  return {
    text: block.runs.map((run) => ({
      text: run.text,
      bold: run.isBold ?? false,
      italics: run.isItalic ?? false,
      ...(run.isUnderlined ? { decoration: 'underline' as const } : {}),
      ...(run.isWarning ? { color: WARNING_COLOR } : {}),
    })),
    alignment: block.align,
    fontSize: FONT_SIZES[block.size],
    margin: [0, block.spaceBefore ?? 0, 0, 0],
  };
}

function buildTwoColumnBlock(left: TextBlock[], right: TextBlock[], leftWidthMm: number): ContentColumns {
  return {
    columns: [
      { width: toPoints(leftWidthMm), stack: left.map(toText) },
      { width: '*', stack: right.map(toText) },
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

function buildProcedureTable(layout: ProposalLayout): Content {
  // A column's width in pdfmake excludes its padding and rules; subtract them so the table fits the text block.
  const widths = layout.columns.map((column) => toPoints(column.widthMm) - 2 * CELL_PADDING_PT - RULE_WIDTH_PT);
  return {
    table: {
      headerRows: layout.headerRows.length,
      dontBreakRows: true,
      widths,
      body: [...layout.headerRows, ...layout.bodyRows].map(toTableRow),
    },
    layout: {
      hLineWidth: () => RULE_WIDTH_PT,
      vLineWidth: () => RULE_WIDTH_PT,
      paddingLeft: () => CELL_PADDING_PT,
      paddingRight: () => CELL_PADDING_PT,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    margin: [0, 6, 0, 0],
  };
}

/** Page numbers from page 2 on, centred at the top (Nghị định 30/2020), with the demo warning when there is one. */
function buildPageHeader(pageNotice: string | null): TDocumentDefinitions['header'] {
  return (currentPage: number): Content | null => {
    if (currentPage === 1) return null;
    const lines: Content[] = [{ text: String(currentPage), alignment: 'center', fontSize: FONT_SIZES.small }];
    if (pageNotice) {
      lines.push({ text: pageNotice, alignment: 'center', fontSize: FONT_SIZES.small, bold: true, color: WARNING_COLOR });
    }
    return { stack: lines, margin: [0, toPoints(8), 0, 0] };
  };
}

function buildDocumentDefinition(layout: ProposalLayout): TDocumentDefinitions {
  const { margins } = PAGE;
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [margins.leftMm, margins.topMm, margins.rightMm, margins.bottomMm].map(toPoints) as [number, number, number, number],
    info: { title: layout.documentTitle, creator: 'motcua' },
    defaultStyle: { font: FONT_FAMILY, fontSize: FONT_SIZES.body },
    header: buildPageHeader(layout.pageNotice),
    content: [
      buildTwoColumnBlock(layout.masthead.left, layout.masthead.right, layout.leftColumnWidthMm),
      ...layout.heading.map(toText),
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
