import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../core/vietnam-time';
import { createTestApp, TEST_PROCEDURE_CODES, type TestApp, testBackends } from '../../test/harness';
import { deflated, writeArchive } from '../../test/zip-archive';
import { committedTimeOn } from './read';
import { importProcedures } from './transfer/import';
import { readProceduresJson } from './transfer/json';
import { buildDecision, buildJsonFile, buildProcedureContent } from './transfer/test-support';
import { intakeTermsOn } from './version-content';

// The procedure record of NĐ 63 Điều 8 and TT 02/2017 (issue 10): basic parts required at publication, agencies by
// role, effective dates of the legal basis, attached forms, approved internal processes and the committed time.

const CODE = TEST_PROCEDURE_CODES[0]!;

/** A Vietnamese calendar day `days` later: noon in Vietnam, moved by whole days, read back in Vietnam. */
const addDays = (day: string, days: number) => vietnamDate(new Date(Date.parse(`${day}T12:00:00+07:00`) + days * 86_400_000));

const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const exeBytes = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
const docxBytes = () =>
  writeArchive(
    ['[Content_Types].xml', 'word/document.xml'].map((name) => {
      const text = `<?xml version="1.0"?><x name="${name}"/>`;
      return { name, deflated: deflated(text), declaredSize: Buffer.byteLength(text) };
    }),
  );

describe.each(testBackends())('procedure record (NĐ 63 Điều 8) on %s', (backend) => {
  let t: TestApp;
  let controller: { cookie: string; 'x-csrf-token': string };
  const today = vietnamDate();
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: { procedureCodes: TEST_PROCEDURE_CODES, baselines: false } });
    controller = await t.login('kiemsoat');
  });
  afterAll(() => t?.close());

  const decision = (number: string, type = 'new') => ({ number, date: today, signer: 'Chủ tịch UBND tỉnh', type, effectiveDate: today });
  const create = (code: string, procedure: unknown, headers = controller) =>
    t.app.inject({ method: 'POST', url: '/api/procedures', headers, payload: { code, decision: decision(`${code}/QĐ-UBND`), procedure } });
  const upload = (bytes: Buffer, name: string, headers: Record<string, string> = controller) =>
    t.app.inject({
      method: 'POST',
      url: `/api/procedure-files?name=${encodeURIComponent(name)}`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: bytes,
    });

  it('refuses a version without its basic parts, listing every missing part with its path', async () => {
    const response = await create('9.100001', buildProcedureContent({ steps: [], components: [], dossierSets: null, result: null }));
    expect(response.statusCode, response.body).toBe(422);
    const { error } = response.json();
    expect(error.message).toBe('Thủ tục chưa đủ điều kiện công bố.');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { path: 'procedure.steps', message: 'Thiếu trình tự thực hiện.' },
        { path: 'procedure.components', message: 'Thiếu thành phần hồ sơ.' },
        { path: 'procedure.dossierSets', message: 'Thiếu số lượng bộ hồ sơ.' },
        { path: 'procedure.result', message: 'Thiếu kết quả thực hiện.' },
      ]),
    );
    expect(error.details).toHaveLength(4);
    expect((await t.app.inject({ url: '/api/procedures/9.100001' })).statusCode).toBe(404);
  });

  it('reports the missing parts of each row of an import, and imports none', async () => {
    const file = buildJsonFile([
      { code: '9.100002', decision: buildDecision(), procedure: buildProcedureContent() },
      { code: '9.100003', decision: buildDecision(), procedure: buildProcedureContent({ result: null, steps: [] }) },
      { code: '9.100004', decision: buildDecision(), procedure: buildProcedureContent({ components: [] }) },
    ]);
    const result = await importProcedures(t.database.db, readProceduresJson(file), { actor: 'system', source: 'thieu.json' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.row, error.path])).toEqual([
      [2, 'procedure.steps'],
      [2, 'procedure.result'],
      [3, 'procedure.components'],
    ]);
    expect((await t.app.inject({ url: '/api/procedures/9.100002' })).statusCode).toBe(404);
  });

  it('keeps agencies by role, delegation, effective dates of the legal basis and state agencies as applicants', async () => {
    const procedure = buildProcedureContent({
      applicantTypes: ['state_agency'],
      internalGroup: 'B',
      decidingAuthority: { name: 'Chủ tịch UBND tỉnh', unitCode: '000.00.00.H01' },
      coordinatingAgencies: [{ unitCode: '000.00.03.H01', name: 'Sở Tư pháp' }, { name: 'Bộ Tư pháp' }],
      delegations: [{ kind: 'delegation', from: 'Chủ tịch UBND tỉnh', to: 'Giám đốc Sở Tư pháp', legalBasis: null }],
      legalBasis: [{ number: '118/2025/NĐ-CP', title: 'Nghị định về một cửa', date: '2025-06-09', effectiveDate: '2025-07-01' }],
    });
    const response = await create('5.100005', procedure);
    expect(response.statusCode, response.body).toBe(201);
    const view = (await t.app.inject({ url: '/api/procedures/5.100005' })).json();
    expect(view).toMatchObject({
      applicantTypes: ['state_agency'],
      decidingAuthority: { name: 'Chủ tịch UBND tỉnh', unitCode: '000.00.00.H01' },
      coordinatingAgencies: [
        { unitCode: '000.00.03.H01', name: 'Sở Tư pháp' },
        { unitCode: null, name: 'Bộ Tư pháp' },
      ],
      delegations: [{ kind: 'delegation', from: 'Chủ tịch UBND tỉnh', to: 'Giám đốc Sở Tư pháp', legalBasis: null }],
      legalBasis: [{ number: '118/2025/NĐ-CP', date: '2025-06-09', effectiveDate: '2025-07-01' }],
      dossierSets: 1,
    });

    const wrong = await create(
      '5.100006',
      buildProcedureContent({
        coordinatingAgencies: [{ unitCode: '000.00.03.H01' } as { unitCode: string; name: string }],
        decidingAuthority: { name: 'UBND tỉnh', unitCode: '999.99.99.H99' },
        legalBasis: [{ number: '1/2025/NĐ-CP', title: null, date: '2025-06-09', effectiveDate: '2025-06-01' }],
      }),
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.details.map((detail: { path: string }) => detail.path)).toEqual(['procedure.coordinatingAgencies.0.name']);
    const dates = await create(
      '5.100006',
      buildProcedureContent({
        decidingAuthority: { name: 'UBND tỉnh', unitCode: '999.99.99.H99' },
        legalBasis: [{ number: '1/2025/NĐ-CP', title: null, date: '2025-06-09', effectiveDate: '2025-06-01' }],
      }),
    );
    expect(dates.statusCode).toBe(422);
    expect(dates.json().error.details).toEqual(
      expect.arrayContaining([
        {
          path: 'procedure.legalBasis.0.effectiveDate',
          message: 'Ngày có hiệu lực của văn bản 1/2025/NĐ-CP không được trước ngày ban hành.',
        },
        { path: 'procedure.decidingAuthority.unitCode', message: 'Không có đơn vị mã 999.99.99.H99.' },
      ]),
    );
  });

  it('keeps published versions that lack a basic part readable, and gives migrated versions the new parts empty', async () => {
    const migration = readFileSync(new URL('../../db/migrations/0005_procedure_record.sql', import.meta.url), 'utf8');
    const update = migration.split('--> statement-breakpoint').find((statement) => statement.includes('UPDATE "procedure_versions"'))!;
    // A version as published before this work: no result, no steps, none of the new keys.
    await t.database.db.execute(sql`
      update procedure_versions v set details = (v.details - 'dossierSets' - 'decidingAuthority' - 'coordinatingAgencies'
        - 'delegations' - 'resultTemplates') || '{"steps": [], "result": null,
        "legalBasis": [{"number": "118/2025/NĐ-CP", "title": null, "date": null}]}'::jsonb
      from procedures p where p.id = v.procedure_id and p.code = ${TEST_PROCEDURE_CODES[2]!}`);
    await t.database.db.execute(sql.raw(update));
    const response = await t.app.inject({ url: `/api/procedures/${TEST_PROCEDURE_CODES[2]}` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      steps: [],
      result: null,
      dossierSets: null,
      decidingAuthority: null,
      coordinatingAgencies: [],
      delegations: [],
      resultTemplates: [],
      legalBasis: [{ number: '118/2025/NĐ-CP', effectiveDate: null }],
    });
    expect(response.json().components.every((component: { formFile: unknown }) => component.formFile === null)).toBe(true);
  });

  it('stores uploaded forms by content, sniffs their type and refuses what is not a document', async () => {
    const pdf = await upload(pdfBytes, 'Mẫu đơn đề nghị.pdf');
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({ mediaType: 'application/pdf', size: pdfBytes.length, name: 'Mẫu đơn đề nghị.pdf' });
    expect(pdf.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await upload(pdfBytes, 'copy.pdf');
    expect(again.json().sha256).toBe(pdf.json().sha256);

    const docx = await upload(docxBytes(), 'To khai.docx');
    expect(docx.json().mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

    const exe = await upload(exeBytes, 'mau-don.pdf');
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.message).toBe(
      'Nội dung tệp "mau-don.pdf" là chương trình chạy được (EXE), không phải loại được nhận (PDF, Word (DOC), Word (DOCX), Excel (XLS), Excel (XLSX), OpenDocument (ODT)).',
    );
    const misnamed = await upload(docxBytes(), 'to-khai.pdf');
    expect(misnamed.statusCode).toBe(415);
    expect(misnamed.json().error.message).toMatch(/có đuôi \.pdf nhưng nội dung là Word \(DOCX\)/);
    expect((await upload(Buffer.alloc(0), 'rong.pdf')).statusCode).toBe(422);
    expect((await upload(Buffer.alloc(21 * 1024 * 1024, 0x25), 'lon.pdf')).statusCode).toBe(413);

    expect((await upload(pdfBytes, 'a.pdf', {})).statusCode).toBe(401);
    expect((await upload(pdfBytes, 'a.pdf', await t.login('congdan'))).statusCode).toBe(403);
    expect((await upload(pdfBytes, 'a.pdf', await t.login('tiepnhan'))).statusCode).toBe(403);
  });

  it('lets anyone download a form attached to a published version, under its Vietnamese name; other files only editors', async () => {
    const stored = (await upload(pdfBytes, 'Tờ khai đăng ký.pdf')).json();
    const loose = (await upload(docxBytes(), 'Chưa công bố.docx')).json();
    expect((await t.app.inject({ url: `/api/procedure-files/${stored.id}` })).statusCode).toBe(401);
    expect((await t.app.inject({ url: `/api/procedure-files/${stored.id}`, headers: await t.login('congdan') })).statusCode).toBe(403);
    const preview = await t.app.inject({ url: `/api/procedure-files/${loose.id}`, headers: controller });
    expect(preview.statusCode).toBe(200);
    expect(preview.rawPayload.equals(docxBytes())).toBe(true);

    const unknownFile = await create(
      '9.100007',
      buildProcedureContent({
        components: [{ name: 'Tờ khai', formFile: { fileId: '00000000-0000-4000-8000-000000000000', name: 'Tờ khai' } }],
      }),
    );
    expect(unknownFile.statusCode).toBe(422);
    expect(unknownFile.json().error.details[0].path).toBe('procedure.components.0.formFile.fileId');

    const created = await create(
      '9.100007',
      buildProcedureContent({
        components: [
          { name: 'Tờ khai đăng ký (Mẫu 01)', formTemplate: 'Mẫu 01', formFile: { fileId: stored.id, name: 'Tờ khai đăng ký (Mẫu 01)' } },
        ],
        resultTemplates: [{ name: 'Mẫu giấy chứng nhận', file: null }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const download = await t.app.inject({ url: `/api/procedures/9.100007/versions/1/files/${stored.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="To khai dang ky (Mau 01).pdf"; filename*=UTF-8''${encodeURIComponent('Tờ khai đăng ký (Mẫu 01).pdf').replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    expect(download.rawPayload.equals(pdfBytes)).toBe(true);
    // A file that is not attached to that version is not public, even though it exists.
    expect((await t.app.inject({ url: `/api/procedures/9.100007/versions/1/files/${loose.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/procedures/9.100007/versions/9/files/${stored.id}` })).statusCode).toBe(404);
  });

  it('keeps a committed time apart from the statutory one: shorter accepted, longer refused, no new version needed', async () => {
    const statutory = (await t.app.inject({ url: `/api/procedures/${CODE}` })).json();
    const unit = statutory.processingTime.unit;
    const amount = statutory.processingTime.amount;
    const shorter = amount / 2;
    const approval = (overrides: Record<string, unknown> = {}) => ({
      decisionNumber: '150/QĐ-UBND',
      decisionDate: today,
      signer: 'Chủ tịch UBND tỉnh',
      effectiveFrom: today,
      committedTime: { amount: shorter, unit },
      steps: [
        { order: 1, name: 'Tiếp nhận', role: 'desk_officer', unitCode: null, budget: { amount: shorter / 2, unit } },
        { order: 2, name: 'Thẩm định và trả kết quả', role: 'specialist', unitCode: null, budget: { amount: shorter / 2, unit } },
      ],
      note: null,
      ...overrides,
    });
    const post = (body: ReturnType<typeof approval>, headers: Record<string, string> = controller) =>
      t.app.inject({ method: 'POST', url: `/api/procedures/${CODE}/processes`, headers, payload: body });

    const before = await t.app.inject({ url: `/api/procedures/${CODE}/processes` });
    expect(before.json()).toMatchObject({ items: [], committedTime: { committed: { amount, unit }, approval: null } });

    const longer = await post(
      approval({
        committedTime: { amount: amount + 1, unit },
        steps: [{ order: 1, name: 'Xử lý', role: 'specialist', unitCode: null, budget: { amount: amount + 1, unit } }],
      }),
    );
    expect(longer.statusCode).toBe(422);
    expect(longer.json().error.details[0]).toMatchObject({ path: 'committedTime.amount' });
    expect(longer.json().error.details[0].message).toMatch(/không được dài hơn thời hạn giải quyết theo quy định/);
    const notAddingUp = await post(approval({ steps: [approval().steps[0]] }));
    expect(notAddingUp.statusCode).toBe(422);
    expect(notAddingUp.json().error.details[0].path).toBe('steps');
    expect((await post(approval({ decisionDate: addDays(today, 1), effectiveFrom: addDays(today, 1) }))).statusCode).toBe(422);
    expect((await post(approval(), await t.login('tiepnhan'))).statusCode).toBe(403);

    const accepted = await post(approval());
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({
      committedTime: { statutory: { amount, unit }, committed: { amount: shorter, unit }, approval: { decisionNumber: '150/QĐ-UBND' } },
      items: [{ decisionNumber: '150/QĐ-UBND', effectiveFrom: today, effectiveTo: null }],
    });
    // The procedure keeps its version: an approval is not a publication.
    expect((await t.app.inject({ url: `/api/procedures/${CODE}` })).json()).toMatchObject({ versionNo: statutory.versionNo });
    // The read API other modules (dossiers) use: the day before, the statutory time; from its date, the committed one.
    expect((await committedTimeOn(t.database.db, CODE, addDays(today, -1)))?.committed).toMatchObject({ amount, unit });
    expect((await committedTimeOn(t.database.db, CODE, today))?.committed).toMatchObject({ amount: shorter, unit });

    const later = await post(approval({ decisionNumber: '151/QĐ-UBND', effectiveFrom: addDays(today, 10) }));
    expect(later.statusCode, later.body).toBe(201);
    expect(
      later.json().items.map((item: { decisionNumber: string; effectiveTo: string | null }) => [item.decisionNumber, item.effectiveTo]),
    ).toEqual([
      ['151/QĐ-UBND', null],
      ['150/QĐ-UBND', addDays(today, 10)],
    ]);
    // The intake's one read gives the same committed time, approval and end of approval, day by day.
    for (const day of [addDays(today, -1), today, addDays(today, 9), addDays(today, 10), addDays(today, 20)]) {
      const terms = await intakeTermsOn(t.database.db, CODE, day);
      expect(terms?.time).toEqual(await committedTimeOn(t.database.db, CODE, day));
      expect(terms?.version.versionNo).toBe(statutory.versionNo);
    }
    expect((await intakeTermsOn(t.database.db, CODE, addDays(today, 10)))?.time.approval).toMatchObject({ decisionNumber: '151/QĐ-UBND' });
    expect((await intakeTermsOn(t.database.db, CODE, today))?.time.approval).toMatchObject({ effectiveTo: addDays(today, 10) });
    const rewrite = await post(approval({ decisionNumber: '152/QĐ-UBND', effectiveFrom: addDays(today, 5) }));
    expect(rewrite.statusCode).toBe(422);
    expect(rewrite.json().error.details[0].path).toBe('effectiveFrom');
  });
});
