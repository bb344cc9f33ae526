// Due state as a coloured tag with an icon and a text label: valid green, due soon amber,
// overdue red, not applicable grey.
import { Tag } from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DueState } from '../api/types.ts';

const LOOK: Record<DueState, { color: string; icon: React.ReactNode }> = {
  valid: { color: 'green', icon: <CheckCircleOutlined /> },
  due_soon: { color: 'gold', icon: <ClockCircleOutlined /> },
  overdue: { color: 'red', icon: <ExclamationCircleOutlined /> },
  not_applicable: { color: 'default', icon: <MinusCircleOutlined /> },
};

export function DueStateTag({ state }: { state: DueState }) {
  const { t } = useTranslation();
  const look = LOOK[state] ?? LOOK.not_applicable;
  return (
    <Tag color={look.color} icon={look.icon} data-testid="due-state-tag" data-due-state={state}>
      {t(`dueState.${state}`)}
    </Tag>
  );
}
