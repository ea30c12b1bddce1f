import { parse } from 'csv-parse/sync';
import { unitTypeLabels } from '../../../contract/labels';
import { fileError, type ParsedUnitFile, tableColumns, type UnitRecord } from './format';
import { formatTableDate, readUnitTable, type TableRow } from './table';

/** What csv-parse's error codes mean, for an official who opened the file in Excel or a text editor. */
const csvProblems: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'có dấu ngoặc kép mở mà không đóng',
  CSV_INVALID_CLOSING_QUOTE: 'có ký tự ngay sau dấu ngoặc kép đóng',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'số cột không đều',
};

/**
 * CSV as Excel writes it: UTF-8 (a byte-order mark is skipped), the header row of docs/formats/units.md, fields
 * separated by commas — or by semicolons, as Excel does where the comma is the decimal sign (Vietnamese settings).
 */
export function readUnitsCsv(content: Buffer): ParsedUnitFile {
  const text = content.toString('utf8');
  if (text.includes('\uFFFD')) return { rows: [], errors: [fileError('Tệp CSV phải được lưu với bảng mã UTF-8 (Excel: "CSV UTF-8").')] };
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse's types do not model `info: true`, which wraps each record with where it was read.
    records = parse(text, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    const { code, lines } = error as { code?: string; lines?: number };
    const problem = (code && csvProblems[code]) ?? 'không đúng cú pháp CSV';
    return { rows: [], errors: [fileError(`Tệp CSV không đọc được: ${problem}.`, { row: lines ?? null })] };
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: [fileError('Tệp CSV trống.')] };
  const rows: TableRow[] = data.map(({ record, info }) => ({
    // csv-parse counts lines up to the end of the record; a quoted value may span several lines.
    number: info.lines - record.reduce((breaks, field) => breaks + field.split('\n').length - 1, 0),
    cells: record.map((value) => ({ value })),
  }));
  return readUnitTable({ sheet: null, header: header.record, rows });
}

const quote = (value: string) => (/[",;\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** With a byte-order mark and CRLF line ends, so that Excel opens it as UTF-8. */
export function writeUnitsCsv(records: UnitRecord[]): string {
  const lines = [tableColumns.map((column) => column.header)];
  for (const record of records) {
    lines.push(
      tableColumns.map((column) => {
        const value = record[column.key];
        if (typeof value === 'boolean') return value ? 'x' : '';
        if (column.kind === 'date') return formatTableDate(value);
        if (column.key === 'type') return unitTypeLabels[record.type];
        return value ?? '';
      }),
    );
  }
  return `\uFEFF${lines.map((fields) => fields.map(quote).join(',')).join('\r\n')}\r\n`;
}
