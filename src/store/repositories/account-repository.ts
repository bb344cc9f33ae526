// Users with their grants, browser sessions and machine tokens.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ApiTokenTable, AppUserTable, Database, UserGrantTable, UserSessionTable } from '../schema.ts';

export type UserRow = Selectable<AppUserTable>;
export type GrantRow = Selectable<UserGrantTable>;
export type SessionRow = Selectable<UserSessionTable>;
export type TokenRow = Selectable<ApiTokenTable>;

export async function insertUser(db: Kysely<Database>, row: Insertable<AppUserTable>): Promise<number> {
  const inserted = await db.insertInto('app_user').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export function findUserById(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function listUsers(db: Kysely<Database>, filter: { q?: string | undefined }, page: { offset: number; limit: number }) {
  let query = db.selectFrom('app_user');
  if (filter.q) query = query.where((eb) => eb.or([eb('username', 'like', `%${filter.q}%`), eb('display_name', 'like', `%${filter.q}%`)]));
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('id').offset(page.offset).limit(page.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function updateUser(db: Kysely<Database>, id: number, changes: Partial<Omit<Insertable<AppUserTable>, 'id'>>): Promise<void> {
  await db.updateTable('app_user').set(changes).where('id', '=', id).execute();
}

/**
 * Counts one more failed sign-in and returns the new count. The addition happens in the database,
 * so concurrent failures each count (a count read earlier and written back would lose some).
 */
export async function countFailedLogin(db: Kysely<Database>, id: number): Promise<number> {
  const row = await db
    .updateTable('app_user')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  return Number(row.failed_logins);
}

export async function grantsOfUsers(db: Kysely<Database>, userIds: readonly number[]): Promise<GrantRow[]> {
  if (!userIds.length) return [];
  return db.selectFrom('user_grant').selectAll().where('user_id', 'in', userIds).orderBy('user_id').orderBy('role').orderBy('scope_kind').orderBy('scope_ref').execute();
}

export async function replaceGrants(db: Kysely<Database>, userId: number, grants: readonly Omit<GrantRow, 'user_id'>[]): Promise<void> {
  await db.deleteFrom('user_grant').where('user_id', '=', userId).execute();
  if (grants.length) await db.insertInto('user_grant').values(grants.map((g) => ({ ...g, user_id: userId }))).execute();
}

export async function insertSession(db: Kysely<Database>, row: SessionRow): Promise<void> {
  await db.insertInto('user_session').values(row).execute();
}

export function findSession(db: Kysely<Database>, idHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('user_session').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

/** A user's sessions, newest first. */
export function sessionsOfUser(db: Kysely<Database>, userId: number): Promise<SessionRow[]> {
  return db.selectFrom('user_session').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id_hash').execute();
}

export async function updateSession(db: Kysely<Database>, idHash: string, changes: Partial<Pick<SessionRow, 'last_seen_at' | 'reauthenticated_at'>>): Promise<void> {
  await db.updateTable('user_session').set(changes).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user (password or role change, disabling), optionally but one. */
export async function deleteSessionsOfUser(db: Kysely<Database>, userId: number, except?: string): Promise<void> {
  let query = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (except) query = query.where('id_hash', '!=', except);
  await query.execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, nowIso: string): Promise<void> {
  await db.deleteFrom('user_session').where('expires_at', '<', nowIso).execute();
}

export async function insertToken(db: Kysely<Database>, row: Insertable<ApiTokenTable>): Promise<number> {
  const inserted = await db.insertInto('api_token').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export function findTokenById(db: Kysely<Database>, id: number): Promise<TokenRow | undefined> {
  return db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTokenByHash(db: Kysely<Database>, tokenHash: string): Promise<TokenRow | undefined> {
  return db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function listTokens(db: Kysely<Database>, page: { offset: number; limit: number }) {
  const [rows, total] = await Promise.all([
    db.selectFrom('api_token').selectAll().orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
    db.selectFrom('api_token').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function updateToken(db: Kysely<Database>, id: number, changes: Partial<Pick<TokenRow, 'last_used_at' | 'revoked_at'>>): Promise<void> {
  await db.updateTable('api_token').set(changes).where('id', '=', id).execute();
}
