import { z } from 'zod';
import { planTaskStatuses } from './plans';

/**
 * The due occurrences of the plans' deadlines (issue 14, docs/api/plans.md "Occurrences, reminders, overdue"): the
 * overdue list, the month's calendar and the roll-up by unit. Rules: src/core/plans/occurrences.ts.
 */

/** pending: not yet due, or due and not reported; reported: a progress report met it; overdue: past due without one. */
export const planOccurrenceStates = ['pending', 'reported', 'overdue'] as const;
export type PlanOccurrenceState = (typeof planOccurrenceStates)[number];
export const planOccurrenceStateLabels: Record<PlanOccurrenceState, string> = {
  pending: 'Chưa đến hạn',
  reported: 'Đã báo cáo',
  overdue: 'Quá hạn',
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const unitRef = z.object({ id: z.string().uuid(), name: z.string() });

export const planOccurrenceSchema = z.object({
  id: z.string().uuid(),
  /** The due day (Vietnam calendar day) and the first day of the period a report counts for. */
  dueOn: isoDate,
  periodFrom: isoDate,
  /** As of today: a pending occurrence past its due day is overdue even before the sweep flags it. */
  state: z.enum(planOccurrenceStates),
  /** Days past the due day (0 when not overdue). */
  daysOverdue: z.number().int(),
  /** The deadline as written, and its kind. */
  deadline: z.object({ kind: z.string(), text: z.string() }),
  reportId: z.string().uuid().nullable(),
  unit: unitRef,
  responsible: z.object({ id: z.string().uuid(), fullName: z.string() }).nullable(),
  task: z.object({ id: z.string().uuid(), ref: z.string(), title: z.string(), status: z.enum(planTaskStatuses) }),
  plan: z.object({ id: z.string().uuid(), number: z.string().nullable(), title: z.string() }),
});
export type PlanOccurrence = z.infer<typeof planOccurrenceSchema>;

const unitFilter = z.string().uuid('Mã đơn vị không hợp lệ.').optional();

export const planOverdueQuerySchema = z.object({
  /** The unit whose subtree is listed; absent: the whole province. */
  unit: unitFilter,
});
export const planOverdueListSchema = z.object({ today: isoDate, items: z.array(planOccurrenceSchema) });

export const planCalendarQuerySchema = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng phải có dạng YYYY-MM.')
    .refine((value) => Number(value.slice(0, 4)) >= 2000 && Number(value.slice(0, 4)) <= 2100, 'Tháng ngoài khoảng 2000–2100.'),
  unit: unitFilter,
});
export const planCalendarSchema = z.object({
  month: z.string(),
  today: isoDate,
  /** Only the days on which something falls due, in order. */
  days: z.array(z.object({ date: isoDate, items: z.array(planOccurrenceSchema) })),
});
export type PlanCalendar = z.infer<typeof planCalendarSchema>;

export const planRollupQuerySchema = z.object({
  unit: unitFilter,
  /** One plan's tasks only. */
  plan: z.string().uuid('Mã kế hoạch không hợp lệ.').optional(),
});
const rollupCounts = {
  /** Tasks the unit leads, cancelled ones left out. */
  total: z.number().int(),
  done: z.number().int(),
  inProgress: z.number().int(),
  /** Not done, and an occurrence of the unit past due without a report. */
  overdue: z.number().int(),
  notStarted: z.number().int(),
  cancelled: z.number().int(),
};
export const planRollupSchema = z.object({
  today: isoDate,
  rows: z.array(z.object({ unit: unitRef, ...rollupCounts })),
  totals: z.object(rollupCounts),
});
export type PlanRollup = z.infer<typeof planRollupSchema>;
