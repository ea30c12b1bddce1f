// Text clean-up shared by the generator: NFC, no invisible characters, tidy whitespace.

const INVISIBLE = /[\u200B-\u200F\uFEFF\u00AD\u2060]/g;

/** NFC, invisible characters stripped, every whitespace run collapsed to one space, trimmed. */
export function cleanLine(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Like cleanLine but keeps single line breaks (long texts such as conditions and results). */
export function cleanText(value: string): string {
  return value
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

export function cleanOptional(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = cleanText(value);
  return cleaned.length > 0 ? cleaned : null;
}

/** Cuts a text to at most `max` characters (the product's field limits), ending with "…" when cut. */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > max * 0.8 ? cut.slice(0, lastSpace) : cut}…`;
}

/** Lower-case, accent-free form for keyword rules ("Đăng ký" → "dang ky"). */
export function foldForMatch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** FNV-1a 32-bit hash: the generator's only source of variation (no Math.random). */
export function stableHash(value: string): number {
  let hash = 0x811c9dc5;
  for (const char of value) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Deterministic percentile 0–99 of a code for a named rule. */
export function percentileOf(code: string, rule: string): number {
  return stableHash(`${rule}:${code}`) % 100;
}
