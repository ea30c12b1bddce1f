import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import {
  planCalendarQuerySchema,
  planCalendarSchema,
  planOverdueListSchema,
  planOverdueQuerySchema,
  planRollupQuerySchema,
  planRollupSchema,
} from '../../contract/plans-occurrences';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { getPlanCalendar, getPlanRollup, listOverdueOccurrences } from './rollup-service';

const tags = ['plans'];

/** The overdue list, the month's calendar and the roll-up by unit (docs/api/plans.md "Occurrences, reminders, overdue"). */
export function registerPlanRollupRoutes(instance: FastifyInstance, { database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  app.get(
    '/api/plans/overdue',
    {
      schema: {
        tags,
        summary: 'Các kỳ hạn đã quá hạn chưa báo cáo (cây đơn vị), cũ nhất trước',
        querystring: planOverdueQuerySchema,
        response: { 200: planOverdueListSchema, ...errorResponses },
      },
    },
    async (request) => listOverdueOccurrences(db, requireActor(request), request.query),
  );
  app.get(
    '/api/plans/calendar',
    {
      schema: {
        tags,
        summary: 'Lịch các kỳ hạn đến hạn trong tháng, theo ngày',
        querystring: planCalendarQuerySchema,
        response: { 200: planCalendarSchema, ...errorResponses },
      },
    },
    async (request) => getPlanCalendar(db, requireActor(request), request.query),
  );
  app.get(
    '/api/plans/rollup',
    {
      schema: {
        tags,
        summary: 'Tổng hợp nhiệm vụ theo đơn vị chủ trì: tổng, hoàn thành, đang thực hiện, quá hạn, chưa thực hiện',
        querystring: planRollupQuerySchema,
        response: { 200: planRollupSchema, ...errorResponses },
      },
    },
    async (request) => getPlanRollup(db, requireActor(request), request.query),
  );
}
