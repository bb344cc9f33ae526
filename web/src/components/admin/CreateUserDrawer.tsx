// New user account: username, display name, initial password and the grants.
import { App, Button, Drawer, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCreateUser } from '../../api/admin.ts';
import { toGrant, type GrantRow } from '../../lib/grants.ts';
import { newPasswordRules } from '../passwordRules.ts';
import { useServerErrors } from '../problem.tsx';
import { GrantsEditor } from './GrantsEditor.tsx';

/** The server's rule (src/services/schemas/account.ts). */
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

interface FormValues {
  username: string;
  displayName: string;
  password: string;
  grants: GrantRow[];
}

export function CreateUserDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const serverErrors = useServerErrors(form);
  const create = useCreateUser();

  const submit = async (values: FormValues) => {
    serverErrors.reset();
    try {
      const user = await create.mutateAsync({
        username: values.username,
        displayName: values.displayName.trim(),
        password: values.password,
        grants: values.grants.map(toGrant),
      });
      void message.success(t('admin.userCreated', { username: user.username }));
      onClose();
    } catch (error) {
      serverErrors.handle(error);
    }
  };

  return (
    <Drawer
      title={t('admin.createUser')}
      open={open}
      onClose={onClose}
      size={720}
      destroyOnHidden
      data-testid="create-user-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="create-user-submit">
            {t('common.submit')}
          </Button>
        </Space>
      }
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ grants: [{}] }} preserve={false}>
        <Form.Item name="username" label={t('admin.username')} rules={[{ required: true }, { pattern: USERNAME, message: t('admin.usernameInvalid') }]} extra={t('admin.usernameRule')}>
          <Input autoComplete="off" data-testid="field-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('admin.displayName')} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="field-displayName" />
        </Form.Item>
        <Form.Item name="password" label={t('admin.initialPassword')} rules={newPasswordRules(t)} extra={t('account.passwordPolicy')}>
          <Input.Password autoComplete="new-password" data-testid="field-password" />
        </Form.Item>
        <Form.Item label={t('admin.grants')} required>
          <GrantsEditor />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
