// Thin fetch wrapper: JSON in and out, problem+json turned into ApiError. It also carries the
// session's CSRF token on every write, asks for the password again when the server wants a recent
// one (then retries the request once), and tells the session holder when the session is gone.
import { currentLang } from '../i18n/index.ts';
import type { Problem } from './types.ts';

export class ApiError extends Error {
  readonly problem: Problem;
  /** Seconds from the Retry-After header (429 answers), null when absent. */
  readonly retryAfter: number | null;

  constructor(problem: Problem, retryAfter: number | null = null) {
    super(problem.messages?.en ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
    this.retryAfter = retryAfter;
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

let csrfToken: string | null = null;

/** The signed-in session's CSRF token, sent as X-CSRF-Token on every request that is not a GET. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Asks the user for the password and proves it to the server; false when the user gives up. */
type ReauthPrompt = () => Promise<boolean>;
let reauthPrompt: ReauthPrompt | null = null;
let pendingReauth: Promise<boolean> | null = null;

/** Installs the password prompt; returns the function that removes it again. */
export function setReauthPrompt(prompt: ReauthPrompt): () => void {
  reauthPrompt = prompt;
  return () => {
    if (reauthPrompt === prompt) reauthPrompt = null;
  };
}

/** One prompt at a time: requests failing together share the answer. */
function confirmPassword(): Promise<boolean> {
  if (!reauthPrompt) return Promise.resolve(false);
  pendingReauth ??= reauthPrompt().finally(() => {
    pendingReauth = null;
  });
  return pendingReauth;
}

const sessionEndedListeners = new Set<() => void>();

/** Called whenever the server answers that nobody is signed in (expired or signed out elsewhere). */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => void sessionEndedListeners.delete(listener);
}

function retryAfterSeconds(response: Response): number | null {
  const header = response.headers.get('retry-after');
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

/** One round trip, without the re-authentication retry. */
export async function send<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLang() === 'zh' ? 'zh-CN' : 'en',
  };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let body: BodyInit | undefined = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.contentType) {
    headers['Content-Type'] = options.contentType;
  }
  const init: RequestInit = { method, headers };
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
    if (problem.code === 'JL_ERR_UNAUTHENTICATED') for (const listener of sessionEndedListeners) listener();
    throw new ApiError(problem, retryAfterSeconds(response));
  }
  return payload as T;
}

/**
 * A request as the app makes it: when the server wants the password again
 * (JL_ERR_REAUTH_REQUIRED) the user is asked once and the request retried once.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'JL_ERR_REAUTH_REQUIRED' && (await confirmPassword())) return send<T>(path, options);
    throw error;
  }
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>(path, { query, ...(signal ? { signal } : {}) }),
  post: <T>(path: string, json: unknown, query?: Record<string, QueryValue>) =>
    request<T>(path, { method: 'POST', json, query }),
  put: <T>(path: string, json: unknown) => request<T>(path, { method: 'PUT', json }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};
