import { describe, expect, it } from 'vitest';
import { browserAvailability, signIn, useBrowserTests } from './browser';

const { isAvailable } = browserAvailability();

describe.skipIf(!isAvailable)('browser journey: the NQ 66 targets dashboard (chromium)', () => {
  const t = useBrowserTests();

  it('kiemsoat opens the dashboard, drills into a department, opens its proposal and downloads the DOCX', async () => {
    const page = await t.newPage({ width: 1366, height: 900 }, { acceptDownloads: true });
    await signIn(page, t.server.url, 'kiemsoat');

    await page.getByRole('link', { name: 'Bảng mục tiêu' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Bảng mục tiêu cắt giảm TTHC' }).waitFor();
    await page
      .getByText(/Cắt giảm thời gian giải quyết TTHC so với năm 2024/)
      .first()
      .waitFor();

    await page.getByRole('link', { name: 'Sở Tư pháp', exact: true }).first().click();
    await page.waitForURL(/unit=/);
    await page.getByRole('heading', { name: 'Phương án của đơn vị' }).waitFor();
    const proposalLink = page.getByRole('link', { name: /Phương án cắt giảm, đơn giản hóa TTHC ngành Tư pháp/ }).first();
    const title = (await proposalLink.textContent())!.trim();
    await proposalLink.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải về DOCX' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path!).subarray(0, 2).toString()).toBe('PK');
    await page.context().close();
  });

  it('kiemsoat reads statutory, committed and measured time, and takes a worksheet’s subjects from the dossiers', async () => {
    const page = await t.newPage({ width: 1366, height: 900 });
    await signIn(page, t.server.url, 'kiemsoat');
    const code = '1.001193';
    const measures = (await (await page.request.get(`${t.server.url}/api/reform/procedures/${code}/measures`)).json()) as {
      received: { dossiers: number; applicants: number };
      processing: { resolvedDossiers: number };
    };
    await page.goto(`${t.server.url}/cai-cach/thu-tuc/${code}`);
    const panel = page.getByRole('region', { name: 'Thời gian giải quyết: quy định, cam kết và thực tế' });
    await panel.getByText('Thời hạn theo quy định', { exact: true }).waitFor();
    await panel.getByText('Thời gian cam kết', { exact: true }).waitFor();
    if (measures.processing.resolvedDossiers === 0) await panel.getByText('Chưa có hồ sơ', { exact: true }).waitFor();
    else await panel.getByText(/ngày làm việc \(.* giờ làm việc\)/).waitFor();

    const current = page.getByRole('region', { name: 'Hiện nay' });
    await current.getByRole('button', { name: /bảng tính chi phí/ }).click();
    const dialog = page.getByRole('dialog');
    const measured = dialog.getByLabel(/Lấy từ hồ sơ thực tế \(12 tháng gần nhất\)/);
    await dialog
      .getByText(
        `${measures.received.applicants.toLocaleString('vi-VN')} đối tượng (${measures.received.dossiers.toLocaleString('vi-VN')} hồ sơ)`,
        { exact: false },
      )
      .waitFor();
    await measured.check();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    await current.getByText(/Số đối tượng đo từ .* hồ sơ tiếp nhận từ/).waitFor();
    await current.getByRole('button', { name: /Đo lại số đối tượng/ }).click();
    await page.getByText('Đã đo lại số đối tượng từ hồ sơ thực tế.').waitFor();
    await page.context().close();
  });

  it('kiemsoat adds a business reporting regime, marks it electronic and deletes it', async () => {
    const page = await t.newPage({ width: 1366, height: 900 });
    await signIn(page, t.server.url, 'kiemsoat');
    await page.getByRole('link', { name: 'Chế độ báo cáo' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Chế độ báo cáo của doanh nghiệp' }).waitFor();
    const name = `Báo cáo kiểm thử trình duyệt ${Date.now()}`;

    await page.getByRole('button', { name: 'Thêm chế độ báo cáo' }).click();
    const form = page.getByRole('dialog', { name: 'Thêm chế độ báo cáo' });
    // The unit starts as the controller's own (Văn phòng UBND tỉnh); the regime belongs to Sở Tư pháp.
    await form.getByLabel('Đơn vị quản lý').fill('Sở Tư pháp');
    await page.getByRole('option', { name: 'Sở Tư pháp', exact: true }).click();
    await form.getByLabel('Tên chế độ báo cáo').fill(name);
    await form.getByLabel('Văn bản quy định (điều, khoản)').fill('Thông tư 01/2021/TT-BTP, Điều 32');
    await form.getByRole('button', { name: 'Lưu' }).click();
    const row = page.getByRole('row').filter({ hasText: name });
    await row.getByText('Giấy').waitFor();

    await row.getByRole('button', { name: `Sửa chế độ báo cáo: ${name}` }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa chế độ báo cáo' });
    await edit.getByLabel('Doanh nghiệp gửi báo cáo trên môi trường điện tử').check();
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await row.getByText('Điện tử').waitFor();

    await row.getByRole('button', { name: `Xóa chế độ báo cáo: ${name}` }).click();
    await page.getByRole('dialog', { name: 'Xóa chế độ báo cáo' }).getByRole('button', { name: 'Xóa' }).click();
    await row.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('chuyenvien sees the 2,000-character limit of the law to amend and the reason in the item form', async () => {
    const page = await t.newPage({ width: 1366, height: 900 });
    await signIn(page, t.server.url, 'chuyenvien');
    await page.goto(`${t.server.url}/cai-cach/phuong-an?status=draft`);
    await page
      .getByRole('link', { name: /ngành Tư pháp năm 2026/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Thêm thủ tục' }).click();
    const reason = page.getByRole('textbox', { name: 'Lý do, sự cần thiết' });
    expect(await reason.getAttribute('maxlength')).toBe('2000');
    expect(await page.getByRole('textbox', { name: /Quy định cần sửa đổi/ }).getAttribute('maxlength')).toBe('2000');
    await reason.fill('Số hóa quy trình');
    await page.getByText('Còn 1.984 ký tự (tối đa 2.000 ký tự).').waitFor();
    await page.context().close();
  });

  it('lanhdao submits the draft signed KT. as deputy; kiemsoat reads that Bộ Công an decides on the Công an proposal', async () => {
    const page = await t.newPage({ width: 1366, height: 900 }, { acceptDownloads: true });
    await signIn(page, t.server.url, 'lanhdao');
    await page.goto(`${t.server.url}/cai-cach/phuong-an?status=draft`);
    await page
      .getByRole('link', { name: /ngành Tư pháp năm 2026/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Trình phương án' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trình phương án?' });
    await dialog.getByText('Ký thay (KT.)').click();
    await dialog.getByLabel('Chức vụ người ký').fill('Phó Giám đốc');
    await dialog.getByRole('button', { name: 'Trình phương án' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Rút lại' }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải về DOCX' }).click()]);
    const { readFileSync } = await import('node:fs');
    const { readZipEntry } = await import('../src/core/zip');
    const xml = (await readZipEntry(readFileSync((await download.path())!), 'word/document.xml')).toString('utf8');
    const paragraphs = xml
      .split('</w:p>')
      .map((paragraph) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    const signature = paragraphs.indexOf('KT. GIÁM ĐỐC');
    expect(signature).toBeGreaterThan(0);
    expect(paragraphs[signature + 1]).toBe('PHÓ GIÁM ĐỐC');
    await page.context().close();

    const officePage = await t.newPage({ width: 1366, height: 900 });
    await signIn(officePage, t.server.url, 'kiemsoat');
    await officePage.goto(`${t.server.url}/cai-cach/phuong-an?status=consolidated`);
    await officePage
      .getByRole('link', { name: /lĩnh vực an ninh, trật tự năm 2026/ })
      .first()
      .click();
    await officePage.getByText(/do Bộ Công an xem xét, quyết định/).waitFor();
    expect(await officePage.getByRole('button', { name: 'Phê duyệt' }).count()).toBe(0);
    await officePage.context().close();
  });
});
