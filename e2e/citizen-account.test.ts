import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, type E2eServer, launchBrowser, startE2eServer } from './browser';

const { isAvailable } = browserAvailability();

/** The code in the last message the outbox holds for `recipient`, as the person reads it in their mail. */
async function codeSentTo(server: E2eServer, recipient: string): Promise<string> {
  const result = (await server.database.db.execute(
    sql`select body from notify_outbox where recipient = ${recipient} order by created_at desc, id desc limit 1`,
  )) as unknown as { rows: { body: string }[] };
  const code = /\b(\d{6})\b/.exec(result.rows[0]?.body ?? '')?.[1];
  if (!code) throw new Error(`no code sent to ${recipient}`);
  return code;
}

describe.skipIf(!isAvailable)('a citizen’s account (chromium)', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('registers, verifies the code, lands on Hồ sơ của tôi, signs out, resets the password and signs in with it', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN' });
    const page: Page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const personalId = `0010950${String(Date.now()).slice(-5)}`;
    const email = `cong.dan.${personalId}@example.vn`;

    await page.goto(`${server.url}/dang-nhap`);
    await page.getByRole('link', { name: 'Đăng ký tài khoản' }).click();
    await page.getByLabel('Số căn cước công dân (CCCD)').fill(personalId);
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('Sen-vang-no-2026');
    await page.getByLabel('Nhập lại mật khẩu').fill('Sen-vang-no-2026');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await page.getByRole('heading', { name: 'Nhập mã xác minh' }).waitFor();
    await page.getByLabel('Mã xác minh').fill(await codeSentTo(server, email));
    await page.getByRole('button', { name: 'Xác minh và đăng nhập' }).click();

    await page.waitForURL((url) => url.pathname === '/ho-so-cua-toi');
    await page.getByRole('heading', { level: 1, name: 'Xin chào, Nguyễn Thị Hoa' }).waitFor();
    await page.getByText('Bạn chưa nộp hồ sơ nào.').waitFor();
    await page.getByRole('heading', { name: 'Thông tin tài khoản' }).waitFor();
    expect(await page.getByRole('table', { name: 'Thông tin tài khoản' }).textContent()).toContain(personalId);
    // The staff area is not theirs: its address sends them home.
    await page.goto(`${server.url}/can-bo`);
    await page.waitForURL((url) => url.pathname === '/ho-so-cua-toi');
    expect(await page.getByText('Vai trò: Công dân').count()).toBe(0);

    await page.getByRole('button', { name: 'Tài khoản: Nguyễn Thị Hoa' }).click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    await page.goto(`${server.url}/dang-nhap`);
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await page.getByLabel('Tên đăng nhập, e-mail hoặc số điện thoại').fill(email);
    await page.getByRole('button', { name: 'Gửi mã khôi phục' }).click();
    await page.getByLabel('Mã khôi phục').waitFor();
    await page.getByLabel('Mã khôi phục').fill(await codeSentTo(server, email));
    await page.getByLabel('Mật khẩu mới').fill('Mat-khau-moi-2026');
    await page.getByLabel('Nhập lại mật khẩu').fill('Mat-khau-moi-2026');
    await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await page.waitForURL((url) => url.pathname === '/dang-nhap');

    await page.getByLabel('Tên đăng nhập').fill(personalId);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('Mat-khau-moi-2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname === '/ho-so-cua-toi');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(1);
    await context.close();
  }, 120_000);
});
