import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../contract/common';
import { portalSettingsSchema, portalViewSchema } from '../../contract/portal';
import type { AppDependencies } from '../../http/dependencies';
import { isNotModified } from '../../http/etag';
import { requireActor } from '../../http/session';
import { getPortalAnswer, savePortalSettings } from './service';

export function registerPortalRoutes(instance: FastifyInstance, { database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['portal'];
  app.get(
    '/api/portal',
    {
      schema: {
        tags,
        summary: 'Tên tỉnh và thông tin liên hệ của Trung tâm Phục vụ hành chính công (đầu và chân trang cổng)',
        response: { 200: portalViewSchema, 304: z.null().describe('Not Modified: the ETag sent in If-None-Match is still current') },
      },
    },
    async (request, reply) => {
      const { view, etag } = await getPortalAnswer(database.db);
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (isNotModified(request.headers['if-none-match'], etag)) return reply.status(304).send(null);
      return view;
    },
  );
  app.put(
    '/api/settings/portal',
    {
      schema: {
        tags,
        summary: 'Sửa tên tỉnh và thông tin liên hệ hiện trên cổng',
        body: portalSettingsSchema,
        response: { 200: portalViewSchema, ...errorResponses },
      },
    },
    async (request) => savePortalSettings(database.db, requireActor(request), request.body),
  );
}
