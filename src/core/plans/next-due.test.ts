import { describe, expect, it } from 'vitest';
import type { PlanDeadline } from '../../contract/plans';
import { createWorkCalendar } from '../calendar';
import { vietnamDate } from '../vietnam-time';
import { deadlineDue, nextDueDate, nextDueOfTask } from './next-due';
import { deadlineOccurrences } from './occurrences';

// 17:30 UTC on 14/6/2026 is already 00:30 on Monday 15/6/2026 in Vietnam: the day counted is the 15th, not the 14th.
const lateEvening = vietnamDate(new Date('2026-06-14T17:30:00Z'));
// 16:30 UTC on 15/6/2026 is 23:30 the same day in Vietnam.
const beforeMidnight = vietnamDate(new Date('2026-06-15T16:30:00Z'));

const text = { text: 'như ghi trong kế hoạch' };

describe('next due date of each deadline kind, in Vietnam days', () => {
  it('counts the Vietnam day around 17:00 UTC', () => {
    expect(lateEvening).toBe('2026-06-15');
    expect(beforeMidnight).toBe('2026-06-15');
    expect(vietnamDate(new Date('2026-06-15T17:00:00Z'))).toBe('2026-06-16');
  });

  it('date: the day itself, even when past', () => {
    expect(nextDueDate({ kind: 'date', ...text, date: '2026-12-31' }, lateEvening)).toBe('2026-12-31');
    expect(nextDueDate({ kind: 'date', ...text, date: '2025-04-30' }, lateEvening)).toBe('2025-04-30');
  });

  it('annual 15/6: today when today is 15/6 in Vietnam, next year from 16/6', () => {
    const annual: PlanDeadline = { kind: 'annual', ...text, month: 6, day: 15 };
    expect(nextDueDate(annual, lateEvening)).toBe('2026-06-15');
    expect(nextDueDate(annual, vietnamDate(new Date('2026-06-15T17:00:00Z')))).toBe('2027-06-15');
    expect(nextDueDate(annual, '2026-01-10')).toBe('2026-06-15');
    // 31/6 does not exist: the month's last day; 29/2 outside a leap year: 28/2.
    expect(nextDueDate({ kind: 'annual', ...text, month: 6, day: 31 }, '2026-06-01')).toBe('2026-06-30');
    expect(nextDueDate({ kind: 'annual', ...text, month: 2, day: 29 }, '2026-06-01')).toBe('2027-02-28');
    expect(nextDueDate({ kind: 'annual', ...text, month: 2, day: 29 }, '2027-06-01')).toBe('2028-02-29');
  });

  it('year, quarter, month: the last day of the period', () => {
    expect(nextDueDate({ kind: 'year', ...text, year: 2026 }, lateEvening)).toBe('2026-12-31');
    expect(nextDueDate({ kind: 'quarter', ...text, year: 2026, quarter: 1 }, lateEvening)).toBe('2026-03-31');
    expect(nextDueDate({ kind: 'quarter', ...text, year: 2026, quarter: 2 }, lateEvening)).toBe('2026-06-30');
    expect(nextDueDate({ kind: 'month', ...text, year: 2028, month: 2 }, lateEvening)).toBe('2028-02-29');
  });

  it('periodic on a day: the next such day on or after today, a day past the month end its last day', () => {
    const monthly = { kind: 'periodic', ...text, every: 'month', day: 20 } as const;
    expect(nextDueDate(monthly, '2026-06-20')).toBe('2026-06-20');
    expect(nextDueDate(monthly, '2026-06-21')).toBe('2026-07-20');
    expect(nextDueDate(monthly, '2026-12-21')).toBe('2027-01-20');
    expect(nextDueDate({ ...monthly, day: 31 }, '2026-02-10')).toBe('2026-02-28');
    const quarterly = { kind: 'periodic', ...text, every: 'quarter', day: 25 } as const;
    expect(nextDueDate(quarterly, '2026-04-01')).toBe('2026-06-25');
    expect(nextDueDate(quarterly, '2026-06-26')).toBe('2026-09-25');
    expect(nextDueDate(quarterly, '2026-12-26')).toBe('2027-03-25');
  });

  it('periodic: the end of the current period of the Vietnam day', () => {
    // 15/6/2026 is a Monday: the week ends on Sunday 21/6.
    expect(nextDueDate({ kind: 'periodic', ...text, every: 'week' }, lateEvening)).toBe('2026-06-21');
    expect(nextDueDate({ kind: 'periodic', ...text, every: 'week' }, '2026-06-21')).toBe('2026-06-21');
    expect(nextDueDate({ kind: 'periodic', ...text, every: 'month' }, lateEvening)).toBe('2026-06-30');
    expect(nextDueDate({ kind: 'periodic', ...text, every: 'quarter' }, lateEvening)).toBe('2026-06-30');
    expect(nextDueDate({ kind: 'periodic', ...text, every: 'quarter' }, '2026-07-01')).toBe('2026-09-30');
    expect(nextDueDate({ kind: 'periodic', ...text, every: 'year' }, lateEvening)).toBe('2026-12-31');
    // The 30th of June at 17:00 UTC is already July in Vietnam.
    expect(nextDueDate({ kind: 'periodic', ...text, every: 'month' }, vietnamDate(new Date('2026-06-30T17:00:00Z')))).toBe('2026-07-31');
  });

  it('relative: from the plan’s own issue when it has a date; otherwise none', () => {
    const afterIssue: PlanDeadline = {
      kind: 'relative',
      text: 'trong 30 ngày kể từ ngày Kế hoạch được ban hành',
      amount: 30,
      unit: 'days',
      after: 'ngày Kế hoạch được ban hành',
    };
    expect(nextDueDate(afterIssue, lateEvening, '2026-05-20')).toBe('2026-06-19');
    expect(nextDueDate({ ...afterIssue, unit: 'months', amount: 3 }, lateEvening, '2026-11-30')).toBe('2027-02-28');
    expect(nextDueDate(afterIssue, lateEvening, null)).toBeNull();
    expect(nextDueDate({ ...afterIssue, after: 'khi có văn bản hướng dẫn của Bộ' }, lateEvening, '2026-05-20')).toBeNull();
  });

  it('relative in working days: on the work calendar, as the stored occurrence; none without a calendar', () => {
    const afterIssue: PlanDeadline = {
      kind: 'relative',
      text: 'trong 10 ngày làm việc kể từ ngày Kế hoạch được ban hành',
      amount: 10,
      unit: 'working_days',
      after: 'ngày Kế hoạch được ban hành',
    };
    const calendar = createWorkCalendar();
    // Thursday 16/4/2026 + 10 working days: Monday 27/4 (Giỗ Tổ on Sunday 26/4), 30/4 and 1/5 off → Tuesday 5/5.
    expect(nextDueDate(afterIssue, '2026-04-20', '2026-04-16', calendar)).toBe('2026-05-05');
    expect(nextDueDate(afterIssue, '2026-04-20', '2026-04-16', calendar)).toBe(
      deadlineOccurrences(afterIssue, { from: '2026-04-16', to: '2026-12-31' }, '2026-04-16', calendar)[0]!.dueOn,
    );
    expect(nextDueOfTask([afterIssue, { kind: 'date', ...text, date: '2026-05-08' }], '2026-04-20', '2026-04-16', calendar)).toBe(
      '2026-05-05',
    );
    expect(nextDueDate(afterIssue, '2026-04-20', '2026-04-16')).toBeNull();
    expect(nextDueDate(afterIssue, '2026-04-20', null, calendar)).toBeNull();
  });

  it('relative to another event: from its recorded day, as the stored occurrence; waiting for it until then', () => {
    const calendar = createWorkCalendar();
    const event: PlanDeadline = {
      kind: 'relative',
      text: 'trong 30 ngày làm việc kể từ ngày Quyết định công bố có hiệu lực',
      amount: 30,
      unit: 'working_days',
      after: 'Quyết định công bố có hiệu lực',
    };
    expect(deadlineDue(event, '2026-04-20', '2026-04-16', calendar)).toEqual({
      dueOn: null,
      isEventDated: true,
      note: 'Chờ ghi nhận ngày Quyết định công bố có hiệu lực',
    });
    const recorded = { ...event, eventDate: '2026-04-24' };
    // Friday 24/4/2026 + 30 working days over 27/4, 30/4 and 1/5 (off): Wednesday 10/6.
    expect(nextDueDate(recorded, '2026-04-27', '2026-04-16', calendar)).toBe('2026-06-10');
    expect(nextDueDate(recorded, '2026-04-27', '2026-04-16', calendar)).toBe(
      deadlineOccurrences(recorded, { from: '2026-04-16', to: '2026-12-31' }, '2026-04-16', calendar)[0]!.dueOn,
    );
    expect(deadlineDue(recorded, '2026-04-27', '2026-04-16', calendar)).toEqual({ dueOn: '2026-06-10', isEventDated: true, note: null });
    expect(nextDueDate({ ...recorded, unit: 'days', amount: 10 }, '2026-04-27', null)).toBe('2026-05-04');
    expect(nextDueOfTask([event, { kind: 'date', ...text, date: '2026-05-08' }], '2026-04-20', '2026-04-16', calendar)).toBe('2026-05-08');
    const afterIssue: PlanDeadline = { ...event, after: 'Kế hoạch được ban hành', unit: 'days', amount: 10 };
    expect(deadlineDue(afterIssue, '2026-04-20', null)).toEqual({ dueOn: null, isEventDated: false, note: 'Chờ ngày ban hành kế hoạch' });
    expect(deadlineDue({ kind: 'ongoing', text: 'Thường xuyên' }, '2026-04-20')).toEqual({ dueOn: null, isEventDated: false, note: null });
  });

  it('ongoing and text: none', () => {
    expect(nextDueDate({ kind: 'ongoing', text: 'Thường xuyên' }, lateEvening)).toBeNull();
    expect(nextDueDate({ kind: 'text', text: 'Theo tiến độ của Bộ' }, lateEvening)).toBeNull();
  });

  it('a task is next due on the earliest of its deadlines', () => {
    const deadlines: PlanDeadline[] = [
      { kind: 'ongoing', text: 'Thường xuyên' },
      { kind: 'year', ...text, year: 2026 },
      { kind: 'annual', ...text, month: 6, day: 15 },
    ];
    expect(nextDueOfTask(deadlines, lateEvening)).toBe('2026-06-15');
    expect(nextDueOfTask([{ kind: 'ongoing', text: 'Thường xuyên' }], lateEvening)).toBeNull();
  });
});
