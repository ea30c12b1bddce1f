import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailability, signIn, useBrowserTests } from './browser';

/**
 * The dossier journey of issue 12, through the web app as each person uses it: the desk receives a dossier of Sở Tư
 * pháp and prints Mẫu 01; the division head assigns it, the specialist processes it, the director approves it, the
 * desk returns the result; the public lookup then shows it returned in time. Screenshots at 1366 px and 360 px in .tmp/.
 */

const { isAvailable } = browserAvailability();

const PROCEDURE_QUERY = 'xac nhan co quoc tich viet nam o trong nuoc';
const PROCEDURE_NAME = /Cấp Giấy xác nhận có quốc tịch Việt Nam ở trong nước/;
const APPLICANT_ID = '001099012345';
const LAPTOP = { width: 1366, height: 900 };
const PHONE = { width: 360, height: 800 };

describe.skipIf(!isAvailable)('dossier journey (chromium)', () => {
  const t = useBrowserTests();

  const pageAs = async (username: string | null, viewport = LAPTOP): Promise<Page> => {
    const page = await t.newPage(viewport);
    if (username) await signIn(page, t.server.url, username);
    return page;
  };

  const shoot = (page: Page, name: string) => page.screenshot({ path: `.tmp/e2e-dossier-${name}.png`, fullPage: true });

  /** Opens the dossier as `username`, takes the action through its button and dialog, and waits for the new state. */
  async function act(username: string, dossierPath: string, button: string, fill?: (page: Page) => Promise<void>) {
    const page = await pageAs(username);
    await page.goto(`${t.server.url}${dossierPath}`);
    await page.getByRole('heading', { level: 1, name: /Hồ sơ .*-\d{6}-\d{4}/ }).waitFor();
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await fill?.(page).catch(async (error: unknown) => {
      await shoot(page, `${username}-failed`);
      throw error;
    });
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText(`Đã thực hiện: ${button}.`).waitFor();
    await shoot(page, `${username}-${button.replace(/\s+/g, '-')}`);
    await page.context().close();
  }

  it('tiepnhan receives, truongphong assigns, chuyenvien processes, lanhdao approves, tiepnhan returns; the lookup shows it in time', async () => {
    const desk = await pageAs('tiepnhan');
    await desk.goto(`${t.server.url}/can-bo/tiep-nhan`);
    await desk.getByRole('combobox', { name: /Thủ tục hành chính/ }).fill(PROCEDURE_QUERY);
    await desk.getByRole('option', { name: PROCEDURE_NAME }).first().click();
    await desk.getByRole('heading', { name: 'Người nộp hồ sơ' }).waitFor();
    await desk.getByLabel('Họ và tên', { exact: false }).first().fill('Nguyễn Văn An');
    await desk.getByLabel(/Số định danh cá nhân/).fill(APPLICANT_ID);
    for (const radio of await desk.getByRole('radio', { name: /Bản giấy/ }).all()) await radio.check();
    await shoot(desk, 'intake-1366');
    await desk.getByRole('button', { name: 'Ghi nhận hồ sơ' }).click();
    const receipt = desk.getByRole('link', { name: 'In Mẫu 01' });
    await receipt.waitFor();
    const code = ((await desk.getByText(/Đã ghi nhận hồ sơ/).textContent()) ?? '').match(/\S+-\d{6}-\d{4}/)?.[0] ?? '';
    expect(code).toMatch(/^000\.00\.03\.H01-\d{6}-\d{4}$/);

    // Mẫu 01 opens as a PDF in a new tab.
    const href = (await receipt.getAttribute('href')) ?? '';
    const form = await desk.request.get(`${t.server.url}${href}`);
    expect(form.status()).toBe(200);
    expect(form.headers()['content-type']).toContain('application/pdf');
    expect((await form.body()).subarray(0, 4).toString()).toBe('%PDF');
    // Clicking "In Mẫu 01" asks for the form in a new tab (the request exists: waitForEvent fails otherwise).
    await Promise.all([desk.context().waitForEvent('request', (request) => request.url().includes('/forms/01')), receipt.click()]);
    expect(desk.url()).toContain('/can-bo/tiep-nhan');

    await desk.getByRole('link', { name: 'Mở hồ sơ' }).click();
    await desk.getByRole('heading', { level: 1, name: new RegExp(code.replace(/\./g, '\\.')) }).waitFor();
    const dossierPath = new URL(desk.url()).pathname;
    await shoot(desk, 'detail-1366');
    await desk.context().close();

    await act('truongphong', dossierPath, 'Phân công', async (page) => {
      await page.getByLabel('Chuyên viên được phân công').first().click();
      await page.getByRole('option', { name: /Trần Văn Minh/ }).click();
    });
    await act('chuyenvien', dossierPath, 'Trình xem xét');
    // The division head reviews what the specialist submitted, then the director approves.
    await act('truongphong', dossierPath, 'Phê duyệt');
    await act('lanhdao', dossierPath, 'Phê duyệt');
    await act('lanhdao', dossierPath, 'Ban hành kết quả', async (page) => {
      await page.getByLabel('Số, ký hiệu văn bản kết quả').fill('12/GXN-STP');
    });
    await act('tiepnhan', dossierPath, 'Trả kết quả');

    const phone = await pageAs('tiepnhan', PHONE);
    await phone.goto(`${t.server.url}/can-bo/ho-so?box=all`);
    await phone.getByRole('link', { name: code }).first().waitFor();
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(1);
    await shoot(phone, 'inbox-360');
    await phone.goto(`${t.server.url}${dossierPath}`);
    await phone.getByRole('heading', { level: 1 }).filter({ hasText: code }).waitFor();
    await shoot(phone, 'detail-360');
    await phone.context().close();

    // The QR code of Mẫu 01 leads to the lookup with the code filled in; the visitor adds the ID number.
    const visitor = await pageAs(null, PHONE);
    await visitor.goto(`${t.server.url}/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`);
    expect(await visitor.getByLabel('Mã hồ sơ').inputValue()).toBe(code);
    await visitor.getByLabel('Số định danh cá nhân hoặc mã số thuế').fill(APPLICANT_ID);
    await visitor.getByRole('button', { name: 'Tra cứu' }).click();
    const result = visitor.getByRole('region', { name: /Tình trạng hồ sơ/ });
    await result.getByText('Đã trả kết quả').waitFor();
    await result.getByText(/Trước hạn|Đúng hạn/).waitFor();
    await shoot(visitor, 'lookup-360');
    await visitor.context().close();
  }, 240_000);
});
