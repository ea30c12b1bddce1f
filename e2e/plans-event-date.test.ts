import { describe, expect, it } from 'vitest';
import type { PlanDetail } from '../src/contract/plans';
import { browserAvailability, saveDemoPlan, signIn, useBrowserTests } from './browser';

const { isAvailable } = browserAvailability();

describe.skipIf(!isAvailable)('browser journey: the day of a deadline’s event (chromium)', () => {
  const t = useBrowserTests();

  it('the issuer’s office records the day a document was received in "Chi tiết"; the due date appears and is kept', async () => {
    const page = await t.newPage({ width: 1366, height: 900 });
    await signIn(page, t.server.url, 'kiemsoat');
    // A plan of 2025, so that the event's day is past whenever this runs.
    const plan = await saveDemoPlan(page, t.server.url, {
      plan: { date: '2025-01-02', title: 'Kế hoạch triển khai Quyết định công bố thủ tục hành chính' },
      tasks: [
        {
          ref: '1',
          title: 'Cập nhật quy trình nội bộ',
          deadlines: [
            {
              kind: 'relative',
              text: 'trong 10 ngày kể từ ngày tiếp nhận văn bản',
              amount: 10,
              unit: 'days',
              after: 'tiếp nhận văn bản',
            },
          ],
        },
      ],
    });

    await page.goto(`${t.server.url}/ke-hoach/${plan.id}`);
    await page.getByRole('heading', { level: 1, name: plan.title }).waitFor();
    await page.getByText('(Chờ ghi nhận ngày tiếp nhận văn bản)').waitFor();
    await page.getByRole('button', { name: 'Chi tiết nhiệm vụ 1' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Chờ ghi nhận ngày tiếp nhận văn bản').waitFor();
    const day = dialog.getByLabel('Ngày tiếp nhận văn bản');
    await day.fill('6/1/2025');
    await day.press('Tab');
    expect(await day.inputValue()).toBe('06/01/2025');
    await dialog.getByRole('button', { name: 'Lưu ngày' }).click();
    await dialog.getByText('Hạn: 16/01/2025').waitFor();
    await dialog.getByText('Đã lưu.').waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: plan.title }).waitFor();
    await page
      .getByRole('row', { name: /Cập nhật quy trình nội bộ/ })
      .getByText('16/01/2025')
      .waitFor();
    const stored = (await (await page.request.get(`${t.server.url}/api/plans/${plan.id}`)).json()) as PlanDetail;
    expect(stored.tasks[0]!.deadlines[0]).toMatchObject({ eventDate: '2025-01-06' });
    expect(stored.tasks[0]!.nextDue).toBe('2025-01-16');
    await page.context().close();
  }, 120_000);
});
