// Turning server problems (RFC 9457) into messages in the user's language, and field errors
// (errors[].pointer) into antd form field errors.
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import type * as React from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import type { FieldProblem, Lang } from '../api/types.ts';
import { useLang } from '../lib/useLang.ts';

type TFn = (key: string, options?: Record<string, unknown>) => string;

/** The problem's message in the given language, with a fallback for non-API failures. */
export function problemMessage(error: unknown, lang: Lang, t: TFn): string {
  if (error instanceof ApiError) {
    const { problem } = error;
    return problem.messages?.[lang] ?? problem.title ?? t('errors.unknown', { status: problem.status });
  }
  if (error instanceof TypeError) return t('errors.network');
  return error instanceof Error ? error.message : t('errors.general');
}

/** Field problems whose pointer names no form field, as "pointer: message" lines. */
function describeProblems(problems: readonly FieldProblem[], lang: Lang): string[] {
  return problems.map((p) => `${p.pointer || '/'}: ${p[lang]}`);
}

/** Shows an error as a notification (title = problem message, description = field problems). */
export function useShowError() {
  const { notification } = App.useApp();
  const { t } = useTranslation();
  const lang = useLang();
  return useCallback(
    (error: unknown, extra: readonly FieldProblem[] = []) => {
      const detail = error instanceof ApiError ? error.problem.detail : undefined;
      const lines = [...(detail ? [detail] : []), ...describeProblems(extra, lang)];
      notification.error({
        title: problemMessage(error, lang, t),
        description: lines.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : undefined,
        placement: 'topRight',
        duration: 6,
        props: { 'data-testid': 'error-notification' } as React.HTMLAttributes<HTMLDivElement>,
      });
    },
    [notification, lang, t],
  );
}

/** JSON pointer "/items/0/error" → form name path ['items', 0, 'error']. */
export function pointerToPath(pointer: string): Array<string | number> {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const NONE: readonly string[] = [];

function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((part, i) => String(part) === String(b[i]));
}

/**
 * Handles a failed form submission: field problems whose pointer matches a form field are shown on
 * that field; the rest go into a notification together with the problem message. The field
 * messages follow the language switch while they are displayed. Problems at or below one of
 * `shownElsewhere` (JSON pointers of sections the form displays itself, such as an uncertainty
 * budget edited outside antd's form) are left out of both.
 */
export function useServerErrors(form: FormInstance, shownElsewhere: readonly string[] = NONE) {
  const showError = useShowError();
  const lang = useLang();
  const last = useRef<readonly FieldProblem[]>([]);

  const apply = useCallback(
    (problems: readonly FieldProblem[], language: Lang): FieldProblem[] => {
      const registered = form.getFieldsError().map((entry) => entry.name);
      const unmatched: FieldProblem[] = [];
      const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
      for (const problem of problems) {
        const path = pointerToPath(problem.pointer);
        const name = registered.find((candidate) => samePath(candidate, path));
        if (!name) {
          unmatched.push(problem);
          continue;
        }
        const key = JSON.stringify(name);
        const entry = byField.get(key) ?? { name: [...name], errors: [] };
        entry.errors.push(problem[language]);
        byField.set(key, entry);
      }
      form.setFields([...byField.values()]);
      return unmatched;
    },
    [form],
  );

  useEffect(() => {
    if (last.current.length) apply(last.current, lang);
  }, [lang, apply]);

  const handle = useCallback(
    (error: unknown) => {
      const problems = (error instanceof ApiError ? (error.problem.errors ?? []) : []).filter(
        (p) => !shownElsewhere.some((prefix) => p.pointer === prefix || p.pointer.startsWith(`${prefix}/`)),
      );
      last.current = problems;
      const unmatched = apply(problems, lang);
      showError(error, unmatched);
    },
    [apply, lang, showError, shownElsewhere],
  );

  const reset = useCallback(() => {
    last.current = [];
  }, []);

  return { handle, reset };
}
