// Grants as the forms edit them (role, scope kind, district, organization) and as the API carries
// them (role and scope text such as `district:500103`), converted with the server's own functions.
import type { GrantText } from '../api/auth.ts';
import type { Role as OrganizationRole } from '../api/types.ts';
import { parseScope, scopeKey, type Scope } from '../../../src/domain/auth/actor.ts';
import { ROLE_POLICIES, type Role, type ScopeKind } from '../../../src/domain/auth/roles.ts';

export interface GrantRow {
  role?: Role | undefined;
  scopeKind?: ScopeKind | undefined;
  districtCode?: string | undefined;
  organizationId?: number | undefined;
}

/** The scope kinds a role may be held in (ROLE_POLICIES), none before a role is chosen. */
export function scopeKindsOf(role: Role | undefined): readonly ScopeKind[] {
  return role ? ROLE_POLICIES[role].scopeKinds : [];
}

/** Which organizations a role's organization scope names: institutes for their staff, owners otherwise. */
export function organizationRoleFor(role: Role | undefined): OrganizationRole | undefined {
  if (role === 'verifier' || role === 'checker' || role === 'approver' || role === 'standards_manager') return 'verification_institute';
  if (role === 'owner' || role === 'energy_enterprise') return 'owner';
  return undefined;
}

function scopeOf(row: GrantRow): Scope {
  switch (row.scopeKind) {
    case 'district':
      return { kind: 'district', districtCode: row.districtCode ?? '' };
    case 'organization':
      return { kind: 'organization', organizationId: row.organizationId ?? 0 };
    case 'city':
      return { kind: 'city' };
    default:
      return { kind: 'platform' };
  }
}

/** A validated form row as the API grant. */
export function toGrant(row: GrantRow): GrantText {
  return { role: row.role as Role, scope: scopeKey(scopeOf(row)) };
}

export function toRow(grant: GrantText): GrantRow {
  const scope = parseScope(grant.scope);
  return {
    role: grant.role,
    scopeKind: scope?.kind,
    districtCode: scope?.kind === 'district' ? scope.districtCode : undefined,
    organizationId: scope?.kind === 'organization' ? scope.organizationId : undefined,
  };
}
