import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import { dossierActionBodySchema, dossierIdParamsSchema, dossierViewSchema } from '../../contract/dossiers';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { performAction } from './actions/perform';

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
    async (request) => performAction(db, requireActor(request), request.params.id, request.body),
  );
}
