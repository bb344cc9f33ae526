// Verification records (检定记录) and per-institution document number sequences.
import { PostgresAdapter, type Kysely, type ColumnDefinitionBuilder } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey());

  await db.schema
    .createTable('verification')
    .addColumn('id', 'integer', id)
    .addColumn('instrument_id', 'integer', (c) => c.notNull().references('instrument.id'))
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('verified_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('verifier', 'varchar(100)', (c) => c.notNull())
    .addColumn('checker', 'varchar(100)', (c) => c.notNull())
    .addColumn('approver', 'varchar(100)', (c) => c.notNull())
    .addColumn('regulation', 'varchar(128)', (c) => c.notNull())
    .addColumn('place', 'varchar(300)', (c) => c.notNull())
    .addColumn('environment', 'text', (c) => c.notNull())
    .addColumn('standards', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('adjusted', 'integer', (c) => c.notNull())
    .addColumn('conclusion', 'varchar(8)', (c) => c.notNull())
    .addColumn('document_no', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('valid_until', 'varchar(10)')
    .addColumn('catalogue_edition', 'varchar(64)', (c) => c.notNull())
    .addColumn('recorded_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('verification_instrument_idx').on('verification').columns(['instrument_id', 'verified_on', 'id']).execute();
  await db.schema.createIndex('verification_institution_idx').on('verification').columns(['institution_id', 'verified_on']).execute();

  await db.schema
    .createTable('document_sequence')
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_sequence_pk', ['institution_id', 'kind', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_sequence').execute();
  await db.schema.dropTable('verification').execute();
}
