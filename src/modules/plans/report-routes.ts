import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { binaryFileSchema, errorResponses, idParamsSchema } from '../../contract/common';
import { fileIdParamsSchema, fileUploadQuerySchema, storedFileSchema } from '../../contract/files';
import {
  planCommentDeleteQuerySchema,
  planCommentEditSchema,
  planCommentInputSchema,
  planCommentListSchema,
  planCommentSchema,
  planProgressReportQuerySchema,
  planResponsibleCandidatesSchema,
  planResponsibleInputSchema,
  planResponsibleSchema,
  planTaskUnitParamsSchema,
} from '../../contract/plans-reports';
import { AppError } from '../../core/errors';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { contentDisposition } from '../files';
import { addComment, deleteComment, editComment, listComments } from './comments-service';
import { downloadEvidence, EVIDENCE_MAX_BYTES, EVIDENCE_TYPES, uploadEvidence } from './evidence-service';
import { exportProgressReport, PROGRESS_REPORT_MEDIA_TYPES } from './progress-report-service';
import { assignResponsible, listResponsibleCandidates } from './responsible-service';

const tags = ['plans'];

/** Evidence files, comments, responsible people and the progress report exports (docs/api/plans.md). */
export function registerPlanReportRoutes(instance: FastifyInstance, { config, database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  app.get(
    '/api/plans/tasks/:id/comments',
    {
      schema: {
        tags,
        summary: 'Ý kiến của các đơn vị về một nhiệm vụ',
        params: idParamsSchema,
        response: { 200: planCommentListSchema, ...errorResponses },
      },
    },
    async (request) => listComments(db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/plans/tasks/:id/comments',
    {
      schema: {
        tags,
        summary: 'Góp ý nhiệm vụ (đơn vị phối hợp, đơn vị chủ trì, văn phòng cơ quan ban hành)',
        params: idParamsSchema,
        body: planCommentInputSchema,
        response: { 201: planCommentSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await addComment(db, requireActor(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/plans/comments/:id',
    {
      schema: {
        tags,
        summary: 'Sửa ý kiến của mình (ghi "đã sửa"; nội dung trước được lưu trong nhật ký)',
        params: idParamsSchema,
        body: planCommentEditSchema,
        response: { 200: planCommentSchema, ...errorResponses },
      },
    },
    async (request) => editComment(db, requireActor(request), request.params.id, request.body),
  );
  app.delete(
    '/api/plans/comments/:id',
    {
      schema: {
        tags,
        summary: 'Xóa ý kiến của mình (quản trị viên: mọi ý kiến); luồng ý kiến giữ dòng "Ý kiến đã được xóa"',
        params: idParamsSchema,
        querystring: planCommentDeleteQuerySchema,
        response: { 200: planCommentSchema, ...errorResponses },
      },
    },
    async (request) => deleteComment(db, requireActor(request), request.params.id, request.query.version),
  );
  app.get(
    '/api/plans/tasks/:id/units/:taskUnitId/candidates',
    {
      schema: {
        tags,
        summary: 'Cán bộ của đơn vị có thể được phân công phụ trách nhiệm vụ',
        params: planTaskUnitParamsSchema,
        response: { 200: planResponsibleCandidatesSchema, ...errorResponses },
      },
    },
    async (request) => listResponsibleCandidates(db, requireActor(request), request.params.id, request.params.taskUnitId),
  );
  app.put(
    '/api/plans/tasks/:id/units/:taskUnitId/responsible',
    {
      schema: {
        tags,
        summary: 'Phân công (hoặc bỏ) người phụ trách nhiệm vụ tại một đơn vị',
        params: planTaskUnitParamsSchema,
        body: planResponsibleInputSchema,
        response: { 200: planResponsibleSchema, ...errorResponses },
      },
    },
    async (request) => assignResponsible(db, requireActor(request), request.params.id, request.params.taskUnitId, request.body),
  );
  app.get(
    '/api/plans/evidence-files/:fileId',
    {
      schema: {
        tags,
        summary: 'Tải tệp minh chứng của một báo cáo tiến độ',
        params: fileIdParamsSchema,
        response: {
          200: {
            description: 'Tệp minh chứng',
            content: Object.fromEntries(EVIDENCE_TYPES.map((type) => [type, { schema: binaryFileSchema }])),
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { file, bytes } = await downloadEvidence(db, config.dataDir, requireActor(request), request.params.fileId);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', contentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );
  const formats = [
    { format: 'docx', summary: 'Báo cáo kết quả thực hiện kế hoạch trong kỳ (DOCX, thể thức NĐ 30/2020)' },
    { format: 'pdf', summary: 'Báo cáo kết quả thực hiện kế hoạch trong kỳ (PDF, thể thức NĐ 30/2020)' },
    { format: 'xlsx', summary: 'Báo cáo kết quả thực hiện kế hoạch trong kỳ (XLSX, từng nhiệm vụ)' },
  ] as const;
  for (const { format, summary } of formats) {
    app.get(
      `/api/plans/:id/progress-report.${format}`,
      {
        schema: {
          tags,
          summary,
          params: idParamsSchema,
          querystring: planProgressReportQuerySchema,
          response: {
            200: { description: 'Báo cáo', content: { [PROGRESS_REPORT_MEDIA_TYPES[format]]: { schema: binaryFileSchema } } },
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const download = await exportProgressReport(db, requireActor(request), request.params.id, request.query, format, {
          timeoutMs: config.documentTimeoutMs,
        });
        return reply
          .header('content-type', download.mediaType)
          .header('content-disposition', contentDisposition(download.fileName))
          .header('cache-control', 'private, no-store')
          .send(download.body);
      },
    );
  }
  // The body of an upload is the file itself: its own parser, in a scope of its own, with the evidence size limit.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: EVIDENCE_MAX_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/plans/evidence-files',
      {
        bodyLimit: EVIDENCE_MAX_BYTES,
        schema: {
          tags,
          summary: 'Tải lên tệp minh chứng (PDF, JPEG, PNG, DOCX, XLSX; tối đa 20 MB), trước khi gửi báo cáo tiến độ',
          description: 'Nội dung yêu cầu là chính tệp (Content-Type: application/octet-stream); tên tệp ở tham số `name`.',
          querystring: fileUploadQuerySchema,
          response: { 201: storedFileSchema, ...errorResponses, 413: errorResponses[422], 415: errorResponses[422] },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body))
          throw new AppError('unsupported_media_type', 'Gửi chính tệp với Content-Type: application/octet-stream.');
        return reply
          .status(201)
          .send(await uploadEvidence(db, config.dataDir, requireActor(request), { bytes: request.body, name: request.query.name }));
      },
    );
  });
}
