// What a user sees of each of their sessions in the session list (ASVS 3.3.4): the browser's
// User-Agent and the client address at sign-in. Null for sessions from before this migration.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('user_session').addColumn('user_agent', 'varchar(200)').execute();
  await db.schema.alterTable('user_session').addColumn('client_address', 'varchar(64)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('user_session').dropColumn('client_address').execute();
  await db.schema.alterTable('user_session').dropColumn('user_agent').execute();
}
