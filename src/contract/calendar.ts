import { z } from 'zod';
import { isoDateSchema } from './common';
import { announcementKinds, dayKinds, daySources, holidayGroups, timeUnits } from './enums';

const timeOfDay = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Giờ phải có dạng HH:MM.');

export const workingSessionSchema = z.strictObject({ start: timeOfDay, end: timeOfDay });

export const sessionsSchema = z
  .array(workingSessionSchema)
  .min(1, 'Cần ít nhất một buổi làm việc.')
  .max(4)
  .refine((sessions) => sessions.every((session) => session.start < session.end), 'Mỗi buổi làm việc phải kết thúc sau khi bắt đầu.')
  .refine(
    (sessions) => sessions.every((session, index) => index === 0 || sessions[index - 1]!.end <= session.start),
    'Các buổi làm việc phải theo thứ tự thời gian và không chồng nhau.',
  );

export const calendarYearSchema = z.coerce.number().int().min(1901).max(2199);
export const calendarYearParamsSchema = z.object({ year: calendarYearSchema });

/**
 * `from` is an ISO 8601 date or date-time, Vietnam time when it has no offset (2026-02-12T09:00); the server
 * refuses a day that does not exist. Calendar days are whole numbers.
 */
export const dueQuerySchema = z
  .object({
    from: z.string().trim().min(1).max(40),
    amount: z.coerce.number().positive('Số lượng phải lớn hơn 0.').max(3650),
    unit: z.enum(timeUnits),
  })
  .refine((query) => query.unit !== 'calendar_days' || Number.isInteger(query.amount), {
    message: 'Số ngày theo lịch phải là số nguyên.',
    path: ['amount'],
  });

export const dueResponseSchema = z.object({ due: z.string() });

export const calendarDaySchema = z.object({
  date: z.string(),
  isWorking: z.boolean(),
  kind: z.enum(dayKinds),
  name: z.string(),
  source: z.enum(daySources),
  announcementId: z.string().nullable(),
  basis: z.string().nullable(),
});

export const calendarYearViewSchema = z.object({
  year: z.number(),
  sessions: z.array(z.object({ start: z.string(), end: z.string() })),
  isAnnouncedListComplete: z.boolean(),
  days: z.array(calendarDaySchema),
});

export const yearCompletenessBodySchema = z.strictObject({ isAnnouncedListComplete: z.boolean() });

export const announcementBodySchema = z.strictObject({
  date: isoDateSchema,
  kind: z.enum(announcementKinds, 'Loại phải là day_off (nghỉ) hoặc working_day (làm bù).'),
  name: z.string().trim().min(2, 'Nhập tên hoặc lý do.').max(300),
  basis: z.string().trim().max(500).nullable().optional(),
  /** The statutory holiday whose computed days this announcement rearranges, if any. */
  replaces: z.enum(holidayGroups).nullable().optional(),
});

export const announcementViewSchema = z.object({
  id: z.string(),
  date: z.string(),
  kind: z.enum(announcementKinds),
  name: z.string(),
});

export const sessionsBodySchema = z.strictObject({ sessions: sessionsSchema });
export const sessionsViewSchema = z.object({ sessions: z.array(z.object({ start: z.string(), end: z.string() })) });

export type WorkingSession = z.infer<typeof workingSessionSchema>;
export type CalendarDay = z.infer<typeof calendarDaySchema>;
export type CalendarYear = z.infer<typeof calendarYearViewSchema>;
export type AnnouncementInput = z.input<typeof announcementBodySchema>;
export type DueDateRequest = z.infer<typeof dueQuerySchema>;
