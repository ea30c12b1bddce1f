import { describe, expect, it } from 'vitest';
import type { PlanDetail } from '../src/contract/plans';
import { browserAvailability, saveDemoPlan, signIn, useBrowserTests } from './browser';

const { isAvailable } = browserAvailability();

describe.skipIf(!isAvailable)('browser journey: editing a saved plan (chromium)', () => {
  const t = useBrowserTests();

  it('the office of the Ủy ban (kiemsoat) renames a plan in "Sửa kế hoạch" and adds a task, both kept after a reload', async () => {
    const page = await t.newPage({ width: 1366, height: 900 });
    await signIn(page, t.server.url, 'kiemsoat');

    // The plan as saved from the import page: issued by the province, one task led by Sở Tư pháp.
    const plan = await saveDemoPlan(page, t.server.url, {
      plan: { title: 'Kế hoạch kiểm soát thủ tục hành chính năm 2026' },
      tasks: [{ ref: '1', title: 'Rà soát quy trình nội bộ', deadlines: [{ kind: 'text', text: 'Quý II năm 2026' }] }],
    });
    const justice = plan.tasks[0]!.units.find((unit) => unit.role === 'lead')!.unit!;

    await page.goto(`${t.server.url}/ke-hoach/${plan.id}`);
    await page.getByRole('heading', { level: 1, name: plan.title }).waitFor();
    const editMode = page.getByRole('button', { name: 'Sửa kế hoạch' });
    await editMode.click();
    await page.getByRole('button', { name: 'Xong sửa kế hoạch', pressed: true }).waitFor();

    // The plan's title.
    await page.getByRole('button', { name: 'Sửa thông tin kế hoạch' }).click();
    const planDialog = page.getByRole('dialog', { name: 'Sửa thông tin kế hoạch' });
    const newTitle = 'Kế hoạch kiểm soát thủ tục hành chính năm 2026 (sửa đổi, bổ sung)';
    await planDialog.getByLabel('Tên kế hoạch').fill(newTitle);
    await planDialog.getByRole('button', { name: 'Lưu' }).click();
    await planDialog.waitFor({ state: 'detached' });
    await page.getByText('Đã lưu thông tin kế hoạch.').waitFor();
    await page.getByRole('heading', { level: 1, name: newTitle }).waitFor();

    // A new task, led by Sở Tư pháp.
    await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    const taskDialog = page.getByRole('dialog', { name: 'Thêm nhiệm vụ' });
    await taskDialog.getByRole('textbox', { name: 'Số thứ tự' }).fill('2');
    await taskDialog.getByRole('textbox', { name: 'Tên nhiệm vụ' }).fill('Công khai kết quả rà soát trên Cổng thông tin');
    await taskDialog.getByLabel('Thời hạn (như văn bản ghi)').fill('Quý III năm 2026');
    const leadPicker = taskDialog.getByLabel('Thêm đơn vị chủ trì');
    await leadPicker.click();
    await leadPicker.fill('Sở Tư pháp');
    await page.getByRole('option', { name: 'Sở Tư pháp', exact: true }).click();
    await taskDialog.getByText('Sở Tư pháp', { exact: true }).waitFor();
    await taskDialog.getByRole('button', { name: 'Lưu' }).click();
    await taskDialog.waitFor({ state: 'detached' });
    await page.getByText('Đã thêm nhiệm vụ.').waitFor();
    const tasks = page.getByRole('table', { name: /nhiệm vụ/i });
    await tasks.getByRole('row', { name: /Công khai kết quả rà soát trên Cổng thông tin/ }).waitFor();

    // Saved: a reload shows both, and the API says so.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: newTitle }).waitFor();
    const row = page.getByRole('row', { name: /Công khai kết quả rà soát trên Cổng thông tin/ });
    await row.getByText('Sở Tư pháp').waitFor();
    await row.getByText('Quý III năm 2026').waitFor();
    const stored = (await (await page.request.get(`${t.server.url}/api/plans/${plan.id}`)).json()) as PlanDetail;
    expect(stored.title).toBe(newTitle);
    expect(stored.tasks.map((task) => [task.ref, task.title, task.units.map((unit) => unit.unit?.id)])).toEqual([
      ['1', 'Rà soát quy trình nội bộ', [justice.id]],
      ['2', 'Công khai kết quả rà soát trên Cổng thông tin', [justice.id]],
    ]);
    await page.context().close();
  }, 120_000);
});
