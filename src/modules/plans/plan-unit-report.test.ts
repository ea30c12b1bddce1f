import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlanDetail, PlanTaskView } from '../../contract/plans';
import { readZip } from '../../core/zip';
import { type AuthHeaders, createFactories, type Factories, type UnitRef } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

/*
 * A lead unit's own progress report (`progress-report.*?unit=`, docs/formats/plan-progress-report.md): only the tasks
 * it leads and its own reports, issued by the unit (its header, its head's signature block) and addressed to the
 * plan's issuer; made by the unit's own staff, the issuer's office and administrators.
 */
describe.each(testBackends())("a lead unit's own progress report (%s)", (backend) => {
  let t: TestApp;
  let make: Factories;
  let tree: Awaited<ReturnType<Factories['buildProvince']>>;
  let staffA: AuthHeaders;
  let divisionA: AuthHeaders;
  let staffB: AuthHeaders;
  let provinceSpecialist: AuthHeaders;
  let officeController: AuthHeaders;
  let commune: AuthHeaders;
  let admin: AuthHeaders;
  let plan: PlanDetail;
  const dir = mkdtempSync(join(tmpdir(), 'plan-unit-report-'));

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    tree = await make.buildProvince();
    const login = async (role: 'specialist' | 'procedure_controller', unit: UnitRef) =>
      (await make.buildUser({ roles: [{ role, unit }] })).login();
    staffA = await login('specialist', tree.departmentA);
    divisionA = await login('specialist', tree.divisionA);
    staffB = await login('specialist', tree.departmentB);
    provinceSpecialist = await login('specialist', tree.province);
    officeController = await login('procedure_controller', tree.office);
    commune = await login('specialist', tree.commune);
    admin = await make.admin();
    // Saved and reported on 15/6/2026, before the first deadline (30/6/2026): no task is overdue whatever the day.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-15T03:00:00Z'));
    plan = await make.buildPlan({
      headers: admin,
      issuer: tree.province,
      body: {
        tasks: [
          {
            ref: '1',
            title: 'Rà soát, đơn giản hóa thủ tục hành chính',
            lead: ['Sở A'],
            coordinating: ['Sở B'],
            deadlines: [{ kind: 'date', text: 'trước ngày 30/6/2026', date: '2026-06-30' }],
          },
          { ref: '2', title: 'Số hóa hồ sơ, kết quả giải quyết', lead: ['Sở A', 'Sở B'] },
          { ref: '3', title: 'Tập huấn cán bộ một cửa', lead: ['Sở B'] },
        ],
        units: [
          { name: 'Sở A', unitId: tree.departmentA.id },
          { name: 'Sở B', unitId: tree.departmentB.id },
        ],
      },
    });
    const report = async (headers: AuthHeaders, ref: string, payload: Record<string, unknown>) => {
      const current = (await t.app.inject({ url: `/api/plans/${plan.id}`, headers: admin })).json() as PlanDetail;
      const task = current.tasks.find((candidate) => candidate.ref === ref) as PlanTaskView;
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/plans/tasks/${task.id}/reports`,
        headers,
        payload: { version: task.version, periodFrom: '2026-05-01', periodTo: '2026-06-15', ...payload },
      });
      expect(response.statusCode, response.body).toBe(201);
    };
    await report(staffA, '1', { text: 'Sở A đã ban hành phương án đơn giản hóa.', status: 'done', proposals: 'Đề nghị sửa Nghị định 63.' });
    await report(staffA, '2', { text: 'Sở A đã số hóa 40% hồ sơ.', status: 'in_progress', percent: 40, difficulties: 'Máy quét thiếu.' });
    await report(staffB, '2', { text: 'Sở B đã số hóa 90% hồ sơ.', status: 'done', difficulties: 'Sở B thiếu kinh phí.' });
    await report(staffB, '3', { text: 'Đã tập huấn 120 cán bộ.', status: 'done' });
    // The reports were made on 15/6/2026 (the database's clock is not the test's).
    await t.database.db.execute(
      sql`update plan_task_reports set created_at = '2026-06-15T03:00:00Z' where task_id in (select id from plan_tasks where plan_id = ${plan.id})`,
    );
    vi.useRealTimers();
  }, 120_000);
  afterEach(() => vi.useRealTimers());
  afterAll(() => t?.close());

  const url = (format: 'pdf' | 'docx' | 'xlsx', unit?: string) =>
    `/api/plans/${plan.id}/progress-report.${format}?from=2026-01-01&to=2026-12-31${unit ? `&unit=${unit}` : ''}`;
  const pdfText = (bytes: Buffer, name: string) => {
    writeFileSync(join(dir, name), bytes);
    return execFileSync('pdftotext', [join(dir, name), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  };

  it("is the unit's: its tasks and reports only, its header and head, addressed to the issuer (PDF)", async () => {
    const response = await t.app.inject({ url: url('pdf', tree.departmentA.id), headers: staffA });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain('bao-cao-125-KH-UBND-SA-2026-01-01-2026-12-31.pdf');
    const text = pdfText(response.rawPayload, 'a.pdf');
    if (process.env.PLAN_REPORT_SAMPLE) writeFileSync(`${process.env.PLAN_REPORT_SAMPLE}.unit.pdf`, response.rawPayload);
    const issuer = `Ủy ban nhân dân ${tree.province.name.replace(/^UBND /, '')}`;
    for (const expected of [
      // Header: the body above the unit, the unit, its symbol.
      `UBND ${tree.province.name.replace(/^UBND /, '').toLocaleUpperCase('vi-VN')}`,
      'SỞ A',
      '/BC-SA',
      `Kết quả thực hiện Kế hoạch số 125/KH-UBND ngày 16/04/2026 của ${issuer}`,
      `Thực hiện Kế hoạch số 125/KH-UBND ngày 16 tháng 4 năm 2026 của ${issuer}`,
      'Sở A báo cáo kết quả thực hiện các nhiệm vụ được giao chủ trì từ ngày 01/01/2026 đến ngày 31/12/2026',
      'Sở A được giao chủ trì 2 nhiệm vụ',
      'hoàn thành 1 nhiệm vụ; đang thực hiện 1',
      'Sở A đã ban hành phương án đơn giản hóa.',
      'Sở A đã số hóa 40% hồ sơ.',
      'đạt khoảng 40%',
      'Sở A (nhiệm vụ 2): Máy quét thiếu.',
      'Đề nghị sửa Nghị định 63.',
      `Sở A kính báo cáo ${issuer}./.`,
      `${issuer} (để báo cáo);`,
      'Văn phòng UBND tỉnh (để tổng hợp);',
      'Lưu: VT.',
      'GIÁM ĐỐC',
      'PHỤ LỤC',
      '(Kèm theo Báo cáo số /BC-SA ngày … tháng … năm 20… của Sở A)',
    ]) {
      expect(text).toContain(expected);
    }
    // Not the issuer's report, nor another unit's part.
    for (const absent of [
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Tập huấn cán bộ một cửa',
      'Sở B đã số hóa',
      'Sở B thiếu kinh phí',
      'Kế hoạch có',
    ]) {
      expect(text).not.toContain(absent);
    }
    // Task 2 is done by Sở B's report, still in progress in Sở A's part.
    expect(text).not.toContain('hoàn thành 2 nhiệm vụ');
  }, 60_000);

  it('the same in the DOCX and the XLSX', async () => {
    const docx = await t.app.inject({ url: url('docx', tree.departmentA.id), headers: officeController });
    expect(docx.statusCode, docx.body).toBe(200);
    const { files } = await readZip(
      docx.rawPayload,
      { maxEntries: 100, maxTotalBytes: 50_000_000, maxRatio: 1000 },
      (name) => name === 'word/document.xml',
    );
    const xml = files.get('word/document.xml')!.toString('utf8');
    for (const expected of ['SỞ A', 'GIÁM ĐỐC', '(để báo cáo);', 'Sở A kính báo cáo', 'Máy quét thiếu.']) expect(xml).toContain(expected);
    expect(xml).not.toContain('Tập huấn cán bộ một cửa');
    expect(xml).not.toContain('TM. ỦY BAN NHÂN DÂN');
    const xlsx = await t.app.inject({ url: url('xlsx', tree.departmentA.id), headers: divisionA });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('SỞ A');
    expect(String(sheet.getCell('A2').value)).toMatch(/^BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 125\/KH-UBND .* CỦA ỦY BAN NHÂN DÂN TỈNH/);
    expect(sheet.getCell('A3').value).toBe('Các nhiệm vụ do Sở A chủ trì, từ ngày 01/01/2026 đến ngày 31/12/2026');
    expect([sheet.getCell('A6').value, sheet.getCell('A7').value, sheet.getCell('A8').value]).toEqual(['1', '2', null]);
    expect(sheet.getCell('E6').value).toBe('Hoàn thành');
    expect(sheet.getCell('E7').value).toBe('Đang thực hiện');
    expect(sheet.getCell('G7').value).toBe('Sở A đã số hóa 40% hồ sơ.');
    expect(sheet.getCell('H7').value).toBe('Sở A: Máy quét thiếu.');
  }, 60_000);

  it("the unit's own staff, the issuer's office and administrators make it; others 403", async () => {
    for (const headers of [staffA, divisionA, officeController, admin]) {
      expect((await t.app.inject({ url: url('xlsx', tree.departmentA.id), headers })).statusCode).toBe(200);
    }
    for (const headers of [staffB, provinceSpecialist, commune]) {
      const response = await t.app.inject({ url: url('xlsx', tree.departmentA.id), headers });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.message).toBe(
        'Chỉ cán bộ của Sở A, văn phòng của cơ quan ban hành kế hoạch hoặc quản trị viên được lập báo cáo của đơn vị này.',
      );
    }
    // Sở B's own report: its staff, not Sở A's.
    expect((await t.app.inject({ url: url('xlsx', tree.departmentB.id), headers: staffB })).statusCode).toBe(200);
    expect((await t.app.inject({ url: url('xlsx', tree.departmentB.id), headers: staffA })).statusCode).toBe(403);
  });

  it('an unknown unit, or one leading no task of the plan, is 422 with a Vietnamese message; the issuer is the whole plan', async () => {
    const unknown = await t.app.inject({ url: url('pdf', '00000000-0000-4000-8000-000000000000'), headers: admin });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({
      code: 'validation_failed',
      message: 'Không lập được báo cáo của đơn vị.',
      details: [{ path: 'unit', message: 'Không tìm thấy đơn vị này.' }],
    });
    const idle = await t.app.inject({ url: url('pdf', tree.commune.id), headers: admin });
    expect(idle.statusCode).toBe(422);
    expect(idle.json().error.details).toEqual([{ path: 'unit', message: 'Xã Kiểm Thử không chủ trì nhiệm vụ nào của kế hoạch này.' }]);
    expect((await t.app.inject({ url: url('pdf', 'so-a'), headers: admin })).statusCode).toBe(422);
    const whole = await t.app.inject({ url: url('pdf', tree.province.id), headers: commune });
    expect(whole.statusCode, whole.body).toBe(200);
    const text = pdfText(whole.rawPayload, 'whole.pdf');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(text).toContain('Kế hoạch có 3 nhiệm vụ');
    expect(text).toContain('Tập huấn cán bộ một cửa');
  }, 60_000);
});
