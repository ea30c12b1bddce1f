import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INBOX_COUNT_CAP } from '../../contract/dossiers';
import { type AuthHeaders, createFactories, type ProcedureRef } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

// Files, the inbox, "Hồ sơ của tôi", online filing and the public lookup (docs/api/dossiers.md "Files", "Reading").

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

describe.each(testBackends())('dossier files and reading on %s', (backend) => {
  let t: TestApp;
  let make: ReturnType<typeof createFactories>;
  let officer: AuthHeaders;
  let specialistA: AuthHeaders;
  let specialistB: AuthHeaders;
  let citizen: AuthHeaders;
  let otherCitizen: AuthHeaders;
  let procedure: ProcedureRef;
  let deskOfA: AuthHeaders;
  let deskOfB: AuthHeaders;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    const province = await make.buildProvince();
    procedure = await make.buildProcedure({
      handlingUnits: [province.departmentA],
      content: {
        components: [{ name: 'Đơn đề nghị' }],
        onlineLevel: 'full',
        processTemplate: [
          { order: 1, name: 'Tiếp nhận', role: 'desk_officer', unitCode: null, budget: { amount: 0.5, unit: 'working_days' } },
          { order: 2, name: 'Thẩm định', role: 'specialist', unitCode: null, budget: { amount: 9.5, unit: 'working_days' } },
        ],
      },
    });
    const users = await Promise.all([
      make.buildUser({ roles: [{ role: 'desk_officer', unit: province.desk }] }),
      make.buildUser({ roles: [{ role: 'specialist', unit: province.departmentA }] }),
      make.buildUser({ roles: [{ role: 'specialist', unit: province.departmentB }] }),
      make.buildUser({ roles: [{ role: 'citizen' }] }),
      make.buildUser({ roles: [{ role: 'citizen' }] }),
    ]);
    const desk = await make.buildUnit({ parent: province.departmentA, type: 'desk', name: 'Bộ phận một cửa Sở A' });
    deskOfA = await (await make.buildUser({ roles: [{ role: 'desk_officer', unit: desk }] })).login();
    const otherDesk = await make.buildUnit({ parent: province.departmentB, type: 'desk', name: 'Bộ phận một cửa Sở B' });
    deskOfB = await (await make.buildUser({ roles: [{ role: 'desk_officer', unit: otherDesk }] })).login();
    [officer, specialistA, specialistB, citizen, otherCitizen] = (await Promise.all(
      users.map((user) => user.login()),
    )) as AuthHeaders[] as [AuthHeaders, AuthHeaders, AuthHeaders, AuthHeaders, AuthHeaders];
  });
  afterAll(() => t?.close());

  const upload = (headers: AuthHeaders, bytes: Buffer, name = 'don.pdf') =>
    t.app.inject({
      method: 'POST',
      url: `/api/dossier-files?name=${encodeURIComponent(name)}`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: bytes,
    });

  it('stores PDF, JPEG, PNG only, sniffed from the bytes, and serves a file only to those who may read the dossier', async () => {
    const forged = await upload(officer, exe, 'don.pdf');
    expect(forged.statusCode).toBe(415);
    expect(forged.json().error.message).toContain('không phải loại được nhận');
    const file = (await upload(officer, pdf)).json();
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.app.inject({ url: `/api/dossier-files/${file.id}`, headers: officer })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/dossier-files/${file.id}`, headers: specialistA })).statusCode).toBe(403);
    const dossier = await make.buildDossier({
      officer,
      procedure,
      body: { components: [{ position: 0, presence: 'file', fileIds: [file.id] }] },
    });
    const url = `/api/dossiers/${dossier.id}/files/${file.id}`;
    const served = await t.app.inject({ url, headers: specialistA });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.rawPayload.equals(pdf)).toBe(true);
    expect((await t.app.inject({ url, headers: specialistB })).statusCode).toBe(403);
    expect((await t.app.inject({ url, headers: citizen })).statusCode).toBe(403);
    // Attached: no longer an "own upload", and not attachable to a second dossier.
    expect((await t.app.inject({ url: `/api/dossier-files/${file.id}`, headers: officer })).statusCode).toBe(404);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: officer,
      payload: make.dossierBody(procedure, { components: [{ position: 0, presence: 'file', fileIds: [file.id] }] }),
    });
    expect(again.statusCode).toBe(422);
    expect(JSON.stringify(again.json())).toContain('Tệp này đã thuộc một hồ sơ khác');
    const view = (await t.app.inject({ url: `/api/dossiers/${dossier.id}`, headers: specialistA })).json();
    expect(view.files).toMatchObject([{ fileId: file.id, purpose: 'component', componentPosition: 0, mediaType: 'application/pdf' }]);
    expect(view.components[0]).toMatchObject({ presence: 'file', isDigitised: true });
  });

  it('lists the inbox masked and ordered by due, with working minutes left', async () => {
    const first = await make.buildDossier({ officer, procedure });
    const inbox = (await t.app.inject({ url: '/api/dossiers?box=all&pageSize=100', headers: specialistA })).json();
    const item = inbox.items.find((entry: { id: string }) => entry.id === first.id);
    expect(item.applicantIdNumberMasked).toMatch(/^•{8}\d{4}$/);
    expect(JSON.stringify(inbox)).not.toContain('0912345678');
    expect(item.remainingWorkingMinutes).toBeGreaterThan(0);
    expect(item.currentStep).toMatchObject({ stepNo: 2, role: 'specialist' });
    const dues = inbox.items.map((entry: { dueAt: string | null }) => entry.dueAt ?? '9999');
    expect(dues).toEqual([...dues].sort());
    const todo = (await t.app.inject({ url: '/api/dossiers?box=todo&pageSize=100', headers: specialistA })).json();
    expect(todo.items.map((entry: { id: string }) => entry.id)).toContain(first.id);
    const deskTodo = (await t.app.inject({ url: '/api/dossiers?box=todo&pageSize=100', headers: officer })).json();
    expect(deskTodo.items.map((entry: { id: string }) => entry.id)).not.toContain(first.id);
    const other = (await t.app.inject({ url: '/api/dossiers?box=all', headers: specialistB })).json();
    expect(other.total).toBe(0);
    const byCode = (await t.app.inject({ url: `/api/dossiers?box=all&q=${first.code}`, headers: specialistA })).json();
    expect(byCode.items.map((entry: { id: string }) => entry.id)).toEqual([first.id]);
    // By the applicant's name as typed: without accents, đ as d, any case, a part of it; the code's tail too.
    const dang = await make.buildDossier({
      officer,
      procedure,
      body: { applicant: { ...make.dossierBody(procedure).applicant, fullName: 'Đặng Thị Ánh Tuyết' } },
    });
    const search = async (q: string) =>
      (await t.app.inject({ url: `/api/dossiers?box=all&q=${encodeURIComponent(q)}`, headers: specialistA }))
        .json()
        .items.map((entry: { id: string }) => entry.id);
    expect(await search('dang thi anh')).toEqual([dang.id]);
    expect(await search('ĐẶNG THỊ')).toEqual([dang.id]);
    expect(await search('anh tuyet')).toEqual([dang.id]);
    expect(await search(dang.code.slice(-6))).toEqual([dang.id]);
    expect(await search('kiem thu')).toContain(first.id);
    expect(await search('kiem thu')).not.toContain(dang.id);
    // Punctuation alone or a LIKE wildcard finds nothing, not everything; nor does another unit's specialist.
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
    expect(await search('!!')).toEqual([]);
    const otherSearch = await t.app.inject({ url: '/api/dossiers?box=all&q=dang%20thi', headers: specialistB });
    expect(otherSearch.json().total).toBe(0);
    expect((await t.app.inject({ url: '/api/dossiers', headers: citizen })).statusCode).toBe(403);
  });

  it('files online for a citizen, who alone reads it through "Hồ sơ của tôi"', async () => {
    const paper = await make.fileOnline(citizen, procedure, { components: [{ position: 0, presence: 'paper' }] });
    expect(paper.statusCode).toBe(422);
    const notMine = (await upload(otherCitizen, pdf)).json();
    const stolen = await make.fileOnline(citizen, procedure, { fileIds: [notMine.id] });
    expect(stolen.statusCode).toBe(422);
    const mine = (await upload(citizen, pdf)).json();
    const response = await make.fileOnline(citizen, procedure, { fileIds: [mine.id] });
    expect(response.statusCode).toBe(201);
    const dossier = response.json();
    expect(dossier).toMatchObject({ status: 'submitted', channel: 'online', source: 'online', receivingUnit: null, dueAt: null });
    const list = (await t.app.inject({ url: '/api/my/dossiers', headers: citizen })).json();
    expect(list.items.map((entry: { id: string }) => entry.id)).toEqual([dossier.id]);
    expect((await t.app.inject({ url: '/api/my/dossiers', headers: otherCitizen })).json().total).toBe(0);
    expect((await t.app.inject({ url: `/api/my/dossiers/${dossier.id}`, headers: citizen })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/my/dossiers/${dossier.id}`, headers: otherCitizen })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/dossiers/${dossier.id}`, headers: citizen })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/dossiers/${dossier.id}/files/${mine.id}`, headers: citizen })).statusCode).toBe(200);
    // It waits at the handling unit: its staff read it; only a desk officer over it decides.
    // The desks serving Sở A: its own desk, and the provincial centre (a desk serves the unit it belongs to).
    for (const desk of [deskOfA, officer]) {
      const deskTodo = (await t.app.inject({ url: '/api/dossiers?box=todo&status=submitted', headers: desk })).json();
      expect(deskTodo.items.map((entry: { id: string }) => entry.id)).toContain(dossier.id);
      const seen = (await t.app.inject({ url: `/api/dossiers/${dossier.id}`, headers: desk })).json();
      expect(seen.allowedActions).toEqual(expect.arrayContaining(['accept', 'request_supplement', 'refuse']));
    }
    expect((await t.app.inject({ url: `/api/dossiers/${dossier.id}`, headers: deskOfB })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/dossiers/${dossier.id}`, headers: specialistA })).json().allowedActions).toEqual([]);
    const asStaff = await make.fileOnline(officer, procedure, { components: [] });
    expect(asStaff.statusCode).toBe(403);
  });

  it('answers the public lookup by code and ID number, and a wrong pair exactly like an unknown code', async () => {
    const body = make.dossierBody(procedure);
    const dossier = await make.buildDossier({ officer, procedure, body: { applicant: body.applicant } });
    const idNumber = (body.applicant as { idNumber: string }).idNumber;
    const found = await t.app.inject({ url: `/api/public/dossier-status?code=${dossier.code}&idNumber=${idNumber}` });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ code: dossier.code, status: 'processing', steps: [{ status: 'done' }, { status: 'active' }] });
    expect(found.body).not.toContain(idNumber);
    expect(found.body).not.toContain('Nguyễn Văn Kiểm Thử');
    const wrongPair = await t.app.inject({ url: `/api/public/dossier-status?code=${dossier.code}&idNumber=999999999999` });
    const unknown = await t.app.inject({ url: `/api/public/dossier-status?code=X-000000-0000&idNumber=${idNumber}` });
    expect(wrongPair.statusCode).toBe(404);
    expect(wrongPair.body).toBe(unknown.body);
  });

  it('counts the inbox up to 5,000 and then says "more than", exactly again once filtered', async () => {
    const made = await make.buildDossier({ officer, procedure });
    // Copies of one dossier, without the metrics triggers (5,000 refreshes of the facts took most of the test's time);
    // the tables' owner may turn them off, inside the transaction only.
    // Every column but the generated ones (the applicant's name in search form).
    const columns = (
      (await t.database.db.execute(
        sql`select string_agg(quote_ident(column_name), ', ' order by ordinal_position) as list from information_schema.columns
          where table_schema = current_schema() and table_name = 'dossiers' and is_generated = 'NEVER'`,
      )) as unknown as { rows: { list: string }[] }
    ).rows[0]!.list;
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table dossiers disable trigger user`);
      await tx.execute(
        sql`insert into dossiers (${sql.raw(columns)}) select ${sql.raw(columns)}
          from (select (jsonb_populate_record(d, jsonb_build_object('id', gen_random_uuid(), 'code', d.code || '-' || g))).*
            from dossiers d, generate_series(1, ${INBOX_COUNT_CAP}) g where d.id = ${made.id}) copies`,
      );
      await tx.execute(sql`alter table dossiers enable trigger user`);
    });
    const all = (await t.app.inject({ url: '/api/dossiers?box=all&pageSize=5', headers: specialistA })).json();
    expect(all).toMatchObject({ total: INBOX_COUNT_CAP, totalIsCapped: true });
    expect(all.items).toHaveLength(5);
    const one = (await t.app.inject({ url: `/api/dossiers?box=all&q=${made.code}-17`, headers: specialistA })).json();
    // -17 and -170…-179, -1700…-1799 (up to 5,000): 1 + 10 + 100.
    expect(one).toMatchObject({ total: 111, totalIsCapped: false });
  });
});

describe('public lookup rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { demo: false, config: { publicLookupRateLimitPerMinute: 3 } });
  });
  afterAll(() => t?.close());

  it('answers 429 in Vietnamese past the per-minute budget of one address', async () => {
    const url = '/api/public/dossier-status?code=X-000000-0000&idNumber=001234567890';
    const codes = [];
    for (let index = 0; index < 4; index++) codes.push((await t.app.inject({ url })).statusCode);
    expect(codes).toEqual([404, 404, 404, 429]);
    const limited = await t.app.inject({ url });
    expect(limited.json().error.message).toContain('Quá nhiều yêu cầu');
    // Other routes are not limited by it.
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });
});
