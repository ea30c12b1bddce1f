import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema } from '../../contract/common';
import { createUnitBodySchema, unitListSchema, unitSchema, updateUnitBodySchema } from '../../contract/org';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { createUnit, listUnits, updateUnit } from './service';

export function registerUnitRoutes(instance: FastifyInstance, { database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['org'];
  app.get(
    '/api/units',
    { schema: { tags, summary: 'Danh sách đơn vị (cây tổ chức)', response: { 200: unitListSchema, ...errorResponses } } },
    async () => ({ items: await listUnits(database.db) }),
  );
  app.post(
    '/api/units',
    { schema: { tags, summary: 'Thêm đơn vị', body: createUnitBodySchema, response: { 201: unitSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createUnit(database.db, requireActor(request), request.body)),
  );
  app.patch(
    '/api/units/:id',
    {
      schema: {
        tags,
        summary: 'Sửa đơn vị',
        params: idParamsSchema,
        body: updateUnitBodySchema,
        response: { 200: unitSchema, ...errorResponses },
      },
    },
    async (request) => updateUnit(database.db, requireActor(request), request.params.id, request.body),
  );
}
