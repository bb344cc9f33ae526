// Application shell: left navigation (only the entries the session may open), header with the
// language switch and the user menu, routed content.
import { Layout, Menu, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useCan } from '../auth/session.ts';
import { UserMenu } from './UserMenu.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { MAIN_NAV, NAV_GROUPS, selectedKey, type NavItem } from './navItems.tsx';

type MenuItems = NonNullable<MenuProps['items']>;

function useMenuItems(): MenuItems {
  const { t } = useTranslation();
  const can = useCan();
  const entry = (n: NavItem) => ({
    key: n.key,
    icon: n.icon,
    label: (
      <Link to={n.key} data-testid={n.testId}>
        {t(n.label)}
      </Link>
    ),
  });
  const groups = NAV_GROUPS.map((group) => ({ group, items: group.items.filter((n) => can(n.permission)) }))
    .filter(({ items }) => items.length > 0)
    .map(({ group, items }) => ({
      key: group.key,
      icon: group.icon,
      label: <span data-testid={group.testId}>{t(group.label)}</span>,
      children: items.map(entry),
    }));
  return [...MAIN_NAV.filter((n) => can(n.permission)).map(entry), ...groups];
}

export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const items = useMenuItems();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} breakpoint="lg" data-testid="sider">
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, height: 56, padding: '0 20px', overflow: 'hidden' }}>
          <span
            aria-hidden
            style={{
              flex: '0 0 28px',
              height: 28,
              borderRadius: 6,
              background: '#1677ff',
              color: '#fff',
              display: 'grid',
              placeItems: 'center',
              fontWeight: 700,
            }}
          >
            计
          </span>
          {!collapsed && (
            <Typography.Text strong style={{ color: '#fff', fontSize: 15, whiteSpace: 'nowrap' }}>
              {t('app.brand')}
            </Typography.Text>
          )}
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedKey(location.pathname)]}
          defaultOpenKeys={NAV_GROUPS.map((group) => group.key)}
          items={items}
          data-testid="nav"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            borderBottom: '1px solid #f0f0f0',
            height: 56,
          }}
        >
          <Space size="large">
            <LanguageSwitch />
            <UserMenu />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c', padding: '12px 24px' }}>{t('app.footer')}</Layout.Footer>
      </Layout>
    </Layout>
  );
}
