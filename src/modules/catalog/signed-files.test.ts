import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../core/vietnam-time';
import { createFactories, type Factories, minimalPdf } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { collectProceduresInForce } from './transfer/export';
import { importProcedures } from './transfer/import';
import { readProceduresJson, writeProceduresJson } from './transfer/json';
import { buildJsonFile } from './transfer/test-support';
import { readProceduresXlsx } from './transfer/xlsx-read';
import { writeProceduresXlsx } from './transfer/xlsx-write';

/** A PDF with some body, so that a download can be told from another file. */
const signedPdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);

describe.each(testBackends())('signed decision files on %s', (backend) => {
  let t: TestApp;
  let make: Factories;
  let tree: Awaited<ReturnType<Factories['buildProvince']>>;
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    tree = await make.buildProvince();
  });
  afterAll(() => t?.close());

  const upload = async (bytes: Buffer, name: string, headers?: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/decision-files?name=${encodeURIComponent(name)}`,
      headers: { ...(headers ?? (await adminHeaders())), 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
  let headersOfAdmin: Record<string, string> | undefined;
  const adminHeaders = async () => {
    headersOfAdmin ??= await make
      .buildUser({ roles: [{ role: 'procedure_controller', unit: tree.province }] })
      .then((user) => user.login());
    return headersOfAdmin;
  };
  const enter = async (decision: Record<string, unknown>) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/decisions',
      headers: await adminHeaders(),
      payload: {
        decision: make.decisionHeader(decision),
        items: [
          {
            action: 'new',
            code: `8.${String(500_000 + make.next())}`,
            procedure: make.procedureContent({ handlingUnits: [tree.departmentA] }),
          },
        ],
      },
    });
    return response;
  };

  it('takes a PDF only, with a clear message for anything else, within the size limit of uploads', async () => {
    const accepted = await upload(signedPdf('QĐ 2101'), 'QĐ 2101 đã ký.pdf');
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ mediaType: 'application/pdf', name: 'QĐ 2101 đã ký.pdf' });

    const png = await upload(PNG, 'anh-chup.png');
    expect(png.statusCode).toBe(415);
    expect(png.json().error).toMatchObject({
      code: 'unsupported_media_type',
      message:
        'Bản quyết định đã ký phải là tệp PDF (bản ký số hoặc bản chụp quét). Nội dung tệp "anh-chup.png" là ảnh PNG, không phải loại được nhận (PDF).',
    });
    // A PNG named .pdf is told by its content.
    expect((await upload(PNG, 'quyet-dinh.pdf')).statusCode).toBe(415);
    const oversize = await upload(Buffer.concat([minimalPdf(), Buffer.alloc(20 * 1024 * 1024)]), 'lon.pdf');
    expect(oversize.statusCode).toBe(413);
    expect(oversize.json().error).toMatchObject({ code: 'payload_too_large', message: 'Nội dung gửi lên vượt quá dung lượng cho phép.' });
    expect((await upload(Buffer.alloc(0), 'rong.pdf')).statusCode).toBe(422);
    expect((await upload(minimalPdf(), 'a.pdf', {})).statusCode).toBe(401);
    const specialist = await make.buildUser({ roles: [{ role: 'specialist', unit: tree.departmentA }] }).then((user) => user.login());
    expect((await upload(minimalPdf(), 'a.pdf', specialist)).statusCode).toBe(403);
  });

  it('enters a decision with its signed file, which anyone downloads under the decision number, from the decision and the procedure page', async () => {
    const bytes = signedPdf('Quyết định 2102/QĐ-UBND');
    const file = (await upload(bytes, 'scan.pdf')).json();
    const created = await enter({ number: '2102/QĐ-UBND', signedFileId: file.id });
    expect(created.statusCode, created.body).toBe(201);
    const decision = created.json();
    expect(decision.signedFile).toEqual({ fileId: file.id, name: 'scan.pdf', size: bytes.length, mediaType: 'application/pdf' });
    expect(decision.signedFileUrl).toBeNull();

    const download = await t.app.inject({ url: `/api/decisions/${decision.id}/signed-file` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="2102-QD-UBND.pdf"; filename*=UTF-8''2102-Q%C4%90-UBND.pdf`);
    expect(download.rawPayload.equals(bytes)).toBe(true);

    const code = decision.items[0].code;
    const page = (await t.app.inject({ url: `/api/procedures/${code}` })).json();
    expect(page.decision).toMatchObject({ id: decision.id, signedFile: { fileId: file.id, name: 'scan.pdf' } });
    expect(page.versions[0].decision.signedFile).toMatchObject({ fileId: file.id });
    const list = (await t.app.inject({ url: '/api/decisions' })).json();
    expect(list.items.find((entry: { id: string }) => entry.id === decision.id).signedFile).toMatchObject({ fileId: file.id });
  });

  it('refuses as signed file an unknown file, or a file uploaded for something else (a form, a dossier scan)', async () => {
    const form = await make.asAdmin<{ id: string }>({
      method: 'POST',
      url: '/api/procedure-files?name=mau-01.pdf',
      headers: { 'content-type': 'application/octet-stream' },
      payload: minimalPdf(),
    });
    const formAsSigned = await enter({ signedFileId: form.id });
    expect(formAsSigned.statusCode).toBe(422);
    expect(formAsSigned.json().error.details).toEqual([
      {
        path: 'decision.signedFileId',
        message: 'Tệp "mau-01.pdf" không được tải lên làm bản quyết định đã ký: tải bản quyết định (PDF) lên lại.',
      },
    ]);
    // A dossier's scan is personal data: attaching it to a decision would make it public.
    const deskOfficer = await make.buildUser({ roles: [{ role: 'desk_officer', unit: tree.desk }] }).then((user) => user.login());
    const scan = await make.uploadDossierFile(deskOfficer, { name: 'cccd.pdf' });
    expect((await enter({ signedFileId: scan.id })).json().error.details).toEqual([
      {
        path: 'decision.signedFileId',
        message: 'Tệp "cccd.pdf" không được tải lên làm bản quyết định đã ký: tải bản quyết định (PDF) lên lại.',
      },
    ]);
    // Nor through the catalog's forms: a catalog editor neither reads it nor attaches it as a form.
    expect((await t.app.inject({ url: `/api/procedure-files/${scan.id}`, headers: await adminHeaders() })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/procedure-files/${form.id}`, headers: await adminHeaders() })).statusCode).toBe(200);
    const content = make.procedureContent({ handlingUnits: [tree.departmentA] }) as { components: Record<string, unknown>[] };
    const withScan = {
      ...content,
      components: [{ ...content.components[0], formFile: { fileId: scan.id, name: 'Tờ khai' } }, ...content.components.slice(1)],
    };
    const asForm = await t.app.inject({
      method: 'POST',
      url: '/api/decisions',
      headers: await adminHeaders(),
      payload: {
        decision: make.decisionHeader(),
        items: [{ action: 'new', code: `8.${String(500_000 + make.next())}`, procedure: withScan }],
      },
    });
    expect(asForm.json().error.details).toEqual([
      { path: 'items.0.procedure.components.0.formFile.fileId', message: `Không có tệp mã ${scan.id}: tải tệp lên trước khi công bố.` },
    ]);
    const unknown = await enter({ signedFileId: '00000000-0000-4000-8000-000000000001' });
    expect(unknown.json().error.details).toEqual([
      {
        path: 'decision.signedFileId',
        message: 'Không có tệp mã 00000000-0000-4000-8000-000000000001: tải bản quyết định đã ký lên trước.',
      },
    ]);
    // The single-procedure door checks it as well.
    const single = await t.app.inject({
      method: 'POST',
      url: '/api/procedures',
      headers: await adminHeaders(),
      payload: {
        code: `8.${String(500_000 + make.next())}`,
        decision: make.procedureDecision('new', { signedFileId: form.id }),
        procedure: make.procedureContent({ handlingUnits: [tree.departmentA] }),
      },
    });
    expect(single.statusCode).toBe(422);
    expect(single.json().error.details[0].path).toBe('decision.signedFileId');
  });

  it('attaches the signed file to a decision already entered, changing none of its other facts, audited, shown at once', async () => {
    const created = await enter({ number: '2103/QĐ-UBND', signedFileUrl: 'https://congbao.example.vn/2103.pdf' });
    expect(created.statusCode, created.body).toBe(201);
    const before = created.json();
    // A link recorded before uploads existed stays readable.
    expect(before).toMatchObject({ signedFile: null, signedFileUrl: 'https://congbao.example.vn/2103.pdf' });
    const code = before.items[0].code;
    expect((await t.app.inject({ url: `/api/decisions/${before.id}/signed-file` })).statusCode).toBe(404);
    // The public page is cached: it must show the file as soon as it is attached.
    expect((await t.app.inject({ url: `/api/procedures/${code}` })).json().decision.signedFile).toBeNull();

    const attach = async (bytes: Buffer, name: string, headers?: Record<string, string>) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/decisions/${before.id}/signed-file?name=${encodeURIComponent(name)}`,
        headers: { ...(headers ?? (await adminHeaders())), 'content-type': 'application/octet-stream' },
        payload: bytes,
      });
    expect((await attach(PNG, 'anh.png')).statusCode).toBe(415);
    const first = await attach(signedPdf('bản 1'), 'ban-1.pdf');
    expect(first.statusCode, first.body).toBe(200);
    const { signedFile, ...facts } = first.json();
    const { signedFile: _none, ...factsBefore } = before;
    expect(facts).toEqual(factsBefore);
    expect(signedFile).toMatchObject({ name: 'ban-1.pdf', mediaType: 'application/pdf' });
    expect((await t.app.inject({ url: `/api/procedures/${code}` })).json().decision.signedFile).toMatchObject({ name: 'ban-1.pdf' });

    // A wrong file is replaced by the right one; both changes are in the audit trail.
    const second = await attach(signedPdf('bản 2'), 'ban-2.pdf');
    expect(second.json().signedFile).toMatchObject({ name: 'ban-2.pdf' });
    const download = await t.app.inject({ url: `/api/decisions/${before.id}/signed-file` });
    expect(download.rawPayload.equals(signedPdf('bản 2'))).toBe(true);
    const audits = (await t.database.db.execute(
      sql`select data from audit_events where entity_id = ${before.id} and action = 'decision.signed_file' order by id`,
    )) as unknown as { rows: { data: Record<string, unknown> }[] };
    expect(audits.rows.map((row) => row.data)).toEqual([
      expect.objectContaining({ number: '2103/QĐ-UBND', fileId: signedFile.fileId, name: 'ban-1.pdf', previousFileId: null }),
      expect.objectContaining({ name: 'ban-2.pdf', previousFileId: signedFile.fileId }),
    ]);

    expect((await attach(minimalPdf(), 'x.pdf', {})).statusCode).toBe(401);
    const specialist = await make.buildUser({ roles: [{ role: 'specialist', unit: tree.departmentA }] }).then((user) => user.login());
    expect((await attach(minimalPdf(), 'x.pdf', specialist)).statusCode).toBe(403);
  });

  it('answers 404 for a decision that does not exist', async () => {
    const unknown = '00000000-0000-4000-8000-000000000002';
    const download = await t.app.inject({ url: `/api/decisions/${unknown}/signed-file` });
    expect(download.statusCode).toBe(404);
    expect(download.json().error.message).toBe('Không tìm thấy quyết định công bố.');
    const attached = await t.app.inject({
      method: 'PUT',
      url: `/api/decisions/${unknown}/signed-file?name=a.pdf`,
      headers: { ...(await adminHeaders()), 'content-type': 'application/octet-stream' },
      payload: minimalPdf(),
    });
    expect(attached.statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/decisions/khong-phai-uuid/signed-file' })).statusCode).toBe(422);
  });

  it('exports the signed file id and name in JSON and XLSX, and imports a row naming a signed file uploaded here', async () => {
    const file = (await upload(signedPdf('2104'), 'QĐ 2104.pdf')).json();
    const created = (await enter({ number: '2104/QĐ-UBND', signedFileId: file.id })).json();
    const code = created.items[0].code;
    const { rows } = await collectProceduresInForce(t.database.db, vietnamDate());
    const row = rows.find((entry) => entry.code === code)!;
    expect(row.decision).toMatchObject({ number: '2104/QĐ-UBND', signedFileId: file.id, signedFileName: 'QĐ 2104.pdf' });
    const json = readProceduresJson(Buffer.from(writeProceduresJson([row], new Date())));
    expect(json.errors).toEqual([]);
    expect(json.rows[0]!.decision).toMatchObject({ signedFileId: file.id, signedFileName: 'QĐ 2104.pdf' });
    const xlsx = await readProceduresXlsx(await writeProceduresXlsx([row], new Date()));
    expect(xlsx.errors).toEqual([]);
    expect(xlsx.rows[0]!.decision).toMatchObject({ signedFileId: file.id, signedFileName: 'QĐ 2104.pdf' });

    // Another installation's id is refused at its row; one uploaded here is attached.
    const importRow = (signedFileId: string, number: string) => ({
      code: `8.${String(500_000 + make.next())}`,
      decision: { ...make.procedureDecision('new', { number, signedFileId }), signedFileName: 'QĐ.pdf' },
      procedure: make.procedureContent({ handlingUnits: [tree.departmentA] }),
    });
    const refused = await importProcedures(
      t.database.db,
      readProceduresJson(buildJsonFile([importRow('00000000-0000-4000-8000-000000000003', '2105/QĐ-UBND')])),
      { actor: 'system', source: 'test' },
    );
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).toContain('Không có tệp mã 00000000-0000-4000-8000-000000000003');
    const uploaded = (await upload(signedPdf('2106'), 'QĐ 2106.pdf')).json();
    const imported = await importProcedures(t.database.db, readProceduresJson(buildJsonFile([importRow(uploaded.id, '2106/QĐ-UBND')])), {
      actor: 'system',
      source: 'test',
    });
    expect(imported).toMatchObject({ ok: true, created: 1 });
    const decisions = (await t.app.inject({ url: '/api/decisions' })).json().items;
    expect(decisions.find((entry: { number: string }) => entry.number === '2106/QĐ-UBND').signedFile).toMatchObject({
      fileId: uploaded.id,
      name: 'QĐ 2106.pdf',
    });
  });
});
