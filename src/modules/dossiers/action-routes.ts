import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import { dossierActionBodySchema, dossierAssigneeListSchema, dossierIdParamsSchema, dossierViewSchema } from '../../contract/dossiers';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { performAction } from './actions/perform';
import { listAssignees } from './assignees';

/** `POST /api/dossiers/:id/actions` (docs/api/dossiers.md "Actions"). */
export function registerDossierActionRoutes(instance: FastifyInstance, dependencies: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const db = dependencies.database.db;
  app.post(
    '/api/dossiers/:id/actions',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Thao tác trên hồ sơ: tiếp nhận, chuyển, phân công, trình, trả lại, duyệt, phối hợp, trả kết quả, xin lỗi, dừng…',
        description: 'Gửi kèm `version` của hồ sơ đã đọc: phiên bản cũ → 409, không có gì thay đổi.',
        params: dossierIdParamsSchema,
        body: dossierActionBodySchema,
        response: { 200: dossierViewSchema, ...errorResponses },
      },
    },
    async (request) =>
      performAction(db, requireActor(request), request.params.id, request.body, { phoneChannels: dependencies.config.notifyPhoneChannels }),
  );
  app.get(
    '/api/dossiers/:id/assignees',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Những chuyên viên có thể được phân công bước thẩm định của hồ sơ (người giữ bước hoặc lãnh đạo đơn vị giải quyết)',
        params: dossierIdParamsSchema,
        response: { 200: dossierAssigneeListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await listAssignees(db, requireActor(request), request.params.id) }),
  );
}
