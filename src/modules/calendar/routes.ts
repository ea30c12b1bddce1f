import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  announcementBodySchema,
  announcementViewSchema,
  calendarYearParamsSchema,
  calendarYearViewSchema,
  dueQuerySchema,
  dueResponseSchema,
  sessionsBodySchema,
  sessionsViewSchema,
  yearCompletenessBodySchema,
} from '../../contract/calendar';
import { errorResponses, idParamsSchema } from '../../contract/common';
import { invalid } from '../../core/errors';
import { formatVietnamIso, parseVietnamInstant } from '../../core/vietnam-time';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { addAnnouncement, computeDue, deleteAnnouncement, getCalendarYear, setWorkSessions, setYearCompleteness } from './service';

export function registerCalendarRoutes(instance: FastifyInstance, { database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  app.get(
    '/api/calendar/due',
    {
      schema: {
        tags,
        summary: 'Tính hạn giải quyết theo lịch làm việc (ngày nhận không tính; nhận ngoài giờ tính từ ngày làm việc kế tiếp)',
        querystring: dueQuerySchema,
        response: { 200: dueResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const from = parseVietnamInstant(request.query.from);
      if (!from) {
        throw invalid([{ path: 'querystring.from', message: 'Thời điểm phải theo ISO 8601, ví dụ 2026-02-12T09:00+07:00.' }]);
      }
      const due = await computeDue(database.db, from, request.query.amount, request.query.unit);
      return { due: formatVietnamIso(due) };
    },
  );
  app.get(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary: 'Lịch làm việc của một năm: ngày nghỉ, ngày làm bù, giờ làm việc',
        params: calendarYearParamsSchema,
        response: { 200: calendarYearViewSchema, ...errorResponses },
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
        params: calendarYearParamsSchema,
        body: yearCompletenessBodySchema,
        response: { 200: calendarYearViewSchema, ...errorResponses },
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
        response: { 201: announcementViewSchema, ...errorResponses },
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
        body: sessionsBodySchema,
        response: { 200: sessionsViewSchema, ...errorResponses },
      },
    },
    async (request) => setWorkSessions(database.db, requireActor(request), request.body.sessions),
  );
}
