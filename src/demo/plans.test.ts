import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlanDetail } from '../contract/plans';
import { createTestApp, type TestApp } from '../test/harness';

// Loaded on 7/12/2026 (Vietnam): the plans are of 2026, and every report whose day has come is made.
const NOW = new Date('2026-12-07T03:00:00Z');

describe('the demo plans (dữ liệu mẫu, issue 14)', () => {
  let t: TestApp;
  let headers: Awaited<ReturnType<TestApp['login']>>;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    t = await createTestApp('pglite', { demo: { procedureCodes: [], baselines: false, plans: true, now: NOW } });
    headers = await t.login('kiemsoat');
  }, 120_000);
  afterAll(async () => {
    vi.useRealTimers();
    await t?.close();
  });

  const get = async <T>(url: string) => {
    const response = await t.app.inject({ url, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };

  it("saves the province's plan and the Sở Tư pháp's plan under it, every unit the documents name matched", async () => {
    const { items } = await get<{ items: { id: string; number: string; parentPlanId: string | null }[] }>('/api/plans');
    const province = items.find((plan) => plan.number === '18/KH-UBND')!;
    const justice = items.find((plan) => plan.number === '07/KH-STP')!;
    expect(justice.parentPlanId).toBe(province.id);
    for (const { id } of [province, justice]) {
      const plan = await get<PlanDetail>(`/api/plans/${id}`);
      expect(plan.date?.startsWith('2026-')).toBe(true);
      // The units a task is given to are in the demo tree (only the collective "Các sở, ban, ngành" is left unmatched),
      // the department's own "Văn phòng Sở" and "Phòng Hành chính tư pháp" among them.
      const unmatched = plan.tasks.flatMap((task) => task.units.filter((unit) => unit.unit === null).map((unit) => unit.name));
      expect(
        unmatched.filter((name) => !/^các sở, ban, ngành$/i.test(name)),
        plan.number ?? '',
      ).toEqual([]);
    }
    const detail = await get<PlanDetail>(`/api/plans/${justice.id}`);
    expect(detail.issuer.name).toBe('Sở Tư pháp');
    const office = detail.tasks.flatMap((task) => task.units).find((unit) => unit.name === 'Văn phòng Sở');
    expect(office?.unit?.name).toBe('Văn phòng Sở');
  });

  it('has progress reports, done tasks and overdue ones for the lists, the calendar and the roll-up', async () => {
    const { items } = await get<{ items: { number: string; doneCount: number; taskCount: number }[] }>('/api/plans');
    expect(items.find((plan) => plan.number === '18/KH-UBND')).toMatchObject({ taskCount: 11 });
    expect(items.reduce((sum, plan) => sum + plan.doneCount, 0)).toBeGreaterThanOrEqual(3);
    const overdue = await get<{ items: unknown[] }>('/api/plans/overdue');
    expect(overdue.items.length).toBeGreaterThan(0);
  });
});
