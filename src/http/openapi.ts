import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export async function registerOpenApi(app: FastifyInstance) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'motcua API',
        description:
          'API của hệ thống một cửa số motcua. Lỗi luôn có dạng {"error":{"code","message","details"}}. ' +
          'Các yêu cầu thay đổi dữ liệu gửi kèm tiêu đề x-csrf-token lấy từ /api/auth/login hoặc /api/auth/me. ' +
          'Mỗi địa chỉ máy khách có hạn mức số yêu cầu mỗi phút (đăng nhập: hạn mức nhỏ hơn); vượt hạn mức nhận 429 ' +
          'kèm tiêu đề Retry-After (số giây phải chờ).',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'motcua_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
