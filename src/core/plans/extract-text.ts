import { type PlanBlock, stripMarkdown } from './lines';

/**
 * A .txt or .md plan: decoded (UTF-8, or UTF-16 with its byte-order mark), NFC-normalised, line ends unified, markdown
 * marks removed; a markdown table (`| STT | Nội dung | … |`) becomes a table block, one row per line.
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else text = new TextDecoder('utf-8').decode(bytes);
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060\uFEFF\u00AD]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00A0/g, ' ');
}

const TABLE_LINE = /^\s*\|.*\|\s*$/;
const TABLE_SEPARATOR = /^\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$/;

export function textToLines(text: string): (string | PlanBlock)[] {
  const output: (string | PlanBlock)[] = [];
  let table: string[][] | null = null;
  for (const raw of text.split('\n')) {
    if (TABLE_LINE.test(raw)) {
      if (TABLE_SEPARATOR.test(raw)) continue;
      const cells = raw
        .trim()
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => stripMarkdown(cell.replace(/<br\s*\/?>/gi, '\n')));
      if (!table) {
        table = [];
        output.push({ kind: 'table', rows: table });
      }
      table.push(cells);
      continue;
    }
    table = null;
    output.push(stripMarkdown(raw));
  }
  return output;
}
