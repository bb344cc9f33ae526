// Machine tokens expire (ASVS 2.10, 3.5.2): the instant after which a token is refused. Null for
// tokens created before this migration, which keep working until revoked.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_token').addColumn('expires_at', 'varchar(30)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_token').dropColumn('expires_at').execute();
}
