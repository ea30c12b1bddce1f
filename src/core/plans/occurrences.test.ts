import { describe, expect, it } from 'vitest';
import type { PlanDeadline } from '../../contract/plans';
import { createWorkCalendar } from '../calendar';
import { addWorkingDays, deadlineOccurrences, matchReports, planHorizon, workingDaysBefore } from './occurrences';

const text = { text: 'như ghi trong kế hoạch' };
const year2026 = { from: '2026-04-16', to: '2026-12-31' };
const dues = (deadline: PlanDeadline, horizon = year2026, planDate: string | null = '2026-04-16') =>
  deadlineOccurrences(deadline, horizon, planDate, createWorkCalendar());

describe('the horizon of a plan', () => {
  it('runs from its date to the end of the latest year it names, capped at ten years', () => {
    const base = { issuedOn: '2025-03-10', savedOn: '2025-04-01', title: 'Kế hoạch năm 2025', deadlines: [], targetYears: [] };
    expect(planHorizon(base)).toEqual({ from: '2025-03-10', to: '2025-12-31' });
    expect(planHorizon({ ...base, title: 'Kế hoạch giai đoạn 2025 - 2027' }).to).toBe('2027-12-31');
    expect(planHorizon({ ...base, targetYears: [2026, null] }).to).toBe('2026-12-31');
    expect(planHorizon({ ...base, deadlines: [{ kind: 'quarter', ...text, year: 2028, quarter: 2 }] }).to).toBe('2028-12-31');
    expect(planHorizon({ ...base, title: 'Tầm nhìn đến năm 2045' }).to).toBe('2035-12-31');
    expect(planHorizon({ ...base, issuedOn: null }).from).toBe('2025-04-01');
  });
});

describe('occurrences of each deadline kind', () => {
  it('one-off deadlines occur once, on their day or the last day of their period', () => {
    expect(dues({ kind: 'date', ...text, date: '2026-06-30' })).toEqual([{ dueOn: '2026-06-30', periodFrom: '2026-04-16' }]);
    expect(dues({ kind: 'quarter', ...text, year: 2026, quarter: 3 }).map((o) => o.dueOn)).toEqual(['2026-09-30']);
    expect(dues({ kind: 'month', ...text, year: 2026, month: 2 }).map((o) => o.dueOn)).toEqual(['2026-02-28']);
    expect(dues({ kind: 'year', ...text, year: 2026 }).map((o) => o.dueOn)).toEqual(['2026-12-31']);
    expect(dues({ kind: 'ongoing', ...text })).toEqual([]);
    expect(dues({ kind: 'text', ...text })).toEqual([]);
  });

  it('every month on a day: from the horizon start, each period from the day after the last', () => {
    const found = dues({ kind: 'periodic', ...text, every: 'month', day: 20 });
    expect(found.map((o) => o.dueOn)).toEqual([
      '2026-04-20',
      '2026-05-20',
      '2026-06-20',
      '2026-07-20',
      '2026-08-20',
      '2026-09-20',
      '2026-10-20',
      '2026-11-20',
      '2026-12-20',
    ]);
    expect(found[0]!.periodFrom).toBe('2026-04-16');
    expect(found[1]!.periodFrom).toBe('2026-04-21');
  });

  it('every month, quarter or year without a day: the period is the calendar one', () => {
    const months = dues({ kind: 'periodic', ...text, every: 'month' });
    expect(months[0]).toEqual({ dueOn: '2026-04-30', periodFrom: '2026-04-16' });
    expect(months[1]).toEqual({ dueOn: '2026-05-31', periodFrom: '2026-05-01' });
    const quarters = dues({ kind: 'periodic', ...text, every: 'quarter' });
    expect(quarters).toEqual([
      { dueOn: '2026-06-30', periodFrom: '2026-04-16' },
      { dueOn: '2026-09-30', periodFrom: '2026-07-01' },
      { dueOn: '2026-12-31', periodFrom: '2026-10-01' },
    ]);
    expect(dues({ kind: 'periodic', ...text, every: 'quarter', day: 25 }).map((o) => o.dueOn)).toEqual([
      '2026-06-25',
      '2026-09-25',
      '2026-12-25',
    ]);
    expect(dues({ kind: 'periodic', ...text, every: 'year' }, { from: '2025-01-01', to: '2026-12-31' }).map((o) => o.dueOn)).toEqual([
      '2025-12-31',
      '2026-12-31',
    ]);
  });

  it('every week: each Sunday, the period from its Monday', () => {
    const weeks = dues({ kind: 'periodic', ...text, every: 'week' }, { from: '2026-04-16', to: '2026-05-03' });
    expect(weeks).toEqual([
      { dueOn: '2026-04-19', periodFrom: '2026-04-16' },
      { dueOn: '2026-04-26', periodFrom: '2026-04-20' },
      { dueOn: '2026-05-03', periodFrom: '2026-04-27' },
    ]);
  });

  it('annual on a day: every year of the horizon, 29/2 on the 28th in a common year', () => {
    const horizon = { from: '2025-03-10', to: '2027-12-31' };
    expect(dues({ kind: 'annual', ...text, month: 6, day: 15 }, horizon).map((o) => o.dueOn)).toEqual([
      '2025-06-15',
      '2026-06-15',
      '2027-06-15',
    ]);
    expect(dues({ kind: 'annual', ...text, month: 2, day: 29 }, horizon).map((o) => o.dueOn)).toEqual(['2026-02-28', '2027-02-28']);
    expect(dues({ kind: 'annual', ...text, month: 6, day: 15 }, horizon)[1]!.periodFrom).toBe('2025-06-16');
  });

  it('relative to the plan issue: days, months, working days over the holidays; other events none', () => {
    const after = 'ngày Kế hoạch được ban hành';
    expect(dues({ kind: 'relative', ...text, amount: 10, unit: 'days', after }).map((o) => o.dueOn)).toEqual(['2026-04-26']);
    expect(dues({ kind: 'relative', ...text, amount: 3, unit: 'months', after }).map((o) => o.dueOn)).toEqual(['2026-07-16']);
    // Thursday 16/4/2026 + 10 working days: Giỗ Tổ (Sunday 26/4 → Monday 27/4 off), 30/4 and 1/5 off → Tuesday 5/5.
    expect(dues({ kind: 'relative', ...text, amount: 10, unit: 'working_days', after }).map((o) => o.dueOn)).toEqual(['2026-05-05']);
    expect(dues({ kind: 'relative', ...text, amount: 10, unit: 'days', after: 'ngày nhận được hồ sơ' })).toEqual([]);
    expect(dues({ kind: 'relative', ...text, amount: 10, unit: 'days', after }, year2026, null)).toEqual([]);
  });

  it('relative to another event: from the day recorded for it (days, months, working days); none until then', () => {
    const event = { kind: 'relative', ...text, after: 'tiếp nhận văn bản' } as const;
    expect(dues({ ...event, amount: 10, unit: 'days' })).toEqual([]);
    expect(dues({ ...event, amount: 10, unit: 'days', eventDate: '2026-04-24' })).toEqual([
      { dueOn: '2026-05-04', periodFrom: '2026-04-16' },
    ]);
    // The day of the month kept, or the month's last day: 31/1 + 1 month is 28/2, 30/4 + 3 months is 30/7.
    expect(dues({ ...event, amount: 1, unit: 'months', eventDate: '2026-01-31' }).map((o) => o.dueOn)).toEqual(['2026-02-28']);
    expect(dues({ ...event, amount: 3, unit: 'months', eventDate: '2026-04-30' }).map((o) => o.dueOn)).toEqual(['2026-07-30']);
    // Friday 24/4/2026 + 10 working days (day D not counted): Monday 27/4, 30/4 and 1/5 off → Wednesday 13/5.
    expect(dues({ ...event, amount: 10, unit: 'working_days', eventDate: '2026-04-24' }).map((o) => o.dueOn)).toEqual(['2026-05-13']);
    // Without a calendar, working days have no day; the plan's own date plays no part.
    expect(deadlineOccurrences({ ...event, amount: 10, unit: 'working_days', eventDate: '2026-04-24' }, year2026, null)).toEqual([]);
    expect(dues({ ...event, amount: 10, unit: 'days', eventDate: '2026-04-24' }, year2026, null).map((o) => o.dueOn)).toEqual([
      '2026-05-04',
    ]);
    // A day recorded on a deadline after the plan's own issue does not move it: the plan's date counts.
    const afterIssue = { kind: 'relative', ...text, after: 'ngày Kế hoạch được ban hành', amount: 10, unit: 'days' } as const;
    expect(dues({ ...afterIssue, eventDate: '2026-05-01' }).map((o) => o.dueOn)).toEqual(['2026-04-26']);
  });
});

describe('working days and reports', () => {
  const calendar = createWorkCalendar();
  it('counts working days back and forth over weekends and holidays', () => {
    // Tuesday 5/5/2026 − 3 working days: Monday 4/5, Wednesday 29/4 (30/4 and 1/5 off), Tuesday 28/4.
    expect(workingDaysBefore('2026-05-05', 3, calendar)).toBe('2026-04-28');
    expect(workingDaysBefore('2026-06-22', 1, calendar)).toBe('2026-06-19');
    expect(addWorkingDays('2026-06-19', 1, calendar)).toBe('2026-06-22');
  });

  it('gives each occurrence the earliest report not taken dated from its period start, late ones to the one missed', () => {
    const occurrences = [
      { dueOn: '2026-05-20', periodFrom: '2026-04-21' },
      { dueOn: '2026-06-20', periodFrom: '2026-05-21' },
      { dueOn: '2026-07-20', periodFrom: '2026-06-21' },
    ];
    expect(matchReports(occurrences, ['2026-05-10'])).toEqual([0, null, null]);
    // May missed, reported on 25/6: the late report meets May; June stays unmet.
    expect(matchReports(occurrences, ['2026-06-25'])).toEqual([0, null, null]);
    expect(matchReports(occurrences, ['2026-06-25', '2026-05-10', '2026-06-01'])).toEqual([1, 2, 0]);
    expect(matchReports(occurrences, ['2026-04-01'])).toEqual([null, null, null]);
  });
});
