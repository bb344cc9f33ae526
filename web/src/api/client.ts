// Thin fetch wrapper: JSON in and out, problem+json turned into ApiError.
import { currentLang } from '../i18n/index.ts';
import type { Problem } from './types.ts';

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.messages?.en ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string | undefined {
    return this.problem.code;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `path?query`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

interface RequestOptions {
  readonly method?: string;
  readonly query?: Record<string, QueryValue>;
  readonly json?: unknown;
  readonly body?: BodyInit;
  readonly contentType?: string;
  readonly signal?: AbortSignal;
  /** Read a successful non-JSON response as a Blob (file downloads) rather than text. */
  readonly blob?: boolean;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLang() === 'zh' ? 'zh-CN' : 'en',
  };
  let body: BodyInit | undefined = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.contentType) {
    headers['Content-Type'] = options.contentType;
  }
  const init: RequestInit = { method: options.method ?? 'GET', headers };
  if (body !== undefined) init.body = body;
  if (options.signal) init.signal = options.signal;

  const response = await fetch(withQuery(path, options.query), init);
  const type = response.headers.get('content-type') ?? '';
  const payload: unknown = type.includes('json')
    ? await response.json().catch(() => null)
    : options.blob && response.ok
      ? await response.blob()
      : await response.text();
  if (!response.ok) {
    const problem: Problem =
      payload && typeof payload === 'object'
        ? { status: response.status, ...(payload as Partial<Problem>) }
        : { status: response.status, title: typeof payload === 'string' ? payload : response.statusText };
    throw new ApiError(problem);
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>(path, { query, ...(signal ? { signal } : {}) }),
  post: <T>(path: string, json: unknown, query?: Record<string, QueryValue>) =>
    request<T>(path, { method: 'POST', json, query }),
};
