import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, type E2eServer, launchBrowser, signIn, startE2eServer } from './browser';

const { isAvailable } = browserAvailability();

describe.skipIf(!isAvailable)('browser journey: the NQ 66 targets dashboard (chromium)', () => {
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

  it('kiemsoat opens the dashboard, drills into a department, opens its proposal and downloads the DOCX', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, server.url, 'kiemsoat');

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
    await context.close();
  });
});
