// Changing one's own password: the current one, the new one twice. The server applies the policy
// (12–128 characters, not common or guessable); its field errors land on the fields.
import { App, Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../api/auth.ts';
import { useServerErrors } from './problem.tsx';
import { newPasswordRules } from './passwordRules.ts';

interface FormValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const serverErrors = useServerErrors(form);
  const change = useChangePassword();

  const submit = async ({ currentPassword, newPassword }: FormValues) => {
    serverErrors.reset();
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      void message.success(t('account.passwordChanged'));
      onClose();
    } catch (error) {
      serverErrors.handle(error);
    }
  };

  return (
    <Modal
      title={t('account.changePassword')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      okButtonProps={{ 'data-testid': 'change-password-submit' } as ButtonProps}
      destroyOnHidden
      data-testid="change-password-modal"
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" data-testid="field-currentPassword" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('account.newPassword')} rules={newPasswordRules(t)} extra={t('account.passwordPolicy')}>
          <Input.Password autoComplete="new-password" data-testid="field-newPassword" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="field-confirmPassword" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
