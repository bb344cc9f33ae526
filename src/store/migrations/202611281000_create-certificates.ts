// Certificates (检定证书 / 检定结果通知书) as append-only histories of versions and actions, the
// institutions' signing keys (public halves; private keys stay in the key directory), and the
// transparency log: each issued version is one Merkle leaf (its index and hash kept with it), with
// signed tree heads.
import { PostgresAdapter, sql, type Kysely, type ColumnDefinitionBuilder } from 'kysely';

const APPEND_ONLY = ['certificate_version', 'certificate_action', 'log_checkpoint'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey());

  await db.schema
    .createTable('signing_key')
    .addColumn('key_id', 'varchar(16)', (c) => c.primaryKey())
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('public_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('retired_at', 'varchar(30)')
    .addColumn('revoked_at', 'varchar(30)')
    .addColumn('revoke_reason', 'varchar(300)')
    .execute();
  await db.schema.createIndex('signing_key_institution_idx').on('signing_key').columns(['institution_id', 'created_at']).execute();

  // One row per issued version; the number is the verification's document number.
  await db.schema
    .createTable('certificate_version')
    .addColumn('certificate_no', 'varchar(40)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('verification_id', 'integer', (c) => c.notNull().references('verification.id'))
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('instrument_id', 'integer', (c) => c.notNull().references('instrument.id'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('issued_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('valid_until', 'varchar(10)')
    .addColumn('key_id', 'varchar(16)', (c) => c.notNull().references('signing_key.key_id'))
    /** the signed claims, and everything the version states (a snapshot: records may change later) */
    .addColumn('claims', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('qr_text', 'text', (c) => c.notNull())
    .addColumn('amend_reason', 'varchar(300)')
    /** position in the transparency log (gapless) and RFC 6962 leaf hash of this version */
    .addColumn('log_index', 'integer', (c) => c.notNull().unique())
    .addColumn('leaf_hash', 'char(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('certificate_version_pk', ['certificate_no', 'version'])
    .execute();
  await db.schema.createIndex('certificate_version_instrument_idx').on('certificate_version').columns(['instrument_id', 'issued_at']).execute();
  await db.schema.createIndex('certificate_version_verification_idx').on('certificate_version').column('verification_id').execute();

  // issue · amend · revoke, in order; the certificate's state is derived from them.
  await db.schema
    .createTable('certificate_action')
    .addColumn('id', 'integer', id)
    .addColumn('certificate_no', 'varchar(40)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'varchar(16)', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('reason', 'varchar(300)')
    .execute();
  await db.schema.createIndex('certificate_action_no_idx').on('certificate_action').columns(['certificate_no', 'id']).execute();

  await db.schema
    .createTable('log_checkpoint')
    .addColumn('tree_size', 'integer', (c) => c.primaryKey())
    .addColumn('root_hash', 'char(64)', (c) => c.notNull())
    .addColumn('signed_note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  // History is never edited: the same guard as the audit log.
  for (const table of APPEND_ONLY) {
    if (pg) {
      await sql`CREATE TRIGGER ${sql.raw(`${table}_append_only`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
        FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`.execute(db);
    } else {
      for (const event of ['UPDATE', 'DELETE']) {
        await sql`CREATE TRIGGER ${sql.raw(`${table}_no_${event.toLowerCase()}`)} BEFORE ${sql.raw(event)} ON ${sql.table(table)}
          BEGIN SELECT RAISE(ABORT, ${sql.lit(`${table} is append-only`)}); END`.execute(db);
      }
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['log_checkpoint', 'certificate_action', 'certificate_version', 'signing_key']) await db.schema.dropTable(table).execute();
}
