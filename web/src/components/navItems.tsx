// The left navigation: each entry with the permission it needs. Entries the session lacks the
// permission for are not shown at all (the server refuses them anyway).
import {
  AimOutlined,
  AreaChartOutlined,
  AuditOutlined,
  CalculatorOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FieldTimeOutlined,
  KeyOutlined,
  LineChartOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../../src/domain/auth/roles.ts';

export interface NavItem {
  readonly key: string;
  readonly icon: ReactNode;
  readonly label: string;
  readonly testId: string;
  readonly permission: Permission;
}

export interface NavGroup {
  readonly key: string;
  readonly icon: ReactNode;
  readonly label: string;
  readonly testId: string;
  readonly items: readonly NavItem[];
}

export const MAIN_NAV: readonly NavItem[] = [
  { key: '/', icon: <DashboardOutlined />, label: 'nav.dashboard', testId: 'nav-dashboard', permission: 'supervision:read' },
  { key: '/instruments', icon: <ExperimentOutlined />, label: 'nav.instruments', testId: 'nav-instruments', permission: 'registry:read' },
  { key: '/due', icon: <FieldTimeOutlined />, label: 'nav.due', testId: 'nav-due', permission: 'supervision:read' },
  { key: '/organizations', icon: <TeamOutlined />, label: 'nav.organizations', testId: 'nav-organizations', permission: 'registry:read' },
  { key: '/import', icon: <CloudUploadOutlined />, label: 'nav.import', testId: 'nav-import', permission: 'registry:import' },
];

export const NAV_GROUPS: readonly NavGroup[] = [
  {
    // 计量服务: the industrial metrology calculators, a group of its own.
    key: 'metrology',
    icon: <AreaChartOutlined />,
    label: 'nav.metrology',
    testId: 'nav-metrology',
    items: [
      { key: '/metrology/uncertainty', icon: <CalculatorOutlined />, label: 'nav.uncertainty', testId: 'nav-uncertainty', permission: 'metrology:use' },
      { key: '/metrology/conformance', icon: <SafetyCertificateOutlined />, label: 'nav.conformance', testId: 'nav-conformance', permission: 'metrology:use' },
      { key: '/metrology/grr', icon: <AimOutlined />, label: 'nav.grr', testId: 'nav-grr', permission: 'metrology:use' },
      { key: '/metrology/spc', icon: <LineChartOutlined />, label: 'nav.spc', testId: 'nav-spc', permission: 'metrology:use' },
    ],
  },
  {
    key: 'admin',
    icon: <SettingOutlined />,
    label: 'nav.admin',
    testId: 'nav-admin',
    items: [
      { key: '/admin/users', icon: <UserOutlined />, label: 'nav.users', testId: 'nav-users', permission: 'users:manage' },
      { key: '/admin/tokens', icon: <KeyOutlined />, label: 'nav.tokens', testId: 'nav-tokens', permission: 'tokens:manage' },
      { key: '/admin/audit', icon: <AuditOutlined />, label: 'nav.audit', testId: 'nav-audit', permission: 'audit:read' },
    ],
  },
];

const ALL_ITEMS = [...MAIN_NAV, ...NAV_GROUPS.flatMap((group) => group.items)];

/** The menu key of the page at `pathname`. */
export function selectedKey(pathname: string): string {
  return ALL_ITEMS.find((n) => n.key !== '/' && pathname.startsWith(n.key))?.key ?? '/';
}

/** The first page the session may open: the landing page for roles without the dashboard. */
export function firstAllowedPath(can: (permission: Permission) => boolean): string | null {
  return ALL_ITEMS.find((n) => can(n.permission))?.key ?? null;
}
