/**
 * The one way the web app talks to the server: JSON in and out, the session cookie,
 * and the CSRF token the server hands out at sign-in sent back on every write.
 */

import { paths } from './paths.js';

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
  const response = await fetch(paths.csrf(), { credentials: 'same-origin', headers: { accept: 'application/json' } }).catch(() => null);
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
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
};

/** A message for any thrown value, for the top of a form or page. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Reload the page and try again.';
}

export interface UploadProgress {
  /** Bytes sent so far and in all; `done` once the server has the whole body and is working on it. */
  sent: number;
  total: number;
  done: boolean;
}

interface XhrOptions {
  contentType?: string;
  onProgress?: (p: UploadProgress) => void;
  signal?: AbortSignal;
  size: number;
}

/** One POST through XMLHttpRequest, not fetch: only it reports how much of the body has gone. */
function xhrPost(path: string, body: XMLHttpRequestBodyInit, o: XhrOptions): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    if (o.contentType) xhr.setRequestHeader('content-type', o.contentType);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => o.onProgress?.({ sent: e.loaded, total: e.lengthComputable ? e.total : o.size, done: false });
    xhr.upload.onload = () => o.onProgress?.({ sent: o.size, total: o.size, done: true });
    xhr.onload = () => {
      let answer: unknown;
      try {
        answer = (xhr.getResponseHeader('content-type') ?? '').includes('json') ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        answer = undefined;
      }
      resolve({ status: xhr.status, body: answer });
    };
    xhr.onerror = () =>
      reject(new ApiError({ status: 0, code: 'network', message: 'We could not reach Carryover. Check your connection and try again.' }));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    o.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/** Sends with the CSRF token, fetching a fresh one once if the page's was stale; throws ApiError on failure. */
async function sendWithCsrf<T>(send: () => Promise<{ status: number; body: unknown }>): Promise<T> {
  if (!csrfToken) await refreshCsrfToken();
  let answer = await send();
  if (answer.status === 403 && errorFrom(403, answer.body).code === 'csrf' && (await refreshCsrfToken())) answer = await send();
  if (answer.status < 200 || answer.status >= 300) {
    if (answer.status === 401) onUnauthorized?.();
    throw errorFrom(answer.status, answer.body);
  }
  return answer.body as T;
}

/** Sends one file as multipart/form-data (field "file") and reports upload progress from 0 to 1. */
export function uploadFile<T>(
  path: string,
  file: File,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<T> {
  return sendWithCsrf<T>(() => {
    const form = new FormData();
    form.append('file', file, file.name);
    return xhrPost(path, form, {
      size: file.size,
      signal: options.signal,
      onProgress: (p) => options.onProgress?.(p.total ? p.sent / p.total : 0),
    });
  });
}

/** POSTs JSON like api.post, showing how much of a large body (a CSV file) has been sent. */
export function postJsonWithProgress<T>(path: string, body: unknown, onProgress: (p: UploadProgress) => void): Promise<T> {
  const json = JSON.stringify(body);
  return sendWithCsrf<T>(() => xhrPost(path, json, { contentType: 'application/json', size: json.length, onProgress }));
}
