import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorDetail } from '../core/errors';

type FastifyErrorLike = FastifyError & { statusCode?: number };

/*
 * What a client gets for input the API cannot take — one answer per class of fault, whatever the route
 * (request-input.ts reads every request, this file maps what is left):
 *   malformed JSON, empty JSON body, a JSON object repeating a key, bytes that are not UTF-8,
 *   NUL or a lone UTF-16 surrogate in any string or key, nesting deeper than 64 ...... 400 bad_request
 *   a leading byte-order mark .......................................................... accepted, dropped
 *   a body over the limit .............................................................. 413 payload_too_large
 *   a type other than application/json, a charset other than UTF-8, a Content-Encoding
 *   other than identity ................................................................ 415 unsupported_media_type
 *   a value the schema refuses (types, ranges such as page=1e12, impossible dates such as
 *   2026-02-31, unknown body fields) ................................................... 422 validation_failed
 *   a query parameter a write does not declare ......................................... 422 validation_failed
 *     (reads ignore undeclared query parameters)
 *   a value the database refuses (PostgreSQL class 22, not-null and check violations)
 *   that validation let through ........................................................ 422 (400 for characters)
 *   Accept-Language and other headers the API does not read ............................ ignored
 * A 5xx means a defect of ours; its log line holds no SQL parameters and no database message details.
 */

/** Fastify's own error codes (and those of its plugins) → our codes and Vietnamese messages. */
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
  // @fastify/compress, should it decompress request bodies before request-input.ts refuses them.
  FST_CP_ERR_INVALID_CONTENT_ENCODING: new AppError(
    'unsupported_media_type',
    'Nội dung gửi lên không được nén: bỏ tiêu đề Content-Encoding và gửi JSON UTF-8.',
  ),
  FST_CP_ERR_INVALID_CONTENT: new AppError('bad_request', 'Nội dung nén không giải nén được.'),
};

const concurrentChange = new AppError('conflict', 'Dữ liệu đang được người khác thay đổi. Vui lòng thử lại.');
const badCharacters = new AppError('bad_request', 'Dữ liệu chứa ký tự không lưu được.');
const badDate = new AppError('validation_failed', 'Ngày hoặc giờ không tồn tại hoặc nằm ngoài khoảng cho phép.');

/**
 * PostgreSQL errors that a client can provoke: races (two requests for the same unique value, a reference to a
 * row deleted meanwhile) and values that validation let through but the database refuses (class 22 "data
 * exception", not-null and check violations). Drizzle wraps the driver's error, whose SQLSTATE is in `cause.code`.
 * The messages never repeat the database's own text: it quotes the values (personal data) and the SQL.
 */
const databaseErrors: Record<string, AppError> = {
  '23505': new AppError('conflict', 'Dữ liệu trùng với một bản ghi đã có (có thể vừa được người khác tạo). Vui lòng tải lại và thử lại.'),
  '23503': new AppError('validation_failed', 'Dữ liệu tham chiếu tới một bản ghi không tồn tại.'),
  '23502': new AppError('validation_failed', 'Thiếu một giá trị bắt buộc.'),
  '23514': new AppError('validation_failed', 'Dữ liệu vi phạm một ràng buộc của hệ thống.'),
  '23P01': new AppError('conflict', 'Dữ liệu trùng lặp với một bản ghi đã có. Vui lòng tải lại và thử lại.'),
  '40001': concurrentChange,
  '40P01': concurrentChange,
  '22001': new AppError('validation_failed', 'Dữ liệu dài hơn giới hạn cho phép.'),
  '22003': new AppError('validation_failed', 'Số vượt quá giới hạn cho phép.'),
  '22007': badDate,
  '22008': badDate,
  '22P02': new AppError('validation_failed', 'Dữ liệu không đúng định dạng.'),
  '22021': badCharacters,
  '22P05': badCharacters,
  '54000': new AppError('validation_failed', 'Dữ liệu quá lớn để lưu.'),
};
/** Any other data exception (class 22): still the client's value, never a 500. */
const otherDataException = new AppError('validation_failed', 'Dữ liệu có giá trị không hợp lệ.');

type DatabaseErrorFields = {
  code?: unknown;
  severity?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  routine?: unknown;
};

/** The driver's error (PGlite or node-postgres), wrapped by drizzle or not. */
function driverErrorOf(error: unknown): DatabaseErrorFields | undefined {
  const cause = (error as { cause?: DatabaseErrorFields })?.cause;
  if (cause && typeof cause.code === 'string' && /^[0-9A-Z]{5}$/.test(cause.code)) return cause;
  const direct = error as DatabaseErrorFields;
  if (direct && typeof direct.code === 'string' && /^[0-9A-Z]{5}$/.test(direct.code) && 'severity' in direct) return direct;
  return undefined;
}

function databaseErrorOf(error: unknown): AppError | undefined {
  const code = driverErrorOf(error)?.code as string | undefined;
  if (!code) return undefined;
  return databaseErrors[code] ?? (code.startsWith('22') ? otherDataException : undefined);
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

/**
 * What the log keeps of an error: enough to find the defect, nothing a user typed. A drizzle error's message and
 * its `params` carry the query's parameters (names, ID numbers...), and a database message or detail may quote
 * a value: only the SQL text (parameters are placeholders), the SQLSTATE and the names of the schema objects stay.
 */
export function describeErrorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const driver = driverErrorOf(error);
  const query = (error as { query?: unknown }).query;
  const isQueryError = typeof query === 'string' || driver !== undefined;
  const firstFrame = error.stack?.indexOf('\n    at ') ?? -1;
  const frames = firstFrame >= 0 ? error.stack!.slice(firstFrame + 1) : '';
  const described: Record<string, unknown> = {
    type: error.name,
    message: isQueryError ? 'database query failed' : error.message,
    stack: `${error.name}\n${frames}`,
  };
  if (typeof query === 'string') described.query = query;
  if (driver) {
    for (const key of ['code', 'severity', 'routine', 'table', 'column', 'constraint'] as const) {
      if (typeof driver[key] === 'string') described[key === 'code' ? 'sqlState' : key] = driver[key];
    }
  }
  return described;
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal' || isResponseSerializationError(error)) {
      request.log.error({ err: describeErrorForLog(error) }, 'unhandled error');
    } else if (!(error instanceof AppError) && driverErrorOf(error)) {
      // The database refused what validation let through: worth a look, but the values stay out of the log.
      request.log.warn({ sqlState: driverErrorOf(error)!.code, route: request.routeOptions.url }, 'database refused the input');
    }
    return reply.status(appError.status).send(appError.toBody());
  });
}

/**
 * Errors Fastify raises before routing (bad percent-escapes in the URL, an over-long path parameter): no hook runs
 * for them, so they get the security headers here.
 */
export function frameworkErrorHandler(securityHeaders: Record<string, string>) {
  return (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    void reply.status(appError.status).headers(securityHeaders).header('cache-control', 'no-store').send(appError.toBody());
  };
}

/**
 * Errors the Node HTTP parser raises before Fastify sees a request (over-long URL or headers, garbage): written to
 * the socket by hand, with the security headers.
 */
export function clientErrorHandler(securityHeaders: Record<string, string>) {
  const headerLines = Object.entries({ ...securityHeaders, 'cache-control': 'no-store' })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return (error: Error & { code?: string }, socket: Socket) => {
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
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${headerLines}` +
        `Connection: close\r\n\r\n${body}`,
    );
  };
}
