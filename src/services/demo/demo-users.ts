// One documented user per role in the demo city (README "Demo users"). Organization scopes are
// resolved against the generated city: the first verification institute, the first owner in
// 渝中区, and the owner with the most instruments as the key energy-consuming enterprise.
import type { Role } from '../../domain/auth/roles.ts';

export const DEMO_PASSWORD = 'jiliang-demo-2026';

/** `institute`, `owner` and `energy` are placeholders for organizations picked from the city. */
export type DemoScope = 'platform' | 'city' | `district:${string}` | 'institute' | 'owner' | 'energy';

export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly scope: DemoScope;
}

export const DEMO_DISTRICT = '500103';

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '平台管理员', role: 'platform_admin', scope: 'platform' },
  { username: 'city-regulator', displayName: '市市场监管局 监管员', role: 'regulator', scope: 'city' },
  { username: 'yuzhong-regulator', displayName: '渝中区市场监管局 监管员', role: 'regulator', scope: `district:${DEMO_DISTRICT}` },
  { username: 'verifier', displayName: '检定员', role: 'verifier', scope: 'institute' },
  { username: 'checker', displayName: '核验员', role: 'checker', scope: 'institute' },
  { username: 'approver', displayName: '批准人', role: 'approver', scope: 'institute' },
  { username: 'standards-manager', displayName: '计量标准管理员', role: 'standards_manager', scope: 'institute' },
  { username: 'owner', displayName: '器具使用单位 管理员', role: 'owner', scope: 'owner' },
  { username: 'energy', displayName: '重点用能单位 能源管理员', role: 'energy_enterprise', scope: 'energy' },
  { username: 'analyst', displayName: '数据分析员', role: 'analyst', scope: 'city' },
];
