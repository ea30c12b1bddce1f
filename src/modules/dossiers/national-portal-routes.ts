import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../contract/common';
import { nationalPortalDossierAnswerSchema, nationalPortalDossierBodySchema } from '../../contract/dossiers';
import { AppError, invalid } from '../../core/errors';
import type { AppDependencies } from '../../http/dependencies';
import { receiveFromNationalPortal, verifyPortalSignature } from './national-portal';

/** Up to 20 files of 20 MB per component in base64: the body of one dossier is large, the limit is this route's only. */
const PORTAL_BODY_LIMIT = 64 * 1024 * 1024;

const portalHeadersSchema = z.object({
  'idempotency-key': z
    .string('Thiếu tiêu đề Idempotency-Key.')
    .trim()
    .min(8, 'Idempotency-Key phải dài 8–200 ký tự.')
    .max(200, 'Idempotency-Key phải dài 8–200 ký tự.'),
  'x-motcua-signature': z.string().max(200).optional(),
});

const rawBodies = new WeakMap<FastifyRequest, Buffer>();

/** The national portal's door: signed JSON; the raw bytes the signature covers are kept before parsing. */
export function registerNationalPortalRoutes(instance: FastifyInstance, { config, database }: AppDependencies) {
  void instance.register(async (scope) => {
    // Keep the raw bytes the signature covers; the body is then parsed by the application's JSON parser as any other.
    scope.addHook('preParsing', async (request, _reply, payload) => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of payload) {
        size += (chunk as Buffer).length;
        if (size > PORTAL_BODY_LIMIT) throw new AppError('payload_too_large', 'Nội dung yêu cầu quá lớn: tối đa 64 MB.');
        chunks.push(chunk as Buffer);
      }
      const raw = Buffer.concat(chunks);
      rawBodies.set(request, raw);
      return Readable.from([raw]);
    });
    // The signature first: an unsigned request learns nothing from validation messages.
    scope.addHook('preValidation', async (request) => {
      verifyPortalSignature(
        config.nationalPortalSecret,
        rawBodies.get(request) ?? Buffer.alloc(0),
        request.headers['x-motcua-signature'] as string | undefined,
      );
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/integrations/national-portal/dossiers',
      {
        bodyLimit: PORTAL_BODY_LIMIT,
        schema: {
          tags: ['integrations'],
          summary: 'Nhận hồ sơ nộp trên Cổng Dịch vụ công quốc gia (ký HMAC-SHA256, có Idempotency-Key)',
          description: 'Định dạng: docs/api/national-portal.md. Cùng khóa và cùng nội dung → cùng hồ sơ (200); khác nội dung → 409.',
          headers: portalHeadersSchema,
          body: nationalPortalDossierBodySchema,
          response: { 200: nationalPortalDossierAnswerSchema, 201: nationalPortalDossierAnswerSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const rawBody = rawBodies.get(request);
        if (!rawBody) throw invalid([{ path: 'body', message: 'Thiếu nội dung yêu cầu.' }]);
        const { created, answer } = await receiveFromNationalPortal(
          database.db,
          config.dataDir,
          {
            key: request.headers['idempotency-key'],
            rawBody,
            body: request.body,
          },
          { phoneChannels: config.notifyPhoneChannels },
        );
        return reply.status(created ? 201 : 200).send(answer);
      },
    );
  });
}
