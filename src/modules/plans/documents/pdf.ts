import pdfMake from 'pdfmake';
import type { Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces';
import { configurePdfmake, PDF_FONT_FAMILY, toPoints } from '../../../documents/pdf-fonts';
import { keepDocumentSymbolsWhole } from '../../../documents/pdf-text';
import { type Block, buildProgressReportLayout, CONTENT_WIDTH_MM, type Item, PAGE, type Paragraph, SIZES_PT } from './layout';
import type { ProgressReportData } from './types';

const RULE_PT = 0.5;
const PADDING_PT = 3;

function toText(block: Paragraph): ContentText {
  return {
    text: block.runs.flatMap((run) =>
      keepDocumentSymbolsWhole({
        text: run.text,
        bold: run.bold ?? false,
        italics: run.italic ?? false,
        ...(run.underline ? { decoration: 'underline' as const } : {}),
      }),
    ),
    alignment: block.align,
    fontSize: SIZES_PT[block.size],
    margin: [0, block.spaceBefore ?? 0, 0, 0],
    ...(block.indentMm ? { leadingIndent: toPoints(block.indentMm) } : {}),
  };
}

function toBlock(block: Block, widthMm: number): Content {
  if (block.kind === 'text') return toText(block);
  const x1 = toPoints((widthMm - block.widthMm) / 2);
  return {
    canvas: [{ type: 'line', x1, y1: 0, x2: x1 + toPoints(block.widthMm), y2: 0, lineWidth: RULE_PT }],
    margin: [0, block.spaceBefore ?? 0, 0, 0],
  };
}

function toContent(item: Exclude<Item, { kind: 'pageBreak' }>): Content {
  if (item.kind === 'keepTogether') return { stack: toContents(item.items), unbreakable: true };
  if (item.kind === 'columns') {
    const rightMm = CONTENT_WIDTH_MM - item.leftWidthMm;
    return {
      columns: [
        { width: toPoints(item.leftWidthMm), stack: item.left.map((block) => toBlock(block, item.leftWidthMm)) },
        { width: toPoints(rightMm), stack: item.right.map((block) => toBlock(block, rightMm)) },
      ],
      columnGap: 0,
      margin: [0, item.left.some((block) => block.kind === 'text' && block.size === 'recipientsLabel') ? 14 : 0, 0, 0],
    };
  }
  if (item.kind === 'table') {
    const cell = (value: string, align: string, bold = false) => ({
      text: value.normalize('NFC'),
      alignment: align,
      bold,
      fontSize: SIZES_PT.table,
    });
    return {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: item.columns.map((column) => toPoints(column.widthMm) - 2 * PADDING_PT - RULE_PT),
        body: [
          item.columns.map((column) => cell(column.label, 'center', true)),
          ...item.rows.map((row) => row.map((value, index) => cell(value, item.columns[index]!.align))),
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
      margin: [0, 8, 0, 0],
    } as Content;
  }
  return toBlock(item, CONTENT_WIDTH_MM);
}

/**
 * A page break starts the page with the item after it ("before"): an empty line breaking "after" needs a line of room
 * itself, and on a page filled to its last lines it spilled onto a page of its own, left blank but for its number.
 */
function toContents(items: Item[]): Content[] {
  const contents: Content[] = [];
  let startsPage = false;
  for (const item of items) {
    if (item.kind === 'pageBreak') startsPage = true;
    else {
      contents.push(startsPage ? { stack: [toContent(item)], pageBreak: 'before' } : toContent(item));
      startsPage = false;
    }
  }
  return contents;
}

/** The plan's progress report as a PDF (A4 portrait), the same layout as the DOCX. */
export async function renderProgressReportPdf(data: ProgressReportData): Promise<Buffer> {
  configurePdfmake();
  const layout = buildProgressReportLayout(data);
  const { margins } = PAGE;
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [margins.leftMm, margins.topMm, margins.rightMm, margins.bottomMm].map(toPoints) as [number, number, number, number],
    info: { title: layout.title, creator: 'motcua' },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: SIZES_PT.body, lineHeight: 1.1 },
    // The page number from page 2 on, centred in the top margin (NĐ 30 Phụ lục I mục II.10).
    header: (page: number) => (page > 1 ? { text: String(page), alignment: 'center', fontSize: 13, margin: [0, toPoints(8), 0, 0] } : null),
    content: toContents(layout.items),
  };
  return pdfMake.createPdf(definition).getBuffer();
}
