/**
 * Numbers written in Vietnamese words ("mười lăm", "hai mươi mốt", "hai nghìn không trăm hai mươi lăm") turned into
 * digits, so that the deadline rules see "ngày 15 tháng 6 năm 2025" whatever the spelling. The positions of the
 * original text are kept (`origin[i]` is where output character i came from), so that a phrase found in the digit
 * form is quoted as written.
 */

const DIGIT_WORDS: Record<string, number> = {
  không: 0,
  một: 1,
  mốt: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  năm: 5,
  lăm: 5,
  sáu: 6,
  bảy: 7,
  bẩy: 7,
  tám: 8,
  chín: 9,
};
const STRUCTURE_WORDS = new Set(['mười', 'mươi', 'trăm', 'nghìn', 'ngàn', 'linh', 'lẻ']);
/** Words that can start a number on their own; năm (also "year"), tư (also in "tư pháp"), không ("not") cannot. */
const STARTING_WORDS = new Set(['một', 'hai', 'ba', 'bốn', 'sáu', 'bảy', 'bẩy', 'tám', 'chín', 'mười']);
/** After these, năm and tư are numbers: "ngày năm tháng tư" (5 April), "quý tư". */
const NUMBER_CONTEXT = new Set(['ngày', 'tháng', 'quý', 'quí']);
const MONTH_NAMES: Record<string, number> = { giêng: 1, chạp: 12 };

function isNumberWord(word: string): boolean {
  return word in DIGIT_WORDS || STRUCTURE_WORDS.has(word);
}

/** The value of a run of number words (undefined when the words make no number, e.g. "mươi" alone). */
export function wordsToNumber(words: string[]): number | undefined {
  let total = 0;
  let hundreds = 0;
  let rest = 0;
  let hasDigit = false;
  for (const word of words) {
    const digit = DIGIT_WORDS[word];
    if (digit !== undefined) {
      rest += digit;
      hasDigit = true;
    } else if (word === 'mười') {
      rest += 10;
      hasDigit = true;
    } else if (word === 'mươi') {
      if (!hasDigit) return undefined;
      rest *= 10;
    } else if (word === 'trăm') {
      hundreds = rest * 100;
      rest = 0;
    } else if (word === 'nghìn' || word === 'ngàn') {
      total += (hundreds + rest) * 1000;
      hundreds = 0;
      rest = 0;
    }
  }
  return hasDigit ? total + hundreds + rest : undefined;
}

/** `originStart[i]`…`originEnd[i]` is the span of the original text output character i stands for. */
export type DigitizedText = { text: string; originStart: number[]; originEnd: number[] };

/** The original text of the output span [from, to). */
export function originalSpan(digitized: DigitizedText, original: string, from: number, to: number): string {
  if (to <= from) return '';
  return original.slice(digitized.originStart[from], digitized.originEnd[to - 1]);
}

/** Lower-cases `value` and writes its number words as digits. */
export function digitizeNumberWords(value: string): DigitizedText {
  const lower = value.toLowerCase();
  const tokens = [...lower.matchAll(/[\p{L}]+|[^\p{L}]+/gu)];
  let text = '';
  const originStart: number[] = [];
  const originEnd: number[] = [];
  const emit = (piece: string, start: number, end: number) => {
    const isSameLength = piece.length === end - start;
    for (let i = 0; i < piece.length; i++) {
      originStart.push(isSameLength ? start + i : start);
      originEnd.push(isSameLength ? start + i + 1 : end);
    }
    text += piece;
  };
  let index = 0;
  let previousWord = '';
  while (index < tokens.length) {
    const token = tokens[index] as RegExpMatchArray;
    const word = token[0];
    const start = token.index ?? 0;
    // "tháng năm 2025" leaves the month blank: năm before a year in digits is the word "year".
    const isYearWord = word === 'năm' && /^ +\d/.test(`${tokens[index + 1]?.[0] ?? ''}${tokens[index + 2]?.[0] ?? ''}`);
    const canStart = STARTING_WORDS.has(word) || (NUMBER_CONTEXT.has(previousWord) && isNumberWord(word) && !isYearWord);
    if (/\p{L}/u.test(word) && NUMBER_CONTEXT.has(previousWord) && word in MONTH_NAMES) {
      emit(String(MONTH_NAMES[word]), start, start + word.length);
      previousWord = word;
      index++;
      continue;
    }
    if (!canStart) {
      emit(word, start, start + word.length);
      if (/\p{L}/u.test(word)) previousWord = word;
      index++;
      continue;
    }
    // Extend the run over "word space word …" while the words are number words; năm only after mươi (25 = hai mươi năm).
    const words = [word];
    let last = index;
    while (last + 2 < tokens.length && /^ +$/.test((tokens[last + 1] as RegExpMatchArray)[0])) {
      const next = (tokens[last + 2] as RegExpMatchArray)[0];
      const previous = words[words.length - 1];
      const isAllowed = next === 'năm' || next === 'tư' ? previous === 'mươi' : isNumberWord(next) && next !== 'không';
      const isZeroPlace = next === 'không' && (tokens[last + 4] as RegExpMatchArray | undefined)?.[0] === 'trăm';
      if (!isAllowed && !isZeroPlace) break;
      words.push(next);
      last += 2;
    }
    const value = wordsToNumber(words);
    const endToken = tokens[last] as RegExpMatchArray;
    const end = (endToken.index ?? 0) + endToken[0].length;
    if (value === undefined) emit(lower.slice(start, end), start, end);
    else emit(String(value), start, end);
    previousWord = words[words.length - 1] as string;
    index = last + 1;
  }
  return { text, originStart, originEnd };
}
