/** Judging an answer to a hostile request: never a 5xx, and every error in the one shape, in Vietnamese. */
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { AppError, type ErrorCode } from '../../core/errors';
import type { HostileRequest } from './requests';

/** Letters that only Vietnamese text has (ASCII-only English messages fail). */
export const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
/** English words that no Vietnamese sentence contains: an English text glued after a Vietnamese prefix. */
export const ENGLISH_WORD =
  /\b(?:the|must|should|expected|got|invalid|required|cannot|failed|error|within|covers|between|only|is|are|has|have|not|found|unknown)\b/i;

function languageProblem(where: string, message: string): string | undefined {
  if (!VIETNAMESE_LETTER.test(message)) return `${where} is not Vietnamese: "${message}"`;
  const english = ENGLISH_WORD.exec(message);
  if (english) return `${where} has English in it ("${english[0]}"): "${message}"`;
  return undefined;
}

export type ObservedResponse = { statusCode: number; headers: Record<string, unknown>; body: string };

const decoders: Record<string, (bytes: Buffer) => Buffer> = { br: brotliDecompressSync, gzip: gunzipSync, deflate: inflateSync };

/** What the client reads: the answer decompressed when a case asked for a compressed one (Accept-Encoding). */
export function observe(response: { statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer }): ObservedResponse {
  const decode = decoders[String(response.headers['content-encoding'] ?? '')];
  const body = (decode ? decode(response.rawPayload) : response.rawPayload).toString('utf8');
  return { statusCode: response.statusCode, headers: response.headers, body };
}

/** AppError knows the status of each ErrorCode (and has none for anything else). */
const isKnownCode = (code: string): code is ErrorCode => typeof new AppError(code as ErrorCode, '').status === 'number';

/** Everything wrong with an answer to a hostile request; an empty list means the answer is right. */
export function responseProblems(response: ObservedResponse, allowSuccess: boolean): string[] {
  const problems: string[] = [];
  const status = response.statusCode;
  if (status >= 500) problems.push(`status ${status}: a client-triggered error must be 4xx, never 5xx`);
  else if (status >= 200 && status < 300) {
    if (!allowSuccess) problems.push(`status ${status}: hostile input was accepted`);
    return problems;
  } else if (status < 400) problems.push(`status ${status}: expected 4xx`);

  const contentType = String(response.headers['content-type'] ?? '');
  if (!contentType.includes('application/json')) problems.push(`content-type "${contentType}" is not JSON`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    problems.push('body is not JSON');
    return problems;
  }
  const root = parsed as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null;
  if (!root || typeof root !== 'object' || Array.isArray(root)) return [...problems, 'body is not an object'];
  const extraRoot = Object.keys(root).filter((key) => key !== 'error');
  if (extraRoot.length) problems.push(`unexpected top-level keys: ${extraRoot.join(', ')}`);
  const error = root.error;
  if (!error || typeof error !== 'object') return [...problems, 'no "error" object'];
  const extraError = Object.keys(error).filter((key) => !['code', 'message', 'details'].includes(key));
  if (extraError.length) problems.push(`unexpected keys in error: ${extraError.join(', ')}`);

  if (typeof error.code !== 'string' || !error.code) problems.push('error.code is not a non-empty string');
  else if (!isKnownCode(error.code)) problems.push(`error.code "${error.code}" is not one of ErrorCode`);
  else if (new AppError(error.code, '').status !== status) {
    problems.push(`status ${status} does not match error.code "${error.code}" (${new AppError(error.code, '').status})`);
  }
  if (typeof error.message !== 'string' || !error.message.trim()) problems.push('error.message is empty');
  else {
    const language = languageProblem('error.message', error.message);
    if (language) problems.push(language);
  }

  if (!Array.isArray(error.details)) problems.push('error.details is not an array');
  else {
    for (const [index, detail] of (error.details as unknown[]).entries()) {
      const { path, message } = (detail ?? {}) as { path?: unknown; message?: unknown };
      if (typeof path !== 'string' || typeof message !== 'string') problems.push(`details[${index}] is not {path, message}`);
      else {
        const language = languageProblem(`details[${index}].message (path ${path})`, message);
        if (language) problems.push(language);
      }
    }
  }
  return problems;
}

/** A short, readable account of a request and its answer for a failure message. */
export function describeExchange(request: HostileRequest, response: ObservedResponse): string {
  const shorten = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);
  const payload =
    request.payload === undefined
      ? ''
      : ` body=${shorten(Buffer.isBuffer(request.payload) ? `<${request.payload.length} bytes>` : request.payload, 200)}`;
  const type = request.headers['content-type'] ? ` content-type=${request.headers['content-type']}` : '';
  return `${request.method} ${shorten(request.url, 200)}${type}${payload}\n→ ${response.statusCode} ${shorten(response.body)}`;
}
