import ExcelJS from 'exceljs';
import { unitTypeLabels } from '../../../contract/labels';
import { formatVietnameseDate } from '../../../core/vietnam-time';
import { openWorkbook } from '../../../core/workbook';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  fileError,
  MAX_UNITS,
  type ParsedUnitFile,
  TABLE_SHEET,
  tableColumns,
  type UnitRecord,
} from './format';
import { type CellValue, readUnitTable, type TableRow } from './table';

const GUIDE_SHEET = 'HuongDan';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const COLUMN_WIDTHS: Record<string, number> = {
  code: 16,
  name: 50,
  shortName: 22,
  type: 26,
  parentCode: 18,
  address: 40,
  phone: 18,
  email: 28,
  openingHours: 40,
};

/** A cell as one plain value: rich text joined, formulas replaced by their cached result, hyperlinks by their text. */
function toPlain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return toPlain((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return toPlain(value.text as ExcelJS.CellValue);
  return null;
}

/** Sheet DonVi (or the only sheet of a workbook that has one besides the guide). */
export async function readUnitsXlsx(content: Buffer): Promise<ParsedUnitFile> {
  const opened = await openWorkbook(content);
  if ('error' in opened) return { rows: [], errors: [fileError(opened.error)] };
  const { workbook } = opened;
  const named = workbook.worksheets.find((sheet) => sheet.name.trim().toLowerCase() === TABLE_SHEET.toLowerCase());
  const others = workbook.worksheets.filter((sheet) => sheet.name.trim().toLowerCase() !== GUIDE_SHEET.toLowerCase());
  const sheet = named ?? (others.length === 1 ? others[0] : undefined);
  if (!sheet) return { rows: [], errors: [fileError(`Thiếu sheet "${TABLE_SHEET}" (danh sách đơn vị).`)] };
  if (sheet.rowCount > MAX_UNITS + 1) {
    return {
      rows: [],
      errors: [fileError(`Sheet ${sheet.name} có ${sheet.rowCount} dòng, vượt quá giới hạn ${MAX_UNITS} đơn vị một lần nhập.`)],
    };
  }
  const header: CellValue[] = [];
  sheet.getRow(1).eachCell((cell, column) => {
    header[column - 1] = toPlain(cell.value);
  });
  const rows: TableRow[] = [];
  for (let number = 2; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    const cells = header.map((_, index) => {
      const cell = row.getCell(index + 1);
      return { value: toPlain(cell.value), address: cell.address };
    });
    rows.push({ number, cells });
  }
  return readUnitTable({ sheet: sheet.name, header, rows });
}

export async function writeUnitsXlsx(records: UnitRecord[], exportedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  workbook.created = exportedAt;
  addGuide(workbook, exportedAt);
  const sheet = workbook.addWorksheet(TABLE_SHEET, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.columns = tableColumns.map((column) => ({
    header: column.header,
    key: column.key,
    width: COLUMN_WIDTHS[column.key] ?? 16,
    // Text format keeps Excel from turning codes into numbers or dates when an official types new rows.
    style: column.kind === 'code' ? { numFmt: '@' } : column.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  for (const record of records) {
    sheet.addRow(
      tableColumns.map((column) => {
        const value = record[column.key];
        if (column.key === 'type') return unitTypeLabels[record.type];
        if (column.kind === 'flag') return value ? 'x' : null;
        // Midnight UTC of the day: what spreadsheet readers (ours too) take a date cell without a zone to be.
        if (column.kind === 'date') return value ? new Date(`${value}T00:00:00Z`) : null;
        return value;
      }),
    );
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: tableColumns.length } };
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addGuide(workbook: ExcelJS.Workbook, exportedAt: Date) {
  const sheet = workbook.addWorksheet(GUIDE_SHEET);
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 100;
  const lines: [string, string][] = [
    [
      'Danh sách đơn vị',
      `Định dạng ${FORMAT_NAME}, phiên bản ${FORMAT_VERSION}; xuất ngày ${formatVietnameseDate(exportedAt)}. Mô tả: docs/formats/units.md.`,
    ],
    ['Nhập vào hệ thống', 'motcua import units TEN_TEP.xlsx — tệp có bất kỳ dòng lỗi nào thì không đơn vị nào được nhập.'],
    [TABLE_SHEET, 'Mỗi dòng một đơn vị; đơn vị cấp trên và đơn vị kế thừa ghi bằng mã định danh, có thể ở dòng sau.'],
    ['Mã định danh', 'Dạng 000.00.00.H01 (QĐ 20/2020/QĐ-TTg), nhập ở dạng văn bản (Text).'],
    ['Loại đơn vị', Object.values(unitTypeLabels).join('; ')],
    ['Ngày', 'Ô kiểu ngày, hoặc văn bản dạng dd/mm/yyyy. "Hiệu lực đến ngày" để trống nếu đơn vị còn hoạt động.'],
  ];
  for (const [title, text] of lines) sheet.addRow([title, text]);
  sheet.getColumn(1).font = { bold: true };
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}
