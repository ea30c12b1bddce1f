import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bieu06View } from '../src/contract/metrics';
import { openWorkbook } from '../src/core/workbook';
import { browserAvailability, signIn, useBrowserTests } from './browser';

/**
 * The monitoring journey of issue 13: kiemsoat opens the dashboard from the staff home, sees the province's rating,
 * drills into the count of dossiers resolved late and downloads Biểu 06 as XLSX, whose total line is the report's.
 * Then the public statistics page, reached from the site's footer. Screenshots at 1366 px and 390 px in .tmp/.
 */

const { isAvailable } = browserAvailability();
const BIEU06_FIRST_LINE_ROW = 15;

describe.skipIf(!isAvailable)('browser journey: monitoring (chromium)', () => {
  const t = useBrowserTests();

  it('kiemsoat opens the dashboard, sees the province rating, drills into the late dossiers and downloads Biểu 06 as XLSX', async () => {
    const page = await t.newPage({ width: 1366, height: 900 }, { acceptDownloads: true });
    page.setDefaultTimeout(30_000);
    await signIn(page, t.server.url, 'kiemsoat');

    // The staff home shows the province's score and leads to the dashboard.
    const summary = page.getByRole('region', { name: 'Chỉ số phục vụ người dân, doanh nghiệp' });
    await summary.getByText(/\/ 100 điểm/).waitFor();
    await summary.getByRole('link', { name: 'Mở bảng điều khiển' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bảng điều khiển giám sát' }).waitFor();
    const score = page.getByRole('region', { name: /^Điểm tổng hợp: UBND tỉnh/ });
    await score.getByText(/\/ 100 điểm/).waitFor();
    await expect.poll(() => score.getByText(/^(Xuất sắc|Tốt|Khá|Trung bình|Yếu)$/).count()).toBe(1);
    await page.screenshot({ path: '.tmp/e2e-monitoring-dashboard.png', fullPage: true });

    // The late-dossier count, and the list behind it.
    const warnings = page.getByRole('region', { name: 'Hồ sơ cần chú ý' });
    const lateTab = warnings.getByRole('tab', { name: /^Trả quá hạn trong kỳ: \d/ });
    await lateTab.waitFor();
    const lateCount = Number((await lateTab.textContent())!.replace(/\D+/g, ''));
    expect(lateCount).toBeGreaterThan(0);
    await lateTab.click();
    const lateTable = warnings.getByRole('table', { name: 'Trả quá hạn trong kỳ' });
    await lateTable.waitFor();
    await expect.poll(() => lateTable.locator('tbody tr').count()).toBe(Math.min(lateCount, 20));
    await expect.poll(() => lateTable.getByText('Quá hạn', { exact: true }).count()).toBe(Math.min(lateCount, 20));

    // Biểu 06 for the same unit and period, as the form.
    await page.getByRole('link', { name: 'Báo cáo Biểu 06' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo thống kê Biểu 06/VPCP/KSTT' }).waitFor();
    const table = page.getByRole('table', { name: 'Biểu 06: số hồ sơ theo lĩnh vực và cấp' });
    await table.getByRole('rowheader', { name: 'Tổng cộng' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải Excel (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^bieu-06-.+\.xlsx$/);
    const opened = await openWorkbook(readFileSync((await download.path())!));
    if ('error' in opened) throw new Error(opened.error);
    const sheet = opened.workbook.getWorksheet('Bieu06')!;
    const url = new URL(download.url());
    const report = (await (await page.request.get(`${t.server.url}/api/reports/bieu-06${url.search}`)).json()) as Bieu06View;
    const lines = report.levels.reduce((count, level) => count + 1 + level.fields.length, 0);
    const total = sheet.getRow(BIEU06_FIRST_LINE_ROW + lines);
    expect(total.getCell(2).value).toBe('Tổng cộng');
    expect(total.getCell(3).value).toBe(report.totals.received.total);
    // Columns A, B, then (1)–(11): resolved on time is (7), late (8) — cells 9 and 10.
    expect(total.getCell(9).value).toBe(report.totals.resolved.onTime);
    expect(total.getCell(10).value).toBe(report.totals.resolved.late);
    await page.screenshot({ path: '.tmp/e2e-monitoring-bieu06.png', fullPage: true });
    await page.context().close();
  }, 120_000);

  it('a visitor reaches the public statistics from the footer and sees the province results, on a phone', async () => {
    const page = await t.newPage({ width: 390, height: 844 });
    page.setDefaultTimeout(30_000);
    await page.goto(t.server.url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.screenshot({ path: '.tmp/e2e-monitoring-public-home.png', fullPage: true });
    await page.locator('footer').getByRole('link', { name: 'Thống kê kết quả giải quyết thủ tục hành chính' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thống kê kết quả giải quyết thủ tục hành chính' }).waitFor();
    await page.getByText(/^Công khai kết quả giải quyết thủ tục hành chính .* của UBND tỉnh/).waitFor();
    await page
      .getByRole('region', { name: 'Điểm tổng hợp' })
      .getByText(/\/ 100 điểm/)
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
    await page.screenshot({ path: '.tmp/e2e-monitoring-public.png', fullPage: true });
    await page.context().close();
  }, 120_000);
});
