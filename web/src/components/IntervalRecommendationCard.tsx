// 校准间隔建议: for a non-compulsory instrument, the interval recommended by NCSLI RP-1 method A3
// from its verification history against a reliability target; for a compulsory one, a note that
// the cycle is fixed by regulation.
import { Alert, Card, Descriptions, InputNumber, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIntervalRecommendation } from '../api/instruments.ts';
import type { Category } from '../api/types.ts';
import { QueryError } from './QueryError.tsx';

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const ACTION_COLOR = { lengthen: 'green', shorten: 'orange', keep: 'blue' } as const;

export function IntervalRecommendationCard({ instrumentId, category }: { instrumentId: number; category: Category | undefined }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState(0.95);
  const compulsory = category?.compulsory !== false;
  const query = useIntervalRecommendation(compulsory ? 0 : instrumentId, target);

  if (!category) return null;
  if (compulsory) {
    return (
      <Card size="small" title={t('intervalRecommendation.title')} data-testid="interval-recommendation">
        <Typography.Text type="secondary" data-testid="interval-compulsory-note">{t('intervalRecommendation.compulsoryNote')}</Typography.Text>
      </Card>
    );
  }
  const data = query.data;
  const r = data?.recommendation;
  return (
    <Card
      size="small"
      title={t('intervalRecommendation.title')}
      data-testid="interval-recommendation"
      loading={query.isPending}
      extra={
        <Space>
          <span>{t('intervalRecommendation.reliabilityTarget')}</span>
          <InputNumber
            size="small"
            min={0.5}
            max={0.999}
            step={0.01}
            value={target}
            onChange={(v) => typeof v === 'number' && v > 0 && v < 1 && setTarget(v)}
            data-testid="interval-reliability-target"
          />
        </Space>
      }
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {data && !r && data.reason && <Alert type="info" showIcon title={t(`intervalRecommendation.reason.${data.reason}`)} data-testid="interval-reason" />}
      {r && (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            {
              key: 'recommended',
              label: t('intervalRecommendation.recommendedInterval'),
              children: (
                <Space>
                  <strong data-testid="interval-recommended-days">{t('intervalRecommendation.days', { days: r.recommendedIntervalDays })}</strong>
                  <Tag color={ACTION_COLOR[r.action]}>{t(`intervalRecommendation.action.${r.action}`)}</Tag>
                </Space>
              ),
            },
            { key: 'current', label: t('intervalRecommendation.currentInterval'), children: t('intervalRecommendation.days', { days: r.currentIntervalDays }) },
            { key: 'method', label: t('intervalRecommendation.method'), children: r.method },
            {
              key: 'observed',
              label: t('intervalRecommendation.observedReliability'),
              children: `${pct(r.observedReliability)} [${pct(r.reliabilityInterval.lower)}, ${pct(r.reliabilityInterval.upper)}]`,
            },
            { key: 'results', label: t('intervalRecommendation.results'), children: t('intervalRecommendation.resultsValue', { inTolerance: r.inTolerance, used: r.used }) },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        {t('intervalRecommendation.basis')}
      </Typography.Paragraph>
    </Card>
  );
}
