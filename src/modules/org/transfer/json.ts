import { InputShapeError, normalizeStringsDeep } from '../../../core/text';
import { formatVietnamIso } from '../../../core/vietnam-time';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  fileError,
  MAX_UNITS,
  type ParsedUnitFile,
  type RowError,
  rejectDuplicateCodes,
  type UnitRecord,
  type UnitRow,
  validateUnitRow,
} from './format';

/** Rows of a JSON file are located by their position in `units` (1 = first) and the key inside the element. */
const SHEET = 'units';

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export function readUnitsJson(content: Buffer): ParsedUnitFile {
  let document: unknown;
  try {
    // A byte-order mark is what Windows editors put in front of UTF-8 files.
    document = JSON.parse(content.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    return { rows: [], errors: [fileError(`Tệp không phải JSON hợp lệ: ${(error as Error).message}`)] };
  }
  const header = checkHeader(document);
  if (header.length) return { rows: [], errors: header };
  const rows: UnitRow[] = [];
  const errors: RowError[] = [];
  const rejectedCodes: string[] = [];
  (document as { units: unknown[] }).units.forEach((item, index) => {
    const locate = (path: string) => ({ sheet: SHEET, row: index + 1, column: path || null });
    if (!isRecord(item)) {
      errors.push({ ...locate(''), path: null, message: 'Mỗi phần tử của "units" phải là một đối tượng.' });
      return;
    }
    let normalized: Record<string, unknown>;
    try {
      normalized = normalizeStringsDeep(item);
    } catch (error) {
      if (!(error instanceof InputShapeError)) throw error;
      errors.push({ ...locate(''), path: null, message: 'Dòng chứa ký tự NUL, ký tự UTF-16 lẻ hoặc lồng nhau quá sâu.' });
      return;
    }
    const checked = validateUnitRow(normalized, locate);
    if (checked.row) rows.push(checked.row);
    if (checked.rejectedCode) rejectedCodes.push(checked.rejectedCode);
    errors.push(...checked.errors);
  });
  return rejectDuplicateCodes({ rows, errors, rejectedCodes });
}

function checkHeader(document: unknown): RowError[] {
  if (!isRecord(document)) return [fileError('Tệp JSON phải là một đối tượng có "format", "version" và "units".')];
  if (document.format !== FORMAT_NAME) {
    return [
      fileError(`Định dạng "${String(document.format)}" không được hỗ trợ: "format" phải là "${FORMAT_NAME}".`, { column: 'format' }),
    ];
  }
  if (document.version !== FORMAT_VERSION) {
    const message = `Phiên bản định dạng ${String(document.version)} không được hỗ trợ: chỉ đọc được phiên bản ${FORMAT_VERSION}.`;
    return [fileError(message, { column: 'version' })];
  }
  if (!Array.isArray(document.units)) return [fileError('Thiếu danh sách "units".', { column: 'units' })];
  if (document.units.length > MAX_UNITS) {
    return [fileError(`Tệp có ${document.units.length} đơn vị, vượt quá giới hạn ${MAX_UNITS} đơn vị một lần nhập.`)];
  }
  return [];
}

export function writeUnitsJson(records: UnitRecord[], exportedAt: Date): string {
  const document = { format: FORMAT_NAME, version: FORMAT_VERSION, exportedAt: formatVietnamIso(exportedAt), units: records };
  return `${JSON.stringify(document, null, 2)}\n`;
}
