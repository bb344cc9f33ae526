// Roles, the scopes each may be held in, and what each may do (DESIGN.md §6).
// This is policy, reviewed with the authority, not reference data that changes by edition.

export const ROLES = [
  'platform_admin',
  'regulator',
  'verifier',
  'checker',
  'approver',
  'standards_manager',
  'owner',
  'energy_enterprise',
  'analyst',
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_KINDS = ['platform', 'city', 'district', 'organization'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export const PERMISSIONS = [
  'registry:read',
  'registry:write',
  'registry:import',
  'registry:export',
  'verification:record',
  'certificate:issue',
  'certificate:revoke',
  'keys:manage',
  'supervision:read',
  'metrology:use',
  'users:manage',
  'tokens:manage',
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * `scope`: only targets inside the grant's scope; `city`: any target in the city whatever the
 * grant's scope (institute staff look up any instrument brought to them for verification).
 */
export type Reach = 'scope' | 'city';

interface RolePolicy {
  readonly scopeKinds: readonly ScopeKind[];
  readonly permissions: Readonly<Partial<Record<Permission, Reach>>>;
}

const INSTITUTE_STAFF: RolePolicy = {
  scopeKinds: ['organization'],
  permissions: { 'registry:read': 'city', 'metrology:use': 'city' },
};

export const ROLE_POLICIES: Readonly<Record<Role, RolePolicy>> = {
  platform_admin: {
    scopeKinds: ['platform'],
    permissions: Object.fromEntries(PERMISSIONS.map((p) => [p, 'city'])) as Record<Permission, Reach>,
  },
  regulator: {
    scopeKinds: ['city', 'district'],
    permissions: {
      'registry:read': 'scope',
      'registry:write': 'scope',
      'registry:import': 'scope',
      'registry:export': 'scope',
      'supervision:read': 'scope',
      'metrology:use': 'city',
    },
  },
  verifier: { ...INSTITUTE_STAFF, permissions: { ...INSTITUTE_STAFF.permissions, 'verification:record': 'scope' } },
  checker: INSTITUTE_STAFF,
  // The approver (批准人) signs for the institute: issuing, amending and revoking its certificates.
  approver: { ...INSTITUTE_STAFF, permissions: { ...INSTITUTE_STAFF.permissions, 'certificate:issue': 'scope', 'certificate:revoke': 'scope' } },
  standards_manager: INSTITUTE_STAFF,
  owner: {
    scopeKinds: ['organization'],
    permissions: {
      'registry:read': 'scope',
      'registry:write': 'scope',
      'registry:export': 'scope',
      'supervision:read': 'scope',
      'metrology:use': 'city',
    },
  },
  energy_enterprise: {
    scopeKinds: ['organization'],
    permissions: { 'registry:read': 'scope', 'supervision:read': 'scope', 'metrology:use': 'city' },
  },
  analyst: {
    scopeKinds: ['city', 'district'],
    permissions: { 'supervision:read': 'scope', 'metrology:use': 'city' },
  },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
