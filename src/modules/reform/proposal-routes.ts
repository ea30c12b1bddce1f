import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { documentedElsewhereResponses, idParamsSchema } from '../../contract/common';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { procedureCodeSchema } from '../catalog/schemas';
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
import { DEADLINES_KEY, readDeadlines } from './proposal-view';
import {
  deadlineSettingsSchema,
  proposalActionSchema,
  proposalCreateSchema,
  proposalItemInputSchema,
  proposalListQuerySchema,
} from './schemas';
import { saveSetting } from './settings';

const tags = ['reform'];
const itemParams = idParamsSchema.extend({ code: procedureCodeSchema });
const contentTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

export function registerProposalRoutes(instance: FastifyInstance, { database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  app.get(
    '/api/reform/proposals',
    {
      schema: {
        tags,
        summary: 'Danh sách phương án cắt giảm',
        querystring: proposalListQuerySchema,
        response: documentedElsewhereResponses,
      },
    },
    async (request) => listProposals(db, requireActor(request), request.query),
  );
  app.post(
    '/api/reform/proposals',
    { schema: { tags, summary: 'Lập phương án', body: proposalCreateSchema, response: documentedElsewhereResponses } },
    async (request, reply) => reply.status(201).send(await createProposal(db, requireActor(request), request.body)),
  );
  app.get(
    '/api/reform/proposals/:id',
    { schema: { tags, summary: 'Chi tiết phương án', params: idParamsSchema, response: documentedElsewhereResponses } },
    async (request) => getProposal(db, requireActor(request), request.params.id),
  );
  app.patch(
    '/api/reform/proposals/:id',
    {
      schema: {
        tags,
        summary: 'Đổi tiêu đề phương án (dự thảo)',
        params: idParamsSchema,
        body: z.strictObject({ title: z.string().trim().min(3).max(500), version: z.number().int().min(1) }),
        response: documentedElsewhereResponses,
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
        params: itemParams,
        body: proposalItemInputSchema,
        response: documentedElsewhereResponses,
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
        params: itemParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
        response: documentedElsewhereResponses,
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
        response: documentedElsewhereResponses,
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
        params: idParamsSchema.extend({ format: z.enum(['docx', 'pdf']) }),
      },
    },
    async (request, reply) => {
      const { body, fileName } = await renderProposalDocument(db, requireActor(request), request.params.id, request.params.format);
      return reply
        .header('content-type', contentTypes[request.params.format])
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(body);
    },
  );
  app.get('/api/reform/settings', { schema: { tags, summary: 'Hạn trình và hạn phê duyệt phương án hằng năm' } }, async () =>
    readDeadlines(db),
  );
  app.put(
    '/api/reform/settings',
    { schema: { tags, summary: 'Sửa hạn trình, hạn phê duyệt', body: deadlineSettingsSchema, response: documentedElsewhereResponses } },
    async (request) => saveSetting(db, requireActor(request), DEADLINES_KEY, request.body),
  );
}
