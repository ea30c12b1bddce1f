import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlanDetail } from '../src/contract/plans';
import { browserAvailability, signIn, useBrowserTests } from './browser';

const { isAvailable } = browserAvailability();

/** A department's plan as a text file: its own office ("Văn phòng Sở") leads one task, a generic duty closes it. */
const PLAN = `UBND TỈNH AN GIANG
SỞ TƯ PHÁP
Số: 21/KH-STP
An Giang, ngày 02 tháng 3 năm 2026
KẾ HOẠCH
Kiểm soát thủ tục hành chính của Sở Tư pháp năm 2026

I. NHIỆM VỤ
1. Rà soát quy trình nội bộ giải quyết thủ tục hành chính lĩnh vực hộ tịch.
- Đơn vị chủ trì: Phòng Hành chính tư pháp.
- Đơn vị phối hợp: Văn phòng Sở.
- Thời gian hoàn thành: Quý II/2026.
2. Công khai kết quả rà soát trên Cổng thông tin điện tử của Sở.
- Đơn vị chủ trì: Văn phòng Sở.
- Thời gian hoàn thành: Tháng 7/2026.
II. TỔ CHỨC THỰC HIỆN
1. Các phòng, đơn vị thuộc Sở căn cứ Kế hoạch này triển khai thực hiện.
`;

describe.skipIf(!isAvailable)('browser journey: importing a plan document (chromium)', () => {
  const t = useBrowserTests();
  const folder = mkdtempSync(join(tmpdir(), 'motcua-plan-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('the administrator reads a department plan, finds its issuer and own divisions, leaves a generic duty out, corrects a deadline and saves', async () => {
    const file = join(folder, 'ke-hoach-so-tu-phap.txt');
    writeFileSync(file, PLAN);
    const page = await t.newPage({ width: 1366, height: 900 });
    await signIn(page, t.server.url, 'admin');
    await page.goto(`${t.server.url}/ke-hoach/nhap`);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole('button', { name: 'Đọc tệp' }).click();

    // The issuer the document names is the default; the Sở's own divisions are matched inside it.
    await page.getByRole('heading', { name: 'Nhiệm vụ (3)' }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Đơn vị ban hành' }).inputValue()).toBe('Sở Tư pháp');
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Đơn vị cho "Văn phòng Sở"' }).inputValue())
      .toBe('Văn phòng Sở — Sở Tư pháp');

    // The generic duty of "Tổ chức thực hiện" is left out; the second task's deadline corrected.
    await page.getByRole('checkbox', { name: 'Đưa nhiệm vụ II.1 vào kế hoạch' }).uncheck();
    await page.getByText('Lưu 2/3 nhiệm vụ').waitFor();
    await page.getByRole('button', { name: 'Sửa nhiệm vụ I.2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa nhiệm vụ I.2' });
    await dialog.getByLabel('Thời hạn (như văn bản ghi)').fill('Quý III/2026');
    await dialog.getByRole('button', { name: 'Áp dụng' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await page.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}$/);
    const planId = new URL(page.url()).pathname.split('/').at(-1)!;
    const plan = (await (await page.request.get(`${t.server.url}/api/plans/${planId}`)).json()) as PlanDetail;
    expect(plan.issuer.name).toBe('Sở Tư pháp');
    expect(plan.tasks.map((task) => task.ref)).toEqual(['I.1', 'I.2']);
    // Read again on saving: the corrected deadline is a quarter, due at its end.
    expect(plan.tasks[1]!.deadlines).toEqual([{ kind: 'quarter', year: 2026, quarter: 3, text: 'Quý III/2026' }]);
    expect(plan.tasks[1]!.nextDue).toBe('2026-09-30');
    expect(plan.tasks[1]!.units.find((unit) => unit.role === 'lead')?.unit?.name).toBe('Văn phòng Sở');
  });
});
