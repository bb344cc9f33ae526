// An administrator sets a new password for a user (sensitive: may ask for the password again).
import { App, Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useResetPassword, type AdminUser } from '../../api/admin.ts';
import { newPasswordRules } from '../passwordRules.ts';
import { useServerErrors } from '../problem.tsx';

export function ResetPasswordModal({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const serverErrors = useServerErrors(form);
  const reset = useResetPassword();

  const submit = async ({ password }: { password: string }) => {
    if (!user) return;
    serverErrors.reset();
    try {
      await reset.mutateAsync({ id: user.id, password });
      void message.success(t('admin.passwordReset', { username: user.username }));
      onClose();
    } catch (error) {
      serverErrors.handle(error);
    }
  };

  return (
    <Modal
      title={user ? t('admin.resetPasswordOf', { username: user.username }) : ''}
      open={user !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      okButtonProps={{ 'data-testid': 'reset-password-submit' } as ButtonProps}
      destroyOnHidden
      data-testid="reset-password-modal"
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="password" label={t('account.newPassword')} rules={newPasswordRules(t)} extra={t('account.passwordPolicy')}>
          <Input.Password autoComplete="new-password" data-testid="field-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
