import { InputShapeError, normalizeStringsDeep } from '../../../core/text';
import { formatVietnamIso } from '../../../core/vietnam-time';
import type { ExportRow } from './export';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  fileError,
  MAX_PROCEDURES,
  type ParsedFile,
  type RowError,
  rejectDuplicateCodes,
  type TransferRow,
  validateRow,
} from './format';

/** Rows of a JSON file are located by their position in `procedures` (1 = first) and the path inside the row. */
const SHEET = 'procedures';

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export function readProceduresJson(content: Buffer): ParsedFile {
  let document: unknown;
  try {
    // A byte-order mark is what Windows editors put in front of UTF-8 files.
    document = JSON.parse(content.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    return { rows: [], errors: [fileError(`Tệp không phải JSON hợp lệ: ${(error as Error).message}`)] };
  }
  const header = checkHeader(document);
  if (header.length) return { rows: [], errors: header };
  const items = (document as { procedures: unknown[] }).procedures;
  const rows: TransferRow[] = [];
  const errors: RowError[] = [];
  items.forEach((item, index) => {
    const locate = (path: string) => ({ sheet: SHEET, row: index + 1, column: path || null });
    if (!isRecord(item)) {
      errors.push({ ...locate(''), path: null, message: 'Mỗi phần tử của "procedures" phải là một đối tượng.' });
      return;
    }
    let normalized: Record<string, unknown>;
    try {
      normalized = normalizeStringsDeep(item);
    } catch (error) {
      if (!(error instanceof InputShapeError)) throw error;
      errors.push({ ...locate(error.path.join('.')), path: error.path.join('.') || null, message: error.message });
      return;
    }
    const checked = validateRow(normalized, locate);
    if (checked.row) rows.push(checked.row);
    errors.push(...checked.errors);
  });
  const unique = rejectDuplicateCodes(rows);
  return { rows: unique.rows, errors: [...errors, ...unique.errors] };
}

function checkHeader(document: unknown): RowError[] {
  if (!isRecord(document)) return [fileError('Tệp JSON phải là một đối tượng có "format", "version" và "procedures".')];
  if (document.format !== FORMAT_NAME) {
    return [
      fileError(`Định dạng "${String(document.format)}" không được hỗ trợ: "format" phải là "${FORMAT_NAME}".`, { column: 'format' }),
    ];
  }
  if (document.version !== FORMAT_VERSION) {
    return [
      fileError(`Phiên bản định dạng ${String(document.version)} không được hỗ trợ: chỉ đọc được phiên bản ${FORMAT_VERSION}.`, {
        column: 'version',
      }),
    ];
  }
  if (!Array.isArray(document.procedures)) return [fileError('Thiếu danh sách "procedures".', { column: 'procedures' })];
  if (document.procedures.length > MAX_PROCEDURES) {
    return [fileError(`Tệp có ${document.procedures.length} thủ tục, vượt quá giới hạn ${MAX_PROCEDURES} thủ tục một lần nhập.`)];
  }
  return [];
}

export function writeProceduresJson(rows: ExportRow[], exportedAt: Date): string {
  const document = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    exportedAt: formatVietnamIso(exportedAt),
    procedures: rows.map((row) => ({
      code: row.code,
      versionNo: row.versionNo,
      decision: row.decision,
      ...(row.replacesCodes?.length ? { replacesCodes: row.replacesCodes } : {}),
      procedure: row.procedure,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
