// A failed load, with the server's message in the user's language and a retry button.
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../lib/useLang.ts';
import { problemMessage } from './problem.tsx';

export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Result
      status="warning"
      title={t('common.loadFailed')}
      subTitle={problemMessage(error, lang, t)}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : null}
      data-testid="query-error"
    />
  );
}
