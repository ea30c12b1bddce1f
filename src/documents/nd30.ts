import type { DocumentSigner } from '../core/documents/issuing-body';

/*
 * What every administrative document motcua issues shares, after Nghị định 30/2020/NĐ-CP (Phụ lục I): the national
 * name and motto, the place-and-date line, the signature lines (TM./KT./Q.), the margins and the font sizes. The
 * reform proposals (src/modules/reform/documents) and the periodic reports (src/modules/control-reports/documents)
 * both lay out with these.
 */

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** Margins of Phụ lục I mục I.4: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const ND30_MARGINS_MM = { topMm: 20, rightMm: 15, bottomMm: 20, leftMm: 30 };
/** The font in DOCX (Phụ lục I mục I.2: a Unicode font of TCVN 6909:2001); the PDF uses Liberation Serif, same metrics. */
export const DOCX_FONT = 'Times New Roman';
/** Room left blank for the number the clerk writes in when the document is registered. */
export const NUMBER_BLANK = '\u00A0'.repeat(8);

/**
 * Day and month as NĐ 30 wants them: a leading zero for days below 10 and for months 1 and 2 (so that "tháng 1"
 * cannot be turned into "tháng 11"), none for months 3–12.
 */
function padDayOrMonth(value: number, isMonth: boolean): string {
  const needsZero = isMonth ? value <= 2 : value < 10;
  return needsZero ? `0${value}` : String(value);
}

/**
 * The place-and-date line under the national motto: the date of signing ("An Giang, ngày 23 tháng 11 năm 2026", a
 * yyyy-mm-dd calendar date), or, for a document not signed yet, blanks the signer's office fills in by hand
 * ("An Giang, ngày … tháng … năm 20…") — never the day the file happens to be made.
 */
export function formatDateLine(place: string, signedOn: string | null): string {
  if (signedOn === null) return `${place}, ngày … tháng … năm 20…`;
  const [year, month, day] = signedOn.split('-').map(Number) as [number, number, number];
  return `${place}, ngày ${padDayOrMonth(day, false)} tháng ${padDayOrMonth(month, true)} năm ${year}`;
}

/**
 * The signature block (NĐ 30 Điều 13, Phụ lục I mục II.8): "TM." the collective body, "KT." the head with the
 * deputy's title below, "Q." the head when acting; the name under the room for the signature and seal.
 */
export function buildSignatureLines(signer: DocumentSigner): string[] {
  const lines: string[] = [];
  if (signer.collectiveBody) lines.push(`TM. ${signer.collectiveBody}`);
  if (signer.form === 'deputy') lines.push(`KT. ${signer.headTitle}`, signer.deputyTitle ?? `PHÓ ${signer.headTitle}`);
  else if (signer.form === 'acting') lines.push(`Q. ${signer.headTitle}`);
  else lines.push(signer.headTitle);
  return lines.map((line) => line.normalize('NFC').toLocaleUpperCase('vi-VN'));
}

/** A word holding a document's symbol: a slash before a capital ("125/KH-UBND", "/BC-UBND"), or capitals hyphened. */
const SYMBOL_WORD = /\/\p{Lu}|\p{Lu}-\p{Lu}/u;
/** Longer words (a pasted address, a file name) may still wrap, so that they never run out of a narrow column. */
const SYMBOL_WORD_MAX_LENGTH = 40;

/**
 * Cuts a text into pieces, marking the words that carry a document's number and symbol ("125/KH-UBND",
 * "30/2020/NĐ-CP", "1085/QĐ-TTg", the "/BC-UBND" after a number left blank; with the punctuation written against
 * them and the spaces after them): a line never parts them, nor does justifying stretch them ("125/ KH- UBND"), as the
 * Unicode line-breaking rules that layout engines follow allow after "/" and "-". The pieces put together give the
 * text back.
 */
export function splitAtDocumentSymbols(text: string): { text: string; isSymbol: boolean }[] {
  const pieces: { text: string; isSymbol: boolean }[] = [];
  const add = (piece: string, isSymbol: boolean) => {
    const last = pieces.at(-1);
    if (last && !last.isSymbol && !isSymbol) last.text += piece;
    else if (piece) pieces.push({ text: piece, isSymbol });
  };
  // Words and the spaces between them, alternately; a symbol keeps the spaces after it unless they end the line.
  const parts = text.split(/([ \t\n]+)/);
  for (let index = 0; index < parts.length; index += 2) {
    const word = parts[index]!;
    const spaces = parts[index + 1] ?? '';
    const isSymbol = SYMBOL_WORD.test(word) && word.length <= SYMBOL_WORD_MAX_LENGTH;
    if (isSymbol && !spaces.includes('\n')) add(word + spaces, true);
    else {
      add(word, isSymbol);
      add(spaces, false);
    }
  }
  return pieces;
}
