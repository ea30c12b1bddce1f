import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail } from '../core/errors';
import { checkJsonStructure } from '../core/json-text';
import { InputShapeError, normalizeStringsDeep } from '../core/text';

/**
 * How every request's input is read, before any route sees it (the answers are listed in error-handler.ts):
 * - bodies are JSON in UTF-8 only (file uploads, which declare their own parser, excepted): another charset → 415, bytes that are not UTF-8 → 400, a leading BOM is dropped;
 * - bodies are not compressed: any Content-Encoding but identity → 415 (no client of ours compresses uploads, and
 *   refusing them rules out decompression bombs);
 * - a JSON object that repeats a key → 400 (which value counts would depend on the parser);
 * - strings (body, query, path) in NFC; NUL, lone UTF-16 surrogates and over-deep nesting → 400 naming the field;
 * - writes (POST, PUT, PATCH, DELETE) accept only the query parameters their route declares → 422 naming the key:
 *   a client that sends `?version=3` or `?dryRun=1` to a route that ignores it must not believe it was honoured.
 *   Reads ignore unknown parameters (cache-busters, tracking parameters of shared links are harmless there).
 */
export function registerRequestInput(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error');

  // Instance hooks run before route-level ones, so this refuses an encoded body before any decompressor sees it.
  app.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = request.headers['content-encoding']?.trim().toLowerCase();
    if (encoding && encoding !== 'identity' && hasBody(request)) {
      throw new AppError('unsupported_media_type', 'Nội dung gửi lên không được nén: bỏ tiêu đề Content-Encoding và gửi JSON UTF-8.');
    }
    return payload;
  });

  // text/plain goes too: the API reads JSON only, and one answer (415) for every other type is easier to rely on.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    if (charsetsOf(request.headers['content-type']).some((charset) => charset !== 'utf-8' && charset !== 'utf8')) {
      done(new AppError('unsupported_media_type', 'Bảng mã không được hỗ trợ: nội dung JSON phải ở dạng UTF-8 (charset=utf-8).'));
      return;
    }
    let text: string;
    try {
      text = utf8.decode(body); // also drops a leading BOM
    } catch {
      done(new AppError('bad_request', 'Nội dung gửi lên không phải văn bản UTF-8 hợp lệ.'));
      return;
    }
    // Fastify's parser (secure-json-parse: refuses __proto__ and constructor.prototype keys) answers synchronously.
    void parseJson(request, text, (error, value) => {
      if (error) return done(error);
      try {
        checkJsonStructure(text);
      } catch (fault) {
        return done(fault instanceof InputShapeError ? shapeError(fault, []) : (fault as Error));
      }
      done(null, value);
    });
  });

  app.addHook('preValidation', async (request) => {
    request.body = normalizePart(request.body, []);
    request.query = normalizePart(request.query, ['querystring']);
    request.params = normalizePart(request.params, ['params']);
    if (!request.is404 && !READ_METHODS.has(request.method)) refuseUndeclaredQuery(request);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Every charset parameter of a Content-Type (one is normal; two that disagree must not pass on the first). */
function charsetsOf(contentType: string | undefined): string[] {
  return [...(contentType ?? '').matchAll(/;\s*charset\s*=\s*"?([^";\s]*)"?/gi)].map((match) => match[1]!.toLowerCase());
}

function normalizePart<T>(value: T, prefix: string[]): T {
  // A file upload's bytes (application/octet-stream, src/modules/files) are not text.
  if (value === undefined || Buffer.isBuffer(value)) return value;
  try {
    return normalizeStringsDeep(value);
  } catch (error) {
    if (error instanceof InputShapeError) throw shapeError(error, prefix);
    throw error;
  }
}

/** Paths as the validation errors write them: body fields bare, query and path parameters with a prefix. */
function shapeError(error: InputShapeError, prefix: string[]): AppError {
  const path = [...prefix, ...error.path].join('.') || 'body';
  return new AppError('bad_request', error.message, [{ path, message: error.message }]);
}

function refuseUndeclaredQuery(request: FastifyRequest) {
  const query = request.query as Record<string, unknown> | undefined;
  if (!query || typeof query !== 'object') return;
  const keys = Object.keys(query);
  if (!keys.length) return;
  const schema = request.routeOptions.schema?.querystring as { shape?: Record<string, unknown> } | undefined;
  // A query schema that is not a plain object (a transform) declares its keys in a way this cannot read: trust it.
  if (schema && typeof schema.shape !== 'object') return;
  const declared = new Set(Object.keys(schema?.shape ?? {}));
  const details: ErrorDetail[] = keys
    .filter((key) => !declared.has(key))
    .map((key) => ({ path: `querystring.${key}`, message: 'Thao tác ghi này không nhận tham số truy vấn này.' }));
  if (details.length) throw new AppError('validation_failed', 'Yêu cầu có tham số truy vấn không được hỗ trợ.', details);
}
