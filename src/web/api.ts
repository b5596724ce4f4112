/**
 * The one way the web app talks to the server: JSON in and out, the session cookie,
 * and the CSRF token the server hands out at sign-in sent back on every write.
 */

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Messages by field name, to show next to the matching input. */
  readonly fields: Record<string, string>;
  readonly requestId?: string;

  constructor(options: { status: number; code: string; message: string; fields?: Record<string, string>; requestId?: string }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.fields = options.fields ?? {};
    this.requestId = options.requestId;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Called on any 401, so the session can end and signed-in pages send the user to /signin. */
export function whenUnauthorized(handler: (() => void) | null) {
  onUnauthorized = handler;
}

export function forgetCsrfToken() {
  csrfToken = null;
}

const fallbackMessages: Record<number, string> = {
  400: 'Please check what you entered.',
  403: 'You do not have access to that.',
  404: 'We could not find that.',
  409: 'That clashes with something already saved.',
  429: 'Too many tries. Wait a few minutes and try again.',
};

async function send(method: Method, path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // No content-type without a body: the server rejects an empty JSON body.
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError({ status: 0, code: 'network', message: 'We could not reach Carryover. Check your connection and try again.' });
  }
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  if (!(response.headers.get('content-type') ?? '').includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function errorFrom(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown; requestId?: unknown } } | undefined)?.error;
  const message =
    typeof error?.message === 'string' && error.message
      ? error.message
      : (fallbackMessages[status] ?? 'Something went wrong on our side. Try again in a moment.');
  return new ApiError({
    status,
    code: typeof error?.code === 'string' ? error.code : `http_${status}`,
    message,
    fields: error?.fields && typeof error.fields === 'object' ? (error.fields as Record<string, string>) : undefined,
    requestId: typeof error?.requestId === 'string' ? error.requestId : undefined,
  });
}

async function refreshCsrfToken(): Promise<boolean> {
  const response = await fetch('/api/v1/auth/csrf', { credentials: 'same-origin', headers: { accept: 'application/json' } }).catch(
    () => null,
  );
  const body = response?.ok ? ((await readJson(response)) as { csrfToken?: unknown } | undefined) : undefined;
  if (typeof body?.csrfToken !== 'string') return false;
  csrfToken = body.csrfToken;
  return true;
}

async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response = await send(method, path, body, signal);
  // The token goes stale when the session changed in another tab: fetch the current one and try once more.
  if (response.status === 403 && method !== 'GET') {
    const first = await readJson(response);
    const error = errorFrom(403, first);
    if (error.code !== 'csrf' || !(await refreshCsrfToken())) throw error;
    response = await send(method, path, body, signal);
  }
  const data = await readJson(response);
  if (!response.ok) {
    if (response.status === 401) onUnauthorized?.();
    throw errorFrom(response.status, data);
  }
  const token = (data as { csrfToken?: unknown } | undefined)?.csrfToken;
  if (typeof token === 'string' && token) csrfToken = token;
  return data as T;
}

export const api = {
  get: <T>(path: string, options: { signal?: AbortSignal } = {}) => request<T>('GET', path, undefined, options.signal),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** A message for any thrown value, for the top of a form or page. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Reload the page and try again.';
}
