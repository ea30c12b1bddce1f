import type { CellValue } from 'exceljs';
import { BOOLEAN_WORDS, type CellKind, type Vocabulary } from './xlsx-columns';

type Plain = string | number | boolean | Date | null;

export type CellRead = { ok: true; value: unknown } | { ok: false; message: string };

const fail = (message: string): CellRead => ({ ok: false, message });
const done = (value: unknown): CellRead => ({ ok: true, value });

/** A cell as one plain value: rich text joined, formulas replaced by their cached result. */
function toPlain(value: CellValue): Plain | { error: string } {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return toPlain((value.result ?? null) as CellValue);
  if ('text' in value) return toPlain(value.text as CellValue);
  return null;
}

const cleanText = (value: string) => value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
const fold = (value: string) => cleanText(value).toLowerCase().replace(/\s+/g, ' ');

function matchWord(vocabulary: Vocabulary, input: string): string | undefined {
  const word = fold(input);
  const byWord = Object.entries(vocabulary.words).find(([, label]) => label.toLowerCase() === word);
  if (byWord) return byWord[0];
  if (vocabulary.aliases?.[word]) return vocabulary.aliases[word];
  return Object.keys(vocabulary.words).find((key) => key.toLowerCase() === word);
}

const allowedWords = (vocabulary: Vocabulary) =>
  Object.values(vocabulary.words)
    .map((word) => `"${word}"`)
    .join(', ');

/** Reads `2025-07-01`, `1/7/2025` and `01/07/2025`; anything else is handed to the schema as written, to be refused there. */
function toIsoDate(value: string): string {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (!match) return value;
  return `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

/** Spreadsheet dates carry no zone: the reader hands them over as midnight UTC of the day written in the cell. */
const isoFromDate = (value: Date) =>
  `${value.getUTCFullYear()}-${String(value.getUTCMonth() + 1).padStart(2, '0')}-${String(value.getUTCDate()).padStart(2, '0')}`;

function readNumber(plain: Plain, kind: 'integer' | 'number' | 'vnd'): CellRead {
  const wanted = kind === 'integer' ? 'số nguyên' : kind === 'vnd' ? 'số tiền (đồng)' : 'số';
  if (typeof plain === 'number') return Number.isFinite(plain) ? done(plain) : fail('Số không hợp lệ (quá lớn hoặc không hữu hạn).');
  if (typeof plain !== 'string') return fail(`Phải là ${wanted}.`);
  const value = plain.trim();
  const patterns = {
    integer: /^[+-]?\d{1,15}$/,
    number: /^[+-]?\d{1,15}([.,]\d{1,10})?$/,
    vnd: /^(\d{1,15}|\d{1,3}([.,\s]\d{3})+)$/,
  };
  if (!patterns[kind].test(value)) return fail(`Phải là ${wanted}, không phải "${value}".`);
  const normalized = kind === 'vnd' ? value.replace(/[.,\s]/g, '') : value.replace(',', '.');
  return done(Number(normalized));
}

function readListItem(item: 'code' | 'text' | Vocabulary, value: string): CellRead {
  if (typeof item === 'string') return done(value);
  const matched = matchWord(item, value);
  return matched ? done(matched) : fail(`"${value}" không phải ${item.label} hợp lệ; dùng ${allowedWords(item)}.`);
}

/** Converts a cell to the value the JSON format holds at that place; `undefined` = empty cell. */
export function readCell(kind: CellKind, value: CellValue): CellRead {
  const plain = toPlain(value);
  if (plain !== null && typeof plain === 'object' && !(plain instanceof Date)) return fail(`Ô có lỗi công thức ${plain.error}.`);
  if (plain === null || (typeof plain === 'string' && cleanText(plain) === '')) return done(undefined);
  switch (kind.type) {
    case 'code':
      if (typeof plain === 'string') return done(cleanText(plain));
      return fail('Mã phải được nhập dạng văn bản (định dạng ô Text), ví dụ 1.000948: Excel đã đổi mã thành số hoặc ngày.');
    case 'text':
      if (typeof plain === 'string') return done(cleanText(plain));
      if (typeof plain === 'number' && Number.isFinite(plain)) return done(String(plain));
      return fail('Phải là văn bản.');
    case 'integer':
    case 'number':
    case 'vnd':
      return readNumber(plain, kind.type);
    case 'boolean': {
      if (typeof plain === 'boolean') return done(plain);
      const word = typeof plain === 'string' ? fold(plain) : '';
      if (word === BOOLEAN_WORDS.yes.toLowerCase()) return done(true);
      if (word === BOOLEAN_WORDS.no.toLowerCase()) return done(false);
      return fail(`Phải là "${BOOLEAN_WORDS.yes}" hoặc "${BOOLEAN_WORDS.no}".`);
    }
    case 'date':
      if (plain instanceof Date) return Number.isNaN(plain.getTime()) ? fail('Ngày không hợp lệ.') : done(isoFromDate(plain));
      if (typeof plain === 'string') return done(toIsoDate(cleanText(plain)));
      return fail('Phải là ngày, dạng dd/mm/yyyy.');
    case 'enum': {
      if (typeof plain !== 'string') return fail(`Phải là một trong ${allowedWords(kind.vocabulary)}.`);
      const matched = matchWord(kind.vocabulary, plain);
      return matched
        ? done(matched)
        : fail(`"${cleanText(plain)}" không phải ${kind.vocabulary.label} hợp lệ; dùng ${allowedWords(kind.vocabulary)}.`);
    }
    case 'list': {
      if (typeof plain !== 'string') {
        return kind.item === 'code'
          ? fail('Danh sách mã phải được nhập dạng văn bản (định dạng ô Text).')
          : fail('Phải là danh sách, phân cách bằng dấu ;.');
      }
      const items = cleanText(plain)
        .split(/[;\n]/)
        .map((item) => item.trim())
        .filter(Boolean);
      const values: unknown[] = [];
      for (const item of items) {
        const read = readListItem(kind.item, item);
        if (!read.ok) return read;
        values.push(read.value);
      }
      return done(values);
    }
  }
}

/** The cell written for a value of the JSON format (the inverse of readCell). */
export function writeCell(kind: CellKind, value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  switch (kind.type) {
    case 'boolean':
      return value ? BOOLEAN_WORDS.yes : BOOLEAN_WORDS.no;
    case 'date': {
      const [year, month, day] = String(value).split('-').map(Number);
      return new Date(Date.UTC(year!, month! - 1, day!));
    }
    case 'enum':
      return kind.vocabulary.words[String(value)] ?? String(value);
    case 'list': {
      const item = kind.item;
      const words = (value as string[]).map((entry) => (typeof item === 'string' ? entry : (item.words[entry] ?? entry)));
      return words.join('; ');
    }
    case 'integer':
    case 'number':
    case 'vnd':
      return value as number;
    default:
      return String(value);
  }
}
