import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import { publicDossierStatusQuerySchema, publicDossierStatusSchema } from '../../contract/dossiers';
import type { AppDependencies } from '../../http/dependencies';
import { publicLookupRateLimit } from '../../http/rate-limit';
import { lookupDossierStatus } from './public-status';

export function registerPublicStatusRoutes(instance: FastifyInstance, { config, database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/public/dossier-status',
    {
      config: { rateLimit: publicLookupRateLimit(config) },
      schema: {
        tags: ['dossiers'],
        summary: 'Tra cứu tình trạng hồ sơ bằng mã hồ sơ và số định danh của người nộp (công khai, giới hạn số lần)',
        querystring: publicDossierStatusQuerySchema,
        response: { 200: publicDossierStatusSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return lookupDossierStatus(database.db, request.query);
    },
  );
}
