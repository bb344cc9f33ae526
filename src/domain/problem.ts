// RFC 9457 problem documents from the error catalog, in the caller's language.
import { ERROR_CATALOG, type AppError, type ErrorCode, type FieldError } from './errors.ts';

export type Language = 'zh' | 'en';

/** zh-CN unless the caller prefers English in Accept-Language. */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh';
  const first = acceptLanguage.split(',')[0]!.trim().toLowerCase();
  return first.startsWith('en') ? 'en' : 'zh';
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  messages: { zh: string; en: string };
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export function problemFor(code: ErrorCode, lang: Language, options: { errors?: readonly FieldError[]; instance?: string; detail?: { zh: string; en: string }; extensions?: Readonly<Record<string, unknown>> } = {}): ProblemDocument {
  const entry = ERROR_CATALOG[code];
  return {
    ...options.extensions,
    type: `urn:jiliang:problem:${code}`,
    title: lang === 'en' ? entry.en : entry.zh,
    status: entry.status,
    code,
    messages: { zh: entry.zh, en: entry.en },
    ...(options.detail ? { detail: options.detail[lang] } : {}),
    ...(options.instance ? { instance: options.instance } : {}),
    ...(options.errors?.length ? { errors: [...options.errors] } : {}),
  };
}

export function problemFromAppError(error: AppError, lang: Language, instance?: string): ProblemDocument {
  return problemFor(error.code, lang, {
    errors: error.errors,
    ...(instance ? { instance } : {}),
    ...(error.detail ? { detail: error.detail } : {}),
    ...(error.extensions ? { extensions: error.extensions } : {}),
  });
}
