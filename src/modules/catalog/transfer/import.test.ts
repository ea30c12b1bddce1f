import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../../db/client';
import { procedures, publicationDecisions } from '../../../db/schema/catalog';
import { loadDemoData } from '../../../demo';
import { createTestDatabase, TEST_PROCEDURE_CODES, type TestDatabase } from '../../../test/harness';
import { getProcedure, getProcedureVersion } from '../service';
import { collectProceduresInForce, type ExportRow } from './export';
import type { ParsedFile } from './format';
import { type ImportOptions, importProcedures } from './import';
import { readProceduresJson, writeProceduresJson } from './json';
import { buildDecision, buildJsonFile, buildProcedureContent, pickSampleCodes } from './test-support';
import { readProceduresXlsx } from './xlsx-read';
import { writeProceduresXlsx } from './xlsx-write';

const TODAY = '2026-06-01';
const asSystem: ImportOptions = { actor: 'system', source: 'test' };

let source: TestDatabase;
let unitsOnly: TestDatabase;
let exported: ExportRow[];

const countRows = async (db: Database) => ({
  procedures: (await db.select({ value: count() }).from(procedures))[0]!.value,
  decisions: (await db.select({ value: count() }).from(publicationDecisions))[0]!.value,
});

const jsonOf = (rows: unknown[]) => readProceduresJson(buildJsonFile(rows));
const toJsonRows = (rows: ExportRow[]) => JSON.parse(writeProceduresJson(rows, new Date())).procedures as Record<string, unknown>[];

async function editWorkbook(content: Buffer, change: (workbook: ExcelJS.Workbook) => void): Promise<ParsedFile> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  change(workbook);
  return readProceduresXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
}

beforeAll(async () => {
  source = await createTestDatabase('pglite');
  await loadDemoData(source.db, { procedureCodes: pickSampleCodes(), baselines: false, dossiers: 0, plans: false });
  exported = (await collectProceduresInForce(source.db, TODAY)).rows;
  unitsOnly = await createTestDatabase('pglite');
  await loadDemoData(unitsOnly.db, { procedureCodes: [], baselines: false, dossiers: 0, plans: false });
});

afterAll(async () => {
  await source?.dispose();
  await unitsOnly?.dispose();
});

describe('importing an exported catalog', () => {
  it('exports the version in force of every procedure with its decision', () => {
    expect(exported.map((row) => row.code)).toEqual([...pickSampleCodes()].sort());
    expect(exported[0]).toMatchObject({ versionNo: 1, decision: { type: 'new', effectiveDate: '2025-07-01' } });
    expect(exported.some((row) => row.procedure.handlingUnitCodes.length > 5)).toBe(true); // communes expanded
  });

  it('recreates the catalog from JSON in a database with units only, and changes nothing when imported again', async () => {
    const target = await createTestDatabase('pglite');
    try {
      await loadDemoData(target.db, { procedureCodes: [], baselines: false, dossiers: 0, plans: false });
      const file = readProceduresJson(Buffer.from(writeProceduresJson(exported, new Date())));
      expect(await importProcedures(target.db, file, asSystem)).toEqual({
        ok: true,
        isDryRun: false,
        notices: [],
        created: exported.length,
        published: 0,
        unchanged: 0,
      });
      expect((await collectProceduresInForce(target.db, TODAY)).rows).toEqual(exported);
      // One decision per field in the demo: rows sharing a decision share its record again.
      expect((await countRows(target.db)).decisions).toBe(new Set(exported.map((row) => row.decision!.number)).size);
      expect(await importProcedures(target.db, file, asSystem)).toMatchObject({ ok: true, created: 0, unchanged: exported.length });
    } finally {
      await target.dispose();
    }
  });

  it('recreates the catalog from XLSX in a database that already holds some of the codes', async () => {
    const target = await createTestDatabase('pglite');
    try {
      await loadDemoData(target.db, { procedureCodes: TEST_PROCEDURE_CODES, baselines: false, dossiers: 0, plans: false });
      const file = await readProceduresXlsx(await writeProceduresXlsx(exported, new Date()));
      const known = exported.filter((row) => TEST_PROCEDURE_CODES.includes(row.code)).length;
      const result = await importProcedures(target.db, file, asSystem);
      expect(result).toMatchObject({ ok: true, isDryRun: false, created: exported.length - known, published: 0, unchanged: known });
      // The demo numbers its decisions in loading order, so the same version 1 was published under another number here.
      expect(result.ok && result.notices[0]).toMatchObject({
        sheet: 'ThuTuc',
        column: 'Số QĐ công bố',
        message: expect.stringMatching(/^Phiên bản 1 giữ nguyên; quyết định công bố trong hệ thống là \d+\/QĐ-UBND/),
      });
      const imported = (await collectProceduresInForce(target.db, TODAY)).rows;
      const withoutDecision = (rows: ExportRow[]) => rows.map(({ decision: _decision, ...rest }) => rest);
      expect(withoutDecision(imported)).toEqual(withoutDecision(exported));
      const created = (rows: ExportRow[]) => rows.filter((row) => !TEST_PROCEDURE_CODES.includes(row.code));
      expect(created(imported)).toEqual(created(exported));
    } finally {
      await target.dispose();
    }
  });
});

describe('all or nothing', () => {
  it('imports nothing from a JSON file with one bad row, and names that row', async () => {
    const rows = toJsonRows(exported);
    const bad = rows[2]!.procedure as Record<string, unknown>;
    bad.handlingUnitCodes = ['999.99.99.X99'];
    const result = await importProcedures(unitsOnly.db, jsonOf(rows), asSystem);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          sheet: 'procedures',
          row: 3,
          column: 'procedure.handlingUnitCodes.0',
          path: 'procedure.handlingUnitCodes.0',
          message: 'Không có đơn vị mã 999.99.99.X99.',
        },
      ],
    });
    expect(await countRows(unitsOnly.db)).toEqual({ procedures: 0, decisions: 0 });
  });

  it('imports nothing from a workbook whose process budgets do not add up, and points at the cells', async () => {
    const content = await writeProceduresXlsx(exported, new Date());
    const withTemplate = exported.find((row) => row.procedure.processTemplate.length > 1)!;
    let firstStepRow = 0;
    const file = await editWorkbook(content, (workbook) => {
      const steps = workbook.getWorksheet('QuyTrinh')!;
      steps.eachRow((row, number) => {
        if (!firstStepRow && row.getCell(1).value === withTemplate.code) firstStepRow = number;
      });
      steps.getRow(firstStepRow + 1).getCell(6).value = 99; // Thời gian of its second step
      workbook.getWorksheet('ThuTuc')!.getRow(4).getCell(7).value = 'KHONG.CO.MA'; // Nơi tiếp nhận
    });
    const result = await importProcedures(unitsOnly.db, file, asSystem);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toHaveLength(2);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sheet: 'QuyTrinh',
          row: firstStepRow,
          column: null,
          message: expect.stringMatching(/^Tổng thời gian các bước .* phải bằng thời hạn giải quyết/),
        }),
        {
          sheet: 'ThuTuc',
          row: 4,
          column: 'Nơi tiếp nhận',
          cell: 'G4',
          path: 'procedure.receivingUnitCodes.0',
          message: 'Không có đơn vị mã KHONG.CO.MA.',
        },
      ]),
    );
    expect(await countRows(unitsOnly.db)).toEqual({ procedures: 0, decisions: 0 });
  });

  it('checks the decision of each row: "new" for new codes, and uses the default decision for rows without one', async () => {
    const fresh = { code: '9.000001', procedure: buildProcedureContent() };
    const wrongType = await importProcedures(unitsOnly.db, jsonOf([{ ...fresh, decision: buildDecision({ type: 'amended' }) }]), asSystem);
    expect(wrongType).toMatchObject({
      ok: false,
      errors: [
        { row: 1, path: 'decision.type', message: 'Thủ tục mã 9.000001 chưa có trong danh mục: phải công bố bằng quyết định loại "mới".' },
      ],
    });
    const missing = await importProcedures(unitsOnly.db, jsonOf([fresh]), asSystem);
    expect(missing).toMatchObject({
      ok: false,
      errors: [{ row: 1, path: 'decision', message: expect.stringMatching(/^Thiếu quyết định công bố/) }],
    });
    const { type: _type, ...defaultDecision } = buildDecision();
    const dryRun = await importProcedures(unitsOnly.db, jsonOf([fresh]), { ...asSystem, defaultDecision, isDryRun: true });
    expect(dryRun).toEqual({ ok: true, isDryRun: true, notices: [], created: 1, published: 0, unchanged: 0 });
    expect(await countRows(unitsOnly.db)).toEqual({ procedures: 0, decisions: 0 });
  });
});

describe('publishing new versions from a file', () => {
  // The amending decision is entered on its effective day: a file never closes a version in force in the past.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-15T03:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('creates version 2 from an amending decision while version 1 stays readable', async () => {
    const [row] = toJsonRows(exported.filter((entry) => entry.code === TEST_PROCEDURE_CODES[0]));
    const original = row!.procedure as { name: string };
    const amended = {
      ...row,
      versionNo: 2,
      decision: buildDecision({ number: '88/QĐ-UBND', type: 'amended', date: '2026-03-10', effectiveDate: '2026-03-15' }),
      procedure: { ...original, name: `${original.name} (sửa đổi)` },
    };
    expect(await importProcedures(source.db, jsonOf([amended]), asSystem)).toMatchObject({ ok: true, published: 1 });
    const code = TEST_PROCEDURE_CODES[0]!;
    const first = await getProcedureVersion(source.db, code, 1, TODAY);
    expect(first).toMatchObject({ name: original.name, status: 'superseded', effectiveTo: '2026-03-15' });
    expect(await getProcedure(source.db, code, TODAY)).toMatchObject({
      versionNo: 2,
      name: `${original.name} (sửa đổi)`,
      decision: { number: '88/QĐ-UBND' },
    });
    expect(await importProcedures(source.db, jsonOf([amended]), asSystem)).toMatchObject({ ok: true, published: 0, unchanged: 1 });

    const again = { ...amended, versionNo: null, decision: buildDecision({ type: 'new' }) };
    const early = { ...amended, versionNo: null, decision: buildDecision({ type: 'replaced', effectiveDate: '2026-03-15' }) };
    const conflicting = { ...amended, decision: buildDecision({ type: 'amended', effectiveDate: '2026-05-01' }) };
    const renumbered = { ...amended, decision: { ...amended.decision, number: '89/QĐ-UBND' } };
    const result = await importProcedures(source.db, jsonOf([again]), asSystem);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: 'decision.type', message: expect.stringMatching(/đã có trong danh mục \(phiên bản 2\)/) }],
    });
    expect(await importProcedures(source.db, jsonOf([early]), asSystem)).toMatchObject({
      ok: false,
      errors: [{ path: 'decision.effectiveDate', message: 'Ngày hiệu lực phải sau ngày hiệu lực của phiên bản hiện tại (15/03/2026).' }],
    });
    expect(await importProcedures(source.db, jsonOf([conflicting]), asSystem)).toMatchObject({
      ok: false,
      errors: [
        {
          path: 'versionNo',
          message: expect.stringMatching(
            /^Phiên bản 2 .* đã có với loại quyết định hoặc ngày hiệu lực khác\. Để công bố phiên bản mới, ghi phiên bản 3/,
          ),
        },
      ],
    });
    expect(await importProcedures(source.db, jsonOf([renumbered]), asSystem)).toMatchObject({
      ok: true,
      unchanged: 1,
      notices: [
        {
          path: 'decision',
          message: 'Phiên bản 2 giữ nguyên; quyết định công bố trong hệ thống là 88/QĐ-UBND ngày 10/03/2026, Chủ tịch UBND tỉnh.',
        },
      ],
    });
    expect((await getProcedure(source.db, code, TODAY)).latestVersionNo).toBe(2);
  });
});
