import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import {
  bieu06Schema,
  indicatorDrillQuerySchema,
  indicatorDrillSchema,
  metricsIndexSchema,
  metricsPeriodQuerySchema,
} from '../../contract/metrics';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { computeBieu06 } from './bieu06';
import { drillIndicator } from './drill';
import { computeIndex } from './index-service';

/** The KPI index and Biểu 06 (docs/api/metrics.md). */
export function registerMetricsRoutes(instance: FastifyInstance, dependencies: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const db = dependencies.database.db;
  app.get(
    '/api/metrics/index',
    {
      schema: {
        tags: ['metrics'],
        summary: 'Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg) của một đơn vị trong một kỳ',
        querystring: metricsPeriodQuerySchema,
        response: { 200: metricsIndexSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return computeIndex(db, requireActor(request), request.query);
    },
  );
  app.get(
    '/api/metrics/index/drill',
    {
      schema: {
        tags: ['metrics'],
        summary: 'Danh sách hồ sơ được tính vào tử số hoặc mẫu số của một chỉ số (thông tin cá nhân được che)',
        querystring: indicatorDrillQuerySchema,
        response: { 200: indicatorDrillSchema, ...errorResponses },
      },
    },
    async (request) => drillIndicator(db, requireActor(request), request.query),
  );
  app.get(
    '/api/reports/bieu-06',
    {
      schema: {
        tags: ['metrics'],
        summary: 'Biểu 06/VPCP/KSTT: tình hình giải quyết TTHC theo lĩnh vực và cấp (TT 01/2020/TT-VPCP)',
        querystring: metricsPeriodQuerySchema,
        response: { 200: bieu06Schema, ...errorResponses },
      },
    },
    async (request) => computeBieu06(db, requireActor(request), request.query),
  );
}
