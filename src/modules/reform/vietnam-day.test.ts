import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

const JUSTICE = '000.00.03.H01';

/**
 * The day changes in Vietnam at 17:00 UTC. Services that stamp or compare "today" must use Vietnam's day at
 * every hour: these run them with the clock fixed either side of that instant and at the end of the UTC day.
 */
const instants = [
  { utc: '2026-06-15T16:59:59Z', vietnamDay: '2026-06-15', isPastSubmissionDeadline: false },
  { utc: '2026-06-15T17:00:00Z', vietnamDay: '2026-06-16', isPastSubmissionDeadline: true },
  { utc: '2026-06-15T23:59:59Z', vietnamDay: '2026-06-16', isPastSubmissionDeadline: true },
];

describe.each(testBackends())('Vietnam’s calendar day in the simplification programme on %s', (backend) => {
  let t: TestApp;
  let justiceId: string;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: { procedureCodes: ['1.001193'] } });
    justiceId = (await t.app.inject({ url: '/api/units' })).json().items.find((unit: { code: string }) => unit.code === JUSTICE).id;
  }, 120_000);
  afterAll(() => t?.close());
  afterEach(() => vi.useRealTimers());

  it.each(instants)('at $utc a change of status is stamped $vietnamDay', async ({ utc, vietnamDay }) => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(utc) });
    const controller = await t.login('kiemsoat');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/reform/conditions',
      headers: controller,
      payload: {
        unitId: justiceId,
        field: 'Công chứng',
        text: `Điều kiện kiểm tra ngày ${utc}`,
        form: 'practising_certificate',
        sourceRegulation: 'Quyết định 9/2024/QĐ-UBND',
        sourceLevel: 'provincial',
        assessment: 'unnecessary',
        proposedAction: 'abolish',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const updated = await t.app.inject({
      method: 'PATCH',
      url: `/api/reform/conditions/${created.json().id}`,
      headers: controller,
      payload: { status: 'abolished', version: created.json().version },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().statusChangedOn).toBe(vietnamDay);
  });

  it.each(instants)(
    'at $utc a draft of 2026 is overdue after 15/6: $isPastSubmissionDeadline',
    async ({ utc, isPastSubmissionDeadline }) => {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(utc) });
      const leader = await t.login('lanhdao');
      const list = await t.app.inject({ url: '/api/reform/proposals?year=2026', headers: leader });
      expect(list.statusCode, list.body).toBe(200);
      const drafts = list
        .json()
        .items.filter((proposal: { status: string; year: number }) => proposal.status === 'draft' && proposal.year === 2026);
      expect(drafts.length).toBeGreaterThan(0);
      for (const draft of drafts) expect(draft).toMatchObject({ deadline: '2026-06-15', isOverdue: isPastSubmissionDeadline });
    },
  );
});
