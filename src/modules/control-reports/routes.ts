import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, fileResponse } from '../../contract/common';
import {
  controlReportCreateSchema,
  controlReportDocumentParamsSchema,
  controlReportListQuerySchema,
  controlReportListSchema,
  controlReportParamsSchema,
  controlReportSchema,
  controlReportSignSchema,
  controlReportUpdateSchema,
} from '../../contract/control-reports';
import { controlReportSettingsInputSchema, controlReportSettingsSchema } from '../../contract/metrics-settings';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { renderReportDocument } from './document-service';
import { createReport, getReport, listReports, signReport, updateReport } from './service';
import { getControlReportSettings, saveControlReportSettings } from './settings-service';

const tags = ['control-reports'];
const contentTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** Periodic reports of the procedure-control office (docs/api/control-reports.md). */
export function registerControlReportRoutes(instance: FastifyInstance, { config, database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  app.get(
    '/api/control-reports',
    {
      schema: {
        tags,
        summary: 'Danh sách báo cáo định kỳ về kiểm soát thủ tục hành chính',
        querystring: controlReportListQuerySchema,
        response: { 200: controlReportListSchema, ...errorResponses },
      },
    },
    async (request) => listReports(db, requireActor(request), request.query),
  );
  app.post(
    '/api/control-reports',
    {
      schema: {
        tags,
        summary: 'Lập dự thảo báo cáo định kỳ của một đơn vị cho một kỳ',
        body: controlReportCreateSchema,
        response: { 201: controlReportSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createReport(db, requireActor(request), request.body)),
  );
  app.get(
    '/api/control-reports/settings',
    {
      schema: {
        tags,
        summary: 'Cài đặt báo cáo định kỳ: ngày hạn gửi và số ngày làm việc nhắc trước',
        response: { 200: controlReportSettingsSchema, ...errorResponses },
      },
    },
    async (request) => getControlReportSettings(db, requireActor(request)),
  );
  app.put(
    '/api/control-reports/settings',
    {
      schema: {
        tags,
        summary: 'Sửa ngày hạn gửi báo cáo và số ngày làm việc nhắc trước (quản trị viên, bộ phận kiểm soát TTHC của tỉnh)',
        body: controlReportSettingsInputSchema,
        response: { 200: controlReportSettingsSchema, ...errorResponses },
      },
    },
    async (request) => saveControlReportSettings(db, requireActor(request), request.body),
  );
  app.get(
    '/api/control-reports/:id',
    {
      schema: {
        tags,
        summary: 'Một báo cáo định kỳ: số liệu, nội dung, trạng thái',
        params: controlReportParamsSchema,
        response: { 200: controlReportSchema, ...errorResponses },
      },
    },
    async (request) => getReport(db, requireActor(request), request.params.id),
  );
  app.patch(
    '/api/control-reports/:id',
    {
      schema: {
        tags,
        summary: 'Sửa phần nội dung đánh giá (hoặc tính lại số liệu) của dự thảo',
        params: controlReportParamsSchema,
        body: controlReportUpdateSchema,
        response: { 200: controlReportSchema, ...errorResponses },
      },
    },
    async (request) => updateReport(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/control-reports/:id/sign',
    {
      schema: {
        tags,
        summary: 'Ký báo cáo: ghi số, ngày ký, người ký; báo cáo đã ký không sửa được',
        params: controlReportParamsSchema,
        body: controlReportSignSchema,
        response: { 200: controlReportSchema, ...errorResponses },
      },
    },
    async (request) => signReport(db, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/api/control-reports/:id/document.:format',
    {
      schema: {
        tags,
        summary: 'Tải báo cáo (DOCX hoặc PDF) theo thể thức Nghị định 30/2020/NĐ-CP, kèm Biểu 06',
        params: controlReportDocumentParamsSchema,
        response: { 200: fileResponse('Báo cáo dạng DOCX hoặc PDF', Object.values(contentTypes)), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { body, fileName } = await renderReportDocument(db, requireActor(request), request.params.id, request.params.format, {
        timeoutMs: config.documentTimeoutMs,
      });
      return reply
        .header('content-type', contentTypes[request.params.format])
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
}
