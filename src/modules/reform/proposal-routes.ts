import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, fileResponse, idParamsSchema } from '../../contract/common';
import {
  deadlineSettingsSchema,
  deadlineSettingsViewSchema,
  proposalActionSchema,
  proposalCreateSchema,
  proposalDocumentParamsSchema,
  proposalItemDeleteQuerySchema,
  proposalItemInputSchema,
  proposalItemParamsSchema,
  proposalListQuerySchema,
  proposalListSchema,
  proposalRenameSchema,
  proposalSchema,
  yearDeadlinesInputSchema,
  yearDeadlinesParamsSchema,
  yearDeadlinesSchema,
} from '../../contract/reform-proposals';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { DEADLINES_KEY, getYearDeadlines, readDeadlines, setYearDeadlines } from './deadlines';
import { renderProposalDocument } from './proposal-document';
import {
  actOnProposal,
  createProposal,
  deleteProposalItem,
  getProposal,
  listProposals,
  putProposalItem,
  renameProposal,
} from './proposal-service';
import { saveSetting } from './settings';

const tags = ['reform'];
const contentTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

export function registerProposalRoutes(instance: FastifyInstance, { config, database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  app.get(
    '/api/reform/proposals',
    {
      schema: {
        tags,
        summary: 'Danh sách phương án cắt giảm',
        querystring: proposalListQuerySchema,
        response: { 200: proposalListSchema, ...errorResponses },
      },
    },
    async (request) => listProposals(db, requireActor(request), request.query),
  );
  app.post(
    '/api/reform/proposals',
    { schema: { tags, summary: 'Lập phương án', body: proposalCreateSchema, response: { 201: proposalSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createProposal(db, requireActor(request), request.body)),
  );
  app.get(
    '/api/reform/proposals/:id',
    { schema: { tags, summary: 'Chi tiết phương án', params: idParamsSchema, response: { 200: proposalSchema, ...errorResponses } } },
    async (request) => getProposal(db, requireActor(request), request.params.id),
  );
  app.patch(
    '/api/reform/proposals/:id',
    {
      schema: {
        tags,
        summary: 'Đổi tiêu đề phương án (dự thảo)',
        params: idParamsSchema,
        body: proposalRenameSchema,
        response: { 200: proposalSchema, ...errorResponses },
      },
    },
    async (request) => renameProposal(db, requireActor(request), request.params.id, request.body),
  );
  app.put(
    '/api/reform/proposals/:id/items/:code',
    {
      schema: {
        tags,
        summary: 'Thêm hoặc sửa một thủ tục trong phương án',
        params: proposalItemParamsSchema,
        body: proposalItemInputSchema,
        response: { 200: proposalSchema, ...errorResponses },
      },
    },
    async (request) => putProposalItem(db, requireActor(request), request.params.id, request.params.code, request.body),
  );
  app.delete(
    '/api/reform/proposals/:id/items/:code',
    {
      schema: {
        tags,
        summary: 'Bỏ một thủ tục khỏi phương án',
        params: proposalItemParamsSchema,
        querystring: proposalItemDeleteQuerySchema,
        response: { 200: proposalSchema, ...errorResponses },
      },
    },
    async (request) => deleteProposalItem(db, requireActor(request), request.params.id, request.params.code, request.query.version),
  );
  app.post(
    '/api/reform/proposals/:id/actions',
    {
      schema: {
        tags,
        summary: 'Trình, tổng hợp, phê duyệt, từ chối, thực hiện phương án',
        params: idParamsSchema,
        body: proposalActionSchema,
        response: { 200: proposalSchema, ...errorResponses },
      },
    },
    async (request) => actOnProposal(db, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/api/reform/proposals/:id/document.:format',
    {
      schema: {
        tags,
        summary: 'Tải phương án (DOCX hoặc PDF) để trình ký',
        params: proposalDocumentParamsSchema,
        response: { 200: fileResponse('Phương án dạng DOCX hoặc PDF', Object.values(contentTypes)), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { body, fileName } = await renderProposalDocument(db, requireActor(request), request.params.id, request.params.format, {
        timeoutMs: config.documentTimeoutMs,
      });
      return reply
        .header('content-type', contentTypes[request.params.format])
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(body);
    },
  );
  app.get(
    '/api/reform/settings',
    {
      schema: {
        tags,
        summary: 'Hạn trình và hạn phê duyệt phương án hằng năm',
        response: { 200: deadlineSettingsViewSchema, ...errorResponses },
      },
    },
    async () => readDeadlines(db),
  );
  app.put(
    '/api/reform/settings',
    {
      schema: {
        tags,
        summary: 'Sửa hạn trình, hạn phê duyệt',
        body: deadlineSettingsSchema,
        response: { 200: deadlineSettingsViewSchema, ...errorResponses },
      },
    },
    async (request) => saveSetting(db, requireActor(request), DEADLINES_KEY, request.body),
  );
  app.get(
    '/api/reform/deadlines/:year',
    {
      schema: {
        tags,
        summary: 'Hạn trình và hạn phê duyệt phương án của một năm',
        params: yearDeadlinesParamsSchema,
        response: { 200: yearDeadlinesSchema, ...errorResponses },
      },
    },
    async (request) => getYearDeadlines(db, request.params.year),
  );
  app.put(
    '/api/reform/deadlines/:year',
    {
      schema: {
        tags,
        summary: 'Đặt hạn trình, hạn phê duyệt của một năm',
        params: yearDeadlinesParamsSchema,
        body: yearDeadlinesInputSchema,
        response: { 200: yearDeadlinesSchema, ...errorResponses },
      },
    },
    async (request) => setYearDeadlines(db, requireActor(request), request.params.year, request.body),
  );
}
