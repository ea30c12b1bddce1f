import { SaxesParser } from 'saxes';
import { readZip, ZipRefusedError } from '../zip';
import { Numbering, type NumberingDefinitions, readNumberingDefinitions } from './docx-numbering';
import { PlanImportError } from './errors';
import type { PlanBlock } from './lines';

/**
 * A .docx plan: word/document.xml read through the guarded ZIP reader (src/core/zip.ts), paragraphs in order, each
 * table as rows of cells (a merged cell repeated over the columns it spans, so that columns line up), a cell's
 * paragraphs joined by line breaks. Automatic numbering (numbering.xml) is written out as the document shows it
 * ("1.", "a)", "-"), since headings and items are recognised by their numbers. A text box's paragraphs (the "Số:"
 * line or the date set in a box) are paragraphs of their own, before the paragraph they are anchored in, which keeps
 * its text; the copy Word keeps for older programs (mc:Fallback) is skipped. Headers and footers are other parts of
 * the archive and are not read.
 */
const LIMITS = { maxEntries: 2000, maxTotalBytes: 200 * 1024 * 1024, maxRatio: 200 };

export async function readDocxBlocks(bytes: Uint8Array): Promise<(string | PlanBlock)[]> {
  let files: Map<string, Buffer>;
  try {
    ({ files } = await readZip(Buffer.from(bytes), LIMITS, (name) => name === 'word/document.xml' || name === 'word/numbering.xml'));
  } catch (error) {
    if (error instanceof ZipRefusedError) {
      throw new PlanImportError(
        'unreadable',
        `Tệp .docx không đọc được (${error.reason === 'too_large' ? 'quá lớn khi giải nén' : 'không phải tệp Word hợp lệ'}).`,
      );
    }
    throw error;
  }
  const document = files.get('word/document.xml');
  if (!document) throw new PlanImportError('unreadable', 'Tệp .docx không có nội dung văn bản (thiếu word/document.xml).');
  const numberingXml = files.get('word/numbering.xml');
  const definitions = numberingXml ? readNumberingDefinitions(numberingXml.toString('utf8')) : new Map();
  return readDocumentXml(document.toString('utf8'), definitions);
}

type Cell = { paragraphs: string[]; span: number; isMergedContinuation: boolean };

export function readDocumentXml(xml: string, definitions: NumberingDefinitions): (string | PlanBlock)[] {
  const output: (string | PlanBlock)[] = [];
  const numbering = new Numbering(definitions);
  const parser = new SaxesParser();
  /** Tables being read (a nested table's text goes into its outer cell). */
  const tables: { rows: Cell[][]; row: Cell[] | null; cell: Cell | null }[] = [];
  let paragraph: string | null = null;
  let numberId: string | null = null;
  let level = 0;
  let isInText = false;
  let isDeleted = false;
  /** The paragraphs a text box's own paragraphs interrupt (w:txbxContent sits inside a run of its anchor). */
  const outerParagraphs: { paragraph: string; numberId: string | null; level: number }[] = [];
  /** Depth inside mc:Fallback: the same text box again, for programs that cannot draw the first (read once). */
  let fallbackDepth = 0;
  parser.on('opentag', (tag) => {
    const attribute = (name: string) => {
      return tag.attributes[name] as string | undefined;
    };
    if (tag.name === 'mc:Fallback' || fallbackDepth > 0) {
      if (!tag.isSelfClosing) fallbackDepth += 1;
      return;
    }
    switch (tag.name) {
      case 'w:tbl':
        tables.push({ rows: [], row: null, cell: null });
        break;
      case 'w:tr': {
        const table = tables[tables.length - 1];
        if (table) table.row = [];
        break;
      }
      case 'w:tc': {
        const table = tables[tables.length - 1];
        if (table) table.cell = { paragraphs: [], span: 1, isMergedContinuation: false };
        break;
      }
      case 'w:gridSpan': {
        const cell = tables[tables.length - 1]?.cell;
        if (cell) cell.span = Math.max(1, Math.min(50, Number(attribute('w:val')) || 1));
        break;
      }
      case 'w:vMerge': {
        const cell = tables[tables.length - 1]?.cell;
        if (cell && attribute('w:val') !== 'restart') cell.isMergedContinuation = true;
        break;
      }
      case 'w:p':
        if (paragraph !== null) outerParagraphs.push({ paragraph, numberId, level });
        paragraph = '';
        numberId = null;
        level = 0;
        break;
      case 'w:numId':
        numberId = attribute('w:val') ?? null;
        break;
      case 'w:ilvl':
        level = Number(attribute('w:val')) || 0;
        break;
      case 'w:t':
        isInText = true;
        break;
      case 'w:del':
        isDeleted = true;
        break;
      case 'w:tab':
        if (paragraph !== null) paragraph += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        if (paragraph !== null) paragraph += tables.length > 0 ? '\n' : ' ';
        break;
    }
  });
  parser.on('text', (text) => {
    if (isInText && !isDeleted && paragraph !== null && fallbackDepth === 0) paragraph += text;
  });
  parser.on('closetag', (tag) => {
    if (fallbackDepth > 0) {
      if (!tag.isSelfClosing) fallbackDepth -= 1;
      return;
    }
    switch (tag.name) {
      case 'w:t':
        isInText = false;
        break;
      case 'w:del':
        isDeleted = false;
        break;
      case 'w:p': {
        const label = numberId && numberId !== '0' ? numbering.next(numberId, level) : '';
        const text = `${label ? `${label} ` : ''}${paragraph ?? ''}`.normalize('NFC');
        const outer = outerParagraphs.pop();
        paragraph = outer?.paragraph ?? null;
        numberId = outer?.numberId ?? null;
        level = outer?.level ?? 0;
        const table = tables[tables.length - 1];
        if (table?.cell) table.cell.paragraphs.push(text);
        else output.push(text, '');
        break;
      }
      case 'w:tc': {
        const table = tables[tables.length - 1];
        if (table?.cell && table.row) table.row.push(table.cell);
        if (table) table.cell = null;
        break;
      }
      case 'w:tr': {
        const table = tables[tables.length - 1];
        if (table?.row) table.rows.push(table.row);
        if (table) table.row = null;
        break;
      }
      case 'w:tbl': {
        const table = tables.pop();
        if (!table) break;
        // A cell merged down from the row above (w:vMerge) repeats that row's text in its column when the row is a row
        // of its own — its first cell (the STT) not merged too: "Cơ quan chủ trì" merged over three tasks leads each of
        // them. A row whose STT is merged goes on the task above, its merged cells empty (read as that task's).
        const rows: string[][] = [];
        for (const row of table.rows) rows.push(expandRow(row, rows.at(-1) ?? []));
        const outer = tables[tables.length - 1];
        if (outer?.cell) outer.cell.paragraphs.push(...rows.map((row) => row.filter(Boolean).join(' ')));
        else output.push({ kind: 'table', rows });
        break;
      }
    }
  });
  try {
    parser.write(xml).close();
  } catch {
    throw new PlanImportError('unreadable', 'Tệp .docx hỏng: nội dung văn bản không phải XML hợp lệ.');
  }
  return output;
}

/** A row's cells over the table's grid columns (a cell spanning n columns, then n − 1 empty ones), merged-down cells as above. */
function expandRow(row: Cell[], above: string[]): string[] {
  const isOwnRow = row[0] !== undefined && !row[0].isMergedContinuation;
  const texts: string[] = [];
  for (const cell of row) {
    const column = texts.length;
    const text = cell.isMergedContinuation ? (isOwnRow ? (above[column] ?? '') : '') : cell.paragraphs.join('\n').trim();
    texts.push(text, ...Array.from({ length: cell.span - 1 }, () => ''));
  }
  return texts;
}
