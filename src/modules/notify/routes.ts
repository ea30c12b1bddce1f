import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema } from '../../contract/common';
import { outboxMessageViewSchema, outboxPageSchema, outboxQuerySchema } from '../../contract/notify';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { listOutbox, retryOutboxMessage } from './service';

export function registerNotifyRoutes(instance: FastifyInstance, { database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['notify'];
  app.get(
    '/api/notify/outbox',
    {
      schema: {
        tags,
        summary: 'Hàng đợi thông báo (thư điện tử, SMS, Zalo, đồng bộ Cổng DVC quốc gia): người nhận đã che, không kèm nội dung',
        querystring: outboxQuerySchema,
        response: { 200: outboxPageSchema, ...errorResponses },
      },
    },
    async (request) => listOutbox(database.db, requireActor(request), request.query),
  );
  app.post(
    '/api/notify/outbox/:id/retry',
    {
      schema: {
        tags,
        summary: 'Gửi lại một thông báo đã thất bại (đưa lại vào hàng đợi, đủ số lần thử)',
        params: idParamsSchema,
        response: { 200: outboxMessageViewSchema, ...errorResponses },
      },
    },
    async (request) => retryOutboxMessage(database.db, requireActor(request), request.params.id),
  );
}
