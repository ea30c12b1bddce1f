import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openWorkbook } from '../../core/workbook';
import { type AuthHeaders, createFactories, type ProcedureRef } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

// Online filing only where offered, the supplement sent online, files shown inline, and Mẫu 01's book and line
// (docs/api/dossiers.md "Intake", "Actions", "Reading", "Forms"; docs/formats/dossier-forms.md).

const workDirectory = mkdtempSync(join(tmpdir(), 'motcua-online-gaps-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));
function pdfText(bytes: Buffer): string {
  const path = join(workDirectory, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
}

const wd = (amount: number) => ({ amount, unit: 'working_days' });
const vn = (text: string) => new Date(`${text}+07:00`);
type View = {
  id: string;
  version: number;
  status: string;
  dueAt: string | null;
  pausedWorkingMinutes: number;
  allowedActions: string[];
  files: { fileId: string; purpose: string; componentPosition: number | null }[];
  components: { position: number; presence: string }[];
  events: { toStatus: string; comment: string | null; data: Record<string, unknown> }[];
};

describe.each(testBackends())('online dossiers: gaps closed on %s', (backend) => {
  let t: TestApp;
  let make: ReturnType<typeof createFactories>;
  let online: ProcedureRef;
  let deskOnly: ProcedureRef;
  const as: Record<string, AuthHeaders> = {};
  const users: Record<string, Awaited<ReturnType<ReturnType<typeof createFactories>['buildUser']>>> = {};
  let province: Awaited<ReturnType<ReturnType<typeof createFactories>['buildProvince']>>;

  async function at(instant: string) {
    vi.setSystemTime(vn(instant));
    for (const [name, user] of Object.entries(users)) as[name] = await user.login();
  }
  async function act(who: string, view: { id: string; version: number }, body: Record<string, unknown>) {
    return t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${view.id}/actions`,
      headers: as[who],
      payload: { version: view.version, ...body },
    });
  }
  async function ok(who: string, view: { id: string; version: number }, body: Record<string, unknown>): Promise<View> {
    const response = await act(who, view, body);
    if (response.statusCode !== 200) throw new Error(`${String(body.action)} by ${who}: ${response.statusCode} ${response.body}`);
    return response.json();
  }
  const mine = async (who: string, id: string): Promise<View> =>
    (await t.app.inject({ url: `/api/my/dossiers/${id}`, headers: as[who] })).json();
  const upload = async (who: string) => (await make.uploadDossierFile(as[who]!)).id as string;
  const fileOnline = (who: string, procedure: ProcedureRef, components: Record<string, unknown>[]) =>
    make.fileOnline(as[who]!, procedure, { components });

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(vn('2026-03-02T09:00:00'));
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    province = await make.buildProvince();
    const components = [{ name: 'Đơn đề nghị' }, { name: 'Bản sao giấy phép', required: false }];
    const processTemplate = [
      { order: 1, name: 'Tiếp nhận', role: 'desk_officer', unitCode: null, budget: wd(0.5) },
      { order: 2, name: 'Thẩm định', role: 'specialist', unitCode: null, budget: wd(4.5) },
    ];
    online = await make.buildProcedure({
      handlingUnits: [province.departmentA],
      name: 'Cấp giấy phép kiểm thử trực tuyến',
      content: { components, processTemplate, onlineLevel: 'full', processingTime: wd(5) },
    });
    deskOnly = await make.buildProcedure({
      handlingUnits: [province.departmentA],
      name: 'Cấp giấy phép chỉ nộp tại quầy',
      content: { components, processTemplate, onlineLevel: 'none', processingTime: wd(5) },
    });
    users.desk = await make.buildUser({ roles: [{ role: 'desk_officer', unit: province.desk }] });
    users.specialist = await make.buildUser({ roles: [{ role: 'specialist', unit: province.departmentA }] });
    users.outsider = await make.buildUser({ roles: [{ role: 'specialist', unit: province.departmentB }] });
    users.citizen = await make.buildUser({ roles: [{ role: 'citizen' }] });
    users.other = await make.buildUser({ roles: [{ role: 'citizen' }] });
    await at('2026-03-02T09:00:00');
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t?.close();
  });

  it('refuses online filing of a procedure not offered online with 422 naming it, and filing by staff with 403', async () => {
    const refused = await fileOnline('citizen', deskOnly, [{ position: 0, presence: 'file', fileIds: [await upload('citizen')] }]);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe(
      `Thủ tục “Cấp giấy phép chỉ nộp tại quầy” (${deskOnly.code}) chưa được cung cấp dịch vụ công trực tuyến: hãy nộp hồ sơ tại Bộ phận Một cửa hoặc qua dịch vụ bưu chính.`,
    );
    expect(refused.json().error.details).toEqual([{ path: 'procedureCode', message: 'Thủ tục chưa được cung cấp trực tuyến.' }]);
    expect((await t.app.inject({ url: '/api/my/dossiers', headers: as.citizen })).json().total).toBe(0);
    const byStaff = await fileOnline('desk', online, [{ position: 0, presence: 'file', fileIds: [await upload('desk')] }]);
    expect(byStaff.statusCode).toBe(403);
  });

  it('lets the applicant send the papers asked before acceptance online: the dossier goes back to the desk', async () => {
    await at('2026-03-02T09:00:00');
    const filed = await fileOnline('citizen', online, [{ position: 0, presence: 'file', fileIds: [await upload('citizen')] }]);
    expect(filed.statusCode).toBe(201);
    let view: View = filed.json();
    view = await ok('desk', view, {
      action: 'request_supplement',
      reason: 'Thiếu bản sao giấy phép cũ',
      positions: [1],
      items: ['Ghi rõ số giấy phép trên đơn'],
      comment: 'Xin gửi kèm bản chụp rõ nét',
    });
    expect(view.status).toBe('supplement_requested');
    // "Hồ sơ của tôi" says what is asked; the applicant's own view has the request and may resume.
    const list = (await t.app.inject({ url: '/api/my/dossiers', headers: as.citizen })).json();
    expect(list.items[0].request).toEqual({
      kind: 'supplement',
      reason: 'Thiếu bản sao giấy phép cũ',
      positions: [1],
      items: ['Ghi rõ số giấy phép trên đơn'],
    });
    const seen = await mine('citizen', view.id);
    expect(seen.allowedActions).toEqual(expect.arrayContaining(['resume', 'stop']));
    expect(seen.events.at(-1)).toMatchObject({
      toStatus: 'supplement_requested',
      comment: 'Xin gửi kèm bản chụp rõ nét',
      data: { reason: 'Thiếu bản sao giấy phép cũ', positions: [1] },
    });
    // Someone else's upload, or someone else resuming, is refused.
    const stranger = await upload('other');
    const stolen = await act('citizen', seen, {
      action: 'resume',
      components: [{ position: 1, presence: 'file', fileIds: [stranger] }],
    });
    expect(stolen.statusCode).toBe(422);
    expect((await act('other', seen, { action: 'resume', components: [] })).statusCode).toBe(403);
    const paper = await upload('citizen');
    const resumed = await ok('citizen', seen, { action: 'resume', components: [{ position: 1, presence: 'file', fileIds: [paper] }] });
    expect(resumed.status).toBe('submitted');
    expect(resumed.files).toEqual(
      expect.arrayContaining([expect.objectContaining({ fileId: paper, purpose: 'supplement', componentPosition: 1 })]),
    );
    expect(resumed.components[1]).toMatchObject({ presence: 'file' });
    expect((await t.app.inject({ url: '/api/my/dossiers', headers: as.citizen })).json().items[0].request).toBeNull();
    // Back before the desk, which accepts it now.
    const todo = (await t.app.inject({ url: '/api/dossiers?box=todo&status=submitted', headers: as.desk })).json();
    expect(todo.items.map((item: { id: string }) => item.id)).toContain(view.id);
    const deskView = (await t.app.inject({ url: `/api/dossiers/${view.id}`, headers: as.desk })).json();
    expect((await ok('desk', deskView, { action: 'accept' })).status).toBe('processing');
  });

  it('resumes a dossier paused in processing when the applicant sends the papers: the clock restarts, the due moves', async () => {
    await at('2026-03-02T09:00:00');
    let view: View = (await fileOnline('citizen', online, [{ position: 0, presence: 'file', fileIds: [await upload('citizen')] }])).json();
    const deskView = (await t.app.inject({ url: `/api/dossiers/${view.id}`, headers: as.desk })).json();
    view = await ok('desk', deskView, { action: 'accept' });
    const dueBefore = view.dueAt!;
    await at('2026-03-03T09:00:00');
    view = await ok('specialist', view, { action: 'request_supplement', reason: 'Đơn thiếu chữ ký', positions: [0], items: [] });
    // Two working days later (Tuesday 09:00 → Thursday 09:00: 16 working hours), the due moves by as much.
    await at('2026-03-05T09:00:00');
    const seen = await mine('citizen', view.id);
    const resumed = await ok('citizen', seen, {
      action: 'resume',
      components: [{ position: 0, presence: 'file', fileIds: [await upload('citizen')] }],
    });
    expect(resumed.status).toBe('processing');
    expect(resumed.pausedWorkingMinutes).toBe(16 * 60);
    expect(new Date(resumed.dueAt!).getTime()).toBeGreaterThan(new Date(dueBefore).getTime());
    expect(resumed.dueAt).toBe(vn('2026-03-11T17:30:00').toISOString());
    expect(dueBefore).toBe(vn('2026-03-09T17:30:00').toISOString());
  });

  it('serves a file inline, framable by our own pages only, still to readers only', async () => {
    await at('2026-03-02T10:00:00');
    const file = await upload('citizen');
    const view: View = (await fileOnline('citizen', online, [{ position: 0, presence: 'file', fileIds: [file] }])).json();
    const url = `/api/dossiers/${view.id}/files/${file}`;
    const inline = await t.app.inject({ url: `${url}?inline=1`, headers: as.citizen });
    expect(inline.statusCode).toBe(200);
    expect(inline.headers['content-disposition']).toMatch(/^inline; filename="ban-scan.pdf"/);
    expect(inline.headers['x-content-type-options']).toBe('nosniff');
    expect(inline.headers['x-frame-options']).toBe('SAMEORIGIN');
    const policy = String(inline.headers['content-security-policy']);
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("script-src 'self'");
    const download = await t.app.inject({ url, headers: as.citizen });
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['x-frame-options']).toBe('DENY');
    expect(String(download.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    // The web app's pages keep their policy: nothing frames them.
    const page = await t.app.inject({ url: '/api/health' });
    expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    for (const who of ['other', 'outsider']) {
      expect((await t.app.inject({ url: `${url}?inline=1`, headers: as[who] })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ url: `${url}?inline=1` })).statusCode).toBe(401);
    expect((await t.app.inject({ url: `${url}?inline=yes`, headers: as.citizen })).statusCode).toBe(422);
  });

  it('numbers Mẫu 01 from the desk’s tracking book of the year, the same line in the book as JSON, XLSX and PDF', async () => {
    const received: { id: string; code: string }[] = [];
    for (const instant of ['2026-03-09T08:30:00', '2026-03-09T10:00:00', '2026-03-10T14:00:00']) {
      await at(instant);
      received.push(await make.buildDossier({ officer: as.desk!, procedure: online }));
    }
    // One of the year before, and one refused at the desk (never received): neither takes a line of 2026.
    await at('2025-12-31T16:00:00');
    await make.buildDossier({ officer: as.desk!, procedure: online });
    await at('2026-03-10T15:00:00');
    await make.buildDossier({
      officer: as.desk!,
      procedure: online,
      body: { decision: { action: 'refuse', reason: 'Không thuộc thẩm quyền' } },
    });
    const query = `unit=${encodeURIComponent(province.desk.code)}&from=2026-03-09&to=2026-03-10`;
    const book = (await t.app.inject({ url: `/api/dossiers/tracking-book?${query}&format=json`, headers: as.desk })).json();
    const lines = new Map<string, { book: string; line: number } | null>(
      book.rows.map((row: { code: string; book: unknown }) => [row.code, row.book]),
    );
    // Before these three, the desk received this year the dossiers of the tests above (2 accepted on 2 March).
    const first = lines.get(received[0]!.code)!;
    expect(first.book).toBe('2026');
    expect(received.map((dossier) => lines.get(dossier.code)?.line)).toEqual([first.line, first.line + 1, first.line + 2]);
    expect([...lines.values()].filter((entry) => entry === null)).toHaveLength(1);
    const earlier = (
      await t.app.inject({
        url: `/api/dossiers/tracking-book?unit=${encodeURIComponent(province.desk.code)}&from=2026-01-01&to=2026-03-08&format=json`,
        headers: as.desk,
      })
    ).json();
    expect(earlier.rows.filter((row: { book: unknown }) => row.book !== null)).toHaveLength(first.line - 1);
    const xlsx = await t.app.inject({ url: `/api/dossiers/tracking-book?${query}&format=xlsx`, headers: as.desk });
    const opened = await openWorkbook(xlsx.rawPayload);
    if ('error' in opened) throw new Error(opened.error);
    const sheet = opened.workbook.worksheets[0]!;
    const bookPdf = await t.app.inject({ url: `/api/dossiers/tracking-book?${query}&inline=1`, headers: as.desk });
    expect(bookPdf.headers['content-disposition']).toMatch(/^inline;/);
    const bookText = pdfText(bookPdf.rawPayload);
    for (const [index, dossier] of received.entries()) {
      const line = first.line + index;
      const row = sheet.getColumn(3).values.indexOf(dossier.code);
      expect(sheet.getCell(row, 2).value).toBe(`2026 / ${line}`);
      expect(bookText).toContain(`2026 / ${line}`);
      const receipt = await t.app.inject({ url: `/api/dossiers/${dossier.id}/forms/01?inline=1`, headers: as.desk });
      expect(receipt.headers['content-disposition']).toMatch(/^inline; filename="mau-01-/);
      expect(pdfText(receipt.rawPayload)).toContain(`Quyển số: 2026 Số thứ tự: ${line}`);
    }
    // Four PDFs rendered by the worker pool and read back: 17–26 s on a loaded 2-core machine.
  }, 90_000);
});
