import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
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
import { errorResponses, idParamsSchema } from '../../contract/common';
import {
  searchMissesQuerySchema,
  searchMissListSchema,
  searchSettingsInputSchema,
  searchSettingsSchema,
  synonymInputSchema,
  synonymListSchema,
  synonymSchema,
  synonymUpdateSchema,
} from '../../contract/search';
import { vietnamDate } from '../../core/vietnam-time';
import type { AppDependencies } from '../../http/dependencies';
import { isNotModified } from '../../http/etag';
import { requireActor } from '../../http/session';
import { getDecision, listDecisionRecords } from './decision-view';
import { enterDecision } from './decisions';
import { enterFlagDecision, getProcedureFlags } from './flags';
import { registerRecordRoutes } from './record-routes';
import { cachedAnswer } from './response-cache';
import { watchSearchState } from './search-cache';
import { recordSearch } from './search-log';
import { getSearchSettings, saveSearchSettings } from './search-settings';
import { createProcedure, findProcedures, getProcedure, getProcedureVersion, listFields, publishVersion } from './service';
import { registerSignedFileRoutes } from './signed-file-routes';
import { createSynonym, deleteSynonym, listSearchMisses, listSynonyms, updateSynonym } from './synonyms';

/**
 * A public read served from the answer cache, with its ETag; 304 when the browser already holds it. `no-cache`: the
 * browser revalidates every time, so a publication shows at once.
 */
async function sendCached<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  database: AppDependencies['database'],
  compute: (day: string) => Promise<T>,
  onAnswer?: (value: T, day: string) => void,
): Promise<T | null> {
  const day = vietnamDate();
  const { value, etag } = await cachedAnswer(database.db, request.url, day, () => compute(day));
  onAnswer?.(value, day);
  reply.header('etag', etag).header('cache-control', 'no-cache');
  if (isNotModified(request.headers['if-none-match'], etag)) {
    reply.status(304);
    return null;
  }
  return value;
}

const notModified = { 304: z.null().describe('Not Modified: the ETag sent in If-None-Match is still current') };

export function registerCatalogRoutes(instance: FastifyInstance, dependencies: AppDependencies) {
  const { database } = dependencies;
  const app = instance.withTypeProvider<ZodTypeProvider>();
  // The answer cache and the search then read the counters only after a change (docs/adr/0001-vietnamese-search.md).
  instance.addHook('onReady', () => watchSearchState(database));
  registerRecordRoutes(instance, dependencies);
  const tags = ['catalog'];
  app.get(
    '/api/procedures',
    {
      schema: {
        tags,
        summary: 'Tìm thủ tục hành chính (không dấu, không phân biệt hoa thường, chịu lỗi gõ)',
        querystring: procedureSearchQuerySchema,
        response: { 200: procedurePageSchema, ...notModified, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendCached(
        request,
        reply,
        database,
        (day) => findProcedures(database.db, request.query, day),
        // Every search counts in the log of poor queries, served from the cache or not.
        (page, day) =>
          recordSearch(database.db, {
            query: request.query.q ?? '',
            total: page.total,
            isApproximate: page.isApproximate,
            isCorrected: page.suggestion !== null,
            day,
          }),
      ),
  );
  app.get(
    '/api/fields',
    {
      schema: {
        tags,
        summary: 'Lĩnh vực và số thủ tục đang có hiệu lực',
        response: { 200: fieldListSchema, ...notModified, ...errorResponses },
      },
    },
    async (request, reply) => sendCached(request, reply, database, (day) => listFields(database.db, day)),
  );
  app.get(
    '/api/procedures/:code',
    {
      schema: {
        tags,
        summary: 'Thủ tục — phiên bản đang có hiệu lực',
        params: procedureCodeParamsSchema,
        response: { 200: procedureViewSchema, ...notModified, ...errorResponses },
      },
    },
    async (request, reply) => sendCached(request, reply, database, (day) => getProcedure(database.db, request.params.code, day)),
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
  registerSignedFileRoutes(instance, dependencies);
  registerDictionaryRoutes(instance, database);
}

/** The search dictionary and the log of poor queries (docs/api/search.md): administrators and procedure controllers. */
function registerDictionaryRoutes(instance: FastifyInstance, database: AppDependencies['database']) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['search'];
  app.get(
    '/api/search/synonyms',
    { schema: { tags, summary: 'Từ điển tìm kiếm (từ đồng nghĩa, viết tắt)', response: { 200: synonymListSchema, ...errorResponses } } },
    async (request) => listSynonyms(database.db, requireActor(request)),
  );
  app.post(
    '/api/search/synonyms',
    {
      schema: {
        tags,
        summary: 'Thêm mục vào từ điển tìm kiếm (có hiệu lực ngay, không cần khởi động lại)',
        body: synonymInputSchema,
        response: { 201: synonymSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createSynonym(database.db, requireActor(request), request.body)),
  );
  app.put(
    '/api/search/synonyms/:id',
    {
      schema: {
        tags,
        summary: 'Sửa một mục của từ điển tìm kiếm',
        params: idParamsSchema,
        body: synonymUpdateSchema,
        response: { 200: synonymSchema, ...errorResponses },
      },
    },
    async (request) => updateSynonym(database.db, requireActor(request), request.params.id, request.body),
  );
  app.delete(
    '/api/search/synonyms/:id',
    {
      schema: { tags, summary: 'Xóa một mục của từ điển tìm kiếm', params: idParamsSchema, response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await deleteSynonym(database.db, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/search/settings',
    {
      schema: {
        tags,
        summary: 'Cài đặt xếp hạng tìm kiếm: trọng số mức độ sử dụng và số hồ sơ đang dùng',
        response: { 200: searchSettingsSchema, ...errorResponses },
      },
    },
    async (request) => getSearchSettings(database.db, requireActor(request)),
  );
  app.put(
    '/api/search/settings',
    {
      schema: {
        tags,
        summary: 'Sửa trọng số mức độ sử dụng trong xếp hạng tìm kiếm (0 là tắt; chỉ quản trị viên)',
        body: searchSettingsInputSchema,
        response: { 200: searchSettingsSchema, ...errorResponses },
      },
    },
    async (request) => saveSearchSettings(database.db, requireActor(request), request.body),
  );
  app.get(
    '/api/search/misses',
    {
      schema: {
        tags,
        summary: 'Từ khóa tìm kiếm không có hoặc ít kết quả, nhiều nhất trước',
        querystring: searchMissesQuerySchema,
        response: { 200: searchMissListSchema, ...errorResponses },
      },
    },
    async (request) => listSearchMisses(database.db, requireActor(request), request.query),
  );
}
