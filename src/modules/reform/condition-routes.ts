import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema } from '../../contract/common';
import {
  conditionCreateSchema,
  conditionListQuerySchema,
  conditionListSchema,
  conditionSchema,
  conditionUpdateSchema,
} from '../../contract/reform-conditions';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { createCondition, listConditions, updateCondition } from './condition-service';

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
        response: { 200: conditionListSchema, ...errorResponses },
      },
    },
    async (request) => listConditions(db, requireActor(request), request.query),
  );
  app.post(
    '/api/reform/conditions',
    {
      schema: {
        tags,
        summary: 'Thêm điều kiện kinh doanh',
        body: conditionCreateSchema,
        response: { 201: conditionSchema, ...errorResponses },
      },
    },
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
        response: { 200: conditionSchema, ...errorResponses },
      },
    },
    async (request) => updateCondition(db, requireActor(request), request.params.id, request.body),
  );
}
