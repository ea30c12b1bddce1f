import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { decisionIdParamsSchema, decisionRecordSchema } from '../../contract/catalog';
import { errorResponses, fileResponse } from '../../contract/common';
import { fileUploadQuerySchema, storedFileSchema } from '../../contract/files';
import { AppError } from '../../core/errors';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { contentDisposition } from '../files';
import { attachSignedFile, downloadSignedFile, uploadSignedFile } from './signed-file-service';
import { SIGNED_FILE_MAX_BYTES, SIGNED_FILE_TYPES } from './signed-files';

/** The signed decision of publication (a PDF): uploaded, attached to a recorded decision, downloaded by anyone. */
export function registerSignedFileRoutes(instance: FastifyInstance, { config, database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['catalog'];
  const fileBody = (body: unknown): Buffer => {
    if (!Buffer.isBuffer(body))
      throw new AppError('unsupported_media_type', 'Gửi chính tệp PDF với Content-Type: application/octet-stream.');
    return body;
  };
  const uploadResponses = { ...errorResponses, 413: errorResponses[422], 415: errorResponses[422] };
  const description = 'Nội dung yêu cầu là chính tệp PDF (Content-Type: application/octet-stream); tên tệp ở tham số `name`.';

  // The body of an upload is the file itself: its own parser, in a scope of its own, with the files' size limit.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: SIGNED_FILE_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    const typed = scope.withTypeProvider<ZodTypeProvider>();
    typed.post(
      '/api/decision-files',
      {
        bodyLimit: SIGNED_FILE_MAX_BYTES,
        schema: {
          tags,
          summary: 'Tải lên bản quyết định công bố đã ký (PDF; tối đa 20 MB), trước khi nhập quyết định',
          description,
          querystring: fileUploadQuerySchema,
          response: { 201: storedFileSchema, ...uploadResponses },
        },
      },
      async (request, reply) => {
        const stored = await uploadSignedFile(db, config.dataDir, requireActor(request), {
          bytes: fileBody(request.body),
          name: request.query.name,
        });
        return reply.status(201).send(stored);
      },
    );
    typed.put(
      '/api/decisions/:id/signed-file',
      {
        bodyLimit: SIGNED_FILE_MAX_BYTES,
        schema: {
          tags,
          summary: 'Đính kèm (hoặc thay) bản đã ký của một quyết định đã nhập; các thông tin khác của quyết định giữ nguyên',
          description,
          params: decisionIdParamsSchema,
          querystring: fileUploadQuerySchema,
          response: { 200: decisionRecordSchema, ...uploadResponses },
        },
      },
      async (request) =>
        attachSignedFile(db, config.dataDir, requireActor(request), request.params.id, {
          bytes: fileBody(request.body),
          name: request.query.name,
        }),
    );
    typed.get(
      '/api/decisions/:id/signed-file',
      {
        schema: {
          tags,
          summary: 'Tải bản quyết định công bố đã ký (PDF), tên tệp là số quyết định',
          params: decisionIdParamsSchema,
          response: { 200: fileResponse('Bản quyết định đã ký', SIGNED_FILE_TYPES), ...errorResponses },
        },
      },
      async (request, reply) => {
        const download = await downloadSignedFile(db, config.dataDir, request.params.id);
        return reply
          .header('content-type', download.file.mediaType)
          .header('content-disposition', contentDisposition(download.name))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-cache')
          .send(download.bytes);
      },
    );
  });
}
