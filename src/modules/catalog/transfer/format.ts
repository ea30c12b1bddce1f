import { extname } from 'node:path';
import { z } from 'zod';
import {
  type Decision,
  decisionSchema,
  type ProcedureContent,
  procedureCodeSchema,
  procedureContentSchema,
} from '../../../contract/catalog';

// The CLI does not load the HTTP app, which is where the Vietnamese messages are switched on for the API.
z.config(z.locales.vi());

/** docs/formats/catalog.md describes this format; bump FORMAT_VERSION on any incompatible change. */
export const FORMAT_NAME = 'motcua.procedures';
export const FORMAT_VERSION = 1;

/** Large enough for a whole provincial catalog (a few thousand procedures), small enough to stay in memory. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_PROCEDURES = 20_000;
/** Rows of any one sheet of a workbook, header included. */
export const MAX_SHEET_ROWS = 500_000;

export type TransferFormat = 'json' | 'xlsx';

export function formatFromFileName(file: string): TransferFormat | null {
  const extension = extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.xlsx') return 'xlsx';
  return null;
}

/** Where a value came from: a sheet, its row as Excel numbers it (1 = header), and a column header or a JSON path. */
export type RowLocation = { sheet: string | null; row: number | null; column: string | null; cell?: string };

export type RowError = RowLocation & { path: string | null; message: string };

/** One procedure of a file, checked against the same schemas as the API. */
export type TransferRow = {
  code: string;
  decision: Decision | null;
  procedure: ProcedureContent;
  /** The number of the version this row describes, when the file says (exports always do). */
  versionNo: number | null;
  /** For a "replaced" row: the old codes it replaces. */
  replacesCodes: string[];
  locate(path: string): RowLocation;
};

export type ParsedFile = { rows: TransferRow[]; errors: RowError[] };

/**
 * A decision as a catalog file writes it: the signed file's name travels beside its id for the people who read the
 * file (the file itself does not travel); on import the name is read but the stored file's own name is kept.
 */
export const transferDecisionSchema = decisionSchema.extend({
  signedFileName: z.string().trim().max(255).nullable().optional(),
});

export type TransferDecision = z.input<typeof transferDecisionSchema>;

export const transferRowSchema = z.strictObject({
  code: procedureCodeSchema,
  decision: transferDecisionSchema.nullable().default(null),
  procedure: procedureContentSchema,
  versionNo: z.number().int().min(1).max(10_000).nullable().default(null),
  replacesCodes: z.array(procedureCodeSchema).max(50).default([]),
});

export type TransferRowInput = z.input<typeof transferRowSchema>;

const expectedLabels: Record<string, string> = {
  string: 'văn bản',
  number: 'số',
  boolean: 'giá trị đúng/sai (true/false)',
  array: 'danh sách',
  object: 'đối tượng',
};

/** Messages an official can act on, instead of the generic "expected string, received undefined". */
const transferErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.input === undefined || issue.input === null) return 'Không được để trống.';
  if (typeof issue.input === 'number' && !Number.isFinite(issue.input)) return 'Số không hợp lệ (quá lớn hoặc không hữu hạn).';
  return `Phải là ${expectedLabels[issue.expected] ?? issue.expected}.`;
};

export function pathToString(path: readonly PropertyKey[]): string {
  return path.map((key) => String(key)).join('.');
}

/** Checks one row; `skip` tells which paths already carry a more precise error (a cell that could not be read). */
export function validateRow(
  input: unknown,
  locate: (path: string) => RowLocation,
  skip: (path: string) => boolean = () => false,
): { row: TransferRow | null; errors: RowError[] } {
  const parsed = transferRowSchema.safeParse(input, { error: transferErrorMap });
  if (parsed.success) {
    const { code, decision, procedure, versionNo, replacesCodes } = parsed.data;
    return { row: { code, decision, procedure, versionNo, replacesCodes, locate }, errors: [] };
  }
  const seen = new Set<string>();
  // One message per place: a badly written date fails both the pattern and the calendar check.
  const errors = parsed.error.issues
    .map((issue) => ({ path: pathToString(issue.path), message: issue.message }))
    .filter((issue) => !skip(issue.path) && !seen.has(issue.path) && !!seen.add(issue.path))
    .map((issue) => ({ ...locate(issue.path), ...issue }));
  return { row: null, errors };
}

/** A code may appear once per file: a second row would make the result depend on row order. */
export function rejectDuplicateCodes(rows: TransferRow[]): { rows: TransferRow[]; errors: RowError[] } {
  const firstRows = new Map<string, TransferRow>();
  const errors: RowError[] = [];
  const unique: TransferRow[] = [];
  for (const row of rows) {
    const first = firstRows.get(row.code);
    if (!first) {
      firstRows.set(row.code, row);
      unique.push(row);
      continue;
    }
    const firstRow = first.locate('code').row;
    errors.push({ ...row.locate('code'), path: 'code', message: `Mã thủ tục ${row.code} bị trùng (đã có ở dòng ${firstRow}).` });
  }
  return { rows: unique, errors };
}

export const fileError = (message: string, location: Partial<RowLocation> = {}): RowError => ({
  sheet: null,
  row: null,
  column: null,
  path: null,
  ...location,
  message,
});

/** "ThuTuc, dòng 5, cột Ngày QĐ (T5): ..." — how the CLI prints an error. */
export function describeRowError(error: RowError): string {
  const place = [
    error.sheet,
    error.row !== null ? `dòng ${error.row}` : null,
    error.column !== null ? `cột ${error.column}${error.cell ? ` (ô ${error.cell})` : ''}` : null,
  ].filter((part): part is string => !!part);
  return place.length ? `${place.join(', ')}: ${error.message}` : error.message;
}
