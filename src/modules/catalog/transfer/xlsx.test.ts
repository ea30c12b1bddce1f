import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type ProcedureContentInput, procedureContentSchema } from '../../../contract/catalog';
import type { ExportRow } from './export';
import { buildDecision, buildProcedureContent } from './test-support';
import { readProceduresXlsx } from './xlsx-read';
import { writeProceduresXlsx } from './xlsx-write';

const exportRow = (code: string, overrides: Partial<ProcedureContentInput> = {}): ExportRow => ({
  code,
  versionNo: 1,
  decision: buildDecision(),
  procedure: procedureContentSchema.parse(buildProcedureContent(overrides)),
});

const sampleRows = () => [
  exportRow('9.000001'),
  exportRow('9.000002', {
    levels: ['province', 'commune'],
    onlineLevel: 'full',
    internalGroup: 'A',
    applicantsText: 'Cá nhân, tổ chức\nở trong tỉnh',
    conditions: 'Có đủ điều kiện theo Điều 5.',
    processingTime: { amount: 2.5, unit: 'calendar_days', text: null, isDefault: true },
    processTemplate: [],
    fees: [],
    demoGenerated: ['processTemplate', 'fees'],
  }),
  // The parts of the procedure record added by issue 10: agencies by role, delegation, files, effective dates.
  exportRow('9.000004', {
    applicantTypes: ['state_agency'],
    internalGroup: 'B',
    decidingAuthority: { name: 'Chủ tịch UBND tỉnh', unitCode: '000.00.00.H01' },
    coordinatingAgencies: [
      { unitCode: '000.00.03.H01', name: 'Sở Tư pháp' },
      { unitCode: null, name: 'Bộ Tư pháp' },
    ],
    delegations: [{ kind: 'delegation', from: 'Chủ tịch UBND tỉnh', to: 'Giám đốc Sở Tư pháp', legalBasis: 'Quyết định 12/2026/QĐ-UBND' }],
    dossierSets: 2,
    legalBasis: [{ number: '118/2025/NĐ-CP', title: 'Nghị định về một cửa', date: '2025-06-09', effectiveDate: '2025-07-01' }],
    components: [
      {
        name: 'Tờ khai (Mẫu 01)',
        formTemplate: 'Mẫu 01',
        formFile: { fileId: '6f1c1d2e-8a59-4a43-9d55-0d7c1d4b8f10', name: 'Tờ khai mẫu 01' },
      },
    ],
    resultTemplates: [{ name: 'Mẫu giấy phép', file: { fileId: '0b7d8e2f-1c3a-4e5b-8f9d-2a4c6e8b0d1f', name: 'Giấy phép.docx' } }],
  }),
];

async function openWorkbook(content: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The cell under `header` on Excel row `row` of `sheet`. */
function cellOf(workbook: ExcelJS.Workbook, sheet: string, header: string, row: number) {
  const worksheet = workbook.getWorksheet(sheet)!;
  let column = 0;
  worksheet.getRow(1).eachCell((cell, index) => {
    if (cell.value === header) column = index;
  });
  if (!column) throw new Error(`no column ${header} in ${sheet}`);
  return worksheet.getRow(row).getCell(column);
}

async function edit(content: Buffer, change: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = await openWorkbook(content);
  change(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('XLSX catalog workbooks', () => {
  it('round-trips every field through a workbook an official can read', async () => {
    const rows = sampleRows();
    const content = await writeProceduresXlsx(rows, new Date('2026-11-23T01:00:00Z'));
    const parsed = await readProceduresXlsx(content);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map(({ code, versionNo, decision, procedure }) => ({ code, versionNo, decision, procedure }))).toEqual(rows);

    const workbook = await openWorkbook(content);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'HuongDan',
      'ThuTuc',
      'CachThuc',
      'ThanhPhan',
      'PhiLePhi',
      'TrinhTu',
      'CanCu',
      'QuyTrinh',
      'PhoiHop',
      'UyQuyen',
      'MauKetQua',
    ]);
    const sheet = workbook.getWorksheet('ThuTuc')!;
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(3).width).toBeGreaterThan(40);
    expect(cellOf(workbook, 'ThuTuc', 'Mã thủ tục', 3).value).toBe('9.000002');
    expect(cellOf(workbook, 'ThuTuc', 'Cấp thực hiện', 3).value).toBe('tỉnh; xã');
    expect(cellOf(workbook, 'ThuTuc', 'Mức độ trực tuyến', 3).value).toBe('toàn trình');
    expect(cellOf(workbook, 'ThuTuc', 'Không phụ thuộc địa giới', 2).value).toBe('Có');
    expect(cellOf(workbook, 'ThuTuc', 'Bưu chính', 2).value).toBe('Không');
    expect(cellOf(workbook, 'ThuTuc', 'Cách thức', 2).value).toBe('trực tiếp; trực tuyến');
    expect(cellOf(workbook, 'ThuTuc', 'Loại QĐ', 2).value).toBe('mới');
    expect(cellOf(workbook, 'ThuTuc', 'Ngày hiệu lực', 2).value).toEqual(new Date(Date.UTC(2026, 2, 15)));
    expect(cellOf(workbook, 'QuyTrinh', 'Vai trò', 2).value).toBe('cán bộ tiếp nhận');
    expect(cellOf(workbook, 'PhiLePhi', 'Loại', 2).value).toBe('lệ phí');
    expect(workbook.getWorksheet('CachThuc')!.rowCount).toBe(1 + 3 + 3 + 3);
    expect(cellOf(workbook, 'UyQuyen', 'Hình thức', 2).value).toBe('ủy quyền');
    expect(cellOf(workbook, 'ThuTuc', 'Đối tượng', 4).value).toBe('cơ quan nhà nước, cán bộ, công chức');
  });

  it('accepts what an official types: text dates, grouped amounts, other capitalisation, channels without descriptions', async () => {
    const content = await edit(await writeProceduresXlsx([exportRow('9.000001')], new Date()), (workbook) => {
      cellOf(workbook, 'ThuTuc', 'Ngày QĐ', 2).value = '1/3/2026';
      cellOf(workbook, 'ThuTuc', 'Cấp thực hiện', 2).value = 'Tỉnh;Xã';
      cellOf(workbook, 'ThuTuc', 'Mức độ trực tuyến', 2).value = 'Toàn Trình';
      cellOf(workbook, 'ThuTuc', 'Bưu chính', 2).value = 'có';
      cellOf(workbook, 'ThuTuc', 'Cách thức', 2).value = 'trực tiếp; bưu chính';
      cellOf(workbook, 'PhiLePhi', 'Mức thu (đồng)', 2).value = '1.500.000';
      cellOf(workbook, 'ThanhPhan', 'Bản chính', 2).value = '2';
      workbook.removeWorksheet(workbook.getWorksheet('CachThuc')!.id);
    });
    const parsed = await readProceduresXlsx(content);
    expect(parsed.errors).toEqual([]);
    const row = parsed.rows[0]!;
    expect(row.decision?.date).toBe('2026-03-01');
    expect(row.procedure).toMatchObject({
      levels: ['province', 'commune'],
      onlineLevel: 'full',
      postalEligible: true,
      methods: [
        { channel: 'direct', description: null },
        { channel: 'postal', description: null },
      ],
    });
    expect(row.procedure.fees[0]!.amountVnd).toBe(1_500_000);
    expect(row.procedure.components[0]!.originals).toBe(2);
  });

  it('reports every bad cell with its sheet, Excel row and column', async () => {
    const content = await edit(await writeProceduresXlsx([...sampleRows(), exportRow('9.000003')], new Date()), (workbook) => {
      cellOf(workbook, 'ThuTuc', 'Mã thủ tục', 4).value = 9.000003; // Excel turned the code into a number
      cellOf(workbook, 'ThuTuc', 'Ngày QĐ', 2).value = '31/02/2026';
      cellOf(workbook, 'ThuTuc', 'Mức độ trực tuyến', 3).value = 'cao';
      cellOf(workbook, 'ThuTuc', 'Thời hạn', 3).value = '1e999';
      cellOf(workbook, 'ThanhPhan', 'Bản chính', 3).value = 'hai';
      cellOf(workbook, 'ThanhPhan', 'Bắt buộc', 2).value = 'Chắc chắn';
      cellOf(workbook, 'CanCu', 'STT', 3).value = 1;
      cellOf(workbook, 'CanCu', 'Mã thủ tục', 3).value = '9.000001';
    });
    const parsed = await readProceduresXlsx(content);
    const found = parsed.errors.map((error) => `${error.sheet}!${error.cell ?? ''} ${error.column}: ${error.message}`);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ThuTuc!A4 Mã thủ tục: Mã phải được nhập dạng văn bản/),
        'ThuTuc!W2 Ngày QĐ: Ngày không tồn tại.',
        expect.stringMatching(
          /^ThuTuc!\w+3 Mức độ trực tuyến: "cao" không phải mức độ trực tuyến hợp lệ; dùng "toàn trình", "một phần", "không"\.$/,
        ),
        'ThuTuc!K3 Thời hạn: Phải là số, không phải "1e999".',
        'ThanhPhan!D3 Bản chính: Phải là số nguyên, không phải "hai".',
        'ThanhPhan!F2 Bắt buộc: Phải là "Có" hoặc "Không".',
        'CanCu!B3 STT: STT 1 bị trùng với dòng 2.',
      ]),
    );
    // The rows of 9.000003 in the child sheets are not reported again as belonging to no procedure.
    expect(parsed.errors).toHaveLength(7);
    expect(parsed.rows.map((row) => row.code)).not.toContain('9.000002');
  });

  it('points a repeated code, rows of an unknown procedure and a summary that disagrees with CachThuc at their rows', async () => {
    const content = await edit(await writeProceduresXlsx(sampleRows(), new Date()), (workbook) => {
      cellOf(workbook, 'ThuTuc', 'Mã thủ tục', 3).value = '9.000001';
    });
    const parsed = await readProceduresXlsx(content);
    const described = parsed.errors.map((error) => [error.sheet, error.row, error.column, error.message]);
    expect(described[0]).toEqual(['ThuTuc', 3, 'Mã thủ tục', 'Mã thủ tục 9.000001 bị trùng (đã có ở dòng 2).']);
    expect(described).toContainEqual(['TrinhTu', 4, 'Mã thủ tục', 'Mã thủ tục 9.000002 không có trong sheet ThuTuc.']);
    expect(new Set(described.slice(1).map((error) => error[3]))).toEqual(new Set(['Mã thủ tục 9.000002 không có trong sheet ThuTuc.']));
    const mismatch = await readProceduresXlsx(
      await edit(await writeProceduresXlsx(sampleRows(), new Date()), (workbook) => {
        cellOf(workbook, 'ThuTuc', 'Cách thức', 3).value = 'trực tiếp';
      }),
    );
    expect(mismatch.errors.map((error) => [error.sheet, error.row, error.column])).toEqual([['ThuTuc', 3, 'Cách thức']]);
  });

  it('refuses files that are not catalog workbooks', async () => {
    const template = await writeProceduresXlsx([], new Date());
    const missingSheet = await edit(template, (workbook) => workbook.removeWorksheet(workbook.getWorksheet('PhiLePhi')!.id));
    const missingColumn = await edit(template, (workbook) => {
      cellOf(workbook, 'ThuTuc', 'Ngày hiệu lực', 1).value = 'Hiệu lực';
    });
    const cases: [Buffer, string][] = [
      [Buffer.from('hello, not a workbook'), 'Tệp không phải sổ tính Excel (.xlsx) hợp lệ.'],
      [Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), 'Tệp không phải sổ tính Excel (.xlsx) hợp lệ.'],
      [zipDeclaring(0xfffffff0), 'Sổ tính quá lớn khi giải nén (giới hạn 400 MB dữ liệu).'],
      [missingSheet, 'Thiếu sheet "PhiLePhi" (Phí, lệ phí).'],
      [missingColumn, 'Thiếu cột "Ngày hiệu lực" ở dòng tiêu đề.'],
    ];
    for (const [content, message] of cases) {
      const parsed = await readProceduresXlsx(content);
      expect(parsed.rows).toEqual([]);
      expect(parsed.errors.map((error) => error.message)).toEqual([message]);
    }
    expect(await readProceduresXlsx(template)).toEqual({ rows: [], errors: [] });
  });
});

/** The smallest ZIP whose directory claims one entry of `size` bytes (a zip bomb's signature). */
function zipDeclaring(size: number): Buffer {
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt32LE(size, 24);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46, 12);
  end.writeUInt32LE(30, 16);
  return Buffer.concat([local, entry, end]);
}
