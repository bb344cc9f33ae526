// Who is acting: a signed-in user, a machine token, the local operator (CLI) or the anonymous public.
import type { Role, ScopeKind } from './roles.ts';

export type Scope =
  | { readonly kind: 'platform' }
  | { readonly kind: 'city' }
  | { readonly kind: 'district'; readonly districtCode: string }
  | { readonly kind: 'organization'; readonly organizationId: number };

export interface Grant {
  readonly role: Role;
  readonly scope: Scope;
}

export type ActorKind = 'user' | 'token' | 'system' | 'anonymous';

export interface Actor {
  readonly kind: ActorKind;
  /** user id, token id, or a label for the system actor; null for anonymous */
  readonly id: string | null;
  readonly grants: readonly Grant[];
}

/** Who acts and in which request: every service call that reads tenant data or writes takes one. */
export interface Caller {
  readonly actor: Actor;
  readonly requestId: string | null;
  /** When the session last proved its password (sensitive actions need a recent one). */
  readonly reauthenticatedAt?: string | null;
}

export const ANONYMOUS: Actor = { kind: 'anonymous', id: null, grants: [] };

/** The local operator of the CLI: same database, same trust as a platform administrator. */
export function systemCaller(label: string): Caller {
  return { actor: { kind: 'system', id: label, grants: [{ role: 'platform_admin', scope: { kind: 'platform' } }] }, requestId: null };
}

export function scopeKey(scope: Scope): string {
  switch (scope.kind) {
    case 'platform':
    case 'city':
      return scope.kind;
    case 'district':
      return `district:${scope.districtCode}`;
    case 'organization':
      return `organization:${scope.organizationId}`;
  }
}

/** Parses `platform`, `city`, `district:500103` or `organization:12`; null when malformed. */
export function parseScope(text: string): Scope | null {
  if (text === 'platform' || text === 'city') return { kind: text };
  const district = /^district:(\d{6})$/.exec(text);
  if (district) return { kind: 'district', districtCode: district[1]! };
  const organization = /^organization:([1-9]\d{0,9})$/.exec(text);
  if (organization) return { kind: 'organization', organizationId: Number(organization[1]) };
  return null;
}

export function scopeToColumns(scope: Scope): { scopeKind: ScopeKind; scopeRef: string } {
  if (scope.kind === 'district') return { scopeKind: 'district', scopeRef: scope.districtCode };
  if (scope.kind === 'organization') return { scopeKind: 'organization', scopeRef: String(scope.organizationId) };
  return { scopeKind: scope.kind, scopeRef: '' };
}

export function scopeFromColumns(kind: string, ref: string): Scope | null {
  return parseScope(kind === 'platform' || kind === 'city' ? kind : `${kind}:${ref}`);
}

/** The scopes an actor acts in, for the audit log. */
export function actorScopes(actor: Actor): string {
  return [...new Set(actor.grants.map((g) => `${g.role}@${scopeKey(g.scope)}`))].join(',');
}
