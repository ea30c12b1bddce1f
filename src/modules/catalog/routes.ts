import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createProcedureBodySchema,
  fieldListSchema,
  procedureCodeParamsSchema,
  procedurePageSchema,
  procedureSearchQuerySchema,
  procedureVersionParamsSchema,
  procedureViewSchema,
  publishVersionBodySchema,
} from '../../contract/catalog';
import { errorResponses } from '../../contract/common';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { registerRecordRoutes } from './record-routes';
import { createProcedure, findProcedures, getProcedure, getProcedureVersion, listFields, publishVersion } from './service';

export function registerCatalogRoutes(instance: FastifyInstance, dependencies: AppDependencies) {
  const { database } = dependencies;
  const app = instance.withTypeProvider<ZodTypeProvider>();
  registerRecordRoutes(instance, dependencies);
  const tags = ['catalog'];
  app.get(
    '/api/procedures',
    {
      schema: {
        tags,
        summary: 'Tìm thủ tục hành chính (không dấu, không phân biệt hoa thường, chịu lỗi gõ)',
        querystring: procedureSearchQuerySchema,
        response: { 200: procedurePageSchema, ...errorResponses },
      },
    },
    async (request) => findProcedures(database.db, request.query),
  );
  app.get(
    '/api/fields',
    {
      schema: {
        tags,
        summary: 'Lĩnh vực và số thủ tục đang có hiệu lực',
        response: { 200: fieldListSchema, ...errorResponses },
      },
    },
    async () => listFields(database.db),
  );
  app.get(
    '/api/procedures/:code',
    {
      schema: {
        tags,
        summary: 'Thủ tục — phiên bản đang có hiệu lực',
        params: procedureCodeParamsSchema,
        response: { 200: procedureViewSchema, ...errorResponses },
      },
    },
    async (request) => getProcedure(database.db, request.params.code),
  );
  app.get(
    '/api/procedures/:code/versions/:versionNo',
    {
      schema: {
        tags,
        summary: 'Một phiên bản của thủ tục (kể cả phiên bản cũ)',
        params: procedureVersionParamsSchema,
        response: { 200: procedureViewSchema, ...errorResponses },
      },
    },
    async (request) => getProcedureVersion(database.db, request.params.code, request.params.versionNo),
  );
  app.post(
    '/api/procedures',
    {
      schema: {
        tags,
        summary: 'Thêm thủ tục mới (kèm quyết định công bố)',
        body: createProcedureBodySchema,
        response: { 201: procedureViewSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createProcedure(database.db, requireActor(request), request.body)),
  );
  app.post(
    '/api/procedures/:code/versions',
    {
      schema: {
        tags,
        summary: 'Công bố phiên bản mới theo quyết định (sửa đổi, thay thế, bãi bỏ)',
        params: procedureCodeParamsSchema,
        body: publishVersionBodySchema,
        response: { 201: procedureViewSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishVersion(database.db, requireActor(request), request.params.code, request.body)),
  );
}
