import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { binaryFileSchema, errorResponses, inlineQuerySchema } from '../../contract/common';
import { dossierFormParamsSchema, trackingBookQuerySchema, trackingBookSchema } from '../../contract/dossier-forms';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { contentDisposition } from '../files';
import { type FormDownload, type FormOptions, renderFormForActor, renderTrackingBook } from './forms-service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A form as a download, or with `?inline=1` (PDF only) shown in the browser's tab: the "In" buttons open it there. */
function sendForm(reply: FastifyReply, download: FormDownload, inline: { inline?: '0' | '1' }) {
  const isInline = inline.inline === '1' && download.mediaType === 'application/pdf';
  return reply
    .header('content-type', download.mediaType)
    .header('content-disposition', contentDisposition(download.fileName, isInline ? 'inline' : 'attachment'))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(download.body);
}

/** The QR code's base: PUBLIC_BASE_URL, else the address the request came to (behind a trusted proxy, its host). */
function formOptions(request: FastifyRequest, dependencies: AppDependencies): FormOptions {
  const { config } = dependencies;
  const base = config.publicBaseUrl ?? `${request.protocol}://${request.host}`;
  return { publicBaseUrl: base, timeoutMs: config.documentTimeoutMs };
}

/** The forms of Thông tư 03/2025/TT-VPCP (docs/formats/dossier-forms.md); registered by routes.ts. */
export function registerDossierFormRoutes(instance: FastifyInstance, dependencies: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const db = dependencies.database.db;
  const tags = ['dossiers'];
  app.get(
    '/api/dossiers/tracking-book',
    {
      schema: {
        tags,
        summary: 'Sổ theo dõi hồ sơ (Mẫu 07) của một đơn vị trong một kỳ: PDF, XLSX hoặc JSON',
        querystring: trackingBookQuerySchema,
        response: {
          200: {
            description: 'Sổ theo dõi hồ sơ',
            content: {
              'application/pdf': { schema: binaryFileSchema },
              [XLSX]: { schema: binaryFileSchema },
              'application/json': { schema: trackingBookSchema },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const answer = await renderTrackingBook(db, requireActor(request), request.query, formOptions(request, dependencies));
      if (!('body' in answer)) return reply.header('cache-control', 'private, no-store').type('application/json').send(answer);
      return sendForm(reply, answer, request.query);
    },
  );
  app.get(
    '/api/dossiers/:id/forms/:form',
    {
      schema: {
        tags,
        summary: 'Biểu mẫu của hồ sơ (Mẫu 01–06, PDF); mẫu không áp dụng cho quá trình của hồ sơ → 409',
        params: dossierFormParamsSchema,
        querystring: inlineQuerySchema,
        response: {
          200: { description: 'Biểu mẫu dạng PDF', content: { 'application/pdf': { schema: binaryFileSchema } } },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { id, form } = request.params;
      const download = await renderFormForActor(db, requireActor(request), id, form, formOptions(request, dependencies));
      return sendForm(reply, download, request.query);
    },
  );
}
