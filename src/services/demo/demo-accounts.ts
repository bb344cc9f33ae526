// Creates the documented demo users (demo-users.ts) that do not exist yet, with organization
// scopes resolved against the generated city.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { findUserByUsername } from '../../store/repositories/account-repository.ts';
import { firstOrganizationWithRole, largestOwner } from '../../store/repositories/organization-repository.ts';
import { systemCaller } from '../../domain/auth/actor.ts';
import type { AccountService } from '../accounts/account-service.ts';
import { DEMO_DISTRICT, DEMO_PASSWORD, DEMO_USERS, type DemoScope } from './demo-users.ts';

export interface DemoAccount {
  readonly username: string;
  readonly role: string;
  readonly scope: string;
}

async function resolveScope(db: Kysely<Database>, scope: DemoScope): Promise<string | null> {
  const organization = (id: number | null) => (id === null ? null : `organization:${id}`);
  switch (scope) {
    case 'institute':
      return organization(await firstOrganizationWithRole(db, 'verification_institute'));
    case 'owner':
      return organization(await firstOrganizationWithRole(db, 'owner', { districtCode: DEMO_DISTRICT, ownsInstruments: true }));
    case 'energy':
      return organization(await largestOwner(db));
    default:
      return scope;
  }
}

/** Returns every demo account with its resolved scope; users whose organization is missing are skipped. */
export async function ensureDemoAccounts(db: Kysely<Database>, accounts: AccountService): Promise<DemoAccount[]> {
  const caller = systemCaller('demo');
  const result: DemoAccount[] = [];
  for (const user of DEMO_USERS) {
    const scope = await resolveScope(db, user.scope);
    if (!scope) continue;
    if (!(await findUserByUsername(db, user.username))) {
      await accounts.createUser(caller, { username: user.username, displayName: user.displayName, password: DEMO_PASSWORD, grants: [{ role: user.role, scope }] });
    }
    result.push({ username: user.username, role: user.role, scope });
  }
  return result;
}
