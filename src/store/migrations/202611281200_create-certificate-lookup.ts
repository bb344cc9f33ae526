// The public lookup's read model: one row per certificate holding what
// `GET /api/v1/public/certificates/{no}` answers, so that request is one primary-key read instead
// of two index-plus-table reads of the history (docs/PERFORMANCE.md, "Certificates"). It is derived:
// written in the same transaction as every issue, amend and revoke, and rebuilt from
// certificate_version and certificate_action when empty (databases from before this table).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('certificate_lookup')
    .addColumn('certificate_no', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('latest_version', 'integer', (c) => c.notNull())
    /** of the latest version; null: no expiry (a result notice) */
    .addColumn('valid_until', 'varchar(10)')
    .addColumn('revoked_at', 'varchar(30)')
    /** JSON [{ version, issuedAt, amendReason }] — statuses are derived when read */
    .addColumn('versions', 'text', (c) => c.notNull())
    /** JSON object: the public view's fields that do not depend on the date */
    .addColumn('public_fields', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('certificate_lookup').execute();
}
