import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import {
  dossierIdParamsSchema,
  dossierViewSchema,
  myDossierListQuerySchema,
  myDossierListSchema,
  submitOnlineDossierBodySchema,
} from '../../contract/dossiers';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { getWorkCalendar } from '../calendar';
import { listMyDossiers, submitOnlineDossier } from './my-dossiers';
import { readMyDossier } from './read-detail';
import { getDossierView } from './view';

/** "Hồ sơ của tôi": the citizen's or business's own dossiers, and filing online. */
export function registerMyDossierRoutes(instance: FastifyInstance, { database, config }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['dossiers'];
  app.get(
    '/api/my/dossiers',
    {
      schema: {
        tags,
        summary: 'Hồ sơ của tôi: trạng thái, hạn trả kết quả và yêu cầu bổ sung gửi tới tôi',
        querystring: myDossierListQuerySchema,
        response: { 200: myDossierListSchema, ...errorResponses },
      },
    },
    async (request) => listMyDossiers(db, requireActor(request), request.query),
  );
  app.get(
    '/api/my/dossiers/:id',
    {
      schema: {
        tags,
        summary: 'Một hồ sơ của tôi',
        params: dossierIdParamsSchema,
        response: { 200: dossierViewSchema, ...errorResponses },
      },
    },
    async (request) => readMyDossier(db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/my/dossiers',
    {
      schema: {
        tags,
        summary: 'Nộp hồ sơ trực tuyến (công dân, doanh nghiệp đã đăng nhập); hồ sơ chờ bộ phận một cửa kiểm tra',
        body: submitOnlineDossierBodySchema,
        response: { 201: dossierViewSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const dossier = await submitOnlineDossier(db, actor, request.body, { phoneChannels: config.notifyPhoneChannels });
      return reply.status(201).send(await getDossierView(db, actor, dossier.id, { calendar: await getWorkCalendar(db) }));
    },
  );
}
