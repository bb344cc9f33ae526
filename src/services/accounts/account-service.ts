// Administration of users, their role grants and machine tokens (platform administrators, and
// the local operator through the CLI).
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import * as accounts from '../../store/repositories/account-repository.ts';
import { findOrganizationById } from '../../store/repositories/organization-repository.ts';
import { AppError, validationError } from '../../domain/errors.ts';
import { scopeKey, type Caller, type Grant } from '../../domain/auth/actor.ts';
import { passwordProblems } from '../../domain/auth/password-policy.ts';
import { assertSchema } from '../validation.ts';
import { toOffset, type Page } from '../paging.ts';
import { DEFAULT_TOKEN_DAYS, GrantsBody, NewToken, NewUser, PasswordResetBody, TokenQuery, UserQuery, UserStatusBody, type Token, type User } from '../schemas/account.ts';
import type { AuditService } from '../audit/audit-service.ts';
import { auditEntry, type AccessService } from '../access-service.ts';
import type { ReferenceService } from '../reference-service.ts';
import type { Clock } from '../clock.ts';
import { checkGrants, grantFromRow, grantToBody, grantToRow, type ScopeFacts } from './grants.ts';
import { hashPassword, newSecret, secretHash } from './secrets.ts';

export class AccountService {
  private readonly scopeFacts: ScopeFacts;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    reference: ReferenceService,
    private readonly clock: Clock,
  ) {
    this.scopeFacts = {
      districtExists: (code) => reference.resolveDistrict(code)?.code === code,
      organizationExists: async (id) => (await findOrganizationById(db, id)) !== undefined,
    };
  }

  async createUser(caller: Caller, input: unknown): Promise<User> {
    await this.access.require(caller, 'users:manage', 'user.create');
    await this.access.requireRecentPassword(caller, 'user.create');
    const body = assertSchema(NewUser, input);
    const { grants, errors } = await checkGrants(body.grants, this.scopeFacts);
    errors.push(...passwordProblems(body.password, '/password', [body.username, body.displayName]));
    if (errors.length) throw validationError(errors);
    if (await accounts.findUserByUsername(this.db, body.username)) throw new AppError('JL_ERR_DUPLICATE_USERNAME');
    const passwordHash = await hashPassword(body.password);
    const now = this.clock.now().toISOString();
    const id = await this.db.transaction().execute(async (trx) => {
      const userId = await accounts.insertUser(trx, {
        username: body.username,
        display_name: body.displayName.trim(),
        password_hash: passwordHash,
        status: 'active',
        password_changed_at: now,
        created_at: now,
      });
      await accounts.replaceGrants(trx, userId, grants.map(grantToRow));
      await this.audit.append(trx, auditEntry(caller, 'user.create', 'ok', { type: 'user', id: userId }, { grants: grants.map(grantToBody) }));
      return userId;
    });
    return this.get(caller, id);
  }

  async get(caller: Caller, id: number): Promise<User> {
    await this.access.require(caller, 'users:manage', 'user.get');
    const row = await accounts.findUserById(this.db, id);
    if (!row) throw new AppError('JL_ERR_NOT_FOUND');
    return (await this.toUsers([row]))[0]!;
  }

  async list(caller: Caller, query: unknown): Promise<Page<User>> {
    await this.access.require(caller, 'users:manage', 'user.list');
    const q = assertSchema(UserQuery, query);
    const { page, pageSize, offset, limit } = toOffset(q);
    const { rows, total } = await accounts.listUsers(this.db, { q: q.q }, { offset, limit });
    return { items: await this.toUsers(rows), total, page, pageSize };
  }

  /** Replaces a user's grants; the user's sessions end so the new roles apply at once. */
  async setGrants(caller: Caller, id: number, input: unknown): Promise<User> {
    await this.access.require(caller, 'users:manage', 'user.grants');
    await this.access.requireRecentPassword(caller, 'user.grants', { type: 'user', id });
    const body = assertSchema(GrantsBody, input);
    const { grants, errors } = await checkGrants(body.grants, this.scopeFacts);
    if (errors.length) throw validationError(errors);
    await this.mustExist(id);
    await this.db.transaction().execute(async (trx) => {
      await accounts.replaceGrants(trx, id, grants.map(grantToRow));
      await accounts.deleteSessionsOfUser(trx, id);
      await this.audit.append(trx, auditEntry(caller, 'user.grants', 'ok', { type: 'user', id }, { grants: grants.map(grantToBody) }));
    });
    return this.get(caller, id);
  }

  /** Disables or re-enables a user; enabling also lifts a lockout. */
  async setStatus(caller: Caller, id: number, input: unknown): Promise<User> {
    await this.access.require(caller, 'users:manage', 'user.status');
    const { status } = assertSchema(UserStatusBody, input);
    await this.mustExist(id);
    if (status === 'disabled' && caller.actor.kind === 'user' && caller.actor.id === String(id)) {
      await this.access.deny(caller, 'user.status', 'JL_ERR_FORBIDDEN', { type: 'user', id }, 'cannot disable oneself');
    }
    await this.db.transaction().execute(async (trx) => {
      await accounts.updateUser(trx, id, status === 'active' ? { status, failed_logins: 0, locked_until: null } : { status });
      if (status === 'disabled') await accounts.deleteSessionsOfUser(trx, id);
      await this.audit.append(trx, auditEntry(caller, 'user.status', 'ok', { type: 'user', id }, { status }));
    });
    return this.get(caller, id);
  }

  async resetPassword(caller: Caller, id: number, input: unknown): Promise<void> {
    await this.access.require(caller, 'users:manage', 'user.password.reset');
    await this.access.requireRecentPassword(caller, 'user.password.reset', { type: 'user', id });
    const { password } = assertSchema(PasswordResetBody, input);
    const user = await this.mustExist(id);
    const problems = passwordProblems(password, '/password', [user.username, user.display_name]);
    if (problems.length) throw validationError(problems);
    const hash = await hashPassword(password);
    await this.db.transaction().execute(async (trx) => {
      await accounts.updateUser(trx, id, { password_hash: hash, password_changed_at: this.clock.now().toISOString(), failed_logins: 0, locked_until: null });
      await accounts.deleteSessionsOfUser(trx, id);
      await this.audit.append(trx, auditEntry(caller, 'user.password.reset', 'ok', { type: 'user', id }));
    });
  }

  /** Creates a machine token; the secret is returned this once and only its hash is kept. */
  async createToken(caller: Caller, input: unknown): Promise<Token & { token: string }> {
    await this.access.require(caller, 'tokens:manage', 'token.create');
    await this.access.requireRecentPassword(caller, 'token.create');
    const body = assertSchema(NewToken, input);
    const { grants, errors } = await checkGrants([{ role: body.role, scope: body.scope }], this.scopeFacts, '');
    if (errors.length) throw validationError(errors.map((e) => ({ ...e, pointer: '/scope' })));
    const { scope_kind, scope_ref } = grantToRow(grants[0]!);
    const token = newSecret('jl_');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + (body.expiresInDays ?? DEFAULT_TOKEN_DAYS) * 86_400_000).toISOString();
    const id = await this.db.transaction().execute(async (trx) => {
      const tokenId = await accounts.insertToken(trx, {
        name: body.name.trim(),
        token_hash: secretHash(token),
        role: body.role,
        scope_kind,
        scope_ref,
        created_by: caller.actor.kind === 'user' ? Number(caller.actor.id) : null,
        created_at: now.toISOString(),
        expires_at: expiresAt,
      });
      await this.audit.append(trx, auditEntry(caller, 'token.create', 'ok', { type: 'token', id: tokenId }, { role: body.role, scope: body.scope, expiresAt }));
      return tokenId;
    });
    return { ...toToken((await accounts.findTokenById(this.db, id))!), token };
  }

  async listTokens(caller: Caller, query: unknown): Promise<Page<Token>> {
    await this.access.require(caller, 'tokens:manage', 'token.list');
    const q = assertSchema(TokenQuery, query);
    const { page, pageSize, offset, limit } = toOffset(q);
    const { rows, total } = await accounts.listTokens(this.db, { offset, limit });
    return { items: rows.map(toToken), total, page, pageSize };
  }

  async revokeToken(caller: Caller, id: number): Promise<Token> {
    await this.access.require(caller, 'tokens:manage', 'token.revoke');
    const row = await accounts.findTokenById(this.db, id);
    if (!row) throw new AppError('JL_ERR_NOT_FOUND');
    if (!row.revoked_at) {
      await this.db.transaction().execute(async (trx) => {
        await accounts.updateToken(trx, id, { revoked_at: this.clock.now().toISOString() });
        await this.audit.append(trx, auditEntry(caller, 'token.revoke', 'ok', { type: 'token', id }));
      });
    }
    return toToken((await accounts.findTokenById(this.db, id))!);
  }

  /** Whether anyone can sign in yet (the server hints at `jiliang admin create` when not). */
  async anyUserExists(): Promise<boolean> {
    return (await accounts.listUsers(this.db, {}, { offset: 0, limit: 1 })).total > 0;
  }

  private async mustExist(id: number): Promise<accounts.UserRow> {
    const row = await accounts.findUserById(this.db, id);
    if (!row) throw new AppError('JL_ERR_NOT_FOUND');
    return row;
  }

  private async toUsers(rows: readonly accounts.UserRow[]): Promise<User[]> {
    const grants = await accounts.grantsOfUsers(this.db, rows.map((r) => r.id));
    return rows.map((row) => ({
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      status: row.status as User['status'],
      grants: grants
        .filter((g) => g.user_id === row.id)
        .map(grantFromRow)
        .filter((g): g is Grant => g !== null)
        .map(grantToBody),
      lockedUntil: row.locked_until && Date.parse(row.locked_until) > this.clock.now().getTime() ? row.locked_until : null,
      createdAt: row.created_at,
    }));
  }
}

function toToken(row: accounts.TokenRow): Token {
  const grant = grantFromRow(row);
  return {
    id: row.id,
    name: row.name,
    role: row.role as Token['role'],
    scope: grant ? scopeKey(grant.scope) : `${row.scope_kind}:${row.scope_ref}`,
    createdAt: row.created_at,
    createdBy: row.created_by,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
  };
}
