import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../core/calendar';
import { stepDueAt } from '../../core/dossiers/timing';

// A step's due (docs/api/dossiers.md "Steps"): its start plus its budget in working time.
describe('stepDueAt', () => {
  const calendar = createWorkCalendar();
  const wednesday9 = new Date('2026-12-02T02:00:00Z'); // 09:00 in Vietnam

  it('counts working days as 8 working hours and working hours as they are', () => {
    expect(stepDueAt(calendar, wednesday9, { amount: 1, unit: 'working_days' }).toISOString()).toBe('2026-12-03T02:00:00.000Z');
    expect(stepDueAt(calendar, wednesday9, { amount: 2, unit: 'working_hours' }).toISOString()).toBe('2026-12-02T04:00:00.000Z');
  });

  it('takes half a calendar day of a template as half a working day instead of refusing it', () => {
    // 09:00 + 4 working hours: 12:00 is the end of the morning session, the afternoon resumes at 13:30 → 14:30.
    expect(stepDueAt(calendar, wednesday9, { amount: 0.5, unit: 'calendar_days' }).toISOString()).toBe('2026-12-02T07:30:00.000Z');
  });
});
