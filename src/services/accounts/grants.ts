// Grants between their text form (API, CLI), their table columns and the domain's Grant.
import { parseScope, scopeFromColumns, scopeKey, scopeToColumns, type Grant } from '../../domain/auth/actor.ts';
import { ROLE_POLICIES, isRole } from '../../domain/auth/roles.ts';
import { fieldError, type FieldError } from '../../domain/errors.ts';
import type { GrantRow } from '../../store/repositories/account-repository.ts';
import type { GrantBody } from '../schemas/account.ts';

export function grantToBody(grant: Grant): GrantBody {
  return { role: grant.role, scope: scopeKey(grant.scope) };
}

export function grantFromRow(row: Pick<GrantRow, 'role' | 'scope_kind' | 'scope_ref'>): Grant | null {
  const scope = scopeFromColumns(row.scope_kind, row.scope_ref);
  return scope && isRole(row.role) ? { role: row.role, scope } : null;
}

export function grantToRow(grant: Grant): Omit<GrantRow, 'user_id'> {
  const { scopeKind, scopeRef } = scopeToColumns(grant.scope);
  return { role: grant.role, scope_kind: scopeKind, scope_ref: scopeRef };
}

export interface ScopeFacts {
  readonly districtExists: (code: string) => boolean;
  readonly organizationExists: (id: number) => Promise<boolean>;
}

/** Parses grants and checks each role may be held in its scope, and that the scope exists. */
export async function checkGrants(bodies: readonly GrantBody[], facts: ScopeFacts, pointer = '/grants'): Promise<{ grants: Grant[]; errors: FieldError[] }> {
  const grants: Grant[] = [];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [i, body] of bodies.entries()) {
    const scope = parseScope(body.scope);
    if (!scope || !ROLE_POLICIES[body.role].scopeKinds.includes(scope.kind)) {
      errors.push(fieldError(`${pointer}/${i}/scope`, 'invalid_scope'));
      continue;
    }
    if (scope.kind === 'district' && !facts.districtExists(scope.districtCode)) errors.push(fieldError(`${pointer}/${i}/scope`, 'unknown_district'));
    else if (scope.kind === 'organization' && !(await facts.organizationExists(scope.organizationId))) errors.push(fieldError(`${pointer}/${i}/scope`, 'unknown_organization'));
    else {
      const key = `${body.role}@${body.scope}`;
      if (!seen.has(key)) grants.push({ role: body.role, scope });
      seen.add(key);
    }
  }
  return { grants, errors };
}
