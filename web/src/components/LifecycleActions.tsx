// Lifecycle buttons for an instrument: only the actions its current status allows; scrapping asks
// for confirmation.
import { App, Button, Space, Tooltip } from 'antd';
import type { ButtonProps } from 'antd';
import { DeleteOutlined, PauseCircleOutlined, PlayCircleOutlined, ToolOutlined, LoginOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useInstrumentAction } from '../api/instruments.ts';
import type { Instrument, ManualAction } from '../api/types.ts';
import { useShowError } from './problem.tsx';

/** Which manual actions the status allows (mirrors the server's lifecycle rules). */
export function allowedActions(instrument: Pick<Instrument, 'status' | 'suspensionReason'>): ManualAction[] {
  switch (instrument.status) {
    case 'registered':
      return ['install', 'suspend', 'repair', 'scrap'];
    case 'in_use':
      return ['suspend', 'repair', 'scrap'];
    case 'suspended':
      return ['resume', 'repair', 'scrap'];
    case 'scrapped':
      return [];
  }
}

const ICONS: Record<ManualAction, React.ReactNode> = {
  install: <LoginOutlined />,
  suspend: <PauseCircleOutlined />,
  resume: <PlayCircleOutlined />,
  repair: <ToolOutlined />,
  scrap: <DeleteOutlined />,
};

export function LifecycleActions({ instrument }: { instrument: Instrument }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const mutation = useInstrumentAction(instrument.id);

  const run = async (action: ManualAction) => {
    try {
      await mutation.mutateAsync({ action });
      void message.success(t('action.done', { action: t(`action.${action}`) }));
    } catch (error) {
      showError(error);
    }
  };

  const onClick = (action: ManualAction) => {
    if (action !== 'scrap') return void run(action);
    modal.confirm({
      title: t('action.scrapTitle'),
      content: t('action.scrapBody'),
      okText: t('action.scrap'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-scrap' } as ButtonProps,
      onOk: () => run('scrap'),
    });
  };

  const actions = allowedActions(instrument);
  const blockedResume = instrument.status === 'suspended' && instrument.suspensionReason === 'verification_failed';

  return (
    <Space wrap data-testid="lifecycle-actions">
      {actions.map((action) => {
        const disabled = action === 'resume' && blockedResume;
        const button = (
          <Button
            key={action}
            icon={ICONS[action]}
            danger={action === 'scrap'}
            disabled={disabled}
            loading={mutation.isPending && mutation.variables?.action === action}
            onClick={() => onClick(action)}
            data-testid={`action-${action}`}
          >
            {t(`action.${action}`)}
          </Button>
        );
        return disabled ? (
          <Tooltip key={action} title={t('suspensionReason.verification_failed')}>
            {button}
          </Tooltip>
        ) : (
          button
        );
      })}
    </Space>
  );
}
