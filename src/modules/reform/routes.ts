import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import {
  costInputSchema,
  costMethodSchema,
  costMethodViewSchema,
  costResultSchema,
  drillQuerySchema,
  incomeRateInputSchema,
  incomeRateListSchema,
  incomeRateParamsSchema,
  procedureMeasuresSchema,
  procedureReformSchema,
  reformDrillSchema,
  reformProcedureParamsSchema,
  reformSummarySchema,
  reformTargetListSchema,
  summaryQuerySchema,
  targetInputSchema,
  targetParamsSchema,
  worksheetInputSchema,
  worksheetParamsSchema,
  worksheetSchema,
} from '../../contract/reform';
import { computeComplianceCost } from '../../core/reform/cost';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { registerConditionRoutes } from './condition-routes';
import { getCostMethodView, saveCostMethod } from './cost-method';
import { registerProposalRoutes } from './proposal-routes';
import { registerRegimeRoutes } from './regime-routes';
import { drillReformIndicator, getReformSummary, listTargets, setTarget } from './summary-service';
import { getProcedureMeasures, getProcedureReform, listIncomeRates, saveWorksheet, setIncomeRate } from './worksheet-service';

const tags = ['reform'];

export function registerReformRoutes(instance: FastifyInstance, dependencies: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = dependencies.database;
  app.post(
    '/api/reform/cost',
    {
      schema: {
        tags,
        summary: 'Tính chi phí tuân thủ (TT 02/2017 Điều 27), không lưu',
        body: costInputSchema,
        response: { 200: costResultSchema, ...errorResponses },
      },
    },
    async (request) => computeComplianceCost(request.body),
  );
  app.get(
    '/api/reform/income-rates',
    { schema: { tags, summary: 'Thu nhập bình quân theo giờ theo năm', response: { 200: incomeRateListSchema, ...errorResponses } } },
    async () => listIncomeRates(db),
  );
  app.put(
    '/api/reform/income-rates/:year',
    {
      schema: {
        tags,
        summary: 'Sửa thu nhập bình quân theo giờ của một năm',
        params: incomeRateParamsSchema,
        body: incomeRateInputSchema,
        response: { 200: incomeRateListSchema, ...errorResponses },
      },
    },
    async (request) => setIncomeRate(db, requireActor(request), request.params.year, request.body),
  );
  app.get(
    '/api/reform/cost-method',
    {
      schema: {
        tags,
        summary: 'Phương pháp tính chi phí tuân thủ dùng cho số liệu NQ 66 (thu nhập năm gốc, thời gian chờ)',
        response: { 200: costMethodViewSchema, ...errorResponses },
      },
    },
    async () => getCostMethodView(db),
  );
  app.put(
    '/api/reform/cost-method',
    {
      schema: {
        tags,
        summary: 'Sửa phương pháp tính chi phí tuân thủ (tỷ lệ thu nhập tính cho thời gian chờ)',
        body: costMethodSchema,
        response: { 200: costMethodViewSchema, ...errorResponses },
      },
    },
    async (request) => saveCostMethod(db, requireActor(request), request.body),
  );
  app.get(
    '/api/reform/procedures/:code',
    {
      schema: {
        tags,
        summary: 'Số liệu năm 2024 (mốc) và hiện nay của một thủ tục',
        params: reformProcedureParamsSchema,
        response: { 200: procedureReformSchema, ...errorResponses },
      },
    },
    async (request) => getProcedureReform(db, requireActor(request), request.params.code),
  );
  app.get(
    '/api/reform/procedures/:code/measures',
    {
      schema: {
        tags,
        summary: 'Số liệu đo từ hồ sơ thực tế 12 tháng gần nhất: số hồ sơ, số đối tượng, thời gian giải quyết trung vị',
        params: reformProcedureParamsSchema,
        response: { 200: procedureMeasuresSchema, ...errorResponses },
      },
    },
    async (request) => getProcedureMeasures(db, requireActor(request), request.params.code),
  );
  app.put(
    '/api/reform/procedures/:code/versions/:versionNo/worksheet',
    {
      schema: {
        tags,
        summary: 'Lưu bảng tính chi phí tuân thủ của một phiên bản thủ tục',
        params: worksheetParamsSchema,
        body: worksheetInputSchema,
        response: { 200: worksheetSchema, ...errorResponses },
      },
    },
    async (request) => saveWorksheet(db, requireActor(request), request.params.code, request.params.versionNo, request.body),
  );
  app.get(
    '/api/reform/summary',
    {
      schema: {
        tags,
        summary: 'Bảng mục tiêu NQ 66 của một đơn vị (mặc định: toàn tỉnh)',
        querystring: summaryQuerySchema,
        response: { 200: reformSummarySchema, ...errorResponses },
      },
    },
    async (request) => getReformSummary(db, requireActor(request), request.query),
  );
  app.get(
    '/api/reform/summary/drill',
    {
      schema: {
        tags,
        summary: 'Các thủ tục (điều kiện, chế độ báo cáo) đứng sau một chỉ tiêu',
        querystring: drillQuerySchema,
        response: { 200: reformDrillSchema, ...errorResponses },
      },
    },
    async (request) => drillReformIndicator(db, requireActor(request), request.query),
  );
  app.get(
    '/api/reform/targets',
    { schema: { tags, summary: 'Mục tiêu NQ 66 theo năm', response: { 200: reformTargetListSchema, ...errorResponses } } },
    async () => listTargets(db),
  );
  app.put(
    '/api/reform/targets/:year/:indicator',
    {
      schema: {
        tags,
        summary: 'Sửa mục tiêu',
        params: targetParamsSchema,
        body: targetInputSchema,
        response: { 200: reformTargetListSchema, ...errorResponses },
      },
    },
    async (request) => setTarget(db, requireActor(request), request.params.year, request.params.indicator, request.body),
  );
  registerProposalRoutes(app, dependencies);
  registerConditionRoutes(app, dependencies);
  registerRegimeRoutes(app, dependencies);
}
