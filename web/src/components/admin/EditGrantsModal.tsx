// Replacing a user's grants (sensitive: may ask for the password again).
import { App, Form, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSetGrants, type AdminUser } from '../../api/admin.ts';
import { toGrant, toRow, type GrantRow } from '../../lib/grants.ts';
import { useServerErrors } from '../problem.tsx';
import { GrantsEditor } from './GrantsEditor.tsx';

export function EditGrantsModal({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ grants: GrantRow[] }>();
  const serverErrors = useServerErrors(form);
  const setGrants = useSetGrants();

  const submit = async ({ grants }: { grants: GrantRow[] }) => {
    if (!user) return;
    serverErrors.reset();
    try {
      await setGrants.mutateAsync({ id: user.id, grants: grants.map(toGrant) });
      void message.success(t('admin.grantsSaved', { username: user.username }));
      onClose();
    } catch (error) {
      serverErrors.handle(error);
    }
  };

  return (
    <Modal
      title={user ? t('admin.editGrantsOf', { username: user.username }) : ''}
      open={user !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={setGrants.isPending}
      okButtonProps={{ 'data-testid': 'edit-grants-submit' } as ButtonProps}
      width={760}
      destroyOnHidden
      data-testid="edit-grants-modal"
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ grants: user?.grants.map(toRow) ?? [] }} preserve={false}>
        <GrantsEditor />
      </Form>
    </Modal>
  );
}
