/** Shown wherever a value is unknown or does not apply (a reduction without a baseline, no legal text). */
export const EMPTY_VALUE = '—';

const WHOLE_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Amount in đồng with Vietnamese grouping: 32000000 → "32.000.000"; null → "—". */
export function formatVnd(amount: number | null): string {
  if (amount === null) return EMPTY_VALUE;
  return WHOLE_NUMBER.format(Math.round(amount));
}

/** A ratio as a Vietnamese percentage: 0.1 → "10,0 %"; null → "—". */
export function formatPercent(ratio: number | null): string {
  if (ratio === null) return EMPTY_VALUE;
  return `${ONE_DECIMAL.format(ratio * 100)} %`;
}

/** The date line and the rest of NĐ 30's common parts live in src/documents/nd30.ts. */
export { formatDateLine } from '../../../documents/nd30';

/** Lower-cases the first letter of a label unless its first word is an abbreviation (UBND, CCCD). */
function lowerFirstLetter(label: string): string {
  const firstWord = label.split(' ')[0] ?? '';
  if (firstWord.length > 1 && firstWord === firstWord.toLocaleUpperCase('vi-VN')) return label;
  return label.charAt(0).toLocaleLowerCase('vi-VN') + label.slice(1);
}

/**
 * The measures of one procedure as a single sentence: ["Rút ngắn thời gian giải quyết", "Cắt giảm thành phần hồ sơ"]
 * → "Rút ngắn thời gian giải quyết; cắt giảm thành phần hồ sơ."
 */
export function joinMeasures(measures: string[]): string {
  const labels = measures.map((measure) => measure.trim().replace(/[.;]+$/, '')).filter((label) => label !== '');
  if (labels.length === 0) return EMPTY_VALUE;
  return `${labels.map((label, index) => (index === 0 ? label : lowerFirstLetter(label))).join('; ')}.`;
}

const ROMAN_DIGITS: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** Section numbers of the table's groups: 1 → "I", 4 → "IV", 14 → "XIV". */
export function toRomanNumeral(value: number): string {
  let remaining = Math.floor(value);
  let numeral = '';
  for (const [amount, digits] of ROMAN_DIGITS) {
    while (remaining >= amount) {
      numeral += digits;
      remaining -= amount;
    }
  }
  return numeral;
}

export { abbreviateUnit } from '../../../core/documents/issuing-body';

/** "Hộ tịch" → "Lĩnh vực Hộ tịch"; a name that already says "Lĩnh vực" is kept. */
export function formatFieldName(field: string): string {
  return /^lĩnh vực(\s|$)/iu.test(field) ? field : `Lĩnh vực ${field}`;
}

/** Upper case the Vietnamese way, for the header lines: "UBND tỉnh An Giang" → "UBND TỈNH AN GIANG". */
export function toUpperCaseVietnamese(text: string): string {
  return text.toLocaleUpperCase('vi-VN');
}
