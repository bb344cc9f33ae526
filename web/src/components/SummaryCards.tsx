// Totals from the due summary as statistic cards, each with its status colour and label.
import { Card, Col, Row, Statistic } from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  DatabaseOutlined,
  ExclamationCircleOutlined,
  PauseCircleOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Counts } from '../api/types.ts';
import { STATUS_COLORS } from './colors.ts';

interface CardSpec {
  readonly key: keyof Counts;
  readonly label: string;
  readonly color: string;
  readonly icon: ReactNode;
  readonly to: string;
}

export function SummaryCards({ totals, loading, dueSoonDays }: { totals: Counts | undefined; loading: boolean; dueSoonDays: number }) {
  const { t } = useTranslation();
  const specs: CardSpec[] = [
    { key: 'total', label: t('dashboard.total'), color: '#1677ff', icon: <DatabaseOutlined />, to: '/instruments' },
    { key: 'valid', label: t('dashboard.valid'), color: STATUS_COLORS.valid, icon: <CheckCircleOutlined />, to: '/instruments?dueState=valid' },
    {
      key: 'dueSoon',
      label: t('dashboard.dueSoon'),
      color: STATUS_COLORS.dueSoon,
      icon: <ClockCircleOutlined />,
      to: `/due?tab=due_soon&dueSoonDays=${dueSoonDays}`,
    },
    {
      key: 'overdue',
      label: t('dashboard.overdue'),
      color: STATUS_COLORS.overdue,
      icon: <ExclamationCircleOutlined />,
      to: `/due?tab=overdue&dueSoonDays=${dueSoonDays}`,
    },
    { key: 'suspended', label: t('dashboard.suspended'), color: STATUS_COLORS.suspended, icon: <PauseCircleOutlined />, to: '/instruments?status=suspended' },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {specs.map((spec) => (
        <Col key={spec.key} flex="1 1 180px">
          <Link to={spec.to} data-testid={`summary-${spec.key}`}>
            <Card hoverable loading={loading} style={{ borderTop: `3px solid ${spec.color}` }}>
              <Statistic
                title={spec.label}
                value={totals?.[spec.key] ?? 0}
                prefix={<span style={{ color: spec.color }}>{spec.icon}</span>}
                groupSeparator=","
              />
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
