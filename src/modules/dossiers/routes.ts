import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config';
import { errorResponses, fileResponse, inlineQuerySchema } from '../../contract/common';
import {
  dossierFileParamsSchema,
  dossierIdParamsSchema,
  dossierListQuerySchema,
  dossierListSchema,
  dossierViewSchema,
  frequentProceduresSchema,
  receiveDossierBodySchema,
} from '../../contract/dossiers';
import { fileIdParamsSchema, fileUploadQuerySchema, storedFileSchema } from '../../contract/files';
import { AppError } from '../../core/errors';
import type { AppDependencies } from '../../http/dependencies';
import { framableBySelfHeaders } from '../../http/response-headers';
import { requireActor } from '../../http/session';
import { getWorkCalendar } from '../calendar';
import { contentDisposition } from '../files';
import { registerDossierActionRoutes } from './action-routes';
import {
  DOSSIER_FILE_MAX_BYTES,
  DOSSIER_MEDIA_TYPES,
  type DossierFileDownload,
  downloadDossierFile,
  downloadOwnUpload,
  uploadDossierFile,
} from './dossier-files';
import { registerDossierFormRoutes } from './forms-routes';
import { listFrequentProcedures } from './frequent-procedures';
import { listInbox } from './inbox';
import { receiveDossier } from './intake';
import { registerMyDossierRoutes } from './my-dossiers-routes';
import { registerNationalPortalRoutes } from './national-portal-routes';
import { registerPublicStatusRoutes } from './public-status-routes';
import { readDossier } from './read-detail';
import { getDossierView } from './view';

/**
 * Sends a dossier file that the browser never sniffs nor caches: as an attachment, or with `?inline=1` inline and
 * framable by our own pages only (the dossier page's viewer shows PDFs in an <iframe>).
 */
export function sendDossierFile(reply: FastifyReply, download: DossierFileDownload, inline: { inline?: '0' | '1' }, config: Config) {
  const isInline = inline.inline === '1';
  if (isInline) reply.headers(framableBySelfHeaders(config));
  return reply
    .header('content-type', download.file.mediaType)
    .header('content-disposition', contentDisposition(download.file.name, isInline ? 'inline' : 'attachment'))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(download.bytes);
}

export const dossierFileAnswer = fileResponse('Tệp của hồ sơ (PDF, JPEG hoặc PNG)', DOSSIER_MEDIA_TYPES);

/** Every route of the dossier engine (docs/api/dossiers.md); the action and form route files register here too. */
export function registerDossierRoutes(instance: FastifyInstance, dependencies: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { config } = dependencies;
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
      const dossier = await receiveDossier(db, actor, request.body, { phoneChannels: config.notifyPhoneChannels });
      return reply.status(201).send(await getDossierView(db, actor, dossier.id, { calendar: await getWorkCalendar(db) }));
    },
  );
  app.get(
    '/api/dossiers',
    {
      schema: {
        tags,
        summary: 'Danh sách hồ sơ của cán bộ (cần xử lý hoặc tất cả), theo hạn; thông tin cá nhân được che',
        querystring: dossierListQuerySchema,
        response: { 200: dossierListSchema, ...errorResponses },
      },
    },
    async (request) => listInbox(db, requireActor(request), request.query),
  );
  app.get(
    '/api/dossiers/frequent-procedures',
    {
      schema: {
        tags,
        summary: 'Thủ tục bộ phận một cửa của cán bộ tiếp nhận nhiều nhất 90 ngày qua (gợi ý ở màn hình tiếp nhận)',
        response: { 200: frequentProceduresSchema, ...errorResponses },
      },
    },
    async (request) => listFrequentProcedures(db, requireActor(request)),
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
  app.get(
    '/api/dossiers/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Tải một tệp của hồ sơ (người được xem hồ sơ; mỗi lần cán bộ tải được ghi lại)',
        params: dossierFileParamsSchema,
        querystring: inlineQuerySchema,
        response: { 200: dossierFileAnswer, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendDossierFile(
        reply,
        await downloadDossierFile(db, config.dataDir, requireActor(request), request.params.id, request.params.fileId),
        request.query,
        config,
      ),
  );
  app.get(
    '/api/dossier-files/:fileId',
    {
      schema: {
        tags,
        summary: 'Tải lại một tệp vừa tải lên, chưa gắn vào hồ sơ (chỉ người tải lên)',
        params: fileIdParamsSchema,
        querystring: inlineQuerySchema,
        response: { 200: dossierFileAnswer, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendDossierFile(
        reply,
        await downloadOwnUpload(db, config.dataDir, requireActor(request), request.params.fileId),
        request.query,
        config,
      ),
  );
  // The body of an upload is the file itself: its own parser, in a scope of its own, with the files' size limit.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: DOSSIER_FILE_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/dossier-files',
      {
        bodyLimit: DOSSIER_FILE_MAX_BYTES,
        schema: {
          tags,
          summary: 'Tải lên tệp hồ sơ (bản quét, ảnh chụp: PDF, JPEG, PNG; tối đa 20 MB)',
          description: 'Nội dung yêu cầu là chính tệp (Content-Type: application/octet-stream); tên tệp ở tham số `name`.',
          querystring: fileUploadQuerySchema,
          response: { 201: storedFileSchema, ...errorResponses, 413: errorResponses[422], 415: errorResponses[422] },
        },
      },
      async (request, reply) => {
        const bytes = request.body;
        if (!Buffer.isBuffer(bytes))
          throw new AppError('unsupported_media_type', 'Gửi chính tệp với Content-Type: application/octet-stream.');
        const stored = await uploadDossierFile(db, config.dataDir, requireActor(request), { bytes, name: request.query.name });
        return reply.status(201).send(stored);
      },
    );
  });
  registerDossierFormRoutes(app, dependencies);
  registerDossierActionRoutes(app, dependencies);
  registerMyDossierRoutes(app, dependencies);
  registerPublicStatusRoutes(app, dependencies);
  registerNationalPortalRoutes(app, dependencies);
}
