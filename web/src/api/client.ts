import { vi } from '../i18n/vi';

export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** An error answered by the API (`{error:{code,message,details}}`) or a failed request. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** The query of a list as a filter form holds it: every key optional, '' for "any". */
export type Filter<Query> = { [Key in keyof Query]?: Query[Key] | '' };

let csrfToken: string | null = null;

/** Remembers the token the server handed out with the session; sent on every state change. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function buildQuery(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `?${query}` : '';
}

function normaliseDetails(raw: unknown): ApiErrorDetail[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: { path?: unknown; message?: unknown }) => {
    if (typeof item?.message !== 'string') return [];
    const path = Array.isArray(item.path) ? item.path.join('.') : String(item.path ?? '');
    return [{ path, message: item.message }];
  });
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = await response.json().catch(() => null);
  const error = body?.error;
  if (error && typeof error.message === 'string') {
    return new ApiError(response.status, String(error.code ?? 'error'), error.message, normaliseDetails(error.details));
  }
  return new ApiError(response.status, 'http_error', vi.common.unknownError);
}

export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', vi.common.networkError);
  }
  if (!response.ok) throw await toApiError(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Sends a file's bytes as they are (the server sniffs their type); `name` travels in the query string. */
export async function uploadFile<T>(path: string, file: Blob, name: string, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/octet-stream' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}${buildQuery({ name })}`, { method, headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError(0, 'network_error', vi.common.networkError);
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, params: QueryParams = {}) => apiRequest<T>('GET', `${path}${buildQuery(params)}`),
  post: <T>(path: string, body: unknown = {}) => apiRequest<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, body),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : vi.common.unknownError;
}
