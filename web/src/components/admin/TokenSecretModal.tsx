// The secret of a new API token, shown this once with a copy button.
import { Alert, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedToken } from '../../api/admin.ts';

export function TokenSecretModal({ token, onClose }: { token: CreatedToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      title={token ? t('admin.tokenCreated', { name: token.name }) : ''}
      open={token !== null}
      onCancel={onClose}
      onOk={onClose}
      okText={t('admin.tokenSaved')}
      okButtonProps={{ 'data-testid': 'token-secret-close' } as ButtonProps}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      destroyOnHidden
      data-testid="token-secret-modal"
    >
      <Alert type="warning" showIcon title={t('admin.tokenShownOnce')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph copyable={{ text: token?.token ?? '' }} code style={{ wordBreak: 'break-all' }} data-testid="token-secret">
        {token?.token}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('admin.tokenUsage')}</Typography.Text>
    </Modal>
  );
}
