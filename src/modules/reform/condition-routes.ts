import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { documentedElsewhereResponses, idParamsSchema } from '../../contract/common';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { createCondition, listConditions, updateCondition } from './condition-service';
import { conditionCreateSchema, conditionListQuerySchema, conditionUpdateSchema } from './schemas';

const tags = ['reform'];

export function registerConditionRoutes(instance: FastifyInstance, { database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  app.get(
    '/api/reform/conditions',
    {
      schema: {
        tags,
        summary: 'Danh mục điều kiện đầu tư kinh doanh',
        querystring: conditionListQuerySchema,
        response: documentedElsewhereResponses,
      },
    },
    async (request) => listConditions(db, requireActor(request), request.query),
  );
  app.post(
    '/api/reform/conditions',
    { schema: { tags, summary: 'Thêm điều kiện kinh doanh', body: conditionCreateSchema, response: documentedElsewhereResponses } },
    async (request, reply) => reply.status(201).send(await createCondition(db, requireActor(request), request.body)),
  );
  app.patch(
    '/api/reform/conditions/:id',
    {
      schema: {
        tags,
        summary: 'Sửa điều kiện kinh doanh',
        params: idParamsSchema,
        body: conditionUpdateSchema,
        response: documentedElsewhereResponses,
      },
    },
    async (request) => updateCondition(db, requireActor(request), request.params.id, request.body),
  );
}
