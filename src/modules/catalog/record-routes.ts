import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { procedureCodeParamsSchema, procedureVersionParamsSchema } from '../../contract/catalog';
import { procedureProcessesSchema, processApprovalBodySchema } from '../../contract/catalog-processes';
import { errorResponses, fileResponse } from '../../contract/common';
import { fileIdParamsSchema, fileUploadQuerySchema, storedFileSchema } from '../../contract/files';
import { AppError } from '../../core/errors';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { contentDisposition, FORM_MEDIA_TYPES } from '../files';
import { downloadUploadedFile, downloadVersionFile, type FileDownload, FORM_MAX_BYTES, uploadProcedureFile } from './attachments';
import { approveProcess, getProcedureProcesses } from './processes';

/** Routes of the procedure record beyond its versions: attached forms and the approved internal processes. */
export function registerRecordRoutes(instance: FastifyInstance, { config, database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['catalog'];
  const sendFile = (reply: FastifyReply, download: FileDownload) =>
    reply
      .header('content-type', download.file.mediaType)
      .header('content-disposition', contentDisposition(download.name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=0')
      .send(download.bytes);
  const fileAnswer = fileResponse('Tệp mẫu đơn, tờ khai hoặc mẫu kết quả', FORM_MEDIA_TYPES);

  app.get(
    '/api/procedures/:code/processes',
    {
      schema: {
        tags,
        summary: 'Quy trình nội bộ đã phê duyệt và thời gian giải quyết cam kết (hôm nay)',
        params: procedureCodeParamsSchema,
        response: { 200: procedureProcessesSchema, ...errorResponses },
      },
    },
    async (request) => getProcedureProcesses(db, request.params.code),
  );
  app.post(
    '/api/procedures/:code/processes',
    {
      schema: {
        tags,
        summary: 'Ghi quyết định phê duyệt quy trình nội bộ (thời gian cam kết không dài hơn thời hạn luật định)',
        params: procedureCodeParamsSchema,
        body: processApprovalBodySchema,
        response: { 201: procedureProcessesSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await approveProcess(db, requireActor(request), request.params.code, request.body)),
  );
  app.get(
    '/api/procedures/:code/versions/:versionNo/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Tải mẫu đơn, tờ khai hoặc mẫu kết quả của một phiên bản thủ tục',
        params: procedureVersionParamsSchema.extend(fileIdParamsSchema.shape),
        response: { 200: fileAnswer, ...errorResponses },
      },
    },
    async (request, reply) => sendFile(reply, await downloadVersionFile(db, config.dataDir, request.params)),
  );
  app.get(
    '/api/procedure-files/:fileId',
    {
      schema: {
        tags,
        summary: 'Tải một tệp đã tải lên (người biên tập danh mục)',
        params: fileIdParamsSchema,
        response: { 200: fileAnswer, ...errorResponses },
      },
    },
    async (request, reply) => sendFile(reply, await downloadUploadedFile(db, config.dataDir, requireActor(request), request.params.fileId)),
  );
  // The body of an upload is the file itself: its own parser, in a scope of its own, with the files' size limit.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: FORM_MAX_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/procedure-files',
      {
        bodyLimit: FORM_MAX_BYTES,
        schema: {
          tags,
          summary: 'Tải lên mẫu đơn, tờ khai hoặc mẫu kết quả (PDF, DOC, DOCX, XLS, XLSX, ODT; tối đa 20 MB)',
          description: 'Nội dung yêu cầu là chính tệp (Content-Type: application/octet-stream); tên tệp ở tham số `name`.',
          querystring: fileUploadQuerySchema,
          response: { 201: storedFileSchema, ...errorResponses, 413: errorResponses[422], 415: errorResponses[422] },
        },
      },
      async (request, reply) => {
        const bytes = request.body;
        if (!Buffer.isBuffer(bytes)) {
          throw new AppError('unsupported_media_type', 'Gửi chính tệp với Content-Type: application/octet-stream.');
        }
        const stored = await uploadProcedureFile(db, config.dataDir, requireActor(request), { bytes, name: request.query.name });
        return reply.status(201).send(stored);
      },
    );
  });
}
