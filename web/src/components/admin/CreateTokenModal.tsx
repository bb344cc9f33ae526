// New API token: a name, the one role + scope it acts with, and how many days it is valid
// (sensitive: may ask for the password again). The answer carries the secret, handed to `onCreated` to be shown once.
import { Form, Input, InputNumber, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCreateToken, type CreatedToken } from '../../api/admin.ts';
import { toGrant, type GrantRow } from '../../lib/grants.ts';
import { useServerErrors } from '../problem.tsx';
import { GrantFields } from './GrantFields.tsx';

type FormValues = GrantRow & { name: string; expiresInDays: number };

interface Props {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onCreated: (token: CreatedToken) => void;
}

export function CreateTokenModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const serverErrors = useServerErrors(form);
  const create = useCreateToken();

  const submit = async ({ name, expiresInDays, ...grant }: FormValues) => {
    serverErrors.reset();
    try {
      const created = await create.mutateAsync({ name: name.trim(), expiresInDays, ...toGrant(grant) });
      onClose();
      onCreated(created);
    } catch (error) {
      serverErrors.handle(error);
    }
  };

  return (
    <Modal
      title={t('admin.createToken')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'create-token-submit' } as ButtonProps}
      width={720}
      destroyOnHidden
      data-testid="create-token-modal"
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="name" label={t('admin.tokenName')} rules={[{ required: true, whitespace: true }]} extra={t('admin.tokenNameHint')}>
          <Input data-testid="field-tokenName" />
        </Form.Item>
        <GrantFields name={[]} path={[]} testId="token" />
        <Form.Item name="expiresInDays" label={t('admin.tokenDays')} initialValue={365} rules={[{ required: true }]} extra={t('admin.tokenDaysHint')}>
          <InputNumber min={1} max={3650} precision={0} data-testid="field-tokenDays" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
