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

/** Either side of the approval deadline (30/6/2026, Vietnam's day). */
const approvalInstants = [
  { utc: '2026-06-30T16:59:59Z', isPastApprovalDeadline: false },
  { utc: '2026-06-30T17:00:00Z', isPastApprovalDeadline: true },
  { utc: '2026-06-30T23:59:59Z', isPastApprovalDeadline: true },
];

type Summary = { id: string; status: string; year: number; isOverdue: boolean; isApprovalOverdue: boolean; approvalDeadline: string };

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

  const proposalsOf2026 = async (headers: Record<string, string>) => {
    const list = await t.app.inject({ url: '/api/reform/proposals?year=2026', headers });
    expect(list.statusCode, list.body).toBe(200);
    return list.json().items as Summary[];
  };

  it.each(approvalInstants)(
    'at $utc a proposal of 2026 waiting for approval is late after 30/6: $isPastApprovalDeadline',
    async ({ utc, isPastApprovalDeadline }) => {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(utc) });
      const proposals = await proposalsOf2026(await t.login('kiemsoat'));
      const waiting = proposals.filter((proposal) => proposal.status === 'submitted' || proposal.status === 'consolidated');
      // The demo holds one submitted proposal and two consolidated ones (Công an tỉnh's, addressed to Bộ Công an).
      expect(waiting.map((proposal) => proposal.status).sort()).toEqual(['consolidated', 'consolidated', 'submitted']);
      for (const proposal of waiting) {
        expect(proposal).toMatchObject({ approvalDeadline: '2026-06-30', isApprovalOverdue: isPastApprovalDeadline, isOverdue: false });
      }
      // A draft is late for submission (its own flag), a decided proposal is late for nothing.
      for (const proposal of proposals.filter((item) => !waiting.includes(item))) {
        expect(proposal, proposal.status).toMatchObject({ isApprovalOverdue: false, isOverdue: proposal.status === 'draft' });
      }
      const detail = await t.app.inject({ url: `/api/reform/proposals/${waiting[0]!.id}`, headers: await t.login('kiemsoat') });
      expect(detail.json()).toMatchObject({ approvalDeadline: '2026-06-30', isApprovalOverdue: isPastApprovalDeadline });
    },
  );

  it("keeps each year's deadlines: procedure control moves 2026's, 2027 keeps the rule", async () => {
    const controller = await t.login('kiemsoat');
    const put = (year: number, payload: object, headers: Record<string, string> = controller) =>
      t.app.inject({ method: 'PUT', url: `/api/reform/deadlines/${year}`, headers, payload });
    expect((await t.app.inject({ url: '/api/reform/deadlines/2026' })).json()).toEqual({
      year: 2026,
      submissionDeadline: '2026-06-15',
      approvalDeadline: '2026-06-30',
      isDefault: true,
    });
    // Refused: a day of another year, approval before submission, a specialist.
    const otherYear = await put(2026, { submissionDeadline: '2027-06-15', approvalDeadline: '2026-06-30' });
    expect(otherYear.statusCode).toBe(422);
    expect(otherYear.json().error.details).toEqual([{ path: 'submissionDeadline', message: 'Hạn phải là một ngày của năm 2026.' }]);
    const backwards = await put(2026, { submissionDeadline: '2026-07-10', approvalDeadline: '2026-07-01' });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.details[0].message).toContain('10/07/2026');
    const specialist = await put(2026, { submissionDeadline: '2026-07-10', approvalDeadline: '2026-07-31' }, await t.login('chuyenvien'));
    expect(specialist.statusCode).toBe(403);

    const moved = await put(2026, { submissionDeadline: '2026-07-10', approvalDeadline: '2026-07-31' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toEqual({ year: 2026, submissionDeadline: '2026-07-10', approvalDeadline: '2026-07-31', isDefault: false });
    expect((await t.app.inject({ url: '/api/reform/deadlines/2027' })).json()).toMatchObject({
      approvalDeadline: '2027-06-30',
      isDefault: true,
    });

    // 1/7/2026, 00:30 in Vietnam: past the rule's deadlines, within the year's own.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-06-30T17:30:00Z') });
    const proposals = await proposalsOf2026(controller);
    expect(proposals.length).toBeGreaterThan(0);
    for (const proposal of proposals) {
      expect(proposal).toMatchObject({
        deadline: '2026-07-10',
        approvalDeadline: '2026-07-31',
        isOverdue: false,
        isApprovalOverdue: false,
      });
    }
    vi.useRealTimers();
    expect((await put(2026, { submissionDeadline: '2026-06-15', approvalDeadline: '2026-06-30' })).statusCode).toBe(200);
  });
});
