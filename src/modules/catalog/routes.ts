import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DecisionPreview, DecisionRecord } from '../../contract/catalog';
import {
  createDecisionBodySchema,
  createFlagDecisionBodySchema,
  createProcedureBodySchema,
  decisionIdParamsSchema,
  decisionListSchema,
  decisionPreviewSchema,
  decisionRecordSchema,
  fieldListSchema,
  procedureCodeParamsSchema,
  procedureFlagsQuerySchema,
  procedureFlagsViewSchema,
  procedurePageSchema,
  procedureSearchQuerySchema,
  procedureVersionParamsSchema,
  procedureViewSchema,
  publishVersionBodySchema,
} from '../../contract/catalog';
import { errorResponses } from '../../contract/common';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { getDecision, listDecisionRecords } from './decision-view';
import { enterDecision } from './decisions';
import { enterFlagDecision, getProcedureFlags } from './flags';
import { createProcedure, findProcedures, getProcedure, getProcedureVersion, listFields, publishVersion } from './service';

export function registerCatalogRoutes(instance: FastifyInstance, { database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
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
  app.get(
    '/api/decisions',
    {
      schema: {
        tags,
        summary: 'Quyết định công bố thủ tục hành chính (mới nhất trước)',
        response: { 200: decisionListSchema, ...errorResponses },
      },
    },
    async () => listDecisionRecords(database.db),
  );
  app.get(
    '/api/decisions/:id',
    {
      schema: {
        tags,
        summary: 'Một quyết định công bố và các thủ tục của nó',
        params: decisionIdParamsSchema,
        response: { 200: decisionRecordSchema, ...errorResponses },
      },
    },
    async (request) => getDecision(database.db, request.params.id),
  );
  app.post(
    '/api/decisions/preview',
    {
      schema: {
        tags,
        summary: 'Xem trước quyết định công bố: những gì sẽ thay đổi (không ghi gì)',
        body: createDecisionBodySchema,
        response: { 200: decisionPreviewSchema, ...errorResponses },
      },
    },
    async (request) => enterDecision(database.db, requireActor(request), request.body, { isDryRun: true }) as Promise<DecisionPreview>,
  );
  app.post(
    '/api/decisions',
    {
      schema: {
        tags,
        summary: 'Nhập quyết định công bố với nhiều thủ tục (mới, sửa đổi, thay thế, bãi bỏ): tất cả hoặc không',
        body: createDecisionBodySchema,
        response: { 201: decisionRecordSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send((await enterDecision(database.db, requireActor(request), request.body)) as DecisionRecord),
  );
  app.post(
    '/api/decisions/flags',
    {
      schema: {
        tags,
        summary: 'Nhập quyết định công bố danh mục (đủ điều kiện toàn trình, một cửa...) cho nhiều thủ tục',
        body: createFlagDecisionBodySchema,
        response: { 201: decisionRecordSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await enterFlagDecision(database.db, requireActor(request), request.body)),
  );
  app.get(
    '/api/procedures/:code/flags',
    {
      schema: {
        tags,
        summary: 'Danh mục công bố của một thủ tục vào một ngày, và lịch sử thay đổi',
        params: procedureCodeParamsSchema,
        querystring: procedureFlagsQuerySchema,
        response: { 200: procedureFlagsViewSchema, ...errorResponses },
      },
    },
    async (request) => getProcedureFlags(database.db, request.params.code, request.query.date),
  );
}
