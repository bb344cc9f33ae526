// 到期与超期: the chart by district with its table view, and the overdue / due-soon lists (for
// those who may read the registry).
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useDueSummary } from '../api/supervision.ts';
import { useCan } from '../auth/session.ts';
import { DueByDistrict } from '../components/DueByDistrict.tsx';
import { DueWindowInput } from '../components/DueWindowInput.tsx';
import { InstrumentTable } from '../components/InstrumentTable.tsx';
import { PageContainer } from '../components/PageContainer.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { formatNumber } from '../lib/format.ts';
import { useLang } from '../lib/useLang.ts';

type DueTab = 'overdue' | 'due_soon';

export function DuePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const tab: DueTab = params.get('tab') === 'due_soon' ? 'due_soon' : 'overdue';
  const parsedDays = Number(params.get('dueSoonDays'));
  const days = Number.isInteger(parsedDays) && parsedDays > 0 ? parsedDays : 30;
  const summary = useDueSummary(days);
  const totals = summary.data?.totals;

  const update = (next: { tab?: DueTab; days?: number }) => {
    const out = new URLSearchParams(params);
    out.set('tab', next.tab ?? tab);
    out.set('dueSoonDays', String(next.days ?? days));
    setParams(out, { replace: true });
  };

  const count = (n: number | undefined) => (n === undefined ? '' : ` (${formatNumber(n, lang)})`);

  return (
    <PageContainer
      title={t('due.title')}
      crumbs={[{ title: t('nav.due') }]}
      testId="due-page"
      subTitle={summary.data ? t('common.asOf', { date: summary.data.asOf }) : undefined}
      extra={<DueWindowInput value={days} onChange={(d) => update({ days: d })} />}
    >
      <Card title={t('due.chartTitle')} style={{ marginBottom: 16 }} loading={summary.isLoading}>
        {summary.isError && !summary.data ? (
          <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
        ) : (
          <DueByDistrict summary={summary.data} />
        )}
      </Card>
      {can('registry:read') && (
        <Card title={t('due.listTitle')}>
          <Tabs
            activeKey={tab}
            onChange={(key) => update({ tab: key as DueTab })}
            data-testid="due-tabs"
            items={[
              { key: 'overdue', label: <span data-testid="tab-overdue">{t('due.overdueTab') + count(totals?.overdue)}</span> },
              { key: 'due_soon', label: <span data-testid="tab-due-soon">{t('due.dueSoonTab') + count(totals?.dueSoon)}</span> },
            ]}
          />
          <InstrumentTable key={tab} filter={{ dueState: tab, dueSoonDays: days }} defaultSort="nextDueOn" testId="due-instrument-table" />
        </Card>
      )}
    </PageContainer>
  );
}
