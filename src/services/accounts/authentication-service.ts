// Signing in and out, browser sessions, machine tokens, re-authentication and password changes.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import * as accounts from '../../store/repositories/account-repository.ts';
import { AppError, validationError } from '../../domain/errors.ts';
import type { Caller, Grant } from '../../domain/auth/actor.ts';
import { permissionsOf } from '../../domain/auth/authorize.ts';
import { lockSeconds } from '../../domain/auth/lockout.ts';
import { passwordProblems } from '../../domain/auth/password-policy.ts';
import { assertSchema } from '../validation.ts';
import { LoginBody, PasswordChangeBody, ReauthBody, type Session, type SessionSummary } from '../schemas/account.ts';
import type { AuditService } from '../audit/audit-service.ts';
import { auditEntry } from '../access-service.ts';
import type { Clock } from '../clock.ts';
import { grantFromRow, grantToBody } from './grants.ts';
import { hashPassword, newSecret, sameSecret, secretHash, verifyDecoy, verifyPassword } from './secrets.ts';

/** Where a sign-in comes from, shown in the user's session list. */
export interface SignInContext {
  readonly requestId: string | null;
  readonly userAgent?: string | null;
  readonly clientAddress?: string | null;
}

/** Within 12 hours of sign-in and 30 minutes of the last request. */
function sessionAlive(row: accounts.SessionRow, now: number): boolean {
  return Date.parse(row.expires_at) > now && Date.parse(row.last_seen_at) + SESSION_IDLE_MS > now;
}

/** The session list's id of a session: a hash of the stored hash, so neither leaves the server. */
function sessionId(idHash: string): string {
  return secretHash(`session-id:${idHash}`).slice(0, 32);
}

/** NIST SP 800-63B AAL2: re-authenticate after 12 hours, or after 30 minutes of inactivity. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** Activity is written back at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface SignedIn {
  /** Goes into the cookie; only its hash is stored. */
  readonly sessionSecret: string;
  readonly session: Session;
}

export interface SessionCaller {
  readonly caller: Caller;
  readonly csrfToken: string;
  readonly sessionHash: string;
  readonly expiresAt: string;
}

export class AuthenticationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async login(input: unknown, context: SignInContext): Promise<SignedIn> {
    const { username, password } = assertSchema(LoginBody, input);
    const anonymous: Caller = { actor: { kind: 'anonymous', id: null, grants: [] }, requestId: context.requestId };
    const now = this.clock.now();
    const user = await accounts.findUserByUsername(this.db, username.trim().toLowerCase());
    if (!user) {
      await verifyDecoy(password);
      await this.audit.recordAlone(auditEntry(anonymous, 'auth.login', 'failed', undefined, { reason: 'unknown user' }));
      throw new AppError('JL_ERR_LOGIN_FAILED');
    }
    const target = { type: 'user', id: user.id };
    if (user.locked_until && Date.parse(user.locked_until) > now.getTime()) {
      await this.audit.recordAlone(auditEntry(anonymous, 'auth.login', 'denied', target, { reason: 'locked' }));
      throw new AppError('JL_ERR_ACCOUNT_LOCKED', [], undefined, { retryAfterSeconds: Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 1000) });
    }
    const passwordOk = await verifyPassword(user.password_hash, password);
    if (!passwordOk || user.status !== 'active') {
      await this.db.transaction().execute(async (trx) => {
        // Counted by the database, not from the row read above: concurrent guesses each count.
        const failures = await accounts.countFailedLogin(trx, user.id);
        const lock = lockSeconds(failures);
        await accounts.updateUser(trx, user.id, { locked_until: lock ? new Date(now.getTime() + lock * 1000).toISOString() : null });
        await this.audit.append(trx, auditEntry(anonymous, 'auth.login', 'failed', target, { failures, lockSeconds: lock, ...(passwordOk ? { reason: 'disabled' } : {}) }));
      });
      throw new AppError('JL_ERR_LOGIN_FAILED');
    }
    const grants = await this.grantsOf(user.id);
    const caller: Caller = { actor: { kind: 'user', id: String(user.id), grants }, requestId: context.requestId };
    const sessionSecret = newSecret('s_');
    const csrfToken = newSecret('');
    const nowIso = now.toISOString();
    const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString();
    await this.db.transaction().execute(async (trx) => {
      await accounts.deleteExpiredSessions(trx, nowIso);
      await accounts.updateUser(trx, user.id, { failed_logins: 0, locked_until: null });
      await accounts.insertSession(trx, {
        id_hash: secretHash(sessionSecret),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: nowIso,
        last_seen_at: nowIso,
        expires_at: expiresAt,
        reauthenticated_at: nowIso,
        user_agent: context.userAgent?.slice(0, 200) || null,
        client_address: context.clientAddress?.slice(0, 64) || null,
      });
      await this.audit.append(trx, auditEntry(caller, 'auth.login', 'ok', target));
    });
    return { sessionSecret, session: this.toSession(user, grants, csrfToken, expiresAt) };
  }

  /** The caller behind a session cookie, or null when the session is unknown, expired or idle too long. */
  async fromSession(sessionSecret: string, requestId: string | null): Promise<SessionCaller | null> {
    const hash = secretHash(sessionSecret);
    const row = await accounts.findSession(this.db, hash);
    if (!row) return null;
    const now = this.clock.now().getTime();
    if (!sessionAlive(row, now)) {
      await accounts.deleteSession(this.db, hash);
      return null;
    }
    const user = await accounts.findUserById(this.db, row.user_id);
    if (!user || user.status !== 'active') return null;
    if (now - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) await accounts.updateSession(this.db, hash, { last_seen_at: new Date(now).toISOString() });
    const grants = await this.grantsOf(user.id);
    return {
      caller: { actor: { kind: 'user', id: String(user.id), grants }, requestId, reauthenticatedAt: row.reauthenticated_at },
      csrfToken: row.csrf_token,
      sessionHash: hash,
      expiresAt: row.expires_at,
    };
  }

  /** The caller behind `Authorization: Bearer <token>`, or null for an unknown, revoked or expired token. */
  async fromToken(token: string, requestId: string | null): Promise<Caller | null> {
    const row = await accounts.findTokenByHash(this.db, secretHash(token));
    if (!row || row.revoked_at) return null;
    const now = this.clock.now();
    if (row.expires_at && Date.parse(row.expires_at) <= now.getTime()) return null;
    const grant = grantFromRow(row);
    if (!grant) return null;
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) await accounts.updateToken(this.db, row.id, { last_used_at: now.toISOString() });
    return { actor: { kind: 'token', id: String(row.id), grants: [grant] }, requestId };
  }

  async session(signedIn: SessionCaller): Promise<Session> {
    const user = await accounts.findUserById(this.db, Number(signedIn.caller.actor.id));
    if (!user) throw new AppError('JL_ERR_UNAUTHENTICATED');
    return this.toSession(user, signedIn.caller.actor.grants, signedIn.csrfToken, signedIn.expiresAt);
  }

  async logout(signedIn: SessionCaller): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await accounts.deleteSession(trx, signedIn.sessionHash);
      await this.audit.append(trx, auditEntry(signedIn.caller, 'auth.logout', 'ok', { type: 'user', id: signedIn.caller.actor.id }));
    });
  }

  /** The caller's own sessions that are still alive, newest first, the current one marked. */
  async sessions(signedIn: SessionCaller): Promise<SessionSummary[]> {
    const now = this.clock.now().getTime();
    const rows = await accounts.sessionsOfUser(this.db, Number(signedIn.caller.actor.id));
    return rows
      .filter((row) => sessionAlive(row, now))
      .map((row) => ({
        id: sessionId(row.id_hash),
        current: row.id_hash === signedIn.sessionHash,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
        userAgent: row.user_agent,
        clientAddress: row.client_address,
      }));
  }

  /** Ends one of the caller's own sessions (404 for any other id); says whether it was the current one. */
  async endSession(signedIn: SessionCaller, id: string): Promise<{ current: boolean }> {
    const userId = Number(signedIn.caller.actor.id);
    const row = (await accounts.sessionsOfUser(this.db, userId)).find((r) => sessionId(r.id_hash) === id);
    if (!row) throw new AppError('JL_ERR_NOT_FOUND');
    await this.db.transaction().execute(async (trx) => {
      await accounts.deleteSession(trx, row.id_hash);
      await this.audit.append(trx, auditEntry(signedIn.caller, 'auth.session.end', 'ok', { type: 'user', id: signedIn.caller.actor.id }, { session: id }));
    });
    return { current: row.id_hash === signedIn.sessionHash };
  }

  /** Ends every session of the caller but the current one ("sign out everywhere else"). */
  async endOtherSessions(signedIn: SessionCaller): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await accounts.deleteSessionsOfUser(trx, Number(signedIn.caller.actor.id), signedIn.sessionHash);
      await this.audit.append(trx, auditEntry(signedIn.caller, 'auth.session.end-others', 'ok', { type: 'user', id: signedIn.caller.actor.id }));
    });
  }

  /** Proves the password again; sensitive actions are allowed for the next few minutes. */
  async reauthenticate(signedIn: SessionCaller, input: unknown): Promise<void> {
    const { password } = assertSchema(ReauthBody, input);
    const user = await accounts.findUserById(this.db, Number(signedIn.caller.actor.id));
    const target = { type: 'user', id: signedIn.caller.actor.id };
    this.refuseWhileLocked(user);
    if (!user || !(await verifyPassword(user.password_hash, password))) {
      await this.countFailure(signedIn.caller, 'auth.reauthenticate', Number(signedIn.caller.actor.id));
      throw new AppError('JL_ERR_LOGIN_FAILED');
    }
    await this.db.transaction().execute(async (trx) => {
      await accounts.updateSession(trx, signedIn.sessionHash, { reauthenticated_at: this.clock.now().toISOString() });
      await accounts.updateUser(trx, user.id, { failed_logins: 0, locked_until: null });
      await this.audit.append(trx, auditEntry(signedIn.caller, 'auth.reauthenticate', 'ok', target));
    });
  }

  /** Changes one's own password; every other session of the user ends. */
  async changePassword(signedIn: SessionCaller, input: unknown): Promise<void> {
    const { currentPassword, newPassword } = assertSchema(PasswordChangeBody, input);
    const user = await accounts.findUserById(this.db, Number(signedIn.caller.actor.id));
    const target = { type: 'user', id: signedIn.caller.actor.id };
    this.refuseWhileLocked(user);
    if (!user || !(await verifyPassword(user.password_hash, currentPassword))) {
      await this.countFailure(signedIn.caller, 'auth.password.change', Number(signedIn.caller.actor.id));
      throw new AppError('JL_ERR_LOGIN_FAILED');
    }
    const problems = passwordProblems(newPassword, '/newPassword', [user.username, user.display_name]);
    if (problems.length) throw validationError(problems);
    const hash = await hashPassword(newPassword);
    await this.db.transaction().execute(async (trx) => {
      await accounts.updateUser(trx, user.id, { password_hash: hash, password_changed_at: this.clock.now().toISOString() });
      await accounts.deleteSessionsOfUser(trx, user.id, signedIn.sessionHash);
      await this.audit.append(trx, auditEntry(signedIn.caller, 'auth.password.change', 'ok', target));
    });
  }

  private refuseWhileLocked(user: accounts.UserRow | undefined): void {
    const lockedFor = user?.locked_until ? Date.parse(user.locked_until) - this.clock.now().getTime() : 0;
    if (lockedFor > 0) throw new AppError('JL_ERR_ACCOUNT_LOCKED', [], undefined, { retryAfterSeconds: Math.ceil(lockedFor / 1000) });
  }

  /**
   * A wrong password on a signed-in session counts towards the account's lock like a failed
   * sign-in: a stolen session must not become an unlimited password oracle.
   */
  private async countFailure(caller: Caller, action: string, userId: number): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const failures = await accounts.countFailedLogin(trx, userId);
      const lock = lockSeconds(failures);
      await accounts.updateUser(trx, userId, { locked_until: lock ? new Date(now.getTime() + lock * 1000).toISOString() : null });
      await this.audit.append(trx, auditEntry(caller, action, 'failed', { type: 'user', id: userId }, { failures, lockSeconds: lock }));
    });
  }

  /** Constant-time comparison of the CSRF header with the session's token. */
  csrfMatches(signedIn: SessionCaller, header: string | undefined): boolean {
    return typeof header === 'string' && sameSecret(header, signedIn.csrfToken);
  }

  private async grantsOf(userId: number): Promise<Grant[]> {
    return (await accounts.grantsOfUsers(this.db, [userId])).map(grantFromRow).filter((g): g is Grant => g !== null);
  }

  private toSession(user: accounts.UserRow, grants: readonly Grant[], csrfToken: string, expiresAt: string): Session {
    return {
      user: { id: user.id, username: user.username, displayName: user.display_name, grants: grants.map(grantToBody) },
      permissions: permissionsOf({ kind: 'user', id: String(user.id), grants }),
      csrfToken,
      expiresAt,
    };
  }
}
