// Authorization for every service call: permission checks, tenant reach, re-authentication, and an
// audit entry for each denial. The HTTP edge uses the same checks for its route declarations.
import { AppError, fieldError, type ErrorCode } from '../domain/errors.ts';
import { actorScopes, type Caller } from '../domain/auth/actor.ts';
import { can, hasPermission, reachOf, type TenantReach, type TenantTarget } from '../domain/auth/authorize.ts';
import type { Permission } from '../domain/auth/roles.ts';
import type { AuditEntryInput } from '../domain/audit/audit-entry.ts';
import type { AuditService } from './audit/audit-service.ts';
import type { Clock } from './clock.ts';

/** A password proof older than this no longer unlocks sensitive actions. */
export const REAUTH_WINDOW_MS = 5 * 60 * 1000;

export interface AuditTarget {
  readonly type: string;
  readonly id?: string | number | null | undefined;
}

export function auditEntry(caller: Caller, action: string, outcome: AuditEntryInput['outcome'], target?: AuditTarget, detail: Record<string, unknown> = {}): AuditEntryInput {
  return {
    requestId: caller.requestId,
    actorKind: caller.actor.kind,
    actorId: caller.actor.id,
    scope: actorScopes(caller.actor) || null,
    action,
    outcome,
    targetType: target?.type ?? null,
    targetId: target?.id === undefined || target.id === null ? null : String(target.id),
    detail,
  };
}

export class AccessService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Records the denial in the audit log, then throws. */
  async deny(caller: Caller, action: string, code: ErrorCode, target?: AuditTarget, reason?: string, pointer?: string): Promise<never> {
    await this.audit.recordAlone(auditEntry(caller, action, 'denied', target, { code, ...(reason ? { reason } : {}) }));
    throw new AppError(code, pointer ? [fieldError(pointer, 'outside_scope')] : []);
  }

  /** The caller must hold the permission somewhere (anonymous callers are asked to sign in). */
  async require(caller: Caller, permission: Permission, action: string): Promise<void> {
    if (hasPermission(caller.actor, permission)) return;
    await this.deny(caller, action, caller.actor.kind === 'anonymous' ? 'JL_ERR_UNAUTHENTICATED' : 'JL_ERR_FORBIDDEN', undefined, permission);
  }

  /**
   * The caller must hold the permission over this record. A record of another tenant answers
   * 404, as if it did not exist, so ids cannot be probed.
   */
  async requireOn(caller: Caller, permission: Permission, action: string, target: AuditTarget, tenant: TenantTarget): Promise<void> {
    await this.require(caller, permission, action);
    if (!can(caller.actor, permission, tenant)) await this.deny(caller, action, 'JL_ERR_NOT_FOUND', target, 'other tenant');
  }

  /** For new records: the tenant the caller names must be its own (403 with the field's pointer). */
  async requireCreateIn(caller: Caller, permission: Permission, action: string, tenant: TenantTarget, pointer: string): Promise<void> {
    await this.require(caller, permission, action);
    if (!can(caller.actor, permission, tenant)) await this.deny(caller, action, 'JL_ERR_FORBIDDEN', undefined, 'outside scope', pointer);
  }

  /** The rows the caller may see with this permission. */
  async reach(caller: Caller, permission: Permission, action: string): Promise<TenantReach> {
    await this.require(caller, permission, action);
    return reachOf(caller.actor, permission)!;
  }

  /** Sensitive actions need a password proof from the last few minutes; machine tokens never have one. */
  async requireRecentPassword(caller: Caller, action: string, target?: AuditTarget): Promise<void> {
    if (caller.actor.kind === 'system') return;
    const at = caller.reauthenticatedAt ? Date.parse(caller.reauthenticatedAt) : Number.NaN;
    if (caller.actor.kind === 'user' && this.clock.now().getTime() - at <= REAUTH_WINDOW_MS) return;
    await this.deny(caller, action, 'JL_ERR_REAUTH_REQUIRED', target, 'no recent password');
  }
}

/** A reach as a row filter for repositories: undefined when every row is visible. */
export function tenantRows(reach: TenantReach): { districtCodes: readonly string[]; organizationIds: readonly number[] } | undefined {
  return reach.all ? undefined : { districtCodes: reach.districtCodes, organizationIds: reach.organizationIds };
}

/** The tenant of an instrument: its district and its owner. */
export function instrumentTenant(row: { district_code: string; owner_id: number }): TenantTarget {
  return { districtCode: row.district_code, organizationIds: [row.owner_id] };
}
