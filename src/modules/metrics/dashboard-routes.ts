import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import {
  metricsDossierListQuerySchema,
  metricsDossierListSchema,
  metricsRankingQuerySchema,
  metricsRankingSchema,
  metricsTrendQuerySchema,
  metricsTrendSchema,
  publicStatisticsQuerySchema,
  publicStatisticsSchema,
} from '../../contract/metrics-dashboard';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { computeRanking, computeTrend } from './dashboard';
import { listWarningDossiers } from './drill-warnings';
import { readPublicStatistics } from './public-statistics';

/** The dashboards' series and the public statistics (docs/api/metrics-exports.md). */
export function registerMetricsDashboardRoutes(instance: FastifyInstance, dependencies: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const db = dependencies.database.db;
  app.get(
    '/api/metrics/trend',
    {
      schema: {
        tags: ['metrics'],
        summary: 'Điểm bộ chỉ số và số hồ sơ của một đơn vị theo từng tháng báo cáo (21 tháng trước → 20) trong kỳ',
        querystring: metricsTrendQuerySchema,
        response: { 200: metricsTrendSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return computeTrend(db, requireActor(request), request.query);
    },
  );
  app.get(
    '/api/metrics/ranking',
    {
      schema: {
        tags: ['metrics'],
        summary: 'Xếp hạng các đơn vị trực thuộc (sở, ban, ngành, xã) theo điểm bộ chỉ số trong kỳ',
        querystring: metricsRankingQuerySchema,
        response: { 200: metricsRankingSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return computeRanking(db, requireActor(request), request.query);
    },
  );
  app.get(
    '/api/metrics/dossiers',
    {
      schema: {
        tags: ['metrics'],
        summary: 'Hồ sơ trả quá hạn trong kỳ, đang quá hạn hoặc sắp đến hạn cuối kỳ (thông tin cá nhân được che)',
        querystring: metricsDossierListQuerySchema,
        response: { 200: metricsDossierListSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return listWarningDossiers(db, requireActor(request), request.query);
    },
  );
  app.get(
    '/api/public/statistics',
    {
      schema: {
        tags: ['metrics'],
        summary: 'Công khai kết quả giải quyết TTHC và điểm bộ chỉ số của tỉnh trong năm (không có dữ liệu cá nhân)',
        querystring: publicStatisticsQuerySchema,
        response: { 200: publicStatisticsSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return readPublicStatistics(db, request.query.year);
    },
  );
}
