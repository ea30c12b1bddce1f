import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  type Block,
  buildProgressReportLayout,
  CONTENT_WIDTH_MM,
  type Item,
  type Paragraph as LayoutParagraph,
  PAGE,
  SIZES_PT,
} from './layout';
import type { ProgressReportData } from './types';

/** NĐ 30/2020 Phụ lục I mục I.2: Times New Roman (Liberation Serif in the PDF has its metrics). */
const FONT = 'Times New Roman';
const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function toParagraph(block: LayoutParagraph, { pageBreakBefore = false, keepNext = false } = {}): Paragraph {
  const size = Math.round(SIZES_PT[block.size] * 2);
  return new Paragraph({
    alignment: ALIGN[block.align],
    pageBreakBefore,
    keepNext,
    spacing: { before: (block.spaceBefore ?? 0) * 20, after: 0 },
    ...(block.indentMm ? { indent: { firstLine: twips(block.indentMm) } } : {}),
    children: block.runs.map(
      (run) =>
        new TextRun({
          text: run.text,
          size,
          bold: run.bold ?? false,
          italics: run.italic ?? false,
          ...(run.underline ? { underline: {} } : {}),
        }),
    ),
  });
}

function toBlock(block: Block, widthMm: number): Paragraph {
  if (block.kind === 'text') return toParagraph(block);
  const indent = twips((widthMm - block.widthMm) / 2);
  return new Paragraph({
    indent: { left: indent, right: indent },
    spacing: { before: (block.spaceBefore ?? 0) * 20, after: 0, line: 40, lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 0 } },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

function columns(item: Extract<Item, { kind: 'columns' }>): Table {
  const widths = [twips(item.leftWidthMm), twips(CONTENT_WIDTH_MM - item.leftWidthMm)];
  const cell = (blocks: Block[], index: 0 | 1) =>
    new TableCell({
      width: { size: widths[index]!, type: WidthType.DXA },
      margins: { left: 0, right: 0 },
      children: blocks.map((block) => toBlock(block, index === 0 ? item.leftWidthMm : CONTENT_WIDTH_MM - item.leftWidthMm)),
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths[0]! + widths[1]!, type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [cell(item.left, 0), cell(item.right, 1)] })],
  });
}

function table(item: Extract<Item, { kind: 'table' }>): Table {
  const widths = item.columns.map((column) => twips(column.widthMm));
  const size = Math.round(SIZES_PT.table * 2);
  const row = (values: string[], isHeader: boolean) =>
    new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: values.map(
        (value, index) =>
          new TableCell({
            width: { size: widths[index]!, type: WidthType.DXA },
            children: value.split('\n').map(
              (line) =>
                new Paragraph({
                  alignment: isHeader ? AlignmentType.CENTER : ALIGN[item.columns[index]!.align],
                  children: [new TextRun({ text: line.normalize('NFC'), size, bold: isHeader })],
                }),
            ),
          }),
      ),
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((sum, value) => sum + value, 0), type: WidthType.DXA },
    columnWidths: widths,
    margins: { top: 40, bottom: 40, left: 70, right: 70 },
    rows: [
      row(
        item.columns.map((column) => column.label),
        true,
      ),
      ...item.rows.map((values) => row(values, false)),
    ],
  });
}

/** Word's own ways: a page break before the next paragraph, "keep with next" for the items a page never parts. */
function toChildren(items: Item[], keepNext = false): (Paragraph | Table)[] {
  const children: (Paragraph | Table)[] = [];
  let breakNext = false;
  for (const item of items) {
    if (item.kind === 'pageBreak') {
      breakNext = true;
      continue;
    }
    if (item.kind === 'keepTogether') children.push(...toChildren(item.items, true));
    else if (item.kind === 'columns') {
      if (item.left.some((block) => block.kind === 'text' && block.size === 'recipientsLabel'))
        children.push(new Paragraph({ spacing: { before: 240 }, keepNext, children: [] }));
      children.push(columns(item));
    } else if (item.kind === 'table') children.push(table(item));
    else if (item.kind === 'text') children.push(toParagraph(item, { pageBreakBefore: breakNext, keepNext }));
    else children.push(toBlock(item, CONTENT_WIDTH_MM));
    breakNext = false;
  }
  return children;
}

/** The plan's progress report as a Word document (A4 portrait, Times New Roman 14 pt), ready to number and sign. */
export async function renderProgressReportDocx(data: ProgressReportData): Promise<Buffer> {
  const layout = buildProgressReportLayout(data);
  const children = toChildren(layout.items);
  const { margins } = PAGE;
  const document = new Document({
    creator: 'motcua',
    title: layout.title,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: twips(PAGE.widthMm), height: twips(PAGE.heightMm) },
            margin: {
              top: twips(margins.topMm),
              right: twips(margins.rightMm),
              bottom: twips(margins.bottomMm),
              left: twips(margins.leftMm),
              header: twips(8),
            },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 26 })] }),
            ],
          }),
          first: new Header({ children: [] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
