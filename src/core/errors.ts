/** One error type for the whole application; `code` is stable, `message` is what a Vietnamese user reads. */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'csrf_failed'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'uri_too_long'
  | 'internal'
  /** The server cannot do it now (a document render past its time limit, too many waiting): retry later. */
  | 'unavailable';

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  uri_too_long: 414,
  internal: 500,
  unavailable: 503,
};

export type ErrorDetail = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return statusByCode[this.code];
  }

  toBody() {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

export const notFound = (what: string) => new AppError('not_found', `Không tìm thấy ${what}.`);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') => new AppError('forbidden', message);
export const conflict = (message = 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại và thử lại.') =>
  new AppError('conflict', message);
export const invalid = (details: ErrorDetail[], message = 'Dữ liệu không hợp lệ.') => new AppError('validation_failed', message, details);
