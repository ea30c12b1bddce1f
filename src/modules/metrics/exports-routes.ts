import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { binaryFileSchema, errorResponses } from '../../contract/common';
import { metricsPeriodQuerySchema } from '../../contract/metrics';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { contentDisposition } from '../files';
import { exportBieu06, XLSX_MEDIA_TYPE } from './exports-service';

/** Biểu 06 as the printed form (docs/api/metrics-exports.md). */
export function registerMetricsExportRoutes(instance: FastifyInstance, dependencies: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const db = dependencies.database.db;
  const formats = [
    {
      format: 'xlsx',
      mediaType: XLSX_MEDIA_TYPE,
      summary: 'Biểu 06/VPCP/KSTT dạng bảng tính Excel (.xlsx), theo mẫu của TT 01/2020/TT-VPCP',
    },
    {
      format: 'pdf',
      mediaType: 'application/pdf',
      summary: 'Biểu 06/VPCP/KSTT dạng PDF (A4 ngang, thể thức NĐ 30/2020), để ký và đóng dấu',
    },
  ] as const;
  for (const { format, mediaType, summary } of formats) {
    app.get(
      `/api/reports/bieu-06.${format}`,
      {
        schema: {
          tags: ['metrics'],
          summary,
          querystring: metricsPeriodQuerySchema,
          response: { 200: { description: 'Biểu 06', content: { [mediaType]: { schema: binaryFileSchema } } }, ...errorResponses },
        },
      },
      async (request, reply) => {
        const download = await exportBieu06(db, requireActor(request), request.query, format, {
          timeoutMs: dependencies.config.documentTimeoutMs,
        });
        return reply
          .header('content-type', download.mediaType)
          .header('content-disposition', contentDisposition(download.fileName))
          .header('cache-control', 'private, no-store')
          .send(download.body);
      },
    );
  }
}
