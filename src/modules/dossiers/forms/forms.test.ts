import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../core/workbook';
import { controlSlipRows, formNotApplicable, renderDossierForm, renderTrackingBookXlsx, TRACKING_BOOK_COLUMNS, type TrackingBook } from '.';
import { buildDossierViewFixture, formHeaderFixture } from './fixture';

const workDirectory = mkdtempSync(join(tmpdir(), 'motcua-forms-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

function pdfText(pdf: Buffer, name: string): string {
  const path = join(workDirectory, `${name}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
}

describe.skipIf(!hasPoppler)('dossier forms as PDF', () => {
  it('Mẫu 01 holds every field of the receipt, the times to the minute in Vietnam time, and the national header', async () => {
    const view = buildDossierViewFixture();
    const text = pdfText(await renderDossierForm({ form: '01', view, header: formHeaderFixture }), 'form-01');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN XÃ MỸ HÒA HƯNG',
      'An Giang, ngày 03 tháng 12 năm 2026',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Mã hồ sơ: 000.00.21.H01-261203-0007',
      'Bộ phận tiếp nhận và trả kết quả: Bộ phận Một cửa UBND xã Mỹ Hòa Hưng',
      'Ông/Bà Nguyễn Văn Đức',
      'Số định danh cá nhân (CCCD): 089123456789',
      'Địa chỉ: Ấp Mỹ Hòa, xã Mỹ Hòa Hưng, tỉnh An Giang',
      'Số điện thoại: 0912345678',
      'Thư điện tử: duc.nguyen@example.vn',
      'Người được ủy quyền: Lê Thị Hoa, CCCD 089987654321',
      'Đăng ký khai sinh cho con: Nguyễn Minh Khôi',
      'Tờ khai đăng ký khai sinh',
      'Giấy chứng sinh',
      '000.00.21.H01-250601-0002',
      '1 bản sao',
      'Thời gian giải quyết hồ sơ theo quy định: 3 ngày làm việc',
      'theo cam kết của cơ quan: 1 ngày làm việc',
      'Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 03 tháng 12 năm 2026',
      'Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 30 phút, ngày 04 tháng 12 năm 2026',
      'Đăng ký nhận kết quả tại: Tại Bộ phận Một cửa',
      'Quyển số',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Trần Thị Bình',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('Mẫu 01 prints its book and line when the tracking book gives them, dotted lines otherwise', async () => {
    const header = { ...formHeaderFixture, bookEntry: { book: '2026', line: 412 } };
    const filled = pdfText(await renderDossierForm({ form: '01', view: buildDossierViewFixture(), header }), 'form-01-book');
    expect(filled).toContain('Quyển số: 2026 Số thứ tự: 412');
    const blank = pdfText(
      await renderDossierForm({ form: '01', view: buildDossierViewFixture(), header: formHeaderFixture }),
      'form-01-blank',
    );
    expect(blank).toContain('Quyển số: …… Số thứ tự: ……');
  });

  it('Mẫu 01 carries a QR code and embeds only Liberation Serif (pdffonts)', async () => {
    const pdf = await renderDossierForm({ form: '01', view: buildDossierViewFixture(), header: formHeaderFixture });
    const path = join(workDirectory, 'fonts.pdf');
    writeFileSync(path, pdf);
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/LiberationSerif.* yes yes yes /);
    // The QR code is drawn as many filled squares: a plain receipt has a handful of rules only.
    const withQr = pdf.toString('latin1').length;
    const without = (
      await renderDossierForm({ form: '01', view: buildDossierViewFixture(), header: { ...formHeaderFixture, statusUrl: 'x' } })
    ).toString('latin1').length;
    expect(withQr).toBeGreaterThan(without);
  });

  it('Mẫu 06 has one row per handover of the trail: giver, receiver, time, result, note', async () => {
    const view = buildDossierViewFixture();
    expect(controlSlipRows(view)).toEqual([
      {
        giver: 'Trần Thị Bình (Bộ phận Một cửa UBND xã Mỹ Hòa Hưng)',
        receiver: 'UBND xã Mỹ Hòa Hưng',
        at: '08:30 03/12/2026',
        result: 'Trước hạn',
        note: 'Tiếp nhận tại Bộ phận Một cửa',
      },
      {
        giver: 'Võ Thanh Hải (UBND xã Mỹ Hòa Hưng)',
        receiver: 'Phạm Quốc Cường (UBND xã Mỹ Hòa Hưng)',
        at: '10:00 03/12/2026',
        result: '',
        note: 'Phân công',
      },
      {
        giver: 'Phạm Quốc Cường (UBND xã Mỹ Hòa Hưng)',
        receiver: 'Võ Thanh Hải (Ký duyệt kết quả — UBND xã Mỹ Hòa Hưng)',
        at: '09:00 04/12/2026',
        result: 'Đúng hạn',
        note: 'Trình xem xét: Hồ sơ hợp lệ, trình ký',
      },
      {
        giver: 'Võ Thanh Hải (UBND xã Mỹ Hòa Hưng)',
        receiver: 'Bộ phận Một cửa UBND xã Mỹ Hòa Hưng',
        at: '15:00 04/12/2026',
        result: 'Quá hạn',
        note: 'Ban hành kết quả',
      },
      {
        giver: 'Trần Thị Bình (Bộ phận Một cửa UBND xã Mỹ Hòa Hưng)',
        receiver: 'Nguyễn Văn Đức (người nộp hồ sơ)',
        at: '16:15 04/12/2026',
        result: '',
        note: 'Trả kết quả',
      },
    ]);
    const text = pdfText(await renderDossierForm({ form: '06', view, header: formHeaderFixture }), 'form-06');
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    for (const fragment of ['Phạm Quốc Cường', '08:30 03/12/2026', '16:15 04/12/2026', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Trả kết quả']) {
      expect(text).toContain(fragment);
    }
  });

  it('Mẫu 02–05 state the request, the reason and the new date of the event they are issued for', async () => {
    const base = buildDossierViewFixture();
    const extra = (action: string, data: Record<string, unknown>) => ({
      ...base.events[0]!,
      id: 99,
      action,
      occurredAt: '2026-12-04T03:05:00.000Z',
      actorName: 'Võ Thanh Hải',
      comment: null,
      data,
    });
    const view = buildDossierViewFixture({
      hasApology: true,
      dueAt: '2026-12-08T10:30:00.000Z',
      events: [
        ...base.events,
        extra('request_supplement', { reason: 'Thiếu bản chính', positions: [1], items: ['Bản sao sổ hộ khẩu'] }),
        extra('refuse', { reason: 'Không thuộc thẩm quyền' }),
        extra('apologize', { reason: 'Chờ xác minh', newDueDate: '2026-12-08' }),
        extra('stop', { reason: 'Người nộp rút hồ sơ' }),
      ],
    });
    const render = async (form: '02' | '03' | '04' | '05') =>
      pdfText(await renderDossierForm({ form, view, header: formHeaderFixture }), form);
    expect(await render('02')).toMatch(
      /PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ.*1\. Giấy chứng sinh 2\. Bản sao sổ hộ khẩu.*Thiếu bản chính/,
    );
    expect(await render('03')).toMatch(/PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ.*Không thuộc thẩm quyền/);
    expect(await render('04')).toMatch(
      /VĂN BẢN XIN LỖI và đề nghị gia hạn thời gian giải quyết.*17 giờ 30 phút, ngày 04 tháng 12 năm 2026.*Chờ xác minh.*đề nghị gia hạn thời gian giải quyết; thời hạn trả kết quả mới là 17 giờ 30 phút, ngày 08 tháng 12 năm 2026/,
    );
    expect(await render('05')).toMatch(/THÔNG BÁO Dừng giải quyết hồ sơ.*10 giờ 05 phút, ngày 04 tháng 12 năm 2026.*Người nộp rút hồ sơ/);
  });
});

describe('which forms apply', () => {
  it('refuses the forms the history does not have, in Vietnamese', () => {
    const view = buildDossierViewFixture();
    expect(formNotApplicable(view, '01')).toBeNull();
    expect(formNotApplicable(view, '06')).toBeNull();
    expect(formNotApplicable(view, '04')).toMatch(/chưa có văn bản xin lỗi/);
    expect(formNotApplicable(view, '02')).toMatch(/chưa từng được yêu cầu bổ sung/);
    expect(formNotApplicable(view, '03')).toMatch(/không bị từ chối/);
    expect(formNotApplicable(view, '05')).toMatch(/không bị dừng/);
    const refused = buildDossierViewFixture({
      status: 'refused',
      receivedAt: null,
      appointmentDueAt: null,
      events: [{ ...view.events[0]!, toStatus: 'refused', data: { decision: 'refuse', reason: 'Sai thẩm quyền' } }],
    });
    expect(formNotApplicable(refused, '03')).toBeNull();
    expect(formNotApplicable(refused, '01')).toMatch(/chưa được tiếp nhận/);
  });
});

const book: TrackingBook = {
  unitName: 'Bộ phận Một cửa UBND xã Mỹ Hòa Hưng',
  from: '2026-12-01',
  to: '2026-12-31',
  rows: [
    {
      book: { book: '2026', line: 412 },
      code: '000.00.21.H01-261203-0007',
      procedureName: 'Đăng ký khai sinh',
      applicantName: 'Nguyễn Văn Đức',
      applicantContact: 'Ấp Mỹ Hòa; 0912345678',
      leadAgency: 'UBND xã Mỹ Hòa Hưng',
      receivedAt: '2026-12-03T01:30:00.000Z',
      dueAt: '2026-12-04T10:30:00.000Z',
      returnedAt: '2026-12-04T09:15:00.000Z',
      returnNote: 'Tại Bộ phận Một cửa',
    },
  ],
};

describe('Mẫu 07, Sổ theo dõi hồ sơ', () => {
  it('has the columns of the circular, one row per dossier, as XLSX', async () => {
    const opened = await openWorkbook(await renderTrackingBookXlsx(book));
    if ('error' in opened) throw new Error(opened.error);
    const sheet = opened.workbook.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(sheet.getCell(3, 1).value).toBe('Từ ngày 01/12/2026 đến ngày 31/12/2026');
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual([...TRACKING_BOOK_COLUMNS]);
    expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual([
      1,
      '2026 / 412',
      '000.00.21.H01-261203-0007',
      'Đăng ký khai sinh',
      'Nguyễn Văn Đức',
      'Ấp Mỹ Hòa; 0912345678',
      'UBND xã Mỹ Hòa Hưng',
      '08:30 03/12/2026',
      '17:30 04/12/2026',
      '16:15 04/12/2026',
      'Tại Bộ phận Một cửa',
    ]);
  });

  it.skipIf(!hasPoppler)('is a landscape PDF with the same rows', async () => {
    const pdf = await renderDossierForm({ form: '07', book, header: formHeaderFixture });
    const path = join(workDirectory, 'book.pdf');
    writeFileSync(path, pdf);
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.89 x 595\.28/);
    const text = pdfText(pdf, 'book-text');
    for (const fragment of [
      'SỔ THEO DÕI HỒ SƠ',
      '2026 / 412',
      '000.00.21.H01-261203-0007',
      'Nguyễn Văn Đức',
      '17:30 04/12/2026',
      'Tổng số: 1 hồ sơ',
    ]) {
      expect(text).toContain(fragment);
    }
  });
});
