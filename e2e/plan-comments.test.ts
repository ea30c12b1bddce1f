import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserAvailability, saveDemoPlan, signIn, useBrowserTests } from './browser';

const { isAvailable } = browserAvailability();

describe.skipIf(!isAvailable)("browser journey: a task's comments and a lead unit's report (chromium)", () => {
  const t = useBrowserTests();

  it('a specialist of Sở Tư pháp downloads its own report by default, edits and deletes a comment of theirs', async () => {
    // The plan, saved by the office of the Ủy ban (kiemsoat): issued by the province, one task led by Sở Tư pháp.
    const office = await t.newPage({ width: 1366, height: 900 });
    await signIn(office, t.server.url, 'kiemsoat');
    const plan = await saveDemoPlan(office, t.server.url, {
      plan: { title: 'Kế hoạch rà soát thủ tục hành chính năm 2026 (ý kiến)' },
      tasks: [{ ref: '1', title: 'Rà soát thủ tục lĩnh vực hộ tịch' }],
    });
    const justice = plan.tasks[0]!.units.find((unit) => unit.role === 'lead')!.unit!;
    await office.context().close();

    const page = await t.newPage({ width: 1366, height: 900 });
    await signIn(page, t.server.url, 'chuyenvien');
    await page.goto(`${t.server.url}/ke-hoach/${plan.id}`);
    await page.getByRole('heading', { level: 1, name: plan.title }).waitFor();
    if (process.env.PLAN_COMMENTS_SCREENSHOT) await page.screenshot({ path: `${process.env.PLAN_COMMENTS_SCREENSHOT}.plan.png` });
    // The export area chooses the reader's own lead unit.
    const chooser = page.getByRole('combobox', { name: 'Báo cáo của đơn vị' });
    await expect.poll(() => chooser.inputValue()).toBe('Sở Tư pháp');
    const docx = page.getByRole('link', { name: 'Báo cáo (DOCX)' });
    expect(await docx.getAttribute('href')).toContain(`unit=${justice.id}`);
    const pdf = await page.request.get(`${t.server.url}${await page.getByRole('link', { name: 'Báo cáo (PDF)' }).getAttribute('href')}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-disposition']).toContain('bao-cao-125-KH-UBND-STP-');
    if (process.env.PLAN_COMMENTS_SCREENSHOT) writeFileSync(`${process.env.PLAN_COMMENTS_SCREENSHOT}.pdf`, await pdf.body());

    await page.getByRole('button', { name: 'Chi tiết nhiệm vụ 1' }).click();
    const dialog = page.getByRole('dialog', { name: /Nhiệm vụ 1\./ });
    const comments = dialog.getByRole('region', { name: 'Ý kiến của các đơn vị' });
    await comments.getByLabel('Ý kiến của đơn vị').fill('Sở Tư pháp đã rà soát 10 thủ tục.');
    await comments.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await comments.getByText('Sở Tư pháp đã rà soát 10 thủ tục.').waitFor();

    await comments.getByRole('button', { name: /^Sửa ý kiến lúc/ }).click();
    await comments.getByLabel('Sửa ý kiến').fill('Sở Tư pháp đã rà soát 12 thủ tục.');
    await comments.getByRole('button', { name: 'Lưu' }).click();
    await comments.getByText('Sở Tư pháp đã rà soát 12 thủ tục.').waitFor();
    await comments.getByText('(đã sửa)').waitFor();
    if (process.env.PLAN_COMMENTS_SCREENSHOT) await page.screenshot({ path: `${process.env.PLAN_COMMENTS_SCREENSHOT}.edited.png` });

    await comments.getByRole('button', { name: /^Xóa ý kiến lúc/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Xóa ý kiến này?' });
    await confirm.getByRole('button', { name: 'Xóa' }).click();
    await confirm.waitFor({ state: 'detached' });
    await comments.getByText('Ý kiến đã được xóa').waitFor();
    expect(await comments.getByText('Sở Tư pháp đã rà soát 12 thủ tục.').count()).toBe(0);
    expect(await comments.getByRole('button', { name: /^Sửa ý kiến lúc/ }).count()).toBe(0);
    if (process.env.PLAN_COMMENTS_SCREENSHOT) await page.screenshot({ path: `${process.env.PLAN_COMMENTS_SCREENSHOT}.deleted.png` });
    await page.context().close();
  }, 180_000);
});
