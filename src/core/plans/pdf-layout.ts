import type { PlanBlock } from './lines';
import { readTableHeading } from './table-tasks';

/**
 * Lines and tables rebuilt from a PDF's positioned text (pure: no pdf.js here, so it is tested on its own).
 * Fragments on one baseline make a line; a wide gap separates two cells. A line that repeats at the top or bottom of
 * most pages (a running header, "Trang 3") or is only a page number is dropped. A line whose cells read as a task
 * table's heading (STT, Nội dung, Chủ trì…) opens a table: its columns are where the heading's cells start; a line
 * whose STT column holds a number starts a row, any other line — the rest of a wrapped cell, the part of a row
 * carried over to the next page — goes on the current row; a heading repeated on a new page is skipped.
 */
export type PdfFragment = { text: string; x: number; y: number; width: number; size: number };
type Segment = { text: string; x: number; right: number };
type Line = { segments: Segment[]; y: number; size: number; page: number };

const PAGE_NUMBER = /^(?:[-–]\s*)?(?:trang\s+)?\d{1,3}(?:\s*[-–])?(?:\s*\/\s*\d{1,3})?$/iu;

function toLines(fragments: PdfFragment[], page: number): Line[] {
  const sorted = [...fragments].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { fragments: PdfFragment[]; y: number; size: number }[] = [];
  for (const fragment of sorted) {
    const line = lines.find((candidate) => Math.abs(candidate.y - fragment.y) < Math.max(candidate.size, fragment.size) * 0.4);
    if (line) line.fragments.push(fragment);
    else lines.push({ fragments: [fragment], y: fragment.y, size: fragment.size });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((line) => ({ segments: toSegments(line.fragments.sort((a, b) => a.x - b.x)), y: line.y, size: line.size, page }));
}

/** Fragments closer than a wide gap make one segment (a cell, or the whole line of a paragraph). */
function toSegments(fragments: PdfFragment[]): Segment[] {
  const segments: Segment[] = [];
  for (const fragment of fragments) {
    const last = segments[segments.length - 1];
    const gap = last ? fragment.x - last.right : Number.POSITIVE_INFINITY;
    if (last && gap < fragment.size * 0.6) {
      // A word broken at "/" or "-" by the layout ("66/" "NQ-" "CP") is one word, however justified the line.
      const isBrokenWord = /[/\-–]$/.test(last.text) && !/^\s/.test(fragment.text);
      const isSpaced = gap > fragment.size * 0.1 && !isBrokenWord && !last.text.endsWith(' ') && !fragment.text.startsWith(' ');
      last.text += isSpaced ? ` ${fragment.text}` : fragment.text;
      last.right = Math.max(last.right, fragment.x + fragment.width);
    } else segments.push({ text: fragment.text, x: fragment.x, right: fragment.x + fragment.width });
  }
  // pdf.js writes a justified line's stretched break after "/" or "-" as a space: "66/ NQ- CP" is "66/NQ-CP".
  const unstretch = (text: string) => text.replace(/([\p{L}\d])([/-]) (?=[\p{L}\d])/gu, '$1$2');
  return segments.map((segment) => ({ ...segment, text: unstretch(segment.text.replace(/\s+/g, ' ').trim()) }));
}

function lineText(line: Line): string {
  return line.segments.map((segment) => segment.text).join(' ');
}

/** Running headers and footers: the same text (numbers aside) first or last on at least half of the pages. */
function dropPageArtefacts(pages: Line[][]): Line[][] {
  const counts = new Map<string, number>();
  const key = (line: Line) => lineText(line).replace(/\d+/g, '#');
  for (const lines of pages) {
    const edges = new Set([lines[0], lines[lines.length - 1]].filter(Boolean).map((line) => key(line as Line)));
    for (const edge of edges) counts.set(edge, (counts.get(edge) ?? 0) + 1);
  }
  // A table's heading repeated at the top of each page is not a running header: it has cells.
  const isRunning = (line: Line) =>
    pages.length >= 2 && line.segments.length <= 2 && (counts.get(key(line)) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((lines) =>
    lines.filter((line, index) => {
      const isEdge = index === 0 || index === lines.length - 1;
      return !(PAGE_NUMBER.test(lineText(line)) || (isEdge && isRunning(line)));
    }),
  );
}

type Table = {
  columns: number[];
  heading: string[];
  rows: string[][];
  current: string[] | null;
  lastRight: number[];
  headingLines: number;
};

export function layoutLines(pageFragments: PdfFragment[][]): (string | PlanBlock)[] {
  const pages = dropPageArtefacts(pageFragments.map(toLines));
  const output: (string | PlanBlock)[] = [];
  let table: Table | null = null;
  let skipHeading = 0;
  let previous: Line | null = null;
  const closeTable = () => {
    if (table) {
      if (table.current) table.rows.push(table.current);
      output.push({ kind: 'table', rows: [table.heading, ...table.rows] });
    }
    table = null;
  };
  for (const line of pages.flat()) {
    const texts = line.segments.map((segment) => segment.text);
    if (table) {
      const open: Table = table;
      if (texts.join(' ') === open.heading.join(' ') || isSameHeading(texts, open)) {
        skipHeading = open.headingLines;
        previous = line;
        continue;
      }
      if (skipHeading > 0 && line.segments.every((segment) => segment.text.length < 30 && !isRowStart(segment, open))) {
        skipHeading--;
        previous = line;
        continue;
      }
      skipHeading = 0;
      if (fitsColumns(line, open)) {
        addToTable(line, open);
        previous = line;
        continue;
      }
      closeTable();
    }
    if (line.segments.length >= 3 && readTableHeading([texts])) {
      table = {
        columns: line.segments.map((segment) => segment.x),
        heading: [...texts],
        rows: [],
        current: null,
        lastRight: [],
        headingLines: 0,
      };
      previous = line;
      continue;
    }
    const gap = previous && previous.page === line.page ? previous.y - line.y : 0;
    if (gap > line.size * 1.9) output.push('');
    // A line with cells far apart (the header's two columns, the signature block): one line per cell.
    if (line.segments.length > 1) for (const segment of line.segments) output.push(segment.text, '');
    else output.push(texts[0] ?? '');
    previous = line;
  }
  closeTable();
  return output;
}

function isSameHeading(texts: string[], table: Table): boolean {
  return texts.length >= 3 && texts.length <= table.heading.length && texts.every((text, index) => table.heading[index]?.startsWith(text));
}

function columnOf(x: number, table: Table): number {
  let column = 0;
  table.columns.forEach((start, index) => {
    if (x >= start - 3) column = index;
  });
  return column;
}

function isRowStart(segment: Segment, table: Table): boolean {
  return columnOf(segment.x, table) === 0 && /^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXL]+\.?|[A-Z]\.?)$/.test(segment.text);
}

/** Whether every cell of the line starts in a column and ends before the next one. */
function fitsColumns(line: Line, table: Table): boolean {
  if ((line.segments[0]?.x ?? 0) < (table.columns[0] ?? 0) - 6) return false;
  return line.segments.every((segment) => {
    const column = columnOf(segment.x, table);
    const next = table.columns[column + 1];
    return next === undefined || segment.right <= next + 2;
  });
}

function addToTable(line: Line, table: Table): void {
  const first = line.segments[0];
  const isNewRow = first !== undefined && isRowStart(first, table);
  const isHeadingContinuation = table.rows.length === 0 && !table.current && !isNewRow;
  if (isHeadingContinuation) {
    table.headingLines++;
    for (const segment of line.segments) {
      const column = columnOf(segment.x, table);
      table.heading[column] = `${table.heading[column] ?? ''} ${segment.text}`.trim();
    }
    return;
  }
  if (isNewRow) {
    if (table.current) table.rows.push(table.current);
    table.current = table.columns.map(() => '');
    table.lastRight = table.columns.map(() => 0);
  }
  const row = table.current;
  if (!row) return;
  const pieces = new Map<number, Segment>();
  for (const segment of line.segments) {
    const column = columnOf(segment.x, table);
    const piece = pieces.get(column);
    if (piece) {
      piece.text = `${piece.text} ${segment.text}`;
      piece.right = segment.right;
    } else pieces.set(column, { ...segment });
  }
  for (const [column, piece] of pieces) {
    const cell = row[column] ?? '';
    const end = table.columns[column + 1] ?? piece.right;
    const width = end - (table.columns[column] ?? 0);
    // The line above ended well before the column's edge, or this one is a bullet: a new line in the cell.
    const isNewLine = /^[-–+•*]\s/.test(piece.text) || (table.lastRight[column] ?? 0) < end - width * 0.3;
    row[column] = cell === '' ? piece.text : `${cell}${isNewLine ? '\n' : ' '}${piece.text}`;
    table.lastRight[column] = piece.right;
  }
}
