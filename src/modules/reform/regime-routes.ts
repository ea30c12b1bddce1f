import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema } from '../../contract/common';
import {
  regimeCreateSchema,
  regimeDeletedSchema,
  regimeDeleteQuerySchema,
  regimeListQuerySchema,
  regimeListSchema,
  regimeSchema,
  regimeUpdateSchema,
} from '../../contract/reform-regimes';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { createRegime, deleteRegime, getRegime, listRegimes, updateRegime } from './regime-service';

const tags = ['reform'];
const path = '/api/reform/reporting-regimes';

export function registerRegimeRoutes(instance: FastifyInstance, { database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  app.get(
    path,
    {
      schema: {
        tags,
        summary: 'Danh mục chế độ báo cáo của doanh nghiệp',
        querystring: regimeListQuerySchema,
        response: { 200: regimeListSchema, ...errorResponses },
      },
    },
    async (request) => listRegimes(db, requireActor(request), request.query),
  );
  app.get(
    `${path}/:id`,
    {
      schema: { tags, summary: 'Một chế độ báo cáo', params: idParamsSchema, response: { 200: regimeSchema, ...errorResponses } },
    },
    async (request) => getRegime(db, requireActor(request), request.params.id),
  );
  app.post(
    path,
    {
      schema: {
        tags,
        summary: 'Thêm chế độ báo cáo',
        body: regimeCreateSchema,
        response: { 201: regimeSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createRegime(db, requireActor(request), request.body)),
  );
  app.patch(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: 'Sửa chế độ báo cáo',
        params: idParamsSchema,
        body: regimeUpdateSchema,
        response: { 200: regimeSchema, ...errorResponses },
      },
    },
    async (request) => updateRegime(db, requireActor(request), request.params.id, request.body),
  );
  app.delete(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: 'Xóa chế độ báo cáo (đã bãi bỏ hoặc nhập nhầm)',
        params: idParamsSchema,
        querystring: regimeDeleteQuerySchema,
        response: { 200: regimeDeletedSchema, ...errorResponses },
      },
    },
    async (request) => deleteRegime(db, requireActor(request), request.params.id, request.query.version),
  );
}
