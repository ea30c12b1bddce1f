import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createUserBodySchema, updateUserBodySchema, userAdminViewSchema, userListQuerySchema, userPageSchema } from '../../contract/auth';
import { errorResponses, idParamsSchema } from '../../contract/common';
import type { AppDependencies } from '../../http/dependencies';
import { requireActor } from '../../http/session';
import { createUser, listUsers, updateUser } from './user-service';

export function registerUserRoutes(instance: FastifyInstance, { database }: AppDependencies) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Danh sách người dùng',
        querystring: userListQuerySchema,
        response: { 200: userPageSchema, ...errorResponses },
      },
    },
    async (request) => listUsers(database.db, requireActor(request), request.query),
  );
  app.post(
    '/api/users',
    { schema: { tags, summary: 'Tạo người dùng', body: createUserBodySchema, response: { 201: userAdminViewSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createUser(database.db, requireActor(request), request.body)),
  );
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Sửa người dùng',
        params: idParamsSchema,
        body: updateUserBodySchema,
        response: { 200: userAdminViewSchema, ...errorResponses },
      },
    },
    async (request) => updateUser(database.db, requireActor(request), request.params.id, request.body),
  );
}
