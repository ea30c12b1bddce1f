import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testBackends } from '../../../test/harness';
import { getRootUnit, listSubtreeUnits } from '../service';
import { readUnitsCsv, writeUnitsCsv } from './csv';
import { collectUnits } from './export';
import { describeRowError, type UnitRecord } from './format';
import { importUnits } from './import';
import { readUnitsJson, writeUnitsJson } from './json';
import { readUnitsXlsx, writeUnitsXlsx } from './xlsx';

const asSystem = { actor: 'system', source: 'test' } as const;

/** A small unit with the fields every test needs; `overrides` says what the test is about. */
const buildUnit = (overrides: Partial<UnitRecord> & Pick<UnitRecord, 'code'>): UnitRecord => ({
  name: `Đơn vị ${overrides.code}`,
  shortName: null,
  type: 'department',
  parentCode: '000.00.00.H99',
  validFrom: '2025-07-01',
  validTo: null,
  successorCode: null,
  address: null,
  phone: null,
  email: null,
  openingHours: null,
  isOffice: false,
  ...overrides,
});

/** A province in the order an official might type it: children before their parents, a successor further down. */
const province: UnitRecord[] = [
  buildUnit({ code: '000.01.02.H99', name: 'Phòng Hành chính tư pháp', type: 'division', parentCode: '000.00.02.H99' }),
  buildUnit({
    code: '000.00.02.H99',
    name: 'Sở Tư pháp',
    shortName: 'STP',
    address: 'phường Rạch Giá',
    phone: '0297 3862 123',
    email: 'stp@example.gov.vn',
    openingHours: 'Thứ Hai – Thứ Sáu: 7h00–11h00, 13h00–17h00',
  }),
  buildUnit({ code: '000.00.00.H99', name: 'UBND tỉnh Thử Nghiệm', type: 'province', parentCode: null, validFrom: '2025-07-01' }),
  buildUnit({
    code: '801.00.00.H99',
    name: 'UBND huyện Cũ',
    type: 'district',
    validFrom: '2004-01-01',
    validTo: '2025-06-30',
    successorCode: '101.00.00.H99',
  }),
  buildUnit({ code: '101.00.00.H99', name: 'UBND xã Mới', type: 'commune' }),
  buildUnit({ code: '101.90.00.H99', name: 'Bộ phận Một cửa xã Mới', type: 'desk', parentCode: '101.00.00.H99' }),
];

const jsonFile = (units: unknown[]) => Buffer.from(JSON.stringify({ format: 'motcua.units', version: 1, units }));

describe.each(testBackends())('importing and exporting units (%s)', (backend) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });

  afterAll(async () => {
    await database?.dispose();
  });

  it('imports a tree whose rows name parents and successors further down; importing it again changes nothing', async () => {
    expect(await importUnits(database.db, readUnitsJson(jsonFile(province)), { ...asSystem, isDryRun: true })).toEqual({
      ok: true,
      isDryRun: true,
      created: 6,
      updated: 0,
      unchanged: 0,
    });
    expect(await collectUnits(database.db)).toEqual([]);
    expect(await importUnits(database.db, readUnitsJson(jsonFile(province)), asSystem)).toMatchObject({ ok: true, created: 6 });
    const exported = await collectUnits(database.db);
    expect(exported.map((unit) => unit.code)).toEqual([
      '000.00.00.H99',
      '000.00.02.H99',
      '000.01.02.H99',
      '101.00.00.H99',
      '101.90.00.H99',
      '801.00.00.H99',
    ]);
    expect(new Set(exported)).toEqual(new Set(province));
    const root = await getRootUnit(database.db);
    expect((await listSubtreeUnits(database.db, root.id)).map((unit) => unit.code).sort()).toEqual(
      exported.map((unit) => unit.code).sort(),
    );
    expect(await importUnits(database.db, readUnitsJson(jsonFile(province)), asSystem)).toMatchObject({
      ok: true,
      created: 0,
      unchanged: 6,
    });
  });

  // Into another installation: src/cli.test.ts, which runs the commands on two databases.
  it('carries every field through JSON, XLSX and CSV', async () => {
    const exported = await collectUnits(database.db);
    const now = new Date('2026-03-01T08:00:00+07:00');
    const json = readUnitsJson(Buffer.from(writeUnitsJson(exported, now)));
    const xlsx = await readUnitsXlsx(await writeUnitsXlsx(exported, now));
    const csv = readUnitsCsv(Buffer.from(writeUnitsCsv(exported)));
    for (const parsed of [json, xlsx, csv]) {
      expect(parsed.errors).toEqual([]);
      expect(parsed.rows.map((row) => row.record)).toEqual(exported);
    }
    expect(await importUnits(database.db, csv, asSystem)).toMatchObject({ ok: true, unchanged: 6 });
    expect(await importUnits(database.db, xlsx, asSystem)).toMatchObject({ ok: true, unchanged: 6 });
  });

  it('reports the errors of every row in Vietnamese and imports nothing', async () => {
    const csv = [
      'Mã định danh;Tên đơn vị;Loại đơn vị;Mã đơn vị cấp trên;Hiệu lực từ ngày;Hiệu lực đến ngày;Mã đơn vị kế thừa',
      '000.00.00.H77;UBND tỉnh Khác;tỉnh;;01/07/2025;;',
      '000.00.05.H99;Sở Xây dựng;sở;000.00.09.H99;01/07/2025;;',
      '000.00.06.H99;Sở Y tế;bệnh viện;000.00.00.H99;31/02/2025;;',
      '000.00.07.H99;Sở Nội vụ;sở;000.01.02.H99;01/07/2025;30/06/2025;000.00.07.H99',
      '102.00.00.H99;UBND xã A;xã;102.01.00.H99;01/07/2025;;',
      '102.01.00.H99;Phòng Văn hóa xã A;phòng;102.00.00.H99;1-7-2025;;',
      '000.00.05.H99;Sở Xây dựng (trùng);sở;000.00.00.H99;01/07/2025;;',
      'mã sai;X;sở;000.00.00.H99;01/07/2025;;',
    ].join('\n');
    const result = await importUnits(database.db, readUnitsCsv(Buffer.from(csv)), asSystem);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map(describeRowError)).toEqual([
      'dòng 4, cột Loại đơn vị: "bệnh viện" không phải loại đơn vị hợp lệ; dùng "UBND tỉnh, thành phố", "Sở, ban, ngành", "Phòng, đơn vị trực thuộc", "UBND xã, phường, đặc khu", "Cấp huyện (trước 01/7/2025)", "Bộ phận Một cửa", "Cơ quan ngành dọc trung ương tại tỉnh".',
      'dòng 4, cột Hiệu lực từ ngày: Ngày không tồn tại.',
      'dòng 7, cột Hiệu lực từ ngày: Ngày phải có dạng dd/mm/yyyy (hoặc yyyy-mm-dd), không phải "1-7-2025".',
      'dòng 9, cột Mã định danh: Mã định danh điện tử phải có dạng 000.00.00.H01.',
      'dòng 9, cột Tên đơn vị: Tên đơn vị quá ngắn.',
      'dòng 8, cột Mã định danh: Mã định danh 000.00.05.H99 bị trùng (đã có ở dòng 3).',
      'dòng 2, cột Mã đơn vị cấp trên: Hệ thống đã có đơn vị gốc 000.00.00.H99 (UBND tỉnh Thử Nghiệm): mỗi hệ thống chỉ có một cây đơn vị, một đơn vị gốc.',
      'dòng 3, cột Mã đơn vị cấp trên: Không có đơn vị mã 000.00.09.H99 (trong tệp hoặc trong hệ thống).',
      'dòng 5, cột Mã đơn vị cấp trên: Đơn vị loại "Sở, ban, ngành" không thể trực thuộc đơn vị loại "Phòng, đơn vị trực thuộc".',
      'dòng 5, cột Hiệu lực đến ngày: Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.',
      'dòng 5, cột Mã đơn vị kế thừa: Đơn vị kế thừa không thể là chính nó.',
    ]);
    expect(await collectUnits(database.db)).toHaveLength(6);
  });

  it('refuses a loop of parents: the placement rules rank the types, so a loop always breaks one', async () => {
    const loop = [
      buildUnit({ code: '000.00.10.H99', type: 'department', parentCode: '000.00.00.H99' }),
      buildUnit({ code: '103.00.00.H99', type: 'commune', parentCode: '000.00.00.H99' }),
      buildUnit({ code: '103.01.00.H99', type: 'division', parentCode: '103.02.00.H99' }),
      buildUnit({ code: '103.02.00.H99', type: 'desk', parentCode: '103.01.00.H99' }),
    ];
    const result = await importUnits(database.db, readUnitsJson(jsonFile(loop)), asSystem);
    expect(result.ok ? [] : result.errors.map(describeRowError)).toEqual([
      'units, dòng 3, cột parentCode: Đơn vị loại "Phòng, đơn vị trực thuộc" không thể trực thuộc đơn vị loại "Bộ phận Một cửa".',
      'units, dòng 4, cột parentCode: Đơn vị loại "Bộ phận Một cửa" không thể trực thuộc đơn vị loại "Phòng, đơn vị trực thuộc".',
    ]);
  });

  it('updates the name, validity and successor of a unit that exists, but never moves it or changes its type', async () => {
    const [sở, ...rest] = [province[1]!, ...province.filter((unit) => unit !== province[1])];
    const merged = {
      ...sở,
      name: 'Sở Tư pháp (đã hợp nhất)',
      validTo: '2026-02-28',
      successorCode: '000.00.20.H99',
    };
    const successor = buildUnit({ code: '000.00.20.H99', name: 'Sở Tư pháp và Nội vụ', validFrom: '2026-03-01' });
    const result = await importUnits(database.db, readUnitsJson(jsonFile([merged, successor, ...rest])), asSystem);
    expect(result).toMatchObject({ ok: true, created: 1, updated: 1, unchanged: 5 });
    const after = await collectUnits(database.db);
    expect(after.find((unit) => unit.code === sở.code)).toEqual(merged);

    const moved = { ...province[0]!, parentCode: '101.00.00.H99' };
    const retyped = { ...province[5]!, type: 'division' as const };
    const refused = await importUnits(database.db, readUnitsJson(jsonFile([moved, retyped])), asSystem);
    expect(refused.ok ? [] : refused.errors.map(describeRowError)).toEqual([
      'units, dòng 1, cột parentCode: Đơn vị mã 000.01.02.H99 đã có trong hệ thống với đơn vị cấp trên 000.00.02.H99: tệp nhập không chuyển đơn vị sang cấp trên khác (dùng trang Quản trị › Đơn vị).',
      'units, dòng 2, cột type: Đơn vị mã 101.90.00.H99 đã có trong hệ thống với loại "Bộ phận Một cửa": tệp nhập không đổi loại đơn vị (dùng trang Quản trị › Đơn vị).',
    ]);
  });

  it('refuses files that are not unit files, with one message', async () => {
    const cases: [Buffer | Promise<unknown>, string][] = [
      [Buffer.from('{"format":"motcua.procedures","version":1,"procedures":[]}'), 'Định dạng "motcua.procedures" không được hỗ trợ'],
      [Buffer.from('{"format":"motcua.units","version":2,"units":[]}'), 'Phiên bản định dạng 2 không được hỗ trợ'],
      [Buffer.from('{"format":"motcua.units",'), 'Tệp không phải JSON hợp lệ'],
    ];
    for (const [content, message] of cases) {
      expect(readUnitsJson(content as Buffer).errors).toEqual([expect.objectContaining({ message: expect.stringContaining(message) })]);
    }
    expect(readUnitsCsv(Buffer.from('Mã định danh,Tên\n1,2\n')).errors.map(describeRowError)).toEqual([
      'dòng 1: Thiếu cột "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên", "Hiệu lực từ ngày" ở dòng tiêu đề.',
    ]);
    expect(readUnitsCsv(Buffer.from('Mã định danh,Tên đơn vị\n"000.00.00.H01,x\n')).errors.map(describeRowError)).toEqual([
      'dòng 2: Tệp CSV không đọc được: có dấu ngoặc kép mở mà không đóng.',
    ]);
    expect((await readUnitsXlsx(Buffer.from('PK không phải zip'))).errors).toHaveLength(1);
    expect(await importUnits(database.db, readUnitsJson(jsonFile([])), asSystem)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ message: 'Tệp không có đơn vị nào để nhập.' })],
    });
  });
});
