import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, fileResponse } from '../../contract/common';
import { metricsPeriodQuerySchema } from '../../contract/metrics';
import { metricsSettingsInputSchema, metricsSettingsSchema } from '../../contract/metrics-settings';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { contentDisposition } from '../files';
import { openDossierFactsDownload } from './dossier-facts-download';
import { getMetricsSettings, saveMetricsSettings } from './settings-service';

const tags = ['metrics'];

/** The settings of monitoring and the auditor's CSV (docs/api/metrics.md, "Settings", "The auditor's CSV"). */
export function registerMetricsSettingsRoutes(instance: FastifyInstance, dependencies: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const db = dependencies.database.db;
  app.get(
    '/api/metrics/settings',
    {
      schema: {
        tags,
        summary: 'Cài đặt giám sát: ngày bắt đầu tháng báo cáo và các mức xếp loại của Bộ chỉ số',
        response: { 200: metricsSettingsSchema, ...errorResponses },
      },
    },
    async (request) => getMetricsSettings(db, requireActor(request)),
  );
  app.put(
    '/api/metrics/settings',
    {
      schema: {
        tags,
        summary: 'Sửa ngày bắt đầu tháng báo cáo và các mức xếp loại (quản trị viên, bộ phận kiểm soát TTHC của tỉnh)',
        body: metricsSettingsInputSchema,
        response: { 200: metricsSettingsSchema, ...errorResponses },
      },
    },
    async (request) => saveMetricsSettings(db, requireActor(request), request.body),
  );
  app.get(
    '/api/metrics/dossier-facts.csv',
    {
      schema: {
        tags,
        summary: 'Dữ liệu từng hồ sơ tiếp nhận trong kỳ của một đơn vị (CSV UTF-8) để kiểm tra lại chỉ số và Biểu 06',
        querystring: metricsPeriodQuerySchema,
        response: { 200: fileResponse('CSV theo docs/formats/dossier-facts.md', ['text/csv; charset=utf-8']), ...errorResponses },
      },
    },
    async (request, reply) => {
      const download = await openDossierFactsDownload(db, requireActor(request), request.query);
      return (
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', contentDisposition(download.fileName))
          .header('cache-control', 'private, no-store')
          // A stream, piped by Fastify as it is read; the schema types the 200 as the bytes it becomes.
          .send(download.body as unknown as Uint8Array)
      );
    },
  );
}
