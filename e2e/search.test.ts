/**
 * The public search as a visitor uses it (issue 11), on a laptop and on a phone: an abbreviation typed with a typo
 * ("lltb" for LLTP) is understood, the suggestions under the box offer the right procedure, the keyboard picks it and
 * opens its page; a misspelt query on the list page offers "Có phải bạn muốn tìm …". The administrator's dictionary
 * page lists the shipped entries.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailability, signIn, useBrowserTests } from './browser';

const { isAvailable } = browserAvailability();

const viewports = [
  { name: 'laptop', width: 1280, height: 900 },
  { name: 'phone', width: 360, height: 780 },
] as const;

describe.skipIf(!isAvailable)('public search (chromium)', () => {
  const t = useBrowserTests();

  const newPage = async (viewport: { width: number; height: number }): Promise<Page> => {
    const page = await t.newPage(viewport);
    page.setDefaultTimeout(15_000);
    return page;
  };

  for (const viewport of viewports) {
    it(`${viewport.name}: a misspelt abbreviation finds the procedure among the suggestions, opened with the keyboard`, async () => {
      const page = await newPage(viewport);
      await page.goto(t.server.url);
      const box = page.getByLabel('Tìm thủ tục hành chính');
      await box.click();
      await box.pressSequentially('lltb', { delay: 40 });
      const option = page.getByRole('option', { name: /Lý lịch tư pháp/i }).first();
      await option.waitFor();
      await page.getByTestId('home-did-you-mean').getByText('lý lịch tư pháp').waitFor();
      // The words that matched are marked in the suggestion, whatever their accents.
      expect(await option.locator('mark').count()).toBeGreaterThan(0);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/thu-tuc\/3\.000333$/);
      await page.getByRole('heading', { level: 1, name: /lý lịch tư pháp/i }).waitFor();
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow).toBeLessThanOrEqual(1);
      await page.context().close();
    });

    it(`${viewport.name}: a misspelt query on the list page offers "Có phải bạn muốn tìm …" and results`, async () => {
      const page = await newPage(viewport);
      await page.goto(`${t.server.url}/thu-tuc?q=${encodeURIComponent('đăng ký kết hông')}`);
      const suggestion = page.getByTestId('did-you-mean');
      await suggestion.waitFor();
      expect(await suggestion.textContent()).toContain('Có phải bạn muốn tìm');
      expect(await suggestion.textContent()).toContain('kết hôn');
      await page
        .getByRole('link', { name: /đăng ký kết hôn/i })
        .first()
        .waitFor();
      const box = await page.getByLabel('Tìm thủ tục hành chính').boundingBox();
      expect(box!.width).toBeGreaterThan(viewport.width * 0.7);
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow).toBeLessThanOrEqual(1);
      await page.context().close();
    });
  }

  it('phone (360 px): home, list and procedure pages are no wider than the screen; the home search box uses the width', async () => {
    const page = await newPage({ width: 360, height: 780 });
    for (const path of ['/', '/thu-tuc', '/thu-tuc?q=giấy phép xây dựng', '/thu-tuc/3.000333', '/thu-tuc/1.001193']) {
      await page.goto(`${t.server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      const widths = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
        '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
      );
      expect(widths.scrollWidth, path).toBeLessThanOrEqual(360);
      expect(widths.innerWidth, path).toBe(360);
      const login = await page.getByRole('banner').getByRole('link', { name: 'Đăng nhập' }).boundingBox();
      expect(login!.x + login!.width, path).toBeLessThanOrEqual(360);
      if (path === '/') {
        const box = await page.getByLabel('Tìm thủ tục hành chính').boundingBox();
        expect(box!.width).toBeGreaterThan(360 * 0.7);
      }
    }
    await page.context().close();
  });

  it('the procedure controller sees the shipped dictionary and the queries that found little', async () => {
    const page = await newPage(viewports[0]);
    await page.request.get(`${t.server.url}/api/procedures?q=${encodeURIComponent('qqzzxx wqwq')}`);
    await signIn(page, t.server.url, 'kiemsoat');
    await page.goto(`${t.server.url}/quan-tri/tu-dien-tim-kiem`);
    await page.getByRole('heading', { level: 1, name: 'Từ điển tìm kiếm' }).waitFor();
    await page.getByRole('cell', { name: 'LLTP', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'qqzzxx wqwq', exact: true }).waitFor();
    await page.getByLabel('Từ người dân gõ').fill('giấy chào đời');
    await page.getByLabel('Từ trong danh mục thủ tục').fill('đăng ký khai sinh');
    await page.getByRole('button', { name: 'Thêm vào từ điển' }).click();
    await page.getByRole('cell', { name: 'giấy chào đời', exact: true }).waitFor();
    const found = (await (await page.request.get(`${t.server.url}/api/procedures?q=${encodeURIComponent('giấy chào đời')}`)).json()) as {
      items: { code: string }[];
    };
    expect(found.items[0]?.code).toBe('1.001193');
    // The ranking's weight is the administrators' alone: the controller's page does not offer it.
    expect(await page.getByRole('heading', { name: 'Xếp hạng theo mức độ sử dụng' }).count()).toBe(0);
    await page.context().close();
  });

  it('the administrator turns the popularity prior off and on again, and reads the dossier counts it uses', async () => {
    const page = await newPage(viewports[0]);
    await signIn(page, t.server.url, 'admin');
    await page.goto(`${t.server.url}/quan-tri/tu-dien-tim-kiem`);
    const section = page.getByRole('region', { name: 'Xếp hạng theo mức độ sử dụng' });
    await section.getByText(/Số hồ sơ đang dùng|Chưa có số hồ sơ/).waitFor();
    const weight = section.getByLabel('Trọng số mức độ sử dụng');
    expect(await weight.inputValue()).toBe('0,1');
    await weight.fill('0');
    await section.getByRole('button', { name: 'Lưu' }).click();
    await section.getByText('Đang tắt: thứ tự tìm kiếm không tính số hồ sơ.').waitFor();
    const settings = (await (await page.request.get(`${t.server.url}/api/search/settings`)).json()) as { popularityWeight: number };
    expect(settings.popularityWeight).toBe(0);
    await weight.fill('1,5');
    await section.getByRole('button', { name: 'Lưu' }).click();
    await section.getByText('Từ 0 đến 1. Mặc định: 0,1.').first().waitFor();
    await weight.fill('0,1');
    await section.getByRole('button', { name: 'Lưu' }).click();
    await section.getByText('Đang tắt: thứ tự tìm kiếm không tính số hồ sơ.').waitFor({ state: 'detached' });
    await page.context().close();
  });
});
