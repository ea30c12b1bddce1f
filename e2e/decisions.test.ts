import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { decisionHeader } from '../src/test/factories';
import { browserAvailability, signIn, useBrowserTests } from './browser';

const { isAvailable } = browserAvailability();

const [AMENDED, REPLACED, TEMPLATE] = ['3.000333', '3.000334', '3.000335'];
const [NEW_CODE, REPLACING_CODE] = ['9.200001', '9.200002'];
/** A small PDF by its content: the signed decision the administrator attaches. */
const SIGNED_PDF = Buffer.from('%PDF-1.4\n% Quyết định 3001/QĐ-UBND đã ký\n%%EOF\n');
const VIEWPORTS = { phone: { width: 390, height: 844 }, laptop: { width: 1366, height: 800 } };

describe.skipIf(!isAvailable)('entering a decision of publication (chromium)', () => {
  const t = useBrowserTests();
  beforeAll(() => {
    mkdirSync('.tmp', { recursive: true });
  });

  const newPage = async (viewport: { width: number; height: number } = VIEWPORTS.laptop): Promise<Page> => {
    const page = await t.newPage(viewport);
    return page;
  };

  /** Opens an item's content editor, renames the procedure, and saves the content into the item. */
  const editName = async (page: Page, itemNumber: number, name: string) => {
    await page.getByRole('button', { name: `Soạn nội dung (thủ tục ${itemNumber})` }).click();
    const dialog = page.getByRole('dialog');
    const nameField = dialog.getByLabel('Tên thủ tục', { exact: true });
    await nameField.waitFor();
    await nameField.fill(name);
    await dialog.getByRole('button', { name: 'Lưu nội dung' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`Nội dung: ${name}`).waitFor();
  };

  it('the administrator enters a decision with a new, an amended and a replaced item, confirms the summary, and the public pages show them', async () => {
    const page = await newPage();
    await signIn(page, t.server.url, 'admin');
    await page.goto(`${t.server.url}/quan-tri/thu-tuc`);
    await page.getByRole('link', { name: 'Nhập quyết định công bố (nhiều thủ tục)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhập quyết định công bố' }).waitFor();

    // The header as the factory makes it (src/test/factories.ts), typed in by the administrator.
    const header = decisionHeader({ number: '3001/QĐ-UBND', signer: 'Nguyễn Văn An' });
    const asTyped = (day: string) => day.split('-').reverse().join('/');
    await page.getByLabel('Số, ký hiệu').fill(header.number);
    await page.getByLabel('Cơ quan ban hành', { exact: true }).fill(header.issuerName);
    await page.getByLabel('Người ký', { exact: true }).fill(header.signer);
    await page.getByLabel('Chức vụ người ký').fill(header.signerTitle);
    await page.getByLabel('Ngày ban hành').fill(asTyped(header.date));
    await page.getByLabel('Ngày hiệu lực', { exact: true }).fill(asTyped(header.effectiveDate));
    await page.keyboard.press('Tab');
    // The signed decision, a PDF, attached while entering it (a picture is refused by its content).
    const [picker] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Tải lên bản đã ký (PDF)' }).click(),
    ]);
    await picker.setFiles({ name: 'QĐ 3001 đã ký.pdf', mimeType: 'application/pdf', buffer: SIGNED_PDF });
    await page.getByText('Đã tải lên: QĐ 3001 đã ký.pdf').waitFor();

    const item = (number: number) => page.getByRole('group', { name: `Thủ tục ${number}` });
    await item(1).getByLabel('Mã thủ tục').fill(NEW_CODE);
    await item(1).getByLabel('Lấy nội dung mẫu từ mã').fill(TEMPLATE);
    await editName(page, 1, 'Thủ tục mới theo quyết định 3001');

    await page.getByRole('button', { name: 'Thêm thủ tục' }).click();
    await item(2).getByLabel('Hành động').selectOption('amended');
    await item(2).getByLabel('Mã thủ tục').fill(AMENDED);
    await editName(page, 2, 'Thủ tục sửa đổi theo quyết định 3001');

    await page.getByRole('button', { name: 'Thêm thủ tục' }).click();
    await item(3).getByLabel('Hành động').selectOption('replaced');
    await item(3).getByLabel('Mã thủ tục').fill(REPLACING_CODE);
    await item(3).getByLabel('Thay thế các mã (cách nhau bởi dấu ;)').fill(REPLACED);
    await editName(page, 3, 'Thủ tục thay thế theo quyết định 3001');

    await page.getByRole('button', { name: 'Xem trước và xác nhận' }).click();
    const summary = page.getByRole('region', { name: 'Xác nhận công bố' });
    await summary
      .getByText('Quyết định công bố 3 thủ tục.', { exact: false })
      .waitFor()
      .catch(async (error: unknown) => {
        await page.screenshot({ path: '.tmp/e2e-decision-failure.png', fullPage: true });
        throw error;
      });
    await summary.getByText('Bản quyết định đã ký: QĐ 3001 đã ký.pdf').waitFor();
    const rows = summary.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    expect((await rows.nth(0).textContent()) ?? '').toContain('Toàn bộ nội dung');
    // Only what the admin changed: the parts the form does not show (source, generated fields) are carried over.
    expect((await rows.nth(1).textContent()) ?? '').toMatch(/^2Sửa đổi, bổ sung3\.000333.*→ \d+Tên thủ tục\d{2}\/\d{2}\/\d{4}$/);
    expect((await rows.nth(2).textContent()) ?? '').toContain(`thay thế ${REPLACED}`);
    // Nothing is published before the confirmation.
    expect((await page.request.get(`${t.server.url}/api/procedures/${NEW_CODE}`)).status()).toBe(404);
    await summary.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '.tmp/e2e-decision-summary-laptop.png', fullPage: true });

    await summary.getByRole('button', { name: 'Xác nhận công bố' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đã công bố quyết định 3001/QĐ-UBND.' }).waitFor();

    for (const [label, viewport] of Object.entries(VIEWPORTS)) {
      const visitor = await newPage(viewport);
      await visitor.goto(`${t.server.url}/thu-tuc/${NEW_CODE}`);
      await visitor.getByRole('heading', { level: 1, name: 'Thủ tục mới theo quyết định 3001' }).waitFor();
      await visitor.goto(`${t.server.url}/thu-tuc/${AMENDED}`);
      await visitor.getByRole('heading', { level: 1, name: 'Thủ tục sửa đổi theo quyết định 3001' }).waitFor();
      await visitor.getByText('3001/QĐ-UBND').first().waitFor();
      // The public page where the decision is cited offers its signed PDF, named after the decision's number.
      const download = visitor.getByRole('link', { name: /^Tải về \(PDF, \d+ B\)$/ });
      await download.scrollIntoViewIfNeeded();
      if (label === 'laptop') await visitor.screenshot({ path: '.tmp/e2e-decision-signed-file.png', fullPage: false });
      const [file] = await Promise.all([visitor.waitForEvent('download'), download.click()]);
      expect(file.suggestedFilename()).toBe('3001-QĐ-UBND.pdf');
      expect(readFileSync(await file.path()).equals(SIGNED_PDF)).toBe(true);

      await visitor.goto(`${t.server.url}/thu-tuc/${REPLACING_CODE}`);
      await visitor.getByRole('heading', { level: 1, name: 'Thủ tục thay thế theo quyết định 3001' }).waitFor();
      await visitor.getByText('Thay thế thủ tục').waitFor();
      await visitor.screenshot({ path: `.tmp/e2e-replacing-${label}.png`, fullPage: false });
      await visitor.getByRole('link', { name: new RegExp(`^${REPLACED.replace('.', '\\.')} — `) }).click();
      await visitor.waitForURL((url) => url.pathname === `/thu-tuc/${REPLACED}`);
      await visitor.getByText('Đã được thay thế bởi').waitFor();
      await visitor.getByRole('link', { name: `${REPLACING_CODE} — Thủ tục thay thế theo quyết định 3001` }).waitFor();
      await visitor.screenshot({ path: `.tmp/e2e-replaced-${label}.png`, fullPage: false });
      await visitor.context().close();
    }
    await page.context().close();
  }, 300_000);

  it('announces a version scheduled for later on the page of the version in force', async () => {
    const page = await newPage(VIEWPORTS.phone);
    await signIn(page, t.server.url, 'admin');
    const current = (await (await page.request.get(`${t.server.url}/api/procedures/${TEMPLATE}`)).json()) as Record<string, unknown>;
    const {
      code: _c,
      versionNo: _n,
      latestVersionNo: _l,
      status: _s,
      handlingUnits: _h,
      receivingUnits: _r,
      receivingPlaces: _p,
      decision: _d,
      effectiveFrom: _f,
      effectiveTo: _t,
      versions: _v,
      ...content
    } = current;
    const session = (await (await page.request.get(`${t.server.url}/api/auth/me`)).json()) as { csrfToken: string };
    const response = await page.request.post(`${t.server.url}/api/decisions`, {
      headers: { 'x-csrf-token': session.csrfToken },
      data: {
        decision: decisionHeader({ number: '3002/QĐ-UBND', effectiveDate: '2099-03-01' }),
        items: [{ action: 'amended', code: TEMPLATE, procedure: { ...content, name: 'Tên áp dụng từ năm 2099' } }],
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    // Entered without its signed PDF: the administrator attaches it afterwards from the list of decisions.
    await page.goto(`${t.server.url}/quan-tri/quyet-dinh`);
    await page.getByRole('heading', { level: 1, name: 'Quyết định công bố' }).waitFor();
    const [picker] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Tải lên bản đã ký (PDF) — quyết định 3002/QĐ-UBND' }).click(),
    ]);
    await picker.setFiles({ name: 'QĐ 3002.pdf', mimeType: 'application/pdf', buffer: SIGNED_PDF });
    await page.getByRole('button', { name: 'Thay tệp khác — quyết định 3002/QĐ-UBND' }).waitFor();
    const decisionId = ((await response.json()) as { id: string }).id;
    const signed = await page.request.get(`${t.server.url}/api/decisions/${decisionId}/signed-file`);
    expect(signed.status()).toBe(200);
    expect(Buffer.from(await signed.body()).equals(SIGNED_PDF)).toBe(true);
    await page.goto(`${t.server.url}/thu-tuc/${TEMPLATE}`);
    await page.getByText('Từ ngày 01/03/2099 áp dụng phiên bản mới').waitFor();
    await page
      .getByRole('link', { name: /^Xem phiên bản \d+$/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Tên áp dụng từ năm 2099' }).waitFor();
    await page.context().close();
  }, 120_000);
});
