import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../core/vietnam-time';
import { openWorkbook } from '../../core/workbook';
import { dossierAccessLog } from '../../db/schema/dossiers';
import { type AuthHeaders, createFactories, type ProcedureRef } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

// The forms routes (docs/api/dossiers.md "Forms", docs/formats/dossier-forms.md): who may download, 409 for a form
// the history does not have, the access log, the tracking book in its three formats.

const workDirectory = mkdtempSync(join(tmpdir(), 'motcua-form-routes-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

/** The text of a PDF, one space between words; `leftHalf`: only the left half of the first page's top (the issuer's column of the national header, which the right column would otherwise interleave). */
function pdfText(bytes: Buffer, leftHalf = false): string {
  const path = join(workDirectory, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  const crop = leftHalf ? ['-f', '1', '-l', '1', '-x', '0', '-y', '0', '-W', '297', '-H', '200'] : [];
  return execFileSync('pdftotext', [...crop, path, '-'], { encoding: 'utf8' })
    .normalize('NFC')
    .replace(/\s+/g, ' ');
}

describe.each(testBackends())('dossier forms on %s', (backend) => {
  let t: TestApp;
  let make: ReturnType<typeof createFactories>;
  let officer: AuthHeaders;
  let outsider: AuthHeaders;
  let procedure: ProcedureRef;
  let province: Awaited<ReturnType<ReturnType<typeof createFactories>['buildProvince']>>;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false, config: { publicBaseUrl: 'https://dvc.example.vn' } });
    make = createFactories(t);
    province = await make.buildProvince();
    procedure = await make.buildProcedure({ handlingUnits: [province.departmentA], content: { components: [{ name: 'Đơn đề nghị' }] } });
    const users = await Promise.all([
      make.buildUser({ roles: [{ role: 'desk_officer', unit: province.desk }] }),
      make.buildUser({ roles: [{ role: 'specialist', unit: province.departmentB }] }),
    ]);
    [officer, outsider] = (await Promise.all(users.map((user) => user.login()))) as [AuthHeaders, AuthHeaders];
  });
  afterAll(() => t?.close());

  it('gives the receipt (Mẫu 01) with the dossier code, the QR link and the desk as issuer, and logs the read', async () => {
    const dossier = await make.buildDossier({ officer, procedure });
    const response = await t.app.inject({ url: `/api/dossiers/${dossier.id}/forms/01`, headers: officer });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`mau-01-${dossier.code}.pdf`);
    const text = pdfText(response.rawPayload);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(`Mã hồ sơ: ${dossier.code}`);
    expect(pdfText(response.rawPayload, true)).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH');
    expect(text).toContain('Nguyễn Văn Kiểm Thử');
    const logged = await t.database.db.select().from(dossierAccessLog).where(eq(dossierAccessLog.dossierId, dossier.id));
    expect(logged.map((row) => row.purpose)).toContain('form');
  });

  it('answers 409 in Vietnamese for a form the history does not have, 403 to staff who may not read it', async () => {
    const dossier = await make.buildDossier({ officer, procedure });
    const apology = await t.app.inject({ url: `/api/dossiers/${dossier.id}/forms/04`, headers: officer });
    expect(apology.statusCode).toBe(409);
    expect(apology.json().error.message).toMatch(/chưa có văn bản xin lỗi/);
    expect((await t.app.inject({ url: `/api/dossiers/${dossier.id}/forms/06`, headers: officer })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/dossiers/${dossier.id}/forms/01`, headers: outsider })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/dossiers/${dossier.id}/forms/07`, headers: officer })).statusCode).toBe(422);
  });

  it('gives the refusal (Mẫu 03) of a dossier refused at the desk, and no receipt', async () => {
    const dossier = await make.buildDossier({
      officer,
      procedure,
      body: { decision: { action: 'refuse', reason: 'Thủ tục không thuộc thẩm quyền giải quyết' } },
    });
    const refusal = await t.app.inject({ url: `/api/dossiers/${dossier.id}/forms/03`, headers: officer });
    expect(refusal.statusCode).toBe(200);
    expect(pdfText(refusal.rawPayload)).toContain('Thủ tục không thuộc thẩm quyền giải quyết');
    expect((await t.app.inject({ url: `/api/dossiers/${dossier.id}/forms/01`, headers: officer })).statusCode).toBe(409);
  });

  it('keeps the tracking book (Mẫu 07) of the desk for a period, as JSON, XLSX and PDF', async () => {
    const dossier = await make.buildDossier({ officer, procedure });
    const today = vietnamDate();
    const url = `/api/dossiers/tracking-book?unit=${encodeURIComponent(province.desk.code)}&from=${today}&to=${today}`;
    const json = await t.app.inject({ url: `${url}&format=json`, headers: officer });
    expect(json.statusCode).toBe(200);
    const row = json.json().rows.find((entry: { code: string }) => entry.code === dossier.code);
    expect(row).toMatchObject({
      procedureName: expect.any(String),
      applicantName: 'Nguyễn Văn Kiểm Thử',
      applicantContact: 'Số 1 đường Kiểm Thử; 0912345678',
    });
    const xlsx = await t.app.inject({ url: `${url}&format=xlsx`, headers: officer });
    expect(xlsx.statusCode).toBe(200);
    const opened = await openWorkbook(xlsx.rawPayload);
    if ('error' in opened) throw new Error(opened.error);
    const codes = opened.workbook.worksheets[0]!.getColumn(3).values;
    expect(codes).toContain(dossier.code);
    const pdf = await t.app.inject({ url, headers: officer });
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload)).toContain('SỔ THEO DÕI HỒ SƠ');
    const forbidden = await t.app.inject({ url: `${url}&format=json`, headers: outsider });
    expect(forbidden.statusCode).toBe(403);
    const backwards = await t.app.inject({
      url: `/api/dossiers/tracking-book?unit=${province.desk.code}&from=${today}&to=2000-01-01`,
      headers: officer,
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.body).toContain('Ngày kết thúc phải từ ngày bắt đầu trở đi.');
  });
});
