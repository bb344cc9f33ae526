// The lookup row holds the public view already serialized, up to the one value that depends on the
// date: the latest version's status (valid or expired; a revoked or superseded status never changes
// until the next write, which rewrites the row). A lookup then writes the status and `statusAsOf`
// around stored bytes instead of parsing and serializing the versions list (docs/PERFORMANCE.md,
// "Certificates"). The table is emptied and recreated; the service rebuilds it from the history at
// the next start (CertificateService.rebuildLookupIfEmpty), about 3 minutes per million certificates.
import type { Kysely } from 'kysely';

/** The table's key and the facts the status is derived from, in both layouts. */
function createLookupTable(db: Kysely<any>) {
  return db.schema
    .createTable('certificate_lookup')
    .addColumn('certificate_no', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('latest_version', 'integer', (c) => c.notNull())
    /** of the latest version; null: no expiry (a result notice) */
    .addColumn('valid_until', 'varchar(10)')
    .addColumn('revoked_at', 'varchar(30)');
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('certificate_lookup').execute();
  await createLookupTable(db)
    /** the view's JSON without its first `{`, the status and `statusAsOf`, cut just before the latest version's status value (public-view.ts) */
    .addColumn('view_json', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('certificate_lookup').execute();
  await createLookupTable(db).addColumn('versions', 'text', (c) => c.notNull()).addColumn('public_fields', 'text', (c) => c.notNull()).execute();
}
