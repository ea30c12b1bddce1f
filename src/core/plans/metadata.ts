import type { PlanMetadata } from '../../contract/plans';
import type { PlanBlock } from './lines';
import { digitizeNumberWords } from './number-words';
import { readUnitList, startsWithUnit } from './units';

/**
 * The plan's metadata (docs/plan-import.md, "Metadata"), and the paragraphs that carry it, which are not part of the
 * body: the header block (wherever a PDF's text layer put it), the title, and from "Nơi nhận" on the recipients and
 * the signature.
 */
export type MetadataResult = { metadata: PlanMetadata; body: PlanBlock[] };

const NATIONAL_MOTTO = /^(?:CỘNG HÒA|CỘNG HOÀ)\s+XÃ HỘI|^Độc lập\s*[-–]\s*Tự do|^CHỦ NGHĨA VIỆT NAM$/u;
const NUMBER_LINE = /^Số\s*:?\s*([^\s].*)?$/u;
const PLACE_DATE = /^([\p{L} .]{2,40}?),\s*ngày\b.*\btháng\b.*\bnăm\b/u;
/** "KẾ HOẠCH", or "KẾ HOẠCH HÀNH ĐỘNG" (the kind of plan, the title on the next line). */
const PLAN_WORD = /^KẾ HOẠCH(?:\s+HÀNH ĐỘNG$)?\b\s*(.*)$/u;
const RECIPIENTS = /^Nơi nhận\b/u;
const APPENDIX = /^(?:PHỤ LỤC|Phụ lục)(?![\p{L}])/u;
const CITATION =
  /(?:Nghị quyết|Kế hoạch|Quyết định|Chỉ thị|Nghị định|Thông tư|Công văn|Văn bản|Kết luận|Thông báo|Chương trình)\s+số\s+\d[\p{L}\d/.-]*(?:(?<=[-/])\s(?=\p{Lu})[\p{L}\d/.-]+)?(?:\s+ngày\s+\d{1,2}(?:\s*\/\s*\d{1,2}\s*\/\s*\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?/gu;
const ISSUING_SENTENCE = /([^.,;:]+?)\s+(?:ban hành|xây dựng|xây dựng và ban hành|triển khai)\s+kế hoạch\b/iu;
const PERSON_NAME = /^(?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){1,4}$/u;

function isUpperCase(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

export function extractMetadata(blocks: PlanBlock[]): MetadataResult {
  const texts = blocks.map((block) => (block.kind === 'paragraph' ? block.text : null));
  const consumed = new Set<number>();
  let number: string | null = null;
  let place: string | null = null;
  let date: string | null = null;
  let issuer: string | null = null;
  const recipientsAt = texts.findIndex((text) => text !== null && RECIPIENTS.test(text));
  const end = recipientsAt < 0 ? texts.length : recipientsAt;
  // An appendix after the signature ("PHỤ LỤC …", its task table) is part of the body again.
  const appendixAt =
    recipientsAt < 0
      ? -1
      : blocks.findIndex((block, index) => index > recipientsAt && (block.kind === 'table' || APPENDIX.test(block.text)));
  const resume = appendixAt < 0 ? texts.length : appendixAt;
  for (let index = 0; index < end; index++) {
    const text = texts[index];
    if (text === null || text === undefined) continue;
    if (NATIONAL_MOTTO.test(text)) consumed.add(index);
    else if (number === null && NUMBER_LINE.test(text) && !/^Số\s+\p{L}/u.test(text.replace(/^Số\s*:/u, 'Số:'))) {
      number = (NUMBER_LINE.exec(text)?.[1] ?? '').replace(/\s+/g, '') || null;
      consumed.add(index);
      issuer = issuer ?? readHeaderIssuer(texts, index, consumed);
    } else if (place === null && PLACE_DATE.test(text) && text.length < 90) {
      place = (PLACE_DATE.exec(text)?.[1] ?? '').trim() || null;
      date = readSigningDate(text);
      consumed.add(index);
    }
  }
  const planAt = texts.findIndex((text, index) => index < end && text !== null && PLAN_WORD.test(text));
  let title: string | null = null;
  if (planAt >= 0) {
    consumed.add(planAt);
    title = (PLAN_WORD.exec(texts[planAt] as string)?.[1] ?? '').trim() || null;
    if (!title) {
      const titleAt = texts.findIndex((text, index) => index > planAt && text !== null && !consumed.has(index));
      if (titleAt >= 0) {
        title = texts[titleAt] as string;
        consumed.add(titleAt);
        // An upper-case title set on several lines.
        for (let next = titleAt + 1; isUpperCase(title) && texts[next] && isUpperCase(texts[next] as string); next++) {
          title = `${title} ${texts[next]}`;
          consumed.add(next);
        }
      }
    }
  }
  const bodyStart = Math.max(planAt, 0);
  const body = blocks.filter((_, index) => ((index >= bodyStart && index < end) || index >= resume) && !consumed.has(index));
  const preamble = readPreamble(body);
  issuer = issuer ?? readIssuerFromPreamble(preamble) ?? numberSuffix(number);
  return {
    metadata: {
      number,
      issuer,
      place,
      date,
      title,
      implements: readCitations([title ?? '', ...preamble]),
      signer: readSigner(end === texts.length ? texts.slice(Math.max(0, texts.length - 8)) : texts.slice(end, resume)),
    },
    body,
  };
}

/** The upper-case lines just above "Số:", skipping the national motto; the last body named is the issuer. */
function readHeaderIssuer(texts: (string | null)[], numberAt: number, consumed: Set<number>): string | null {
  const lines: string[] = [];
  for (let index = numberAt - 1; index >= 0 && lines.length < 4; index--) {
    const text = texts[index];
    if (text === null || text === undefined) break;
    if (NATIONAL_MOTTO.test(text)) continue;
    if (!isUpperCase(text) || PLAN_WORD.test(text) || text.length > 80) break;
    lines.unshift(text);
    consumed.add(index);
  }
  if (lines.length === 0) return null;
  // A line that starts a body ("SỞ TƯ PHÁP" under "UBND TỈNH …") starts a new one; "TỈNH HẬU GIANG" continues one.
  const bodies: string[][] = [];
  for (const line of lines) {
    if (bodies.length === 0 || startsWithUnit(line.toLowerCase())) bodies.push([line]);
    else bodies[bodies.length - 1]?.push(line);
  }
  return (bodies[bodies.length - 1] as string[]).join(' ').replace(/\s+/g, ' ').trim();
}

function readSigningDate(text: string): string | null {
  const digits = digitizeNumberWords(text).text;
  const match =
    /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(digits) ?? /ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/u.exec(digits);
  if (!match) return null;
  const [year, month, day] = [Number(match[3]), Number(match[2]), Number(match[1])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The paragraphs between the title and the first heading. */
function readPreamble(body: PlanBlock[]): string[] {
  const preamble: string[] = [];
  for (const block of body) {
    if (block.kind !== 'paragraph') break;
    if (/^(?:[IVXL]+[.)]|\d+[.)]|PHỤ LỤC|Phụ lục)\s/u.test(block.text)) break;
    if (PLAN_WORD.test(block.text)) continue;
    preamble.push(block.text);
  }
  return preamble;
}

function readIssuerFromPreamble(preamble: string[]): string | null {
  for (const paragraph of preamble) {
    const match = ISSUING_SENTENCE.exec(paragraph);
    if (!match) continue;
    const subject = (match[1] as string).trim();
    const list = readUnitList(subject);
    if (list.units.length > 0) return list.units[0] as string;
  }
  return null;
}

function numberSuffix(number: string | null): string | null {
  const match = number ? /-([\p{L}\d&]+)$/u.exec(number) : null;
  return match ? (match[1] as string) : null;
}

function readCitations(texts: string[]): string[] {
  const citations: string[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(CITATION)) {
      let citation = match[0];
      // "… của Ủy ban nhân dân tỉnh Kiên Giang": the issuing body, up to the verb or "về" after it.
      const after = text.slice((match.index ?? 0) + match[0].length);
      const issuer = /^\s+của\s+/u.exec(after);
      if (issuer) {
        const rest = after.slice(issuer[0].length);
        const list = readUnitList(rest);
        // "… của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành Kế hoạch": the last one is the plan's issuer.
        const isIssuingNext = list.units.length > 1 && /^\s*(?:ban hành|xây dựng|triển khai)\s/u.test(rest.slice(list.length));
        const body = (isIssuingNext ? list.units.slice(0, -1) : list.units).join(', ');
        const bodyText =
          body ||
          /^[\p{Lu}][^,;.:()]*?(?=\s+(?:về|triển khai|thực hiện|ban hành|phê duyệt|quy định)\s|[,;.:(]|$)/u.exec(
            after.slice(issuer[0].length),
          )?.[0];
        if (bodyText) citation += ` của ${bodyText}`;
      }
      // "Chỉ thị số 30- CT/TU": a number broken after its "-" or "/" is closed.
      citation = citation
        .replace(/(?<=số\s+\d[\p{L}\d.]*[-/])\s+/u, '')
        .replace(/\s+/g, ' ')
        .trim();
      const key = /số\s+(\S+)/u.exec(citation)?.[1] ?? citation;
      if (seen.has(key)) continue;
      seen.add(key);
      citations.push(citation);
    }
  }
  return citations;
}

function readSigner(texts: (string | null)[]): string | null {
  for (let index = texts.length - 1; index >= 0; index--) {
    const text = texts[index]?.trim();
    if (!text || isUpperCase(text)) continue;
    if (PERSON_NAME.test(text)) return text;
  }
  return null;
}
