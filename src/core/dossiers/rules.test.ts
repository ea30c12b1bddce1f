import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DossierAction, dossierActions, dossierStatuses } from '../../contract/enums';
import { createWorkCalendar } from '../calendar';
import { buildDefaultProcess } from './default-process';
import { actionAppliesToStep, isIssuingStep, previousSpecialistIndex, stepKind } from './steps';
import { checkApology, isNearDue, shiftForPause, shouldRemindApology, stepDueAt } from './timing';
import { type ActorCapabilities, allowedActionsFor, checkAction, type DossierRuleState, NO_CAPABILITIES } from './transitions';

const steps = buildDefaultProcess({ amount: 10, unit: 'working_days' });
const everything: ActorCapabilities = {
  deskOfficer: true,
  stepHolder: true,
  handlingLeader: true,
  handlingLeaderOrHead: true,
  applicant: true,
  consultedStaff: true,
};
const at = (overrides: Partial<DossierRuleState>): DossierRuleState => ({
  status: 'processing',
  accepted: true,
  hasApology: false,
  steps,
  activeIndex: 0,
  openConsultations: 0,
  ...overrides,
});
const calendar = createWorkCalendar();
const vn = (text: string) => new Date(`${text}+07:00`);

describe('the kinds of step of the default process', () => {
  it('reads desk, assignment, appraisal, review, approval, issue, return', () => {
    expect(steps.map((_, index) => stepKind(steps, index))).toEqual([
      'desk',
      'assignment',
      'appraisal',
      'review',
      'approval',
      'issue',
      'return',
    ]);
    expect(steps.map((_, index) => isIssuingStep(steps, index))).toEqual([false, false, false, false, false, true, false]);
    expect(previousSpecialistIndex(steps, 3)).toBe(2);
  });

  it('makes the step before the return the issuing one when there is no clerk', () => {
    const noClerk = steps.filter((step) => step.role !== 'clerk');
    expect(isIssuingStep(noClerk, 4)).toBe(true);
    expect(actionAppliesToStep('approve', noClerk, 4)).toBe(false);
    expect(actionAppliesToStep('issue_result', noClerk, 4)).toBe(true);
  });
});

describe('the transitions table', () => {
  const walk: [number, DossierAction][] = [
    [0, 'transfer'],
    [1, 'assign'],
    [2, 'submit_for_review'],
    [3, 'send_back'],
    [3, 'approve'],
    [4, 'approve'],
    [4, 'send_back'],
    [5, 'issue_result'],
  ];
  it.each(walk)('allows at step %i the action %s', (activeIndex, action) => {
    expect(checkAction(at({ activeIndex }), everything, action)).toEqual({ allowed: true });
  });

  it('refuses a step action on the wrong step with a Vietnamese reason of state', () => {
    expect(checkAction(at({ activeIndex: 0 }), everything, 'approve')).toEqual({
      allowed: false,
      kind: 'state',
      reason: 'Bước hiện tại không phải bước xem xét hoặc phê duyệt.',
    });
    expect(checkAction(at({ activeIndex: 2 }), everything, 'issue_result')).toMatchObject({ allowed: false, kind: 'state' });
  });

  it('blocks the submission while a consultation is open', () => {
    const check = checkAction(at({ activeIndex: 2, openConsultations: 2 }), everything, 'submit_for_review');
    expect(check).toMatchObject({ allowed: false, kind: 'state', reason: expect.stringContaining('phối hợp') });
  });

  it('tells the actor apart from the state', () => {
    expect(checkAction(at({ activeIndex: 2 }), NO_CAPABILITIES, 'submit_for_review')).toMatchObject({ kind: 'actor' });
    expect(checkAction(at({ status: 'submitted', accepted: false, activeIndex: null }), NO_CAPABILITIES, 'accept')).toMatchObject({
      kind: 'actor',
    });
  });

  it('allows one apology per dossier, only after acceptance', () => {
    expect(checkAction(at({}), everything, 'apologize').allowed).toBe(true);
    expect(checkAction(at({ hasApology: true }), everything, 'apologize')).toMatchObject({
      kind: 'state',
      reason: expect.stringContaining('một lần'),
    });
    expect(checkAction(at({ status: 'submitted', accepted: false }), everything, 'apologize').allowed).toBe(false);
  });

  it('lets a supplement before acceptance be accepted or refused at the desk, and one after only resumed', () => {
    const before = at({ status: 'supplement_requested', accepted: false, activeIndex: null });
    const after = at({ status: 'supplement_requested', accepted: true, activeIndex: 2 });
    expect(allowedActionsFor(before, everything)).toEqual(['accept', 'resume', 'refuse', 'stop']);
    expect(allowedActionsFor(after, everything)).toEqual(['resume', 'apologize', 'stop']);
  });

  it('leaves only the return on a result, and nothing on a closed dossier', () => {
    expect(allowedActionsFor(at({ status: 'result_ready', activeIndex: 6 }), everything)).toEqual(['return_result']);
    for (const status of ['returned', 'refused', 'stopped'] as const) {
      expect(allowedActionsFor(at({ status, activeIndex: null }), everything)).toEqual([]);
      expect(checkAction(at({ status }), everything, 'stop')).toMatchObject({ kind: 'state', reason: expect.stringMatching(/^Hồ sơ đã/) });
    }
  });

  it('never allows anything to an actor with no capability, and gives every refusal a reason', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...dossierStatuses),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: steps.length - 1 }), { nil: null }),
        fc.constantFrom(...dossierActions),
        (status, accepted, activeIndex, action) => {
          const check = checkAction(at({ status, accepted, activeIndex }), NO_CAPABILITIES, action);
          expect(check.allowed).toBe(false);
          if (!check.allowed) expect(check.reason.length).toBeGreaterThan(10);
        },
      ),
    );
  });
});

describe('the clock', () => {
  it('gives a step its due in working time from its start (2 days = 16 working hours)', () => {
    // Friday 2 Oct 2026 09:00 + 16 h → Tuesday 6 Oct 09:00.
    expect(stepDueAt(calendar, vn('2026-10-02T09:00:00'), { amount: 2, unit: 'working_days' }).toISOString()).toBe(
      vn('2026-10-06T09:00:00').toISOString(),
    );
  });

  it('moves the dues by the paused working time across Tết 2026', () => {
    const pause = { startedAt: vn('2026-02-13T08:00:00'), endedAt: vn('2026-02-24T08:00:00') };
    const shifted = shiftForPause(calendar, pause, { dossierDueAt: vn('2026-02-26T17:00:00'), stepDueAt: null });
    // Friday 13/2 and Monday 23/2 are working days; 14–22/2 are Tết and weekends.
    expect(shifted.workingMinutes).toBe(2 * 480);
    expect(shifted.dossierDueAt?.getTime()).toBe(calendar.shiftDueByPause(vn('2026-02-26T17:00:00'), 960).getTime());
    expect(shifted.stepDueAt).toBeNull();
  });

  it('applies the apology rule: a working day ahead, and a later new due', () => {
    const due = calendar.endOfWorkingDay('2026-10-09');
    expect(checkApology(calendar, vn('2026-10-08T09:00:00'), due, '2026-10-14')).toMatchObject({ allowed: true });
    expect(checkApology(calendar, vn('2026-10-09T09:00:00'), due, '2026-10-14')).toMatchObject({ allowed: false });
    expect(checkApology(calendar, vn('2026-10-07T09:00:00'), due, '2026-10-09')).toMatchObject({
      allowed: false,
      reason: 'Ngày hẹn trả mới phải sau thời hạn hiện tại.',
    });
    expect(checkApology(calendar, vn('2026-10-07T09:00:00'), due, '2026-10-10')).toMatchObject({ allowed: false });
  });

  it('warns near the due and reminds to apologise a working day ahead', () => {
    const due = calendar.endOfWorkingDay('2026-10-09');
    expect(isNearDue(calendar, vn('2026-10-09T14:00:00'), due)).toBe(true);
    expect(isNearDue(calendar, vn('2026-10-09T08:00:00'), due)).toBe(false);
    expect(shouldRemindApology(calendar, vn('2026-10-08T17:30:00'), due)).toBe(true);
    expect(shouldRemindApology(calendar, vn('2026-10-07T17:00:00'), due)).toBe(false);
  });
});
