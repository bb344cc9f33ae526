// Application shell: left navigation, header with the language switch, routed content.
import { Layout, Menu, Segmented, Space, Typography } from 'antd';
import {
  AimOutlined,
  AreaChartOutlined,
  CalculatorOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FieldTimeOutlined,
  GlobalOutlined,
  LineChartOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import type { Lang } from '../api/types.ts';
import { setLang } from '../i18n/index.ts';
import { useLang } from '../lib/useLang.ts';

const NAV = [
  { key: '/', icon: <DashboardOutlined />, label: 'nav.dashboard', testId: 'nav-dashboard' },
  { key: '/instruments', icon: <ExperimentOutlined />, label: 'nav.instruments', testId: 'nav-instruments' },
  { key: '/due', icon: <FieldTimeOutlined />, label: 'nav.due', testId: 'nav-due' },
  { key: '/organizations', icon: <TeamOutlined />, label: 'nav.organizations', testId: 'nav-organizations' },
  { key: '/import', icon: <CloudUploadOutlined />, label: 'nav.import', testId: 'nav-import' },
] as const;

/** 计量服务: the industrial metrology calculators, a group of its own. */
const METROLOGY_NAV = [
  { key: '/metrology/uncertainty', icon: <CalculatorOutlined />, label: 'nav.uncertainty', testId: 'nav-uncertainty' },
  { key: '/metrology/conformance', icon: <SafetyCertificateOutlined />, label: 'nav.conformance', testId: 'nav-conformance' },
  { key: '/metrology/grr', icon: <AimOutlined />, label: 'nav.grr', testId: 'nav-grr' },
  { key: '/metrology/spc', icon: <LineChartOutlined />, label: 'nav.spc', testId: 'nav-spc' },
] as const;

function selectedKey(pathname: string): string {
  const match = [...NAV, ...METROLOGY_NAV].filter((n) => n.key !== '/' && pathname.startsWith(n.key)).at(0);
  return match ? match.key : '/';
}

export function AppLayout() {
  const { t } = useTranslation();
  const lang = useLang();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);

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
          defaultOpenKeys={['metrology']}
          items={[
            ...NAV.map((n) => ({
              key: n.key,
              icon: n.icon,
              label: (
                <Link to={n.key} data-testid={n.testId}>
                  {t(n.label)}
                </Link>
              ),
            })),
            {
              key: 'metrology',
              icon: <AreaChartOutlined />,
              label: <span data-testid="nav-metrology">{t('nav.metrology')}</span>,
              children: METROLOGY_NAV.map((n) => ({
                key: n.key,
                icon: n.icon,
                label: (
                  <Link to={n.key} data-testid={n.testId}>
                    {t(n.label)}
                  </Link>
                ),
              })),
            },
          ]}
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
          <Space>
            <GlobalOutlined aria-hidden />
            <Segmented<Lang>
              size="small"
              aria-label={t('lang.label')}
              value={lang}
              onChange={(value) => setLang(value)}
              options={[
                { value: 'zh', label: <span data-testid="lang-zh">{t('lang.zh')}</span> },
                { value: 'en', label: <span data-testid="lang-en">{t('lang.en')}</span> },
              ]}
              data-testid="lang-switch"
            />
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
