// The one authorization mechanism: may this actor do this to that target, and which tenants may it see?
import { ROLE_POLICIES, type Permission } from './roles.ts';
import type { Actor, Grant } from './actor.ts';

/** What a record belongs to: its district and the organizations that own or hold it. */
export interface TenantTarget {
  readonly districtCode?: string | null;
  readonly organizationIds?: readonly number[];
}

/** Rows an actor may see: every row, or those in any of these districts or organizations. */
export type TenantReach = { readonly all: true } | { readonly all: false; readonly districtCodes: readonly string[]; readonly organizationIds: readonly number[] };

function grantsWith(actor: Actor, permission: Permission): { grant: Grant; citywide: boolean }[] {
  const found: { grant: Grant; citywide: boolean }[] = [];
  for (const grant of actor.grants) {
    const reach = ROLE_POLICIES[grant.role]?.permissions[permission];
    if (!reach) continue;
    const citywide = reach === 'city' || grant.scope.kind === 'platform' || grant.scope.kind === 'city';
    found.push({ grant, citywide });
  }
  return found;
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return grantsWith(actor, permission).length > 0;
}

function covers(grant: Grant, target: TenantTarget): boolean {
  const scope = grant.scope;
  if (scope.kind === 'district') return target.districtCode === scope.districtCode;
  if (scope.kind === 'organization') return (target.organizationIds ?? []).includes(scope.organizationId);
  return true;
}

export function can(actor: Actor, permission: Permission, target: TenantTarget): boolean {
  return grantsWith(actor, permission).some(({ grant, citywide }) => citywide || covers(grant, target));
}

/** The tenants whose rows the actor may see with this permission; null when it has none. */
export function reachOf(actor: Actor, permission: Permission): TenantReach | null {
  const grants = grantsWith(actor, permission);
  if (!grants.length) return null;
  if (grants.some((g) => g.citywide)) return { all: true };
  const districtCodes = new Set<string>();
  const organizationIds = new Set<number>();
  for (const { grant } of grants) {
    if (grant.scope.kind === 'district') districtCodes.add(grant.scope.districtCode);
    if (grant.scope.kind === 'organization') organizationIds.add(grant.scope.organizationId);
  }
  return { all: false, districtCodes: [...districtCodes], organizationIds: [...organizationIds] };
}

export function permissionsOf(actor: Actor): Permission[] {
  const all = new Set<Permission>();
  for (const grant of actor.grants) for (const p of Object.keys(ROLE_POLICIES[grant.role]?.permissions ?? {})) all.add(p as Permission);
  return [...all].sort();
}
