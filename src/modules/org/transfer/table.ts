import {
  fileError,
  MAX_UNITS,
  type ParsedUnitFile,
  type RowError,
  type RowLocation,
  rejectDuplicateCodes,
  tableColumns,
  type UnitRecord,
  type UnitRow,
  unitTypeFromWord,
  unitTypeWords,
  validateUnitRow,
} from './format';

/** A cell as one plain value (rich text joined, formulas replaced by their result), or a formula error. */
export type CellValue = string | number | boolean | Date | null | { error: string };
export type TableRow = { number: number; cells: { value: CellValue; address?: string }[] };
/** A sheet of a workbook or a CSV file: the header row, then the rows as a person numbers them (1 = header). */
export type Table = { sheet: string | null; header: CellValue[]; rows: TableRow[] };

type CellRead = { ok: true; value: string | boolean | null } | { ok: false; message: string };

const cleanText = (value: string) => value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
const foldHeader = (value: string) => cleanText(value).toLowerCase().replace(/\s+/g, ' ');
const pad = (value: number | string) => String(value).padStart(2, '0');

/** Spreadsheet dates carry no zone: readers hand them over as midnight UTC of the day written in the cell. */
const isoFromDate = (value: Date) => `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;

function readTableCell(kind: (typeof tableColumns)[number]['kind'], value: CellValue): CellRead {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return { ok: false, message: `Ô có lỗi công thức ${value.error}.` };
  }
  if (value === null || (typeof value === 'string' && cleanText(value) === '')) return { ok: true, value: null };
  switch (kind) {
    case 'code':
      if (typeof value === 'string') return { ok: true, value: cleanText(value) };
      return { ok: false, message: 'Mã phải được nhập dạng văn bản (định dạng ô Text), ví dụ 000.00.00.H01.' };
    case 'text':
      return { ok: true, value: value instanceof Date ? isoFromDate(value) : cleanText(String(value)) };
    case 'date': {
      if (value instanceof Date) return { ok: true, value: isoFromDate(value) };
      const text = typeof value === 'string' ? cleanText(value) : String(value);
      const dayFirst = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
      if (dayFirst) return { ok: true, value: `${dayFirst[3]}-${pad(dayFirst[2]!)}-${pad(dayFirst[1]!)}` };
      if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { ok: true, value: text };
      return { ok: false, message: `Ngày phải có dạng dd/mm/yyyy (hoặc yyyy-mm-dd), không phải "${text}".` };
    }
    case 'flag': {
      if (typeof value === 'boolean') return { ok: true, value };
      const word = cleanText(String(value)).toLowerCase();
      if (['x', 'có', 'co', '1', 'true'].includes(word)) return { ok: true, value: true };
      if (['không', 'khong', '0', 'false'].includes(word)) return { ok: true, value: false };
      return { ok: false, message: `Ghi "x" (hoặc "có") nếu là văn phòng của đơn vị cấp trên, để trống nếu không; không phải "${word}".` };
    }
    case 'type': {
      const word = cleanText(String(value));
      const type = unitTypeFromWord(word);
      return type ? { ok: true, value: type } : { ok: false, message: `"${word}" không phải loại đơn vị hợp lệ; dùng ${unitTypeWords()}.` };
    }
  }
}

/** Checks the header and every row of a table; a cell that cannot be read becomes an error at that cell. */
export function readUnitTable(table: Table): ParsedUnitFile {
  const byHeader = new Map<string, number>();
  table.header.forEach((value, index) => {
    if (typeof value === 'string' && !byHeader.has(foldHeader(value))) byHeader.set(foldHeader(value), index);
  });
  const columns = tableColumns.flatMap((column) => {
    const index = byHeader.get(foldHeader(column.header));
    return index === undefined ? [] : [{ ...column, index }];
  });
  const missing = tableColumns.filter((column) => !column.isOptional && !columns.some((found) => found.key === column.key));
  if (missing.length) {
    const names = missing.map((column) => `"${column.header}"`).join(', ');
    return { rows: [], errors: [fileError(`Thiếu cột ${names} ở dòng tiêu đề.`, { sheet: table.sheet, row: 1 })] };
  }
  if (table.rows.length > MAX_UNITS) {
    return { rows: [], errors: [fileError(`Tệp có ${table.rows.length} dòng, vượt quá giới hạn ${MAX_UNITS} đơn vị một lần nhập.`)] };
  }
  const rows: UnitRow[] = [];
  const errors: RowError[] = [];
  const rejectedCodes: string[] = [];
  for (const row of table.rows) {
    const input: Partial<Record<keyof UnitRecord, string | boolean | null>> = {};
    const cells = new Map<string, RowLocation>();
    const failed = new Set<string>();
    for (const column of columns) {
      const cell = row.cells[column.index];
      const location = { sheet: table.sheet, row: row.number, column: column.header, ...(cell?.address ? { cell: cell.address } : {}) };
      cells.set(column.key, location);
      const read = readTableCell(column.kind, cell?.value ?? null);
      if (read.ok) input[column.key] = read.value;
      else {
        errors.push({ ...location, path: column.key, message: read.message });
        failed.add(column.key);
      }
    }
    if (failed.size === 0 && Object.values(input).every((value) => value === null)) continue;
    const locate = (path: string) => cells.get(path) ?? { sheet: table.sheet, row: row.number, column: null };
    const checked = validateUnitRow(input, locate, (path) => failed.has(path));
    if (checked.row) rows.push(checked.row);
    if (checked.rejectedCode) rejectedCodes.push(checked.rejectedCode);
    errors.push(...checked.errors);
  }
  return rejectDuplicateCodes({ rows, errors, rejectedCodes });
}

/** `dd/mm/yyyy`, as officials read dates and as the import reads them back. */
export const formatTableDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
