import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParamsSchema, isoDateSchema } from '../../contract/common';
import { formatVietnamIso, parseVietnamInstant } from '../../core/vietnam-time';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { addAnnouncement, computeDue, deleteAnnouncement, getCalendarYear, setWorkSessions, setYearCompleteness } from './service';

const holidayGroups = ['new_year', 'tet', 'hung_kings', 'reunification', 'labour', 'national_day', 'culture_day'] as const;
const timeOfDay = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Giờ phải có dạng HH:MM.');
const sessionsSchema = z
  .array(z.strictObject({ start: timeOfDay, end: timeOfDay }))
  .min(1, 'Cần ít nhất một buổi làm việc.')
  .max(4)
  .refine((sessions) => sessions.every((session) => session.start < session.end), 'Mỗi buổi làm việc phải kết thúc sau khi bắt đầu.')
  .refine(
    (sessions) => sessions.every((session, index) => index === 0 || sessions[index - 1]!.end <= session.start),
    'Các buổi làm việc phải theo thứ tự thời gian và không chồng nhau.',
  );
const yearSchema = z.coerce.number().int().min(1901).max(2199);

const yearViewSchema = z.object({
  year: z.number(),
  sessions: z.array(z.object({ start: z.string(), end: z.string() })),
  isAnnouncedListComplete: z.boolean(),
  days: z.array(
    z.object({
      date: z.string(),
      isWorking: z.boolean(),
      kind: z.enum(['holiday', 'compensatory', 'day_off', 'working_day']),
      name: z.string(),
      source: z.enum(['computed', 'announced']),
      announcementId: z.string().nullable(),
      basis: z.string().nullable(),
    }),
  ),
});

const announcementBodySchema = z.strictObject({
  date: isoDateSchema,
  kind: z.enum(['day_off', 'working_day'], 'Loại phải là day_off (nghỉ) hoặc working_day (làm bù).'),
  name: z.string().trim().min(2, 'Nhập tên hoặc lý do.').max(300),
  basis: z.string().trim().max(500).nullable().optional(),
  replaces: z.enum(holidayGroups).nullable().optional(),
});

const instantSchema = z
  .string()
  .max(40)
  .transform((value, context) => {
    const parsed = parseVietnamInstant(value);
    if (!parsed) {
      context.addIssue({ code: 'custom', message: 'Thời điểm phải theo ISO 8601, ví dụ 2026-02-12T09:00+07:00.' });
      return z.NEVER;
    }
    return parsed;
  });

export function registerCalendarRoutes(instance: FastifyInstance, { database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  app.get(
    '/api/calendar/due',
    {
      schema: {
        tags,
        summary: 'Tính hạn giải quyết theo lịch làm việc (ngày nhận không tính; nhận ngoài giờ tính từ ngày làm việc kế tiếp)',
        querystring: z
          .object({
            from: instantSchema,
            amount: z.coerce.number().positive('Số lượng phải lớn hơn 0.').max(3650),
            unit: z.enum(['working_days', 'working_hours', 'calendar_days']),
          })
          .refine((query) => query.unit !== 'calendar_days' || Number.isInteger(query.amount), {
            message: 'Số ngày theo lịch phải là số nguyên.',
            path: ['amount'],
          }),
        response: { 200: z.object({ due: z.string() }), ...errorResponses },
      },
    },
    async (request) => {
      const due = await computeDue(database.db, request.query.from, request.query.amount, request.query.unit);
      return { due: formatVietnamIso(due) };
    },
  );
  app.get(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary: 'Lịch làm việc của một năm: ngày nghỉ, ngày làm bù, giờ làm việc',
        params: z.object({ year: yearSchema }),
        response: { 200: yearViewSchema, ...errorResponses },
      },
    },
    async (request) => getCalendarYear(database.db, request.params.year),
  );
  app.put(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary: 'Đánh dấu danh sách ngày nghỉ đã công bố của năm là đầy đủ',
        params: z.object({ year: yearSchema }),
        body: z.strictObject({ isAnnouncedListComplete: z.boolean() }),
        response: { 200: yearViewSchema, ...errorResponses },
      },
    },
    async (request) => setYearCompleteness(database.db, requireActor(request), request.params.year, request.body.isAnnouncedListComplete),
  );
  app.post(
    '/api/calendar/announcements',
    {
      schema: {
        tags,
        summary: 'Thêm thông báo: ngày nghỉ thêm hoặc ngày làm bù',
        body: announcementBodySchema,
        response: { 201: z.object({ id: z.string(), date: z.string(), kind: z.string(), name: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await addAnnouncement(database.db, requireActor(request), request.body);
      return reply.status(201).send({ id: row.id, date: row.date, kind: row.kind, name: row.name });
    },
  );
  app.delete(
    '/api/calendar/announcements/:id',
    { schema: { tags, summary: 'Xóa thông báo', params: idParamsSchema, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await deleteAnnouncement(database.db, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.put(
    '/api/calendar/sessions',
    {
      schema: {
        tags,
        summary: 'Sửa giờ làm việc (các buổi trong ngày)',
        body: z.strictObject({ sessions: sessionsSchema }),
        response: { 200: z.object({ sessions: sessionsSchema }), ...errorResponses },
      },
    },
    async (request) => setWorkSessions(database.db, requireActor(request), request.body.sessions),
  );
}
