// 仪表盘: totals and the due chart by district.
import { Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDueSummary } from '../api/supervision.ts';
import { DueByDistrict } from '../components/DueByDistrict.tsx';
import { DueWindowInput } from '../components/DueWindowInput.tsx';
import { PageContainer } from '../components/PageContainer.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { SummaryCards } from '../components/SummaryCards.tsx';

export function DashboardPage() {
  const { t } = useTranslation();
  const [days, setDays] = useState(30);
  const summary = useDueSummary(days);
  return (
    <PageContainer
      title={t('dashboard.title')}
      crumbs={[{ title: t('nav.dashboard') }]}
      testId="dashboard-page"
      subTitle={summary.data ? t('common.asOf', { date: summary.data.asOf }) : undefined}
      extra={<DueWindowInput value={days} onChange={setDays} />}
    >
      {summary.isError && !summary.data ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <>
          <SummaryCards totals={summary.data?.totals} loading={summary.isLoading} dueSoonDays={days} />
          <Card title={t('due.chartTitle')} loading={summary.isLoading}>
            <DueByDistrict summary={summary.data} />
          </Card>
          <Space style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('due.windowHint')}</Typography.Text>
          </Space>
        </>
      )}
    </PageContainer>
  );
}
