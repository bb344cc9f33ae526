// 登录: the only page outside the signed-in area. After signing in the user goes back to `next`.
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { useLogin, useSessionQuery, type Credentials } from '../api/auth.ts';
import { ApiError } from '../api/client.ts';
import { safeNext } from '../auth/session.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { problemMessage } from '../components/problem.tsx';
import { useLang } from '../lib/useLang.ts';

/** The message for a failed sign-in; lockouts and rate limits say how long to wait. */
function useFailureMessage(error: unknown): string | null {
  const { t } = useTranslation();
  const lang = useLang();
  if (!error) return null;
  if (error instanceof ApiError && error.retryAfter !== null) {
    const seconds = Math.max(1, error.retryAfter);
    const wait = seconds < 60 ? t('login.waitSeconds', { count: seconds }) : t('login.waitMinutes', { count: Math.ceil(seconds / 60) });
    if (error.code === 'JL_ERR_ACCOUNT_LOCKED') return t('login.locked', { wait });
    if (error.code === 'JL_ERR_RATE_LIMITED') return t('login.rateLimited', { wait });
  }
  return problemMessage(error, lang, t);
}

function Brand() {
  const { t } = useTranslation();
  return (
    <Flex vertical align="center" gap={8} style={{ marginBottom: 24 }}>
      <span
        aria-hidden
        style={{ width: 48, height: 48, borderRadius: 10, background: '#1677ff', color: '#fff', display: 'grid', placeItems: 'center', fontSize: 26, fontWeight: 700 }}
      >
        计
      </span>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="login-brand">
        计量 Jiliang
      </Typography.Title>
      <Typography.Text type="secondary">{t('app.title')}</Typography.Text>
    </Flex>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const session = useSessionQuery();
  const login = useLogin();
  const [failure, setFailure] = useState<unknown>(null);
  const message = useFailureMessage(failure);

  useEffect(() => {
    document.title = `${t('login.title')} - ${t('app.title')}`;
  }, [t]);

  if (session.data) return <Navigate to={next} replace />;

  const submit = async (values: Credentials) => {
    setFailure(null);
    try {
      // The new session is cached at once, and this page then hands over to `next`.
      await login.mutateAsync(values);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 24 }} data-testid="login-page">
      <Flex justify="flex-end" style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Brand />
        {message ? <Alert type="error" showIcon title={message} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
