import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatVietnameseDate, vietnamDate } from '../src/core/vietnam-time';
import { browserAvailability, signIn, useBrowserTests } from './browser';

const { isAvailable } = browserAvailability();

describe.skipIf(!isAvailable)('browser journeys (chromium)', () => {
  const t = useBrowserTests();

  const newPage = async (viewport = { width: 1280, height: 900 }): Promise<Page> => {
    const page = await t.newPage(viewport);
    page.setDefaultTimeout(15_000);
    return page;
  };

  it('a visitor searches "ly lich tu phap", opens the procedure and sees its components and fees', async () => {
    const page = await newPage();
    await page.goto(t.server.url);
    await page.getByLabel('Tìm thủ tục hành chính').fill('ly lich tu phap');
    await page.keyboard.press('Enter');
    const firstResult = page.getByRole('link', { name: /Lý lịch tư pháp/i }).first();
    await firstResult.waitFor();
    await firstResult.click();
    await page.getByRole('heading', { level: 1, name: /lý lịch tư pháp/i }).waitFor();
    await page.getByRole('heading', { name: 'Thành phần hồ sơ' }).waitFor();
    await page.getByRole('heading', { name: 'Phí, lệ phí' }).waitFor();
    const components = page.getByRole('table').filter({ hasText: /Tờ khai|Bản sao|Giấy/ });
    expect(await components.count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('works on a phone: search from the home page', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(t.server.url);
    await page.getByLabel('Tìm thủ tục hành chính').fill('dang ky khai sinh');
    await page.keyboard.press('Enter');
    await page
      .getByRole('link', { name: /đăng ký khai sinh/i })
      .first()
      .waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(1);
    await page.context().close();
  });

  it('the administrator publishes a new version through a decision and the public page shows it', async () => {
    const code = '1.001193';
    const page = await newPage();
    await signIn(page, t.server.url, 'admin');

    const before = (await (await page.request.get(`${t.server.url}/api/procedures/${code}`)).json()) as { latestVersionNo: number };
    const nextVersion = before.latestVersionNo + 1;
    await page.goto(`${t.server.url}/quan-tri/thu-tuc/${code}`);
    const nameField = page.getByLabel('Tên thủ tục', { exact: true });
    await nameField.waitFor();
    const newName = 'Thủ tục đăng ký khai sinh (rút gọn thời gian)';
    await nameField.fill(newName);
    // Typed the way a Vietnamese official writes a day.
    const today = vietnamDate().split('-').reverse().join('/');
    const fillDecision = async (number: string, effectiveDate = today) => {
      await page.getByLabel('Số quyết định').fill(number);
      await page.getByLabel('Ngày ban hành').fill(today);
      await page.getByLabel('Người ký', { exact: true }).fill('Nguyễn Văn An');
      await page.getByLabel('Loại quyết định').selectOption('amended');
      await page.getByLabel('Ngày hiệu lực').fill(effectiveDate);
      await page.keyboard.press('Tab'); // leaves the field, which closes its calendar
      expect(await page.getByLabel('Ngày ban hành').inputValue()).toBe(today);
    };
    await fillDecision('245/QĐ-UBND');
    // The editor publishes as the decision page does: the dry run's summary first, then the confirmation.
    await page.getByRole('button', { name: 'Xem trước và xác nhận' }).click();
    const summary = page.getByRole('region', { name: 'Xác nhận công bố' });
    await summary.getByRole('cell', { name: newName }).waitFor();
    await summary.getByRole('button', { name: 'Xác nhận công bố' }).click();
    await page
      .getByText(`Đã công bố phiên bản ${nextVersion}.`)
      .first()
      .waitFor()
      .catch(async (error: unknown) => {
        await page.screenshot({ path: '.tmp/e2e-publish-failure.png', fullPage: true });
        throw error;
      });

    // The same content again is refused at the dry run, with the server's reason.
    // The editor starts again from the version just published (its decision fields empty).
    await expect.poll(() => page.getByLabel('Số quyết định').inputValue(), { timeout: 15_000 }).toBe('');
    const tomorrow = formatVietnameseDate(vietnamDate(new Date(Date.now() + 86_400_000)));
    await fillDecision('246/QĐ-UBND', tomorrow);
    await page.getByRole('button', { name: 'Xem trước và xác nhận' }).click();
    await page
      .getByText(/Nội dung giống hệt phiên bản/)
      .first()
      .waitFor()
      .catch(async (error: unknown) => {
        await page.screenshot({ path: '.tmp/e2e-identical-failure.png', fullPage: true });
        const shown = await page.locator('[role="alert"], #decision-summary').allInnerTexts();
        throw new Error(`${String(error)}\n${shown.join('\n---\n')}`);
      });
    expect(await page.getByRole('region', { name: 'Xác nhận công bố' }).count()).toBe(0);

    const visitor = await newPage();
    await visitor.goto(`${t.server.url}/thu-tuc/${code}`);
    await visitor.getByRole('heading', { level: 1, name: newName }).waitFor();
    await visitor.getByText('245/QĐ-UBND').first().waitFor();
    await visitor.goto(`${t.server.url}/thu-tuc/${code}/phien-ban/${nextVersion - 1}`);
    await visitor.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
    await visitor
      .getByText(/Phiên bản cũ/)
      .first()
      .waitFor();
    await page.context().close();
    await visitor.context().close();
    // The procedure form is long: on a shared two-core machine filling it takes a while.
  }, 90_000);

  it('in an English browser, days read dd/mm/yyyy and times 24-hour, in the fields and in the messages', async () => {
    const context = await t.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, t.server.url, 'admin');
    await page.goto(`${t.server.url}/quan-tri/lich?nam=2026`);

    const day = page.getByLabel('Ngày áp dụng');
    await day.fill('1/7/2026');
    await page.getByLabel('Nội dung').fill('Nghỉ theo thông báo của tỉnh');
    expect(await day.inputValue()).toBe('01/07/2026');
    await page.getByRole('button', { name: 'Thêm thông báo' }).click();
    await page.getByRole('cell', { name: 'thứ tư, 01/07/2026' }).waitFor();
    // The server names the day the same way when it refuses a second notice for it.
    await day.fill('01/07/2026');
    await page.getByLabel('Nội dung').fill('Lần hai');
    await page.getByRole('button', { name: 'Thêm thông báo' }).click();
    await page.getByText('Ngày 01/07/2026 đã có thông báo.').waitFor();

    // The afternoon session starts at 13:30, not at "01:30 PM".
    const afternoon = page.getByRole('group', { name: 'Buổi 2' });
    expect(await afternoon.getByLabel('Giờ', { exact: true }).first().inputValue()).toBe('13');
    expect(await afternoon.getByText(/AM|PM|SA|CH/).count()).toBe(0);

    const from = page.getByRole('button', { name: /Thời điểm tiếp nhận/ });
    expect((await from.textContent())?.trim()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await page.getByRole('button', { name: 'Tính hạn' }).click();
    await page.getByText(/^Hạn giải quyết: \d{2}:\d{2}, thứ .+ \d{2}\/\d{2}\/\d{4}$/).waitFor();
    await context.close();
  }, 60_000);
});
