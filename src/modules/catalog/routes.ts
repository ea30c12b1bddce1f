import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, pageSchema, pageSizeSchema } from '../../contract/common';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import {
  createProcedureBodySchema,
  decisionSchema,
  levels,
  onlineLevels,
  procedureCodeSchema,
  procedureContentSchema,
  publishVersionBodySchema,
  timeUnits,
} from './schemas';
import { createProcedure, findProcedures, getProcedure, getProcedureVersion, listFields, publishVersion } from './service';

const unitRefSchema = z.object({ code: z.string(), name: z.string() });
const versionStatusSchema = z.enum(['scheduled', 'in_force', 'superseded', 'abolished']);

const procedureSummarySchema = z.object({
  code: z.string(),
  versionNo: z.number(),
  name: z.string(),
  field: z.string(),
  levels: z.array(z.string()),
  onlineLevel: z.enum(onlineLevels),
  processingTime: z.object({ amount: z.number(), unit: z.enum(timeUnits), text: z.string() }),
  handlingUnits: z.array(unitRefSchema),
  businessRelated: z.boolean(),
  locationIndependent: z.boolean(),
  feeSummary: z.string(),
});

const decisionViewSchema = decisionSchema.nullable();

const procedureViewSchema = procedureContentSchema.extend({
  code: z.string(),
  versionNo: z.number(),
  latestVersionNo: z.number(),
  status: versionStatusSchema,
  handlingUnits: z.array(unitRefSchema),
  receivingUnits: z.array(unitRefSchema),
  decision: decisionViewSchema,
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  versions: z.array(
    z.object({
      versionNo: z.number(),
      status: versionStatusSchema,
      effectiveFrom: z.string(),
      effectiveTo: z.string().nullable(),
      decision: decisionViewSchema,
    }),
  ),
});

const searchQuerySchema = z.object({
  q: z.string().max(500).optional(),
  field: z.string().max(300).optional(),
  level: z.enum(levels).optional(),
  unit: z.string().max(40).optional(),
  online: z.enum(onlineLevels).optional(),
  page: pageSchema,
  pageSize: pageSizeSchema,
});

const codeParamsSchema = z.object({ code: procedureCodeSchema });

export function registerCatalogRoutes(instance: FastifyInstance, { database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalog'];
  app.get(
    '/api/procedures',
    {
      schema: {
        tags,
        summary: 'Tìm thủ tục hành chính (không dấu, không phân biệt hoa thường, chịu lỗi gõ)',
        querystring: searchQuerySchema,
        response: {
          200: z.object({ items: z.array(procedureSummarySchema), total: z.number(), page: z.number(), pageSize: z.number() }),
          ...errorResponses,
        },
      },
    },
    async (request) => findProcedures(database.db, request.query),
  );
  app.get(
    '/api/fields',
    {
      schema: {
        tags,
        summary: 'Lĩnh vực và số thủ tục đang có hiệu lực',
        response: { 200: z.object({ items: z.array(z.object({ name: z.string(), count: z.number() })) }) },
      },
    },
    async () => listFields(database.db),
  );
  app.get(
    '/api/procedures/:code',
    {
      schema: {
        tags,
        summary: 'Thủ tục — phiên bản đang có hiệu lực',
        params: codeParamsSchema,
        response: { 200: procedureViewSchema, ...errorResponses },
      },
    },
    async (request) => getProcedure(database.db, request.params.code),
  );
  app.get(
    '/api/procedures/:code/versions/:versionNo',
    {
      schema: {
        tags,
        summary: 'Một phiên bản của thủ tục (kể cả phiên bản cũ)',
        params: codeParamsSchema.extend({ versionNo: z.coerce.number().int().min(1).max(100_000) }),
        response: { 200: procedureViewSchema, ...errorResponses },
      },
    },
    async (request) => getProcedureVersion(database.db, request.params.code, request.params.versionNo),
  );
  app.post(
    '/api/procedures',
    {
      schema: {
        tags,
        summary: 'Thêm thủ tục mới (kèm quyết định công bố)',
        body: createProcedureBodySchema,
        response: { 201: procedureViewSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createProcedure(database.db, requireActor(request), request.body)),
  );
  app.post(
    '/api/procedures/:code/versions',
    {
      schema: {
        tags,
        summary: 'Công bố phiên bản mới theo quyết định (sửa đổi, thay thế, bãi bỏ)',
        params: codeParamsSchema,
        body: publishVersionBodySchema,
        response: { 201: procedureViewSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishVersion(database.db, requireActor(request), request.params.code, request.body)),
  );
}
