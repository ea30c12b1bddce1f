// Legal basis: repair the crawl's artefacts — one document split over two rows, two documents glued into one title,
// a title that lost its first letter — so that each row is one document with its number (README: Legal basis).

import type { LegalBasis } from './procedure-input';
import type { SourceRecord } from './read-source';
import { cleanLine, truncate } from './text';

const LIMITS = { number: 200, title: 1000 };
/** "số/năm/ký hiệu" of a Vietnamese legal document: 53/2025/TT-BCA, 21/2008/TTLT-BQP-BLĐTBXH-BTC, 20/2012/QH13. */
const NUMBER = /\d{1,4}\/\d{4}\/[A-ZĐ](?:[A-ZĐ0-9/-]*(?:TTg|[A-ZĐ0-9]))?/g;
const NUMBER_SOURCE = NUMBER.source;
const DOCUMENT_TYPES = 'Thông tư liên tịch|Thông tư|Nghị định|Nghị quyết|Quyết định|Luật|Pháp lệnh|Chỉ thị|Công văn|Văn bản hợp nhất';
/** A title that begins with a document type and nothing else of substance ("Thông tư số"): the first half of a split. */
const BARE_TYPE = new RegExp(`^(${DOCUMENT_TYPES})( số)?$`, 'i');
/** The crawl dropped the first letter of some titles ("hông tư số 06/2025/TT-BTC …"). */
const LOST_INITIAL: [RegExp, string][] = [
  [/^hông tư/, 'T'],
  [/^ghị (định|quyết)/, 'N'],
  [/^uyết định/, 'Q'],
  [/^uật\b/, 'L'],
];
const TYPE_BY_SUFFIX: [RegExp, string][] = [
  [/\/TTLT/, 'Thông tư liên tịch'],
  [/\/TT-/, 'Thông tư'],
  [/\/NĐ-/, 'Nghị định'],
  [/\/NQ-/, 'Nghị quyết'],
  [/\/QĐ-/, 'Quyết định'],
  [/\/QH\d/, 'Luật'],
];

/** Signs of an artefact the parser must not leave: used by the generator's validation and by the fixture test. */
export const LEGAL_ARTEFACTS: [RegExp, string][] = [
  [/^\p{Ll}/u, 'title starts in the middle of a sentence'],
  [/(\p{L}|(19|20)\d\d)\d{1,4}\/\d{4}\/[A-ZĐ]/u, 'a document number glued to the word before it'],
  [new RegExp(`[\\p{L}\\d)](${DOCUMENT_TYPES}) số`, 'u'), 'two documents glued together'],
];

const numberOf = (text: string): string | null => text.match(NUMBER)?.[0] ?? null;
/** "21/2008/TTLT- BQP-BLĐTBXH-BTC" → "21/2008/TTLT-BQP-BLĐTBXH-BTC". */
const joinNumberParts = (text: string) => text.replace(/(\/[A-ZĐ]+)-\s+(?=[A-ZĐ])/g, '$1-');

/** Cuts a title where a second document was glued on: before a number stuck to a word, or a type stuck to a code. */
function splitGlued(title: string): string[] {
  const marked = joinNumberParts(title)
    .replace(/((?:19|20)\d\d)(\d{1,4}\/\d{4}\/[A-ZĐ])/g, '$1\u0000$2')
    .replace(/(\p{L})(\d{1,4}\/\d{4}\/[A-ZĐ])/gu, '$1\u0000$2')
    .replace(new RegExp(`([\\p{L}\\d)])(${DOCUMENT_TYPES})(?=\\s|\\d|$)`, 'gu'), '$1\u0000$2');
  // Once a row shows glue, a number between a word and a capitalised title also starts a document.
  const glued = marked.includes('\u0000') ? marked.replace(new RegExp(` (${NUMBER_SOURCE}) (?=\\p{Lu})`, 'gu'), '\u0000$1 ') : marked;
  return glued
    .split('\u0000')
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 0);
}

function repairStart(title: string, number: string | null): string {
  for (const [pattern, initial] of LOST_INITIAL) if (pattern.test(title)) return `${initial}${title}`;
  if (!/^\p{Ll}/u.test(title)) return title;
  const type = number ? TYPE_BY_SUFFIX.find(([pattern]) => pattern.test(number))?.[1] : undefined;
  return type && number ? `${type} số ${number} ${title}` : title.charAt(0).toUpperCase() + title.slice(1);
}

type Draft = { number: string | null; title: string | null; date: string | null };

const LEADING_NUMBER = new RegExp(`^(?:(?:${DOCUMENT_TYPES})\\s+(?:số\\s+)?)?(${NUMBER_SOURCE})`, 'u');

const typeOfNumber = (number: string) => TYPE_BY_SUFFIX.find(([pattern]) => pattern.test(number))?.[1] ?? null;

/** The number a piece of a glued title starts with ("Thông tư 21/2007/TT-BCA …", "43/2024/QH15 sửa đổi …"). */
const leadingNumberOf = (piece: string): string | null => LEADING_NUMBER.exec(piece)?.[1] ?? null;

/** Splits each row's glued documents; a bare number after a title is that title's number. */
function unglue(entries: SourceRecord['legalBasis']): Draft[] {
  const drafts: Draft[] = [];
  for (const entry of entries) {
    const number = entry.number ? joinNumberParts(cleanLine(entry.number)) : null;
    const title = entry.title ? cleanLine(entry.title) : '';
    const pieces = title ? splitGlued(title) : [];
    if (pieces.length <= 1) {
      drafts.push({ number, title: pieces[0] ?? null, date: entry.date ?? null });
      continue;
    }
    const local: Draft[] = [];
    for (const piece of pieces) {
      const previous = local.at(-1);
      const leading = leadingNumberOf(piece);
      const rest = leading ? piece.slice(piece.indexOf(leading) + leading.length).replace(/^[\s\-–:;,]+/, '') : piece;
      const isContinuation = !rest || /^\([^)]*\)$/.test(rest) || /^\p{Ll}/u.test(rest);
      if (leading && previous && isContinuation && (!previous.number || previous.number === leading)) {
        previous.number = leading; // the number of the title before it, or that title's number repeated
        if (rest && !/^\([^)]*\)$/.test(rest)) previous.title = `${previous.title} ${rest}`;
        continue;
      }
      const startsWithNumber = !!leading && piece.startsWith(leading);
      const type = leading ? typeOfNumber(leading) : null;
      local.push({ number: leading, title: startsWithNumber && type && rest ? `${type} số ${leading} ${rest}` : piece, date: null });
    }
    const owner =
      local.find((draft) => draft.number !== null && number !== null && draft.number.startsWith(number)) ??
      local.find((draft) => !draft.number);
    if (owner) {
      owner.number ??= number;
      owner.date = entry.date ?? null;
    }
    for (const draft of local) draft.number ??= numberOf(draft.title ?? '');
    drafts.push(...local);
  }
  return drafts;
}

const typeOfTitle = (title: string) => new RegExp(`^(${DOCUMENT_TYPES})(?=\\s|$)`, 'u').exec(title)?.[1] ?? null;

/** Rows of one document split in two ("Thông tư số" + "ngày 01/7/2025 của Bộ Công an …", same number): one row. */
function mergeSplit(drafts: Draft[]): Draft[] {
  const merged: Draft[] = [];
  for (const draft of drafts) {
    const previous = merged.at(-1);
    const continues = !!draft.title && /^\p{Ll}/u.test(draft.title) && !LOST_INITIAL.some(([pattern]) => pattern.test(draft.title!));
    if (previous && previous.number === draft.number && draft.number && !continues && previous.title && draft.title) {
      const type = typeOfTitle(draft.title);
      const numberType = typeOfNumber(draft.number);
      if (!BARE_TYPE.test(previous.title) && type && numberType && type !== numberType) {
        // The crawl repeated the number of the row above for a document of another kind: its number is unknown.
        merged.push({ ...draft, number: `${type} (chưa rõ số hiệu)` });
        continue;
      }
    }
    if (
      previous &&
      previous.number === draft.number &&
      (continues || !previous.title || !draft.title || BARE_TYPE.test(previous.title ?? '') || BARE_TYPE.test(draft.title ?? ''))
    ) {
      const head = previous.title ?? '';
      const joint = BARE_TYPE.test(head) && draft.number && !head.includes(draft.number) ? `${head} ${draft.number}` : head;
      previous.title = BARE_TYPE.test(draft.title ?? '') ? joint || draft.title : [joint, draft.title].filter(Boolean).join(' ');
      previous.date ??= draft.date;
      continue;
    }
    merged.push({ ...draft });
  }
  return merged;
}

export function parseLegalBasis(record: SourceRecord): LegalBasis[] {
  const seen = new Set<string>();
  const basis: LegalBasis[] = [];
  for (const draft of mergeSplit(unglue(record.legalBasis))) {
    const title = draft.title ? truncate(repairStart(draft.title, draft.number), LIMITS.title) : null;
    const number = truncate(draft.number ?? (title ? (title.match(NUMBER)?.at(-1) ?? title) : ''), LIMITS.number);
    if (!number) continue;
    const key = `${number}|${title ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    basis.push({ number, title, date: draft.date, effectiveDate: null });
  }
  return basis;
}

/** The artefacts left in one procedure's legal basis (empty when clean). */
export function legalArtefactsOf(basis: { number: string; title: string | null }[]): string[] {
  const found: string[] = [];
  basis.forEach((document, index) => {
    const previous = basis[index - 1];
    if (previous && previous.number === document.number) found.push(`${document.number}: split over two rows`);
    for (const [pattern, problem] of LEGAL_ARTEFACTS)
      if (document.title && pattern.test(document.title)) found.push(`${document.number}: ${problem}`);
  });
  return found;
}
