import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema } from '../../contract/common';
import {
  planDetailSchema,
  planImportQuerySchema,
  planImportResultSchema,
  planListSchema,
  planReportInputSchema,
  planSaveSchema,
  planTaskListQuerySchema,
  planTaskListSchema,
  planTaskViewSchema,
} from '../../contract/plans';
import { AppError } from '../../core/errors';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { registerPlanEditRoutes } from './edit-routes';
import { importPlanFile, PLAN_FILE_MAX_BYTES } from './import-service';
import { getPlan, listPlans, listUnitTasks } from './read-service';
import { registerPlanReportRoutes } from './report-routes';
import { reportOnTask } from './report-service';
import { registerPlanRollupRoutes } from './rollup-routes';
import { savePlan } from './save-service';

const tags = ['plans'];

/** The plans of issue 14 (docs/api/plans.md): import for review, save, read, a unit's tasks, progress reports. */
export function registerPlanRoutes(instance: FastifyInstance, dependencies: AppDependencies) {
  const { database } = dependencies;
  const app = instance.withTypeProvider<ZodTypeProvider>();
  registerPlanReportRoutes(instance, dependencies);
  registerPlanRollupRoutes(instance, dependencies);
  registerPlanEditRoutes(instance, dependencies);
  const { db } = database;
  app.get(
    '/api/plans',
    { schema: { tags, summary: 'Danh sách kế hoạch', response: { 200: planListSchema, ...errorResponses } } },
    async (request) => listPlans(db, requireActor(request)),
  );
  app.post(
    '/api/plans',
    {
      schema: {
        tags,
        summary: 'Lưu kế hoạch đã rà soát (mọi tên đơn vị đã ghép hoặc để không ghép)',
        body: planSaveSchema,
        response: { 201: planDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await savePlan(db, requireActor(request), request.body)),
  );
  app.get(
    '/api/plans/tasks',
    {
      schema: {
        tags,
        summary: 'Nhiệm vụ của đơn vị theo hạn',
        querystring: planTaskListQuerySchema,
        response: { 200: planTaskListSchema, ...errorResponses },
      },
    },
    async (request) => listUnitTasks(db, requireActor(request), request.query),
  );
  app.get(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'Một kế hoạch: chỉ tiêu, cây nhiệm vụ, đơn vị và trạng thái',
        params: idParamsSchema,
        response: { 200: planDetailSchema, ...errorResponses },
      },
    },
    async (request) => getPlan(db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/plans/tasks/:id/reports',
    {
      schema: {
        tags,
        summary: 'Báo cáo tiến độ nhiệm vụ (đơn vị chủ trì)',
        params: idParamsSchema,
        body: planReportInputSchema,
        response: { 201: planTaskViewSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await reportOnTask(db, requireActor(request), request.params.id, request.body)),
  );
  // The body of an import is the document itself: its own parser, in a scope of its own, with its size limit.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: PLAN_FILE_MAX_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/plans/import',
      {
        bodyLimit: PLAN_FILE_MAX_BYTES,
        schema: {
          tags,
          summary: 'Đọc tệp kế hoạch để rà soát (.md, .txt, .docx, .pdf; tối đa 10 MB) — chưa lưu',
          description: 'Nội dung yêu cầu là chính tệp (Content-Type: application/octet-stream); tên tệp ở tham số `name`.',
          querystring: planImportQuerySchema,
          response: { 200: planImportResultSchema, ...errorResponses, 413: errorResponses[422], 415: errorResponses[422] },
        },
      },
      async (request) => {
        const bytes = request.body;
        if (!Buffer.isBuffer(bytes))
          throw new AppError('unsupported_media_type', 'Gửi chính tệp với Content-Type: application/octet-stream.');
        return importPlanFile(db, requireActor(request), { bytes, name: request.query.name });
      },
    );
  });
}
