import { extname } from 'node:path';
import { z } from 'zod';
import { unitTypes } from '../../../contract/enums';
import { unitTypeLabels } from '../../../contract/labels';
import { createUnitBodySchema, unitCodeSchema, unitEmailSchema, unitOpeningHoursSchema, unitPhoneSchema } from '../../../contract/org';

// The CLI does not load the HTTP app, which is where the Vietnamese messages are switched on for the API.
z.config(z.locales.vi());

/** docs/formats/units.md describes this format; bump FORMAT_VERSION on any incompatible change. */
export const FORMAT_NAME = 'motcua.units';
export const FORMAT_VERSION = 1;

/** A province has a few hundred units, a ministry a few thousand: far below these. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_UNITS = 20_000;

export type UnitFileFormat = 'json' | 'xlsx' | 'csv';

export function formatFromFileName(file: string): UnitFileFormat | null {
  const extension = extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.csv') return 'csv';
  return null;
}

/** Where a value came from: a sheet (JSON: `units`), its row as a person counts it (1 = header), a column. */
export type RowLocation = { sheet: string | null; row: number | null; column: string | null; cell?: string };
export type RowError = RowLocation & { path: string | null; message: string };

/** One unit as the files hold it: links to other units by their electronic ID code, never by database id. */
export const unitRecordSchema = z.strictObject({
  code: unitCodeSchema,
  name: createUnitBodySchema.shape.name,
  shortName: z.string().trim().max(100).nullable().default(null),
  type: z.enum(unitTypes, 'Loại đơn vị không hợp lệ.'),
  parentCode: unitCodeSchema.nullable().default(null),
  validFrom: createUnitBodySchema.shape.validFrom,
  validTo: createUnitBodySchema.shape.validFrom.nullable().default(null),
  successorCode: unitCodeSchema.nullable().default(null),
  address: z.string().trim().max(500).nullable().default(null),
  phone: unitPhoneSchema.nullable().default(null),
  email: unitEmailSchema.nullable().default(null),
  openingHours: unitOpeningHoursSchema.nullable().default(null),
  /** The office (Văn phòng) of its parent unit; absent or empty: no. */
  isOffice: z
    .boolean('Phải là true hoặc false.')
    .nullable()
    .default(false)
    .transform((value) => value ?? false),
});

export type UnitRecord = z.infer<typeof unitRecordSchema>;
export const unitRecordKeys = Object.keys(unitRecordSchema.shape) as (keyof UnitRecord)[];

/** A checked row with the way back to where each of its values was read. */
export type UnitRow = { record: UnitRecord; locate(path: string): RowLocation };
/** `rejectedCodes`: codes of rows refused for their own errors, so that rows naming them are not also blamed. */
export type ParsedUnitFile = { rows: UnitRow[]; errors: RowError[]; rejectedCodes?: string[] };

/** The columns of a table file (XLSX sheet DonVi, CSV): headers are matched without regard to case. */
export const TABLE_SHEET = 'DonVi';
export const tableColumns: {
  key: keyof UnitRecord;
  header: string;
  isOptional?: boolean;
  kind: 'code' | 'text' | 'date' | 'type' | 'flag';
}[] = [
  { key: 'code', header: 'Mã định danh', kind: 'code' },
  { key: 'name', header: 'Tên đơn vị', kind: 'text' },
  { key: 'shortName', header: 'Tên viết tắt', kind: 'text', isOptional: true },
  { key: 'type', header: 'Loại đơn vị', kind: 'type' },
  { key: 'parentCode', header: 'Mã đơn vị cấp trên', kind: 'code' },
  { key: 'validFrom', header: 'Hiệu lực từ ngày', kind: 'date' },
  { key: 'validTo', header: 'Hiệu lực đến ngày', kind: 'date', isOptional: true },
  { key: 'successorCode', header: 'Mã đơn vị kế thừa', kind: 'code', isOptional: true },
  { key: 'address', header: 'Địa chỉ', kind: 'text', isOptional: true },
  { key: 'phone', header: 'Điện thoại', kind: 'text', isOptional: true },
  { key: 'email', header: 'Thư điện tử', kind: 'text', isOptional: true },
  { key: 'openingHours', header: 'Giờ làm việc', kind: 'text', isOptional: true },
  { key: 'isOffice', header: 'Văn phòng của đơn vị cấp trên', kind: 'flag', isOptional: true },
];

/** Other ways of writing a unit type in a cell; the labels of contract/labels.ts and the English codes also match. */
const typeAliases: Record<string, (typeof unitTypes)[number]> = {
  tỉnh: 'province',
  'thành phố': 'province',
  'ubnd tỉnh': 'province',
  sở: 'department',
  ban: 'department',
  ngành: 'department',
  'sở, ban, ngành': 'department',
  phòng: 'division',
  'đơn vị trực thuộc': 'division',
  xã: 'commune',
  phường: 'commune',
  'đặc khu': 'commune',
  'ubnd xã': 'commune',
  huyện: 'district',
  'cấp huyện': 'district',
  'một cửa': 'desk',
  'bộ phận một cửa': 'desk',
  'ngành dọc': 'vertical_agency',
  'cơ quan ngành dọc': 'vertical_agency',
  'cơ quan trung ương': 'vertical_agency',
};

const fold = (value: string) => value.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/** The unit type a table cell names, or undefined. */
export function unitTypeFromWord(word: string): (typeof unitTypes)[number] | undefined {
  const folded = fold(word);
  const byLabel = unitTypes.find((type) => fold(unitTypeLabels[type]) === folded || type === folded);
  return byLabel ?? typeAliases[folded];
}

export const unitTypeWords = () => unitTypes.map((type) => `"${unitTypeLabels[type]}"`).join(', ');

const expectedLabels: Record<string, string> = { string: 'văn bản', number: 'số', array: 'danh sách', object: 'đối tượng' };

/** Messages an official can act on, instead of the generic "expected string, received undefined". */
const errorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.input === undefined || issue.input === null) return 'Không được để trống.';
  return `Phải là ${expectedLabels[issue.expected] ?? issue.expected}.`;
};

/** Checks one row against the same field rules as the API; `skip` names paths that already carry a cell error. */
export function validateUnitRow(
  input: unknown,
  locate: (path: string) => RowLocation,
  skip: (path: string) => boolean = () => false,
): { row: UnitRow | null; errors: RowError[]; rejectedCode?: string } {
  const parsed = unitRecordSchema.safeParse(input, { error: errorMap });
  if (parsed.success) return { row: { record: parsed.data, locate }, errors: [] };
  const code = unitCodeSchema.safeParse((input as { code?: unknown } | null)?.code);
  const seen = new Set<string>();
  const errors = parsed.error.issues
    .map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
    .filter((issue) => !skip(issue.path) && !seen.has(issue.path) && !!seen.add(issue.path))
    .map((issue) => ({ ...locate(issue.path), ...issue }));
  return { row: null, errors, ...(code.success ? { rejectedCode: code.data } : {}) };
}

/** A code may appear once per file: a second row would make the result depend on row order. */
export function rejectDuplicateCodes(parsed: ParsedUnitFile): ParsedUnitFile {
  const first = new Map<string, UnitRow>();
  const errors = [...parsed.errors];
  const rows: UnitRow[] = [];
  for (const row of parsed.rows) {
    const earlier = first.get(row.record.code);
    if (!earlier) {
      first.set(row.record.code, row);
      rows.push(row);
    } else {
      const message = `Mã định danh ${row.record.code} bị trùng (đã có ở dòng ${earlier.locate('code').row}).`;
      errors.push({ ...row.locate('code'), path: 'code', message });
    }
  }
  return { rows, errors, rejectedCodes: parsed.rejectedCodes ?? [] };
}

export const fileError = (message: string, location: Partial<RowLocation> = {}): RowError => ({
  sheet: null,
  row: null,
  column: null,
  path: null,
  ...location,
  message,
});

/** "DonVi, dòng 5, cột Loại đơn vị (ô D5): ..." — how the CLI prints an error. */
export function describeRowError(error: RowError): string {
  const place = [
    error.sheet,
    error.row !== null ? `dòng ${error.row}` : null,
    error.column !== null ? `cột ${error.column}${error.cell ? ` (ô ${error.cell})` : ''}` : null,
  ].filter((part): part is string => !!part);
  return place.length ? `${place.join(', ')}: ${error.message}` : error.message;
}
