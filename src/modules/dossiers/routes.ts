import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import { dossierIdParamsSchema, dossierViewSchema, receiveDossierBodySchema } from '../../contract/dossiers';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { getWorkCalendar } from '../calendar';
import { receiveDossier } from './intake';
import { readDossier } from './read-detail';
import { getDossierView } from './view';

/** Every route of the dossier engine (docs/api/dossiers.md); the action, form and file routes register here too. */
export function registerDossierRoutes(instance: FastifyInstance, dependencies: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const db = dependencies.database.db;
  const tags = ['dossiers'];
  app.post(
    '/api/dossiers',
    {
      schema: {
        tags,
        summary: 'Tiếp nhận hồ sơ tại bộ phận một cửa (trực tiếp hoặc bưu chính): tiếp nhận, yêu cầu bổ sung hoặc từ chối',
        body: receiveDossierBodySchema,
        response: { 201: dossierViewSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const dossier = await receiveDossier(db, actor, request.body);
      return reply.status(201).send(await getDossierView(db, actor, dossier.id, { calendar: await getWorkCalendar(db) }));
    },
  );
  app.get(
    '/api/dossiers/:id',
    {
      schema: {
        tags,
        summary: 'Hồ sơ: trạng thái, các bước, lịch sử, hạn xử lý (cán bộ được xử lý hồ sơ; mỗi lần xem được ghi lại)',
        params: dossierIdParamsSchema,
        response: { 200: dossierViewSchema, ...errorResponses },
      },
    },
    async (request) => readDossier(db, requireActor(request), request.params.id),
  );
}
