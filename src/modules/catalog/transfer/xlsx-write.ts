import ExcelJS from 'exceljs';
import { formatVietnameseDate } from '../../../core/vietnam-time';
import type { ExportRow } from './export';
import { FORMAT_NAME, FORMAT_VERSION } from './format';
import { writeCell } from './xlsx-cells';
import { BOOLEAN_WORDS, type ColumnSpec, childSheets, procedureSheet, type SheetSpec, vocabularies } from './xlsx-columns';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

function getPath(source: unknown, path: string): unknown {
  if (path === '') return source;
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node === null || node === undefined ? undefined : (node as Record<string, unknown>)[key]), source);
}

/** A procedure's value for a ThuTuc column; "Cách thức" summarises the rows written to sheet CachThuc. */
function procedureValue(row: ExportRow, path: string): unknown {
  if (path === '@code') return row.code;
  if (path === '@methods') return [...new Set(row.procedure.methods.map((method) => method.channel))];
  return getPath(row, path);
}

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, lines: ((column: ColumnSpec) => unknown)[]) {
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.columns = spec.columns.map((column, index) => ({
    header: column.header,
    key: `c${index}`,
    width: column.width,
    // Text format keeps Excel from turning codes such as 2.001410 into numbers when an official types new rows.
    style:
      column.kind.type === 'code' || (column.kind.type === 'list' && column.kind.item === 'code')
        ? { numFmt: '@' }
        : column.kind.type === 'date'
          ? { numFmt: 'dd/mm/yyyy' }
          : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 32;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  for (const line of lines) sheet.addRow(spec.columns.map((column) => writeCell(column.kind, line(column))));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
}

function addGuide(workbook: ExcelJS.Workbook, exportedAt: Date) {
  const sheet = workbook.addWorksheet('HuongDan');
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 100;
  const lines: [string, string][] = [
    [
      'Danh mục thủ tục hành chính',
      `Định dạng ${FORMAT_NAME}, phiên bản ${FORMAT_VERSION}; xuất ngày ${formatVietnameseDate(exportedAt)}. Mô tả đầy đủ: docs/formats/catalog.md.`,
    ],
    ['Nhập vào hệ thống', 'motcua import procedures TEN_TEP.xlsx — tệp có bất kỳ dòng lỗi nào thì không thủ tục nào được nhập.'],
    [procedureSheet.name, `${procedureSheet.title}. Mã thủ tục mới → thêm mới (Loại QĐ "mới"); mã đã có → công bố phiên bản mới.`],
    ...childSheets.map((spec): [string, string] => [spec.name, `${spec.title}; mỗi dòng ghi Mã thủ tục của thủ tục mà nó thuộc về.`]),
    ['Danh sách trong một ô', 'Phân cách bằng dấu chấm phẩy (;), ví dụ: tỉnh; xã.'],
    ['Có/Không', `Ghi "${BOOLEAN_WORDS.yes}" hoặc "${BOOLEAN_WORDS.no}".`],
    ['Ngày', 'Ô kiểu ngày, hoặc văn bản dạng dd/mm/yyyy.'],
    ['Mã', 'Mã thủ tục và mã đơn vị nhập ở dạng văn bản (Text) để Excel không đổi thành số.'],
    ...vocabularies.map((vocabulary): [string, string] => [
      vocabulary.label[0]!.toUpperCase() + vocabulary.label.slice(1),
      Object.values(vocabulary.words).join('; '),
    ]),
  ];
  for (const [title, text] of lines) sheet.addRow([title, text]);
  sheet.getColumn(1).font = { bold: true };
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

export async function writeProceduresXlsx(rows: ExportRow[], exportedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  workbook.created = exportedAt;
  addGuide(workbook, exportedAt);
  addSheet(
    workbook,
    procedureSheet,
    rows.map((row) => (column: ColumnSpec) => procedureValue(row, column.path)),
  );
  for (const spec of childSheets) {
    const lines = rows.flatMap((row) => {
      const items = (getPath(row, spec.listPath!) as unknown[] | undefined) ?? [];
      return items.map((item, index) => (column: ColumnSpec) => {
        if (column.path === '@code') return row.code;
        if (column.path === '@order') return index + 1;
        return getPath(item, column.path);
      });
    });
    addSheet(workbook, spec, lines);
  }
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
