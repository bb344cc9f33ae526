// A failed calculation: the problem message and each invalid field (pointer, message in the user's
// language, and the server's English specifics), inline beside the form rather than as a toast,
// because live results recalculate while the user types.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useLang } from '../../lib/useLang.ts';
import { problemMessage } from '../problem.tsx';

export function CalculationProblems({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!error) return null;
  const problems = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return (
    <Alert
      type="error"
      showIcon
      data-testid="calculation-problems"
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
