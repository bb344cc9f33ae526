// A failed calculation: the problem message and each invalid field (pointer, message in the user's
// language, and the server's English specifics), inline beside the form rather than as a toast,
// because live results recalculate while the user types. A form that shows one section's server
// problems beside that section passes the section's pointer prefix.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useLang } from '../../lib/useLang.ts';
import { problemMessage } from '../problem.tsx';

interface Props {
  readonly error: unknown;
  /** Lists only the problems at or below this JSON pointer (e.g. "/uncertaintyBudget"). */
  readonly pointerPrefix?: string;
  readonly testId?: string;
}

export function CalculationProblems({ error, pointerPrefix, testId = 'calculation-problems' }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!error) return null;
  const all = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  const problems = pointerPrefix === undefined ? all : all.filter((p) => underPointer(p.pointer, pointerPrefix));
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      style={{ marginBottom: 16 }}
      title={problemMessage(error, lang, t)}
      description={
        problems.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {problems.map((p) => (
              <li key={`${p.pointer}:${p.detail ?? p.code}`} data-pointer={p.pointer}>
                <code>{p.pointer || '/'}</code> {p[lang]}
                {p.detail ? `: ${p.detail}` : ''}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

/** Whether `pointer` is `prefix` or lies below it. */
export function underPointer(pointer: string, prefix: string): boolean {
  return pointer === prefix || pointer.startsWith(`${prefix}/`);
}
