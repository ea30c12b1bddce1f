/**
 * From the lines of a text (a .txt/.md file, a PDF's rebuilt lines) to paragraphs: page numbers dropped, hard-wrapped
 * lines and words hyphenated at a line's end joined, markdown's marks removed. DOCX paragraphs are paragraphs
 * already and skip the joining.
 */
export type PlanBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] };

/** A line that begins a new element whatever came before it: a heading, an item, a bullet, a header line. */
const STRUCTURAL_START =
  /^(?:[IVXL]+[.)]\s|\d+(?:\.\d+)*[.)/]\s|\d+\.\d+(?:\.\d+)*\s|[a-zđ][)./]\s|\((?:[ivx]+|\d+|[a-zđ])\)\s?|[-–—•+*]\s?\S|Số:|Số\s|PHỤ LỤC|Phụ lục\s+[IVX\d]|Nơi nhận|KT\.|TM\.|Q\.\s|CỘNG HÒA|CỘNG HOÀ|Độc lập|Điều\s+\d)/u;

/** A page number or "Trang 2" alone on a line. */
const PAGE_NUMBER = /^(?:[-–]\s*)?(?:trang\s+)?\d{1,3}(?:\s*[-–])?(?:\s*\/\s*\d{1,3})?$/iu;

/** A rule under the header's lines ("-------", "_____") or a lone cell border "|" left by a web page's table. */
const SEPARATOR_LINE = /^(?:[-–—_=.*]{3,}|\|)$/u;
/** The national motto's two lines, where a converted two-column header put them after the issuer's own words. */
const MOTTO_INSIDE = /\s+(?=(?:CỘNG HÒA|CỘNG HOÀ) XÃ HỘI|Độc lập\s*[-–] Tự do)/u;
/** "Số: 01/KH-UBND Định Hưng, ngày 03 tháng 01 năm 2025": the number and the place and date on one line. */
const NUMBER_THEN_PLACE = /^(Số\s*:?\s*\S*\s*\/\s*\S+)\s+(\p{Lu}[\p{L} .]{1,40}?,\s*ngày\b.*)$/u;

/**
 * The header's two columns as text conversions flatten them: a row of cells "ỦY BAN NHÂN DÂN | CỘNG HÒA … |", the
 * issuer and the motto on one line ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ A Độc lập - Tự do -
 * Hạnh phúc"), the number and the place and date on one line; rules and lone cell borders. Returns the line's parts,
 * "" for a line that only separates.
 */
export function splitHeaderLine(text: string): string[] {
  if (SEPARATOR_LINE.test(text)) return [''];
  if (/\s\|$/.test(text) && !text.startsWith('|')) {
    return text
      .slice(0, -1)
      .split(/\s+\|\s+/)
      .flatMap((cell) => [...splitHeaderLine(cell.trim()), '']);
  }
  const number = NUMBER_THEN_PLACE.exec(text);
  if (number) return [number[1] as string, '', number[2] as string];
  const motto = MOTTO_INSIDE.exec(text);
  if (motto && motto.index > 0 && /^[\p{Lu}\s,.-]+$/u.test(text.slice(0, motto.index))) {
    return [text.slice(0, motto.index), '', text.slice(motto.index + motto[0].length)];
  }
  return [text];
}

export function isStructuralStart(line: string): boolean {
  return STRUCTURAL_START.test(line);
}

/** Markdown's heading marks, emphasis and escapes; a line of a markdown table is handled by the caller. */
export function stripMarkdown(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/\*\*|__/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .trim();
}

function isUpperCaseLine(line: string): boolean {
  return /\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line);
}

/** The length most lines of a hard-wrapped text reach (its 80th percentile); 0 when lines are not wrapped. */
function wrapWidth(lines: string[]): number {
  const lengths = lines
    .filter((line) => line.length > 30)
    .map((line) => line.length)
    .sort((a, b) => a - b);
  if (lengths.length < 5) return 0;
  const long = lengths.filter((length) => length > 140).length;
  if (long / lengths.length > 0.1) return 0;
  return lengths[Math.floor(lengths.length * 0.8)] ?? 0;
}

type Line = { text: string; blankBefore: number };

/** Joins lines into paragraphs (see the file's comment); tables pass through unchanged. */
export function joinLines(input: (string | PlanBlock)[], options: { isWrapped?: boolean } = {}): PlanBlock[] {
  const lines: (Line | PlanBlock)[] = [];
  let blanks = 0;
  for (const item of input) {
    if (typeof item !== 'string') {
      lines.push(item);
      blanks = 0;
      continue;
    }
    for (const text of splitHeaderLine(item.replace(/\s+/g, ' ').trim())) {
      if (text === '') {
        blanks++;
        continue;
      }
      if (PAGE_NUMBER.test(text)) continue;
      lines.push({ text, blankBefore: blanks });
      blanks = 0;
    }
  }
  const width = options.isWrapped === false ? 0 : wrapWidth(lines.flatMap((line) => ('blankBefore' in line ? [line.text] : [])));
  const blocks: PlanBlock[] = [];
  let paragraph: string | null = null;
  const flush = () => {
    if (paragraph !== null) blocks.push({ kind: 'paragraph', text: paragraph });
    paragraph = null;
  };
  for (const line of lines) {
    if (!('blankBefore' in line)) {
      flush();
      blocks.push(line);
      continue;
    }
    if (paragraph !== null && continues(paragraph, line, width)) {
      paragraph = joinTwo(paragraph, line.text);
    } else {
      flush();
      paragraph = line.text;
    }
  }
  flush();
  return blocks;
}

function continues(paragraph: string, line: Line, width: number): boolean {
  const next = line.text;
  if (isStructuralStart(next)) return false;
  if (/[-‐]$/.test(paragraph) && /^\p{Ll}/u.test(next)) return true; // a hyphenated word
  const isUpperCaseNext = isUpperCaseLine(next);
  const isUpperCasePrevious = isUpperCaseLine(lastLine(paragraph));
  if (isUpperCaseNext !== isUpperCasePrevious) return false;
  // Upper-case lines stay apart: the header's lines ("ỦY BAN NHÂN DÂN" / "TỈNH …") are read line by line.
  if (isUpperCaseNext && isUpperCasePrevious) return false;
  // "1.1. Mục tiêu" over "100% hồ sơ …": a short heading is not a sentence the next line carries on.
  const isShortHeading = isStructuralStart(lastLine(paragraph)) && lastLine(paragraph).length < 40;
  const startsLower = /^[\p{Ll}(“"]/u.test(next) || (/^\d+[/%,)]/u.test(next) && !isShortHeading);
  const endsSentence = /[.:!?]["”)]?$/.test(paragraph); // not ";": a list of units goes on after it
  if (startsLower && !/[.!?]$/.test(paragraph)) return true;
  if (width === 0) return false; // not hard-wrapped: a line is a paragraph
  if (line.blankBefore >= 2) return false;
  if (endsSentence) return false;
  const previousLine = lastLine(paragraph);
  // A short line ends its paragraph (a heading, a title's last line) unless the next line carries on in lower case.
  if (previousLine.length < width * 0.6) return false;
  if (isStructuralStart(previousLine) && previousLine.length < width * 0.75) return false;
  return true;
}

/** The joined paragraph keeps where its last source line began, so that length rules look at that line. */
const LINE_MARK = '\u0000';

function lastLine(paragraph: string): string {
  const at = paragraph.lastIndexOf(LINE_MARK);
  return at < 0 ? paragraph : paragraph.slice(at + 1);
}

function joinTwo(paragraph: string, next: string): string {
  if (/\p{L}-$/u.test(paragraph) && /^\p{Ll}/u.test(next)) return `${paragraph.slice(0, -1)}${LINE_MARK}${next}`;
  return `${paragraph} ${LINE_MARK}${next}`;
}

/** Removes the line marks the joining left (call once all paragraphs are built). */
export function finishBlocks(blocks: PlanBlock[]): PlanBlock[] {
  return blocks.map((block) =>
    block.kind === 'paragraph' ? { kind: 'paragraph', text: block.text.replaceAll(LINE_MARK, '').replace(/\s+/g, ' ').trim() } : block,
  );
}
