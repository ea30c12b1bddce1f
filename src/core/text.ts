/** Characters that the national portal's pages carry inside words and that must never reach an index. */
const INVISIBLE_CHARACTERS = /[\u200B-\u200F\u202A-\u202E\u2060\uFEFF\u00AD]/g;

/** Canonical form of any text a user enters: NFC, invisible marks removed, runs of white space collapsed. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE_CHARACTERS, '').replace(/\s+/g, ' ').trim();
}

/** Like normalizeText but keeps line breaks (multi-line fields such as steps or conditions). */
export function normalizeMultilineText(value: string): string {
  return value
    .normalize('NFC')
    .replace(INVISIBLE_CHARACTERS, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .trim();
}

/** Removes Vietnamese diacritics; NFD leaves đ/Đ alone, so they are mapped explicitly. */
export function stripAccents(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** A final y after a consonant (or alone) is spelled i as well: lý/lí, kỹ/kĩ, quý/quí, tỷ/tỉ, y/i. */
const FINAL_Y_AFTER_CONSONANT = /\b(b|c|ch|d|g|gh|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)?y\b/g;

/**
 * The search form of a text — the JavaScript twin of the SQL function motcua_norm (migration 0000):
 * no accents, lower case, other characters folded into single spaces, and i/y treated alike where Vietnamese
 * spelling lets them vary (not in ay, uy, yê: giấy, thủy, yêu keep their y).
 */
export function toSearchForm(value: string): string {
  return stripAccents(value.normalize('NFC').replace(INVISIBLE_CHARACTERS, ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(FINAL_Y_AFTER_CONSONANT, '$1i');
}

/** Input nested deeper than this is refused: no form or import needs it, and recursion must stay bounded. */
export const MAX_INPUT_DEPTH = 64;

export type InputShapeFault = 'nul' | 'lone_surrogate' | 'too_deep' | 'duplicate_key';

const FAULT_MESSAGES: Record<InputShapeFault, string> = {
  nul: 'Dữ liệu chứa ký tự NUL (mã 0), không lưu được.',
  lone_surrogate: 'Dữ liệu chứa ký tự UTF-16 không hoàn chỉnh (nửa cặp thay thế), không lưu được dưới dạng UTF-8.',
  too_deep: `Dữ liệu lồng nhau quá sâu (tối đa ${MAX_INPUT_DEPTH} cấp).`,
  duplicate_key: 'Một trường xuất hiện hai lần trong cùng một đối tượng JSON: không rõ giá trị nào được dùng.',
};

/** Input that no field can hold; `path` names where it was found (keys and array indexes), `message` is Vietnamese. */
export class InputShapeError extends Error {
  readonly path: string[] = [];
  constructor(readonly fault: InputShapeFault) {
    super(FAULT_MESSAGES[fault]);
    this.name = 'InputShapeError';
  }
}

/** In Unicode mode a well-formed surrogate pair is one code point: only a lone half matches. */
const LONE_SURROGATE = /\p{Surrogate}/u;

function checkText(value: string): void {
  if (value.includes('\u0000')) throw new InputShapeError('nul');
  if (LONE_SURROGATE.test(value)) throw new InputShapeError('lone_surrogate');
}

/** Runs `step` for one child; on a fault, records the child's key so the error names the field. */
function within<T>(key: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof InputShapeError) error.path.unshift(key);
    throw error;
  }
}

/**
 * Deeply normalises every string of a parsed JSON value to NFC (applied to all request bodies, queries and path
 * parameters). Refuses text PostgreSQL cannot store — NUL characters, and lone UTF-16 surrogates (a JSON escape
 * such as "\ud800" without its pair: no UTF-8 encoding exists for it), in values and in keys — and nesting deeper
 * than MAX_INPUT_DEPTH.
 */
export function normalizeStringsDeep<T>(value: T, depth = 0): T {
  if (depth > MAX_INPUT_DEPTH) throw new InputShapeError('too_deep');
  if (typeof value === 'string') {
    checkText(value);
    return value.normalize('NFC') as T;
  }
  if (Array.isArray(value)) return value.map((item, index) => within(String(index), () => normalizeStringsDeep(item, depth + 1))) as T;
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own properties: a "__proto__" key stays data and never becomes the prototype.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        within(key, () => checkText(key));
        return [key, within(key, () => normalizeStringsDeep(item, depth + 1))];
      }),
    ) as T;
  }
  return value;
}

/** Keeps user-supplied text out of LIKE patterns' wildcard syntax. */
export function escapeLikePattern(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment): "lihc" is one edit from "lich".
 * Stops early and returns `limit + 1` once the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previousPrevious[j - 2]! + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}
