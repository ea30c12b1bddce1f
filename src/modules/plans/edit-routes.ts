import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, idParamsSchema } from '../../contract/common';
import { planDetailSchema, planTaskViewSchema } from '../../contract/plans';
import {
  planDeadlineEventInputSchema,
  planDeadlineParamsSchema,
  planLiveTargetsSchema,
  planTaskCreateSchema,
  planTaskDeletedSchema,
  planTaskDeleteQuerySchema,
  planTaskUpdateSchema,
  planUpdateSchema,
} from '../../contract/plans-edit';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { addTask, deleteTask, updatePlan, updateTask } from './edit-service';
import { recordDeadlineEvent } from './event-service';
import { registerPlanHooks } from './merge';
import { liveTargets } from './targets-live';

const tags = ['plans'];

/** Editing a saved plan and its tasks, and its targets' live figures (docs/api/plans.md "Editing a saved plan"). */
export function registerPlanEditRoutes(instance: FastifyInstance, dependencies: AppDependencies) {
  const { db } = dependencies.database;
  const app = instance.withTypeProvider<ZodTypeProvider>();
  // Tasks of a merged unit move to its successor in the transaction that records the merge (org's merge hooks).
  registerPlanHooks();
  app.patch(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'Sửa kế hoạch: thông tin, kế hoạch cấp trên, văn bản thực hiện, chỉ tiêu (trường không gửi giữ nguyên)',
        params: idParamsSchema,
        body: planUpdateSchema,
        response: { 200: planDetailSchema, ...errorResponses },
      },
    },
    async (request) => updatePlan(db, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/api/plans/:id/targets/live',
    {
      schema: {
        tags,
        summary: 'Số liệu hiện tại của các chỉ tiêu (từ Chương trình NQ 66 và Bộ chỉ số)',
        params: idParamsSchema,
        response: { 200: planLiveTargetsSchema, ...errorResponses },
      },
    },
    async (request) => liveTargets(db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/plans/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Thêm nhiệm vụ vào kế hoạch đã lưu',
        params: idParamsSchema,
        body: planTaskCreateSchema,
        response: { 201: planTaskViewSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await addTask(db, requireActor(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/plans/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Sửa, hủy hoặc khôi phục nhiệm vụ (trường không gửi giữ nguyên)',
        params: idParamsSchema,
        body: planTaskUpdateSchema,
        response: { 200: planTaskViewSchema, ...errorResponses },
      },
    },
    async (request) => updateTask(db, requireActor(request), request.params.id, request.body),
  );
  app.put(
    '/api/plans/tasks/:id/deadlines/:index/event',
    {
      schema: {
        tags,
        summary: 'Ghi nhận (sửa, hoặc bỏ) ngày của sự kiện mà một thời hạn của nhiệm vụ tính từ đó',
        params: planDeadlineParamsSchema,
        body: planDeadlineEventInputSchema,
        response: { 200: planTaskViewSchema, ...errorResponses },
      },
    },
    async (request) => recordDeadlineEvent(db, requireActor(request), request.params.id, request.params.index, request.body),
  );
  app.delete(
    '/api/plans/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Xóa nhiệm vụ nhập nhầm (chưa có báo cáo, ý kiến, nhiệm vụ con; nếu có: hủy thay vì xóa)',
        params: idParamsSchema,
        querystring: planTaskDeleteQuerySchema,
        response: { 200: planTaskDeletedSchema, ...errorResponses },
      },
    },
    async (request) => deleteTask(db, requireActor(request), request.params.id, request.query.version),
  );
}
