import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorDetail } from '../core/errors';

type FastifyErrorLike = FastifyError & { statusCode?: number };

/** Fastify's own error codes → our codes and Vietnamese messages. */
const frameworkMessages: Record<string, AppError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: new AppError('payload_too_large', 'Nội dung gửi lên vượt quá dung lượng cho phép.'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: new AppError(
    'unsupported_media_type',
    'Kiểu nội dung không được hỗ trợ. Hãy gửi JSON (Content-Type: application/json).',
  ),
  FST_ERR_CTP_EMPTY_JSON_BODY: new AppError('bad_request', 'Nội dung JSON trống.'),
  FST_ERR_CTP_INVALID_JSON_BODY: new AppError('bad_request', 'Nội dung JSON không hợp lệ.'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: new AppError('bad_request', 'Độ dài nội dung không khớp.'),
  FST_ERR_BAD_URL: new AppError('bad_request', 'Địa chỉ URL không hợp lệ.'),
  FST_ERR_ASYNC_CONSTRAINT: new AppError('bad_request', 'Yêu cầu không hợp lệ.'),
  FST_ERR_VALIDATION: new AppError('validation_failed', 'Dữ liệu không hợp lệ.'),
};

/**
 * PostgreSQL errors that a client can provoke (two requests racing for the same unique value, a reference to a
 * row deleted meanwhile): drizzle wraps the driver's error, whose SQLSTATE is in `cause.code`.
 */
const databaseErrors: Record<string, AppError> = {
  '23505': new AppError('conflict', 'Dữ liệu trùng với một bản ghi đã có (có thể vừa được người khác tạo). Vui lòng tải lại và thử lại.'),
  '23503': new AppError('validation_failed', 'Dữ liệu tham chiếu tới một bản ghi không tồn tại.'),
  '40001': new AppError('conflict', 'Dữ liệu đang được người khác thay đổi. Vui lòng thử lại.'),
  '40P01': new AppError('conflict', 'Dữ liệu đang được người khác thay đổi. Vui lòng thử lại.'),
  '22021': new AppError('bad_request', 'Dữ liệu chứa ký tự không hợp lệ.'),
  '22P05': new AppError('bad_request', 'Dữ liệu chứa ký tự không hợp lệ.'),
};

function databaseErrorOf(error: unknown): AppError | undefined {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  return code ? databaseErrors[code] : undefined;
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const database = databaseErrorOf(error);
  if (database) return database;
  const candidate = error as FastifyErrorLike;
  if (hasZodFastifySchemaValidationErrors(candidate)) {
    // Body fields are named as they are (the same paths services use); query and path parameters get a prefix.
    const where = candidate.validationContext ?? 'body';
    const prefix = where === 'body' ? [] : [where];
    const details: ErrorDetail[] = candidate.validation.map((issue) => ({
      path: [...prefix, ...issue.instancePath.split('/').filter(Boolean)].join('.') || where,
      message: issue.message ?? 'Giá trị không hợp lệ.',
    }));
    return new AppError('validation_failed', 'Dữ liệu không hợp lệ.', details);
  }
  const known = candidate?.code ? frameworkMessages[candidate.code] : undefined;
  if (known) return known;
  if (candidate instanceof SyntaxError || candidate?.statusCode === 400) {
    return new AppError('bad_request', 'Nội dung yêu cầu không hợp lệ (JSON sai cú pháp).');
  }
  if (candidate?.statusCode === 429) return new AppError('too_many_requests', 'Quá nhiều yêu cầu. Vui lòng thử lại sau.');
  if (candidate?.statusCode === 413) return frameworkMessages.FST_ERR_CTP_BODY_TOO_LARGE!;
  if (candidate?.statusCode === 415) return frameworkMessages.FST_ERR_CTP_INVALID_MEDIA_TYPE!;
  if (candidate?.statusCode && candidate.statusCode >= 400 && candidate.statusCode < 500) {
    return new AppError('bad_request', 'Yêu cầu không hợp lệ.');
  }
  return new AppError('internal', 'Lỗi hệ thống. Vui lòng thử lại sau hoặc liên hệ quản trị viên.');
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal' || isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'unhandled error');
    }
    return reply.status(appError.status).send(appError.toBody());
  });
}

/** Errors Fastify raises before routing (bad percent-escapes in the URL, for example). */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  void reply.status(appError.status).send(appError.toBody());
}

/** Errors the Node HTTP parser raises before Fastify sees a request (over-long URL or headers, garbage). */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
  if (!socket.writable) return;
  const isTooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = isTooLarge ? 431 : 400;
  const body = JSON.stringify({
    error: {
      code: isTooLarge ? 'uri_too_long' : 'bad_request',
      message: isTooLarge ? 'Địa chỉ URL hoặc tiêu đề yêu cầu quá dài.' : 'Yêu cầu HTTP không hợp lệ.',
      details: [],
    },
  });
  socket.end(
    `HTTP/1.1 ${status} ${isTooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
