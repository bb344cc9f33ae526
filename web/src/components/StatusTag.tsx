// Instrument status as a coloured tag with an icon and a text label (never colour alone).
import { Tag } from 'antd';
import {
  CheckCircleOutlined,
  FileAddOutlined,
  PauseCircleOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { InstrumentStatus } from '../api/types.ts';

const LOOK: Record<InstrumentStatus, { color: string; icon: React.ReactNode }> = {
  registered: { color: 'blue', icon: <FileAddOutlined /> },
  in_use: { color: 'green', icon: <CheckCircleOutlined /> },
  suspended: { color: 'orange', icon: <PauseCircleOutlined /> },
  scrapped: { color: 'default', icon: <StopOutlined /> },
};

export function StatusTag({ status }: { status: InstrumentStatus }) {
  const { t } = useTranslation();
  const look = LOOK[status] ?? LOOK.registered;
  return (
    <Tag color={look.color} icon={look.icon} data-testid="status-tag" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
