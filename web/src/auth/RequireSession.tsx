// Route guards: the signed-in area (otherwise to /login?next=…) and pages that need a permission
// (otherwise a 403 page; the menu does not offer them in the first place).
import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSessionQuery } from '../api/auth.ts';
import { QueryError } from '../components/QueryError.tsx';
import type { Permission } from '../../../src/domain/auth/roles.ts';
import { loginPath, useCan } from './session.ts';

export function RequireSession() {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isPending) return <Spin fullscreen />;
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  return <Outlet />;
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('account.forbidden')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
      data-testid="forbidden"
    />
  );
}

export function RequirePermission({ permission }: { permission: Permission }) {
  const can = useCan();
  return can(permission) ? <Outlet /> : <Forbidden />;
}
