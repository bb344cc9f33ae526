// Totals from the due summary as statistic cards, each with its status colour and label, linking to
// the list behind it when the session may open that list.
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
import { useCan } from '../auth/session.ts';
import { STATUS_COLORS } from './colors.ts';
import type { Permission } from '../../../src/domain/auth/roles.ts';

interface CardSpec {
  readonly key: keyof Counts;
  readonly label: string;
  readonly color: string;
  readonly icon: ReactNode;
  readonly to: string;
  readonly permission: Permission;
}

export function SummaryCards({ totals, loading, dueSoonDays }: { totals: Counts | undefined; loading: boolean; dueSoonDays: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const specs: CardSpec[] = [
    { key: 'total', label: t('dashboard.total'), color: '#1677ff', icon: <DatabaseOutlined />, to: '/instruments', permission: 'registry:read' },
    {
      key: 'valid',
      label: t('dashboard.valid'),
      color: STATUS_COLORS.valid,
      icon: <CheckCircleOutlined />,
      to: '/instruments?dueState=valid',
      permission: 'registry:read',
    },
    {
      key: 'dueSoon',
      label: t('dashboard.dueSoon'),
      color: STATUS_COLORS.dueSoon,
      icon: <ClockCircleOutlined />,
      to: `/due?tab=due_soon&dueSoonDays=${dueSoonDays}`,
      permission: 'supervision:read',
    },
    {
      key: 'overdue',
      label: t('dashboard.overdue'),
      color: STATUS_COLORS.overdue,
      icon: <ExclamationCircleOutlined />,
      to: `/due?tab=overdue&dueSoonDays=${dueSoonDays}`,
      permission: 'supervision:read',
    },
    {
      key: 'suspended',
      label: t('dashboard.suspended'),
      color: STATUS_COLORS.suspended,
      icon: <PauseCircleOutlined />,
      to: '/instruments?status=suspended',
      permission: 'registry:read',
    },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {specs.map((spec) => {
        const linked = can(spec.permission);
        const card = (
          <Card hoverable={linked} loading={loading} style={{ borderTop: `3px solid ${spec.color}` }}>
            <Statistic
              title={spec.label}
              value={totals?.[spec.key] ?? 0}
              prefix={<span style={{ color: spec.color }}>{spec.icon}</span>}
              groupSeparator=","
            />
          </Card>
        );
        return (
          <Col key={spec.key} flex="1 1 180px">
            {linked ? (
              <Link to={spec.to} data-testid={`summary-${spec.key}`}>
                {card}
              </Link>
            ) : (
              <div data-testid={`summary-${spec.key}`}>{card}</div>
            )}
          </Col>
        );
      })}
    </Row>
  );
}
