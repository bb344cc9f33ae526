// Header menu of the signed-in user: display name, the roles held (role @ scope), change password,
// the user's sessions, sign out.
import { Button, Dropdown, Flex, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { DesktopOutlined, DownOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../api/auth.ts';
import { useSession } from '../auth/session.ts';
import { ChangePasswordModal } from './ChangePasswordModal.tsx';
import { GrantTag } from './GrantTag.tsx';
import { SessionsModal } from './SessionsModal.tsx';

export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const logout = useLogout();
  const [changingPassword, setChangingPassword] = useState(false);
  const [showingSessions, setShowingSessions] = useState(false);
  if (!session) return null;
  const { user } = session;

  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <Flex vertical gap={4} data-testid="user-grants">
          <Typography.Text type="secondary">{user.username}</Typography.Text>
          <Flex wrap gap={4}>
            {user.grants.map((grant) => (
              <GrantTag key={`${grant.role}@${grant.scope}`} grant={grant} />
            ))}
          </Flex>
        </Flex>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <LockOutlined />, label: <span data-testid="change-password">{t('account.changePassword')}</span> },
    { key: 'sessions', icon: <DesktopOutlined />, label: <span data-testid="show-sessions">{t('sessions.title')}</span> },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('account.logout')}</span> },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setChangingPassword(true);
    if (key === 'sessions') setShowingSessions(true);
    if (key === 'logout') logout.mutate();
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']}>
        <Button type="text" icon={<UserOutlined />} loading={logout.isPending} data-testid="user-menu">
          <span data-testid="user-display-name">{user.displayName}</span>
          <DownOutlined />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
      <SessionsModal open={showingSessions} onClose={() => setShowingSessions(false)} />
    </>
  );
}
