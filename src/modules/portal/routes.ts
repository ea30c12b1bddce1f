import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, fileResponse } from '../../contract/common';
import { fileUploadQuerySchema } from '../../contract/files';
import { portalSettingsSchema, portalViewSchema } from '../../contract/portal';
import { AppError } from '../../core/errors';
import type { AppDependencies } from '../../http/dependencies';
import { isNotModified } from '../../http/etag';
import { requireActor } from '../../http/session';
import { EMBLEM_MAX_BYTES, EMBLEM_MEDIA_TYPES, readEmblem, removeEmblem, saveEmblem } from './emblem';
import { forgetPortalAnswer, getPortalAnswer, loadPortalView, savePortalSettings } from './service';

const notModified = z.null().describe('Not Modified: the ETag sent in If-None-Match is still current');

export function registerPortalRoutes(instance: FastifyInstance, { config, database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['portal'];
  app.get(
    '/api/portal',
    {
      schema: {
        tags,
        summary: 'Tên tỉnh và thông tin liên hệ của Trung tâm Phục vụ hành chính công (đầu và chân trang cổng)',
        response: { 200: portalViewSchema, 304: notModified },
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
  app.get(
    '/api/portal/emblem',
    {
      schema: {
        tags,
        summary: 'Biểu trưng của tỉnh (ảnh do quản trị viên tải lên)',
        response: { 200: fileResponse('Ảnh PNG hoặc JPEG', EMBLEM_MEDIA_TYPES), 304: notModified, ...errorResponses },
      },
    },
    async (request, reply) => {
      const emblem = await readEmblem(database.db, config.dataDir);
      const etag = `"${emblem.sha256}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff');
      if (isNotModified(request.headers['if-none-match'], etag)) return reply.status(304).send(null);
      return reply.header('content-type', emblem.mediaType).send(emblem.bytes);
    },
  );
  app.delete(
    '/api/settings/portal/emblem',
    {
      schema: {
        tags,
        summary: 'Bỏ biểu trưng đã tải lên (dùng biểu trưng mặc định)',
        response: { 200: portalViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      await removeEmblem(database.db, requireActor(request));
      forgetPortalAnswer(database.db);
      return loadPortalView(database.db);
    },
  );
  // The body of an upload is the file itself: its own parser, in a scope of its own, with the emblem's size limit.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: EMBLEM_MAX_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().put(
      '/api/settings/portal/emblem',
      {
        bodyLimit: EMBLEM_MAX_BYTES,
        schema: {
          tags,
          summary: 'Tải lên biểu trưng của tỉnh (PNG hoặc JPEG, tối đa 1 MB)',
          description: 'Nội dung yêu cầu là chính tệp ảnh (Content-Type: application/octet-stream); tên tệp ở tham số `name`.',
          querystring: fileUploadQuerySchema,
          response: { 200: portalViewSchema, ...errorResponses, 413: errorResponses[422], 415: errorResponses[422] },
        },
      },
      async (request) => {
        const bytes = request.body;
        if (!Buffer.isBuffer(bytes))
          throw new AppError('unsupported_media_type', 'Gửi chính tệp ảnh với Content-Type: application/octet-stream.');
        await saveEmblem(database.db, config.dataDir, requireActor(request), { bytes, name: request.query.name });
        forgetPortalAnswer(database.db);
        return loadPortalView(database.db);
      },
    );
  });
}
