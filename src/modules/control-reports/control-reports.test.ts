import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ControlReportView } from '../../contract/control-reports';
import { isWeekendDayNumber } from '../../core/calendar/dates';
import { WorkCalendar } from '../../core/calendar/work-calendar';
import { readZipEntry } from '../../core/zip';
import { type AuthHeaders, createFactories, type Factories } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { insertDossier } from '../../test/metrics-dossiers';
import { buildReportLayout } from './documents/layout';
import { completeFigures } from './figures';
import { dueDate, reportPeriod, workingDaysBefore } from './periods';
import { remindControlReports } from './reminders';

/*
 * Periodic reports through the HTTP API (docs/api/control-reports.md): the period and due date, the figures against
 * the dossiers inserted here, the narrative pre-filled and edited, 409 on a stale version, who may do what, the
 * documents' text (pdftotext, the DOCX's XML), signing, and the reminders with a fixed clock.
 */

type Province = Awaited<ReturnType<Factories['buildProvince']>>;
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const folder = mkdtempSync(join(tmpdir(), 'control-reports-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('periods', () => {
  it('a month runs 21 → 20, is due on the 23rd; a quarter ends with its third month', () => {
    expect(reportPeriod('monthly', 2026, 3, 21)).toEqual({ from: '2026-02-21', to: '2026-03-20' });
    expect(dueDate('2026-03-20', 23)).toBe('2026-03-23');
    expect(reportPeriod('quarterly', 2026, 1, 21)).toEqual({ from: '2025-12-21', to: '2026-03-20' });
    expect(reportPeriod('monthly', 2026, 3, 1)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(dueDate('2026-03-31', 23)).toBe('2026-04-01'); // never before the period has ended
  });

  it('counts the reminder’s working days on the work calendar: holidays and days off skipped, make-up Saturdays counted', () => {
    // The statutory holidays (30/4, 1/5, Tết: computed) and 2025's announced swap (Thông báo 6150/TB-BLĐTBXH):
    // Friday 02/05 off, Saturday 26/04 worked in exchange.
    const announced = new WorkCalendar({
      announcedYears: [
        {
          year: 2025,
          isComplete: false,
          announcements: [
            { date: '2025-05-02', kind: 'day_off', name: 'Nghỉ hoán đổi' },
            { date: '2025-04-26', kind: 'working_day', name: 'Làm bù cho ngày 02/05' },
          ],
        },
      ],
    });
    const isWorking = (dayNumber: number) => announced.isWorkingDayNumber(dayNumber);
    const isWeekday = (dayNumber: number) => !isWeekendDayNumber(dayNumber);
    expect(workingDaysBefore('2025-04-23', 3, isWorking)).toBe('2025-04-18'); // Wednesday → Friday before
    // 30/4, 1/5 and 2/5/2025 off, Saturday 26/4 worked in exchange: 3 working days before Monday 05/05.
    expect(workingDaysBefore('2025-05-05', 3, isWeekday)).toBe('2025-04-30');
    expect(workingDaysBefore('2025-05-05', 3, isWorking)).toBe('2025-04-26');
    // Tết Bính Ngọ (16–20/02/2026): the February report is due Monday 23/02.
    expect(workingDaysBefore('2026-02-23', 3, isWeekday)).toBe('2026-02-18');
    expect(workingDaysBefore('2026-02-23', 3, isWorking)).toBe('2026-02-11');
    expect(workingDaysBefore('2026-02-23', 0, isWorking)).toBe('2026-02-23');
  });
});

describe('the Biểu 06 annex', () => {
  const set = (received: number, carriedOver: number, resolved: number, inProgress: number, closed?: number) => ({
    received,
    receivedOnline: 0,
    carriedOver,
    resolved,
    resolvedEarly: 0,
    resolvedOnTime: resolved,
    resolvedLate: 0,
    inProgress,
    overdue: 0,
    ...(closed === undefined ? {} : { closedWithoutResult: closed }),
  });
  const figures = (closed?: number) => ({
    dossiers: set(6, 1, 3, 2, closed),
    bieu06: [{ level: 'province', levelLabel: 'Cấp tỉnh', fields: [{ field: 'Hộ tịch', figures: set(6, 1, 3, 2, closed) }] }],
    onTimeRatio: 1,
    onlineRatio: 0,
    index: { score: null, maxScore: 100, rating: null },
    reform: { year: 2026, hasDemoData: false, timeReduction: null, timeTarget: null, costReduction: null, costTarget: null, procedures: 0 },
    computedAt: '2026-03-21T00:00:00.000Z',
  });
  const layoutOf = (stored: ReturnType<typeof figures>) =>
    buildReportLayout({
      issuingBody: { parent: null, name: 'ỦY BAN NHÂN DÂN\nTỈNH KIỂM THỬ', symbol: 'UBND', shortName: 'UBND tỉnh' },
      place: 'Kiểm Thử',
      number: null,
      signedOn: null,
      kind: 'monthly',
      periodText: 'tháng 3 năm 2026',
      from: '2026-02-21',
      to: '2026-03-20',
      figures: completeFigures(stored),
      narrative: { achievements: '', shortcomings: '', causes: '', nextTasks: '', proposals: '' },
      recipients: ['Lưu: VT'],
      signer: { form: 'head', collectiveBody: null, headTitle: 'CHỦ TỊCH', deputyTitle: null, name: null },
      isDraft: true,
    }).annex;
  const width = (cells: { span?: number }[]) => cells.reduce((sum, cell) => sum + (cell.span ?? 1), 0);

  it('has the "Ghi chú" column of Biểu 06 with the dossiers stopped or refused, on every line', () => {
    const annex = layoutOf(figures(2));
    expect(annex.columnHeadings.cells.find((cell) => cell.column === 13)).toMatchObject({ text: 'Ghi chú', row: 0, rowSpan: 3 });
    expect(annex.numbers.cells.map((cell) => cell.text)).toEqual(['A', 'B', ...Array.from({ length: 12 }, (_, i) => `(${i + 1})`)]);
    for (const row of [annex.numbers, ...annex.rows]) expect(width(row.cells)).toBe(14);
    expect(annex.rows.map((row) => row.cells.at(-1)!.text)).toEqual(['Dừng, từ chối: 2', 'Dừng, từ chối: 2', 'Dừng, từ chối: 2']);
    expect(layoutOf(figures(0)).rows.map((row) => row.cells.at(-1)!.text)).toEqual(['', '', '']);
  });

  it('heads its columns as the form: STT, the field and the note down the three heading rows, the groups across theirs', () => {
    const { columnHeadings } = layoutOf(figures(0));
    const at = (text: string, row = 0) => columnHeadings.cells.find((cell) => cell.text === text && cell.row === row);
    expect(columnHeadings.rowCount).toBe(3);
    expect(at('STT')).toMatchObject({ column: 0, rowSpan: 3, columnSpan: 1 });
    expect(at('Lĩnh vực, công việc giải quyết theo cấp')).toMatchObject({ column: 1, rowSpan: 3, columnSpan: 1 });
    expect(at('Ghi chú')).toMatchObject({ column: 13, rowSpan: 3, columnSpan: 1 });
    expect(at('Số hồ sơ nhận giải quyết')).toMatchObject({ column: 2, rowSpan: 1, columnSpan: 4 });
    expect(at('Kết quả giải quyết')).toMatchObject({ column: 6, rowSpan: 1, columnSpan: 7 });
    expect(at('Số hồ sơ đã giải quyết', 1)).toMatchObject({ column: 6, columnSpan: 4 });
    expect(at('Số hồ sơ đang giải quyết', 1)).toMatchObject({ column: 10, columnSpan: 3 });
    // Every column of every heading row covered by exactly one cell.
    const covered = columnHeadings.cells.flatMap((cell) =>
      Array.from(
        { length: cell.rowSpan * cell.columnSpan },
        (_, i) => `${cell.row + Math.floor(i / cell.columnSpan)}:${cell.column + (i % cell.columnSpan)}`,
      ),
    );
    expect(new Set(covered).size).toBe(covered.length);
    expect(covered).toHaveLength(3 * 14);
  });

  it('fills the note of a report stored before it was kept from the balance of the line', () => {
    // 6 received + 1 carried over = 3 resolved + 2 in progress + 2 ended without a result.
    expect(completeFigures(figures()).dossiers.closedWithoutResult).toBe(2);
    expect(layoutOf(figures()).rows.at(-1)!.cells.at(-1)!.text).toBe('Dừng, từ chối: 2');
  });
});

describe.each(testBackends())('control reports (%s)', (backend) => {
  let t: TestApp;
  let tree: Province;
  let headers: Record<'controller' | 'deptController' | 'leaderProvince' | 'leaderA' | 'specialistA' | 'admin', AuthHeaders>;
  let controllerId: string;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    const make = createFactories(t);
    tree = await make.buildProvince();
    const controller = await make.buildUser({ roles: [{ role: 'procedure_controller', unit: tree.office }] });
    controllerId = controller.id;
    // The account's e-mail and position (the auth module's table, written as SQL: module walls).
    await t.database.db.execute(
      sql`update users set email = ${`kstt.${backend}@example.vn`}, position = 'Phó Chủ tịch', signing_form = 'deputy' where id = ${controller.id}`,
    );
    const user = async (roles: Parameters<Factories['buildUser']>[0]['roles']) => (await make.buildUser({ roles })).login();
    headers = {
      controller: await controller.login(),
      deptController: await user([{ role: 'procedure_controller', unit: tree.departmentA }]),
      leaderProvince: await user([{ role: 'unit_leader', unit: tree.province }]),
      leaderA: await user([{ role: 'unit_leader', unit: tree.departmentA }]),
      specialistA: await user([{ role: 'specialist', unit: tree.departmentA }]),
      admin: await user([{ role: 'admin' }]),
    };
    const db = t.database.db;
    // March 2025 (21/02 → 20/03): one online on time, one postal late, one direct still open and overdue.
    await insertDossier(db, {
      unitId: tree.departmentA.id,
      field: 'Hộ tịch',
      channel: 'online',
      receivedAt: '2025-03-01T02:00:00Z',
      dueAt: '2025-03-10T10:00:00Z',
      resolvedAt: '2025-03-10T03:00:00Z',
      timing: 'on_time',
      status: 'returned',
    });
    await insertDossier(db, {
      unitId: tree.divisionA.id,
      field: 'Đất đai',
      channel: 'postal',
      receivedAt: '2025-03-02T02:00:00Z',
      dueAt: '2025-03-09T10:00:00Z',
      resolvedAt: '2025-03-16T02:00:00Z',
      timing: 'late',
      status: 'returned',
    });
    await insertDossier(db, {
      unitId: tree.departmentA.id,
      field: 'Đất đai',
      receivedAt: '2025-03-05T02:00:00Z',
      dueAt: '2025-03-12T10:00:00Z',
    });
  });
  afterAll(() => t?.close());

  /** Rows of another module's table, read as SQL (module walls). */
  const rows = async <T>(query: SQL): Promise<T[]> => {
    const result = await t.database.db.execute(query);
    return ((result as unknown as { rows?: T[] }).rows ?? (result as unknown as T[])) as T[];
  };
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, as: AuthHeaders, payload?: object) =>
    t.app.inject({ method, url, headers: as, ...(payload ? { payload } : {}) });
  let report: ControlReportView;

  it('creates the March draft of the province with its figures and a generated narrative', async () => {
    const response = await send('POST', '/api/control-reports', headers.controller, {
      unitId: tree.province.id,
      kind: 'monthly',
      year: 2025,
      periodIndex: 3,
    });
    expect(response.statusCode, response.body).toBe(201);
    report = response.json();
    expect(report).toMatchObject({
      from: '2025-02-21',
      to: '2025-03-20',
      dueOn: '2025-03-23',
      status: 'draft',
      isOverdue: true,
      canEdit: true,
    });
    expect(report.figures.dossiers).toMatchObject({
      received: 3,
      receivedOnline: 1,
      resolved: 2,
      resolvedOnTime: 1,
      resolvedLate: 1,
      inProgress: 1,
      overdue: 1,
    });
    expect(report.figures.onTimeRatio).toBe(0.5);
    expect(report.narrative.achievements).toContain('tiếp nhận 3 hồ sơ (trực tuyến 1, tỷ lệ 33,3 %)');
    expect(report.narrative.shortcomings).toContain('Còn 1 hồ sơ giải quyết quá hạn.');
    const again = await send('POST', '/api/control-reports', headers.controller, {
      unitId: tree.province.id,
      kind: 'monthly',
      year: 2025,
      periodIndex: 3,
    });
    expect(again.statusCode).toBe(409);
    const future = await send('POST', '/api/control-reports', headers.controller, {
      unitId: tree.province.id,
      kind: 'monthly',
      year: 2099,
      periodIndex: 3,
    });
    expect(future.statusCode).toBe(422);
  });

  it('lets only the unit’s office write, its leaders read, others nothing', async () => {
    expect((await send('GET', `/api/control-reports/${report.id}`, headers.leaderProvince)).statusCode).toBe(200);
    const leaderView = (await send('GET', `/api/control-reports/${report.id}`, headers.leaderProvince)).json() as ControlReportView;
    expect(leaderView.canEdit).toBe(false);
    expect((await send('PATCH', `/api/control-reports/${report.id}`, headers.leaderProvince, { version: 1 })).statusCode).toBe(403);
    expect((await send('GET', `/api/control-reports/${report.id}`, headers.leaderA)).statusCode).toBe(403);
    expect((await send('GET', `/api/control-reports/${report.id}`, headers.specialistA)).statusCode).toBe(403);
    expect((await send('GET', `/api/control-reports/${report.id}`, headers.deptController)).statusCode).toBe(403);
    const deptCreate = await send('POST', '/api/control-reports', headers.deptController, {
      unitId: tree.province.id,
      kind: 'quarterly',
      year: 2025,
      periodIndex: 1,
    });
    expect(deptCreate.statusCode).toBe(403);
    // A department's own report: its controller writes it, the province's office reads it.
    const own = await send('POST', '/api/control-reports', headers.deptController, {
      unitId: tree.departmentA.id,
      kind: 'monthly',
      year: 2025,
      periodIndex: 3,
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().figures.dossiers.received).toBe(3);
    expect((await send('GET', `/api/control-reports/${own.json().id}`, headers.controller)).statusCode).toBe(200);
    expect((await send('GET', `/api/control-reports/${own.json().id}`, headers.leaderA)).statusCode).toBe(200);
    const list = (await send('GET', '/api/control-reports?year=2025', headers.leaderA)).json() as { items: { unit: { id: string } }[] };
    expect(list.items.map((item) => item.unit.id)).toEqual([tree.departmentA.id]);
  });

  it('edits the narrative with optimistic versions (409 on a stale one), keeping the rest', async () => {
    const edited = await send('PATCH', `/api/control-reports/${report.id}`, headers.controller, {
      version: report.version,
      narrative: { causes: 'Một so\u0302\u0301 ho\u0302\u0300 sơ phải lấy ý kiến liên ngành.' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const after = edited.json() as ControlReportView;
    expect(after.version).toBe(report.version + 1);
    expect(after.narrative.causes).toBe('Một số hồ sơ phải lấy ý kiến liên ngành.'.normalize('NFC'));
    expect(after.narrative.achievements).toBe(report.narrative.achievements);
    const stale = await send('PATCH', `/api/control-reports/${report.id}`, headers.controller, {
      version: report.version,
      narrative: { causes: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    report = after;
  });

  it.skipIf(!hasPoppler)('renders the draft as PDF and DOCX in the NĐ 30 layout, with Biểu 06 annexed', async () => {
    const pdf = await send('GET', `/api/control-reports/${report.id}/document.pdf`, headers.leaderProvince);
    expect(pdf.statusCode, pdf.body).toBe(200);
    const path = join(folder, `${backend}-draft.pdf`);
    writeFileSync(path, pdf.rawPayload);
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
    for (const expected of [
      'ỦY BAN NHÂN DÂN TỈNH KIỂM THỬ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ngày … tháng … năm 20…',
      'BÁO CÁO',
      'Tình hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính tháng 3 năm 2025',
      'I. TÌNH HÌNH, KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ',
      'Số hồ sơ đã giải quyết: 2 hồ sơ',
      'II. KẾT QUẢ THỰC HIỆN CẮT GIẢM',
      '3. Nguyên nhân',
      'Một số hồ sơ phải lấy ý kiến liên ngành.',
      'Nơi nhận:',
      'DỰ THẢO',
      'Biểu số 06/VPCP/KSTT',
    ]) {
      expect(text).toContain(expected);
    }
    // The annex's heading: each merged cell printed once, not repeated down or across the rows it spans.
    const annexText = text.slice(text.indexOf('Đơn vị tính: Số hồ sơ TTHC'));
    const count = (needle: string) => annexText.split(needle).length - 1;
    for (const heading of [
      'STT',
      'Lĩnh vực, công việc giải quyết theo cấp',
      'Số hồ sơ nhận giải quyết',
      'Kết quả giải quyết',
      'Số hồ sơ đã giải quyết',
      'Số hồ sơ đang giải quyết',
      'Ghi chú',
      'Trong đó',
    ]) {
      expect(count(heading), heading).toBe(1);
    }
    expect(count('Tổng số')).toBe(3);
    expect(annexText).toContain('(12)');
    expect(text).toMatch(/Số: \s*\/BC-/);
    const layout = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).normalize('NFC');
    const total = layout.split('\n').find((line) => line.includes('Tổng cộng'));
    expect(total?.replace(/\s+/g, ' ').trim()).toBe('Tổng cộng 3 1 2 0 2 0 1 1 1 0 1');
    const info = execFileSync('pdfinfo', ['-l', '9', path], { encoding: 'utf8' });
    expect(info).toMatch(/Page\s+1 size:\s+595\.\d+ x 841\.\d+/);
    expect(info).toMatch(/size:\s+841\.\d+ x 595\.\d+/); // the annex in landscape
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    for (const font of fonts) expect(font).toMatch(/LiberationSerif.*yes/);
    const docx = await send('GET', `/api/control-reports/${report.id}/document.docx`, headers.controller);
    expect(docx.statusCode).toBe(200);
    const xml = (await readZipEntry(docx.rawPayload, 'word/document.xml')).toString('utf8');
    expect(xml).toContain('Tình hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính tháng 3 năm 2025');
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('Một số hồ sơ phải lấy ý kiến liên ngành.');
    // The annex's heading rows merged as the form: STT, the field and the note down three rows (one w:vMerge restart
    // and two continuations each, plus "Tổng số" received down two), the groups across (w:gridSpan).
    const annexXml = xml.slice(xml.indexOf('Đơn vị tính: Số hồ sơ TTHC'));
    expect(annexXml.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(4);
    expect(annexXml.match(/<w:vMerge w:val="continue"\/>|<w:vMerge\/>/g)).toHaveLength(7);
    const cellOf = (text: string) => annexXml.split('<w:tc>').find((cell) => cell.includes(`>${text}</w:t>`)) ?? '';
    expect(cellOf('Số hồ sơ nhận giải quyết')).toContain('<w:gridSpan w:val="4"/>');
    expect(cellOf('Kết quả giải quyết')).toContain('<w:gridSpan w:val="7"/>');
    expect(cellOf('Số hồ sơ đã giải quyết')).toContain('<w:gridSpan w:val="4"/>');
    expect(cellOf('Số hồ sơ đang giải quyết')).toContain('<w:gridSpan w:val="3"/>');
    expect(cellOf('Trong đó')).toContain('<w:gridSpan w:val="3"/>');
    for (const text of ['STT', 'Lĩnh vực, công việc giải quyết theo cấp', 'Ghi chú']) {
      expect(cellOf(text), text).toContain('<w:vMerge w:val="restart"/>');
    }
    expect((await readZipEntry(docx.rawPayload, 'word/styles.xml')).toString('utf8')).toContain('Times New Roman');
    expect((await send('GET', `/api/control-reports/${report.id}/document.pdf`, headers.leaderA)).statusCode).toBe(403);
  });

  it('signs with number, date and the account’s signing form, then freezes the report', async () => {
    const badDate = await send('POST', `/api/control-reports/${report.id}/sign`, headers.controller, {
      version: report.version,
      number: '15',
      signedOn: '2025-03-01',
    });
    expect(badDate.statusCode).toBe(422);
    const signed = await send('POST', `/api/control-reports/${report.id}/sign`, headers.controller, {
      version: report.version,
      number: '15',
      signedOn: '2025-03-22',
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', number: '15', signedOn: '2025-03-22', isOverdue: false, canEdit: false });
    expect(signed.json().signer).toMatchObject({ form: 'deputy', collectiveBody: 'ỦY BAN NHÂN DÂN', deputyTitle: 'PHÓ CHỦ TỊCH' });
    const edit = await send('PATCH', `/api/control-reports/${report.id}`, headers.controller, {
      version: signed.json().version,
      narrative: { causes: 'x' },
    });
    expect(edit.statusCode).toBe(409);
    if (!hasPoppler) return;
    const pdf = await send('GET', `/api/control-reports/${report.id}/document.pdf`, headers.controller);
    const path = join(folder, `${backend}-signed.pdf`);
    writeFileSync(path, pdf.rawPayload);
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
    expect(text).toContain('Số: 15/BC-');
    expect(text).toContain('ngày 22 tháng 3 năm 2025');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH');
    expect(text).not.toContain('DỰ THẢO');
    const audit = await rows<{ action: string }>(sql`select action from audit_events where entity_id = ${report.id} order by id`);
    expect(audit.map((row) => row.action)).toEqual(['control_report.create', 'control_report.update', 'control_report.sign']);
  });

  it('reminds the office 3 working days before the due date and on it, once, not for a signed period', async () => {
    const db = t.database.db;
    const mine = () =>
      rows<{ recipient: string; body: string; data: Record<string, unknown> }>(
        sql`select recipient, body, data from notify_outbox where dedupe_key like ${`control-report-due:${tree.province.id}:%`} order by id`,
      );
    // April 2025 (21/03 → 20/04), due Wednesday 23/04: reminded Friday 18/04 and on the 23rd.
    expect((await remindControlReports({ db, now: new Date('2025-04-17T03:00:00Z') })).reminded).toBe(0);
    await remindControlReports({ db, now: new Date('2025-04-18T03:00:00Z') });
    await remindControlReports({ db, now: new Date('2025-04-18T09:00:00Z') }); // a second run, another worker
    let messages = await mine();
    expect(messages).toHaveLength(1);
    expect(messages[0]!.recipient).toBe(`kstt.${backend}@example.vn`);
    expect(messages[0]!.body).toContain('tháng 4 năm 2025');
    expect(messages[0]!.body).toContain('đến hạn ngày 23/04/2025');
    await remindControlReports({ db, now: new Date('2025-04-23T02:00:00Z') });
    messages = await mine();
    expect(messages).toHaveLength(2);
    // March is signed: nothing on its due day (Sunday 23/03/2025) nor 3 working days before (Wednesday 19/03).
    const before = messages.length;
    await remindControlReports({ db, now: new Date('2025-03-19T03:00:00Z') });
    await remindControlReports({ db, now: new Date('2025-03-23T03:00:00Z') });
    expect(
      (await mine()).filter(
        (row) => (row.data as { periodIndex: number }).periodIndex === 3 && (row.data as { kind: string }).kind === 'monthly',
      ),
    ).toHaveLength(0);
    expect((await mine()).length).toBeGreaterThanOrEqual(before);
    void controllerId;
  });

  it('skips Tết when counting the reminder’s working days, and takes the settings saved through the API', async () => {
    const db = t.database.db;
    const february2026 = () =>
      rows<{ body: string }>(
        sql`select body from notify_outbox where dedupe_key like ${`control-report-due:${tree.province.id}:monthly:2026-2:%`} order by id`,
      );
    // February 2026 (21/01 → 20/02) is due Monday 23/02; Tết takes 16–20/02: three working days before is Wednesday 11/02.
    await remindControlReports({ db, now: new Date('2026-02-18T03:00:00Z') });
    expect(await february2026()).toHaveLength(0);
    await remindControlReports({ db, now: new Date('2026-02-11T03:00:00Z') });
    expect((await february2026()).map((row) => row.body)).toEqual([expect.stringContaining('đến hạn ngày 23/02/2026')]);

    // Five working days before, saved by the province's office: Monday 09/02.
    const saved = await send('PUT', '/api/control-reports/settings', headers.controller, { dueDay: 23, reminderWorkingDays: 5 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      dueDay: 23,
      reminderWorkingDays: 5,
      defaults: { dueDay: 23, reminderWorkingDays: 3 },
      canEdit: true,
    });
    await remindControlReports({ db, now: new Date('2026-02-10T03:00:00Z') });
    expect(await february2026()).toHaveLength(1);
    await remindControlReports({ db, now: new Date('2026-02-09T03:00:00Z') });
    expect(await february2026()).toHaveLength(2);
    const audit = await rows<{ entity_id: string; data: unknown }>(
      sql`select entity_id, data from audit_events where action = 'setting.update' and entity_id like 'controlReports.%' order by id`,
    );
    expect(audit).toEqual([{ entity_id: 'controlReports.reminderWorkingDays', data: { before: 3, after: 5 } }]);
    expect((await send('PUT', '/api/control-reports/settings', headers.admin, { dueDay: 23, reminderWorkingDays: 3 })).statusCode).toBe(
      200,
    );
  });

  it('lets staff read the settings, only the province’s office and administrators change them, in Vietnamese', async () => {
    const read = await send('GET', '/api/control-reports/settings', headers.leaderA);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ dueDay: 23, reminderWorkingDays: 3, defaults: { dueDay: 23, reminderWorkingDays: 3 }, canEdit: false });
    for (const as of [headers.deptController, headers.leaderProvince, headers.specialistA]) {
      const refused = await send('PUT', '/api/control-reports/settings', as, { dueDay: 20, reminderWorkingDays: 2 });
      expect(refused.statusCode).toBe(403);
    }
    const invalid = await send('PUT', '/api/control-reports/settings', headers.controller, { dueDay: 31, reminderWorkingDays: 21 });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.details).toEqual([
      { path: 'dueDay', message: 'Ngày hạn gửi báo cáo phải là một số nguyên từ 1 đến 28.' },
      { path: 'reminderWorkingDays', message: 'Số ngày làm việc nhắc trước phải là một số nguyên từ 0 đến 20.' },
    ]);
    // A report made after a new due day is due on it; the earlier ones keep theirs.
    expect(
      (await send('PUT', '/api/control-reports/settings', headers.controller, { dueDay: 25, reminderWorkingDays: 3 })).statusCode,
    ).toBe(200);
    const created = await send('POST', '/api/control-reports', headers.controller, {
      unitId: tree.province.id,
      kind: 'monthly',
      year: 2025,
      periodIndex: 5,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().dueOn).toBe('2025-05-25');
    expect((await send('GET', `/api/control-reports/${report.id}`, headers.controller)).json().dueOn).toBe('2025-03-23');
    await send('PUT', '/api/control-reports/settings', headers.controller, { dueDay: 23, reminderWorkingDays: 3 });
  });
});
