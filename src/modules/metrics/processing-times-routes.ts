import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import { processingTimesQuerySchema, processingTimesSchema } from '../../contract/metrics-processing-times';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { computeProcessingTimes } from './processing-times';

/** Measured processing time per procedure or child unit, against 2024 (docs/api/metrics.md, "Measured processing time"). */
export function registerProcessingTimesRoutes(instance: FastifyInstance, dependencies: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const db = dependencies.database.db;
  app.get(
    '/api/metrics/processing-times',
    {
      schema: {
        tags: ['metrics'],
        summary: 'Thời gian xử lý thực tế (trung vị, p90, ngày làm việc) theo thủ tục hoặc đơn vị trong kỳ, so với cùng kỳ năm 2024',
        querystring: processingTimesQuerySchema,
        response: { 200: processingTimesSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return computeProcessingTimes(db, requireActor(request), request.query);
    },
  );
}
