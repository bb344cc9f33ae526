// "请再次输入密码": installed into the API client, which opens it when the server answers
// JL_ERR_REAUTH_REQUIRED and retries the request once the password has been proven.
import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reauthenticate } from '../api/auth.ts';
import { ApiError, setReauthPrompt } from '../api/client.ts';
import { problemMessage } from '../components/problem.tsx';
import { useLang } from '../lib/useLang.ts';

export function ReauthModal() {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<{ password: string }>();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const answer = useRef<((proven: boolean) => void) | null>(null);

  useEffect(
    () =>
      setReauthPrompt(
        () =>
          new Promise<boolean>((resolve) => {
            answer.current = resolve;
            setError(null);
            setOpen(true);
          }),
      ),
    [],
  );

  const finish = (proven: boolean) => {
    answer.current?.(proven);
    answer.current = null;
    setOpen(false);
  };

  const submit = async ({ password }: { password: string }) => {
    setPending(true);
    setError(null);
    try {
      await reauthenticate(password);
      finish(true);
    } catch (failure) {
      // With the session gone there is nothing to confirm: the sign-in page takes over.
      if (failure instanceof ApiError && failure.code === 'JL_ERR_UNAUTHENTICATED') finish(false);
      else setError(failure);
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      title={t('reauth.title')}
      open={open}
      onCancel={() => finish(false)}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      okButtonProps={{ 'data-testid': 'reauth-submit' } as ButtonProps}
      destroyOnHidden
      // above the confirm dialog that may have triggered it (antd puts those at 2000)
      zIndex={2100}
      data-testid="reauth-modal"
    >
      <Typography.Paragraph type="secondary">{t('reauth.body')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={problemMessage(error, lang, t)} style={{ marginBottom: 16 }} data-testid="reauth-error" /> : null}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
          <Input.Password autoFocus autoComplete="current-password" data-testid="reauth-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
