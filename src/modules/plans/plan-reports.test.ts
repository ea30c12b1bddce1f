import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail, PlanTaskView } from '../../contract/plans';
import { readZip } from '../../core/zip';
import { type AuthHeaders, createFactories, type Factories, type UserRef } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001' +
    '0d0a2db40000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.each(testBackends())('plan progress reports, evidence, comments, responsible people (%s)', (backend) => {
  let t: TestApp;
  let make: Factories;
  let tree: Awaited<ReturnType<Factories['buildProvince']>>;
  let staffA: AuthHeaders;
  let staffB: AuthHeaders;
  let leaderA: AuthHeaders;
  let officeController: AuthHeaders;
  let commune: AuthHeaders;
  let divisionPerson: UserRef;
  let outsider: UserRef;
  let citizen: AuthHeaders;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    tree = await make.buildProvince();
    staffA = await (await make.buildUser({ roles: [{ role: 'specialist', unit: tree.departmentA }] })).login();
    staffB = await (await make.buildUser({ roles: [{ role: 'specialist', unit: tree.departmentB }] })).login();
    leaderA = await (await make.buildUser({ roles: [{ role: 'unit_leader', unit: tree.departmentA }] })).login();
    officeController = await (await make.buildUser({ roles: [{ role: 'procedure_controller', unit: tree.office }] })).login();
    commune = await (await make.buildUser({ roles: [{ role: 'specialist', unit: tree.commune }] })).login();
    divisionPerson = await make.buildUser({ roles: [{ role: 'specialist', unit: tree.divisionA }] });
    outsider = await make.buildUser({ roles: [{ role: 'specialist', unit: tree.departmentB }] });
    citizen = await (await make.buildUser({ roles: [{ role: 'citizen' }] })).login();
  }, 120_000);
  afterAll(() => t?.close());

  async function savePlan(): Promise<PlanDetail> {
    // The progress report names the plan by its number and date ("Kế hoạch số 125/KH-UBND ngày 16/04/2026").
    return make.buildPlan({
      headers: await make.admin(),
      issuer: tree.province,
      body: {
        plan: { number: '125/KH-UBND', date: '2026-04-16' },
        tasks: [
          {
            ref: '1',
            title: 'Rà soát, đơn giản hóa thủ tục hành chính',
            lead: ['Sở A'],
            coordinating: ['Sở B'],
            deadlines: [{ kind: 'date', text: 'trước ngày 30/6/2026', date: '2026-06-30' }],
          },
          {
            ref: '2',
            title: 'Số hóa hồ sơ, kết quả giải quyết',
            lead: ['Sở A'],
            deadlines: [{ kind: 'year', text: 'năm 2026', year: 2026 }],
          },
          { ref: '3', title: 'Tập huấn cán bộ', lead: ['Sở B'] },
        ],
        units: [
          { name: 'Sở A', unitId: tree.departmentA.id },
          { name: 'Sở B', unitId: tree.departmentB.id },
        ],
      },
    });
  }

  const upload = (headers: AuthHeaders, name: string, payload: Buffer) =>
    t.app.inject({
      method: 'POST',
      url: `/api/plans/evidence-files?name=${encodeURIComponent(name)}`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload,
    });

  it('a report carries its period, difficulties, proposals, percent and evidence; staff download it, others not', async () => {
    const plan = await savePlan();
    const task = plan.tasks.find((candidate) => candidate.ref === '1')!;
    const bad = await upload(staffA, 'chuong-trinh.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect(bad.statusCode).toBe(415);
    expect(bad.json().error.message).toMatch(/Tệp minh chứng phải là PDF/);
    expect((await upload(citizen, 'a.png', PNG)).statusCode).toBe(403);
    const photo = await upload(staffA, 'C:\\Ảnh\\Biên bản "họp".png', PNG);
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json().name).toBe('Biên bản họp.png');
    const other = (await upload(staffB, 'khac.pdf', PDF)).json();
    const url = `/api/plans/tasks/${task.id}/reports`;
    const body = {
      text: 'Đã rà soát 12 thủ tục.',
      status: 'in_progress',
      version: task.version,
      periodFrom: '2026-05-01',
      periodTo: '2026-06-30',
      difficulties: 'Thiếu cán bộ chuyên trách.',
      proposals: 'Bổ sung kinh phí số hóa.',
      percent: 60,
      fileIds: [photo.json().id],
    };
    // Another's upload, a reversed period, a percentage above 100: refused, nothing written.
    const foreign = await t.app.inject({ method: 'POST', url, headers: staffA, payload: { ...body, fileIds: [other.id] } });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.message).toMatch(/người khác tải lên/);
    expect((await t.app.inject({ method: 'POST', url, headers: staffA, payload: { ...body, periodFrom: '2026-07-01' } })).statusCode).toBe(
      422,
    );
    expect((await t.app.inject({ method: 'POST', url, headers: staffA, payload: { ...body, percent: 101 } })).statusCode).toBe(422);
    const reported = await t.app.inject({ method: 'POST', url, headers: staffA, payload: body });
    expect(reported.statusCode, reported.body).toBe(201);
    const view = reported.json() as PlanTaskView;
    expect(view.version).toBe(task.version + 1);
    expect(view.reports).toHaveLength(1);
    expect(view.reports[0]).toMatchObject({
      periodFrom: '2026-05-01',
      periodTo: '2026-06-30',
      difficulties: body.difficulties,
      proposals: body.proposals,
      percent: 60,
      files: [{ id: photo.json().id, name: 'Biên bản họp.png', mediaType: 'image/png' }],
    });
    // The same file cannot be attached to a second report.
    const again = await t.app.inject({ method: 'POST', url, headers: staffA, payload: { ...body, version: view.version } });
    expect(again.statusCode).toBe(422);
    const download = await t.app.inject({ url: `/api/plans/evidence-files/${photo.json().id}`, headers: commune });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20h%E1%BB%8Dp.png");
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect((await t.app.inject({ url: `/api/plans/evidence-files/${photo.json().id}`, headers: citizen })).statusCode).toBe(403);
    // An upload not attached to any report is not an evidence file.
    expect((await t.app.inject({ url: `/api/plans/evidence-files/${other.id}`, headers: staffB })).statusCode).toBe(404);
  });

  it('coordinating and lead units and the issuer office comment; other units read only; audited', async () => {
    const plan = await savePlan();
    const task = plan.tasks.find((candidate) => candidate.ref === '1')!;
    const url = `/api/plans/tasks/${task.id}/comments`;
    const comment = await t.app.inject({ method: 'POST', url, headers: staffB, payload: { text: '  Sở B đề nghị  bổ sung số liệu.  ' } });
    expect(comment.statusCode, comment.body).toBe(201);
    expect(comment.json()).toMatchObject({ text: 'Sở B đề nghị bổ sung số liệu.', unit: { id: tree.departmentB.id } });
    expect(
      (await t.app.inject({ method: 'POST', url, headers: officeController, payload: { text: 'Văn phòng ghi nhận.' } })).statusCode,
    ).toBe(201);
    expect((await t.app.inject({ method: 'POST', url, headers: staffA, payload: { text: 'Sở A tiếp thu.' } })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url, headers: commune, payload: { text: 'Xã góp ý.' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url, headers: staffB, payload: { text: '   ' } })).statusCode).toBe(422);
    const thread = (await t.app.inject({ url, headers: commune })).json();
    expect(thread.canComment).toBe(false);
    expect(thread.items.map((item: { text: string }) => item.text)).toEqual([
      'Sở B đề nghị bổ sung số liệu.',
      'Văn phòng ghi nhận.',
      'Sở A tiếp thu.',
    ]);
    expect((await t.app.inject({ url, headers: staffB })).json().canComment).toBe(true);
    const audit = await t.database.db.execute(
      sql`select count(*)::int as n from audit_events where action = 'plan.task.comment' and entity_id = ${task.id}`,
    );
    expect((audit as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(3);
  });

  it("a unit's leaders or the issuer office assign a person of the unit's subtree; optimistic version", async () => {
    const plan = await savePlan();
    const task = plan.tasks.find((candidate) => candidate.ref === '1')!;
    const lead = task.units.find((unit) => unit.role === 'lead')!;
    expect(lead).toMatchObject({ responsible: null, responsibleVersion: 1 });
    const url = `/api/plans/tasks/${task.id}/units/${lead.taskUnitId}/responsible`;
    const candidates = (
      await t.app.inject({ url: `/api/plans/tasks/${task.id}/units/${lead.taskUnitId}/candidates`, headers: leaderA })
    ).json();
    expect(candidates.items.map((item: { id: string }) => item.id)).toContain(divisionPerson.id);
    expect(candidates.items.map((item: { id: string }) => item.id)).not.toContain(outsider.id);
    expect(
      (await t.app.inject({ method: 'PUT', url, headers: staffA, payload: { userId: divisionPerson.id, version: 1 } })).statusCode,
    ).toBe(403);
    const wrong = await t.app.inject({ method: 'PUT', url, headers: leaderA, payload: { userId: outsider.id, version: 1 } });
    expect(wrong.statusCode).toBe(422);
    const assigned = await t.app.inject({ method: 'PUT', url, headers: leaderA, payload: { userId: divisionPerson.id, version: 1 } });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ responsible: { id: divisionPerson.id }, version: 2, canAssign: true });
    expect((await t.app.inject({ method: 'PUT', url, headers: officeController, payload: { userId: null, version: 1 } })).statusCode).toBe(
      409,
    );
    expect((await t.app.inject({ method: 'PUT', url, headers: officeController, payload: { userId: null, version: 2 } })).statusCode).toBe(
      200,
    );
    await t.app.inject({ method: 'PUT', url, headers: leaderA, payload: { userId: divisionPerson.id, version: 3 } });
    const listed = (await t.app.inject({ url: `/api/plans/tasks?unit=${tree.departmentA.id}`, headers: staffA })).json()
      .items as PlanTaskView[];
    const unit = listed.find((item) => item.id === task.id)!.units.find((candidate) => candidate.role === 'lead')!;
    expect(unit).toMatchObject({ responsible: { id: divisionPerson.id }, responsibleVersion: 4 });
  });

  it('exports the progress of a period as DOCX, PDF (NĐ 30/2020 layout) and XLSX', async () => {
    const plan = await savePlan();
    const [first, second] = plan.tasks as [PlanTaskView, PlanTaskView];
    const evidence = (await upload(staffA, 'Quyết định phê duyệt.pdf', PDF)).json();
    const report = (task: PlanTaskView, payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/plans/tasks/${task.id}/reports`,
        headers: staffA,
        payload: { version: task.version, ...payload },
      });
    expect(
      (
        await report(first, {
          text: 'Đã ban hành quyết định phê duyệt phương án.',
          status: 'done',
          periodFrom: '2026-05-01',
          periodTo: '2026-06-30',
          fileIds: [evidence.id],
          proposals: 'Đề nghị Bộ sửa Nghị định 63.',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await report(second, {
          text: 'Đã số hóa 40% hồ sơ.',
          status: 'in_progress',
          percent: 40,
          periodFrom: '2026-05-01',
          periodTo: '2026-06-30',
          difficulties: 'Máy quét thiếu.',
        })
      ).statusCode,
    ).toBe(201);
    const base = `/api/plans/${plan.id}/progress-report`;
    const query = '?from=2026-01-01&to=2026-12-31';
    expect((await t.app.inject({ url: `${base}.pdf?from=2026-12-31&to=2026-01-01`, headers: commune })).statusCode).toBe(422);
    expect((await t.app.inject({ url: `${base}.pdf${query}`, headers: citizen })).statusCode).toBe(403);
    const pdf = await t.app.inject({ url: `${base}.pdf${query}`, headers: commune });
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'plan-report-'));
    writeFileSync(join(dir, 'r.pdf'), pdf.rawPayload);
    const text = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '/BC-',
      'BÁO CÁO',
      'Kết quả thực hiện Kế hoạch số 125/KH-UBND ngày 16/04/2026',
      'I. KẾT QUẢ THỰC HIỆN',
      'hoàn thành 1 nhiệm vụ',
      'Đã ban hành quyết định phê duyệt phương án.',
      'Minh chứng: Quyết định phê duyệt.pdf',
      'II. NHIỆM VỤ ĐANG THỰC HIỆN',
      'đạt khoảng 40%',
      'III. KHÓ KHĂN, VƯỚNG MẮC',
      'Sở A (nhiệm vụ 2): Máy quét thiếu.',
      'IV. ĐỀ XUẤT, KIẾN NGHỊ',
      'Đề nghị Bộ sửa Nghị định 63.',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN',
      'PHỤ LỤC',
      'Tập huấn cán bộ',
    ]) {
      expect(text).toContain(expected);
    }
    const docx = await t.app.inject({ url: `${base}.docx${query}`, headers: commune });
    expect(docx.statusCode).toBe(200);
    const { files } = await readZip(
      docx.rawPayload,
      { maxEntries: 100, maxTotalBytes: 50_000_000, maxRatio: 1000 },
      (name) => name === 'word/document.xml',
    );
    const xml = files.get('word/document.xml')!.toString('utf8');
    expect(xml).toMatch(/w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('III. KHÓ KHĂN, VƯỚNG MẮC');
    expect(xml).not.toContain('w:orient="landscape"');
    const xlsx = await t.app.inject({ url: `${base}.xlsx${query}`, headers: commune });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A6').value).toBe('1');
    expect(sheet.getCell('E6').value).toBe('Hoàn thành');
    expect(sheet.getCell('F7').value).toBe(40);
    expect(sheet.getCell('H7').value).toBe('Sở A: Máy quét thiếu.');
    // A period before every report: nothing done, no difficulties.
    const early = await t.app.inject({ url: `${base}.pdf?from=2026-01-01&to=2026-01-31`, headers: commune });
    writeFileSync(join(dir, 'e.pdf'), early.rawPayload);
    const earlyText = execFileSync('pdftotext', [join(dir, 'e.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(earlyText).toContain('chưa có nhiệm vụ nào hoàn thành');
    expect(earlyText).not.toContain('Máy quét thiếu');
    if (process.env.PLAN_REPORT_SAMPLE) writeFileSync(process.env.PLAN_REPORT_SAMPLE, readFileSync(join(dir, 'r.pdf')));
    if (process.env.PLAN_REPORT_SAMPLE) writeFileSync(`${process.env.PLAN_REPORT_SAMPLE}.docx`, docx.rawPayload);
  }, 60_000);
});
