import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bieu06View } from '../src/contract/metrics';
import type { ProcessingTimesView } from '../src/contract/metrics-processing-times';
import { vietnamDate } from '../src/core/vietnam-time';
import { openWorkbook } from '../src/core/workbook';
import { browserAvailability, signIn, useBrowserTests } from './browser';

/**
 * The monitoring journey of issue 13: kiemsoat opens the dashboard from the staff home, sees the province's rating,
 * drills into the count of dossiers resolved late and downloads Biểu 06 as XLSX, whose total line is the report's.
 * Then the public statistics page, reached from the site's footer. Screenshots at 1366 px and 390 px in .tmp/.
 */

const { isAvailable } = browserAvailability();
const BIEU06_FIRST_LINE_ROW = 15;
const DAY_MS = 86_400_000;
/** A count as the page writes it (Vietnamese thousands separator). */
const formatCount = (value: number) => new Intl.NumberFormat('vi-VN').format(value);

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

  it('kiemsoat compares measured processing times with 2024 by procedure, then by department, and opens one department', async () => {
    const page = await t.newPage({ width: 1366, height: 900 });
    page.setDefaultTimeout(30_000);
    await signIn(page, t.server.url, 'kiemsoat');
    // The demo's 12 months up to yesterday (the page's custom period; at most 366 days).
    const now = Date.now();
    const [from, to] = [vietnamDate(new Date(now - 365 * DAY_MS)), vietnamDate(new Date(now - DAY_MS))];
    const answerOf = (grouping: 'procedure' | 'unit') =>
      page.waitForResponse(
        (response) => response.url().includes('/api/metrics/processing-times') && response.url().includes(`groupBy=${grouping}`),
      );
    const [byProcedure] = await Promise.all([
      answerOf('procedure'),
      page.goto(`${t.server.url}/giam-sat/thoi-gian-xu-ly?ky=tuy-chon&tu=${from}&den=${to}`),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Thời gian giải quyết thực tế' }).waitFor();
    const procedures = (await byProcedure.json()) as ProcessingTimesView;
    expect(procedures.total.measured.dossiers).toBeGreaterThan(0);
    const table = page.getByRole('table', { name: 'Thời gian giải quyết thực tế' });
    const totalRow = table.getByRole('row').filter({ hasText: 'Toàn đơn vị' });
    await expect.poll(() => totalRow.getByRole('cell').nth(0).textContent()).toBe(formatCount(procedures.total.measured.dossiers));
    // Each procedure row links to its reform page; the first one is the procedure with most dossiers.
    const first = procedures.items[0]!;
    await table
      .getByRole('link', { name: first.procedure?.name ?? 'Thủ tục không còn hiệu lực' })
      .first()
      .waitFor();

    const [byUnit] = await Promise.all([answerOf('unit'), page.getByText('Đơn vị trực thuộc', { exact: true }).click()]);
    await page.waitForURL(/nhom=don-vi/);
    const units = (await byUnit.json()) as ProcessingTimesView;
    expect(units.total.measured.dossiers).toBe(procedures.total.measured.dossiers);
    const department = units.items.find((row) => row.unit && !row.unit.isSelf)!;
    const [opened] = await Promise.all([
      answerOf('unit'),
      page.getByRole('link', { name: `Xem thời gian xử lý của ${department.unit!.name}` }).click(),
    ]);
    const inside = (await opened.json()) as ProcessingTimesView;
    expect(inside.unit.code).toBe(department.unit!.code);
    expect(inside.total.measured.dossiers).toBe(department.measured.dossiers);
    await page.screenshot({ path: '.tmp/e2e-monitoring-processing-times.png', fullPage: true });
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
