// Organizations with their roles, instruments, and each instrument's append-only event history.
import { PostgresAdapter, type Kysely, type ColumnDefinitionBuilder } from 'kysely';

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey());

  await db.schema
    .createTable('organization')
    .addColumn('id', 'integer', id)
    .addColumn('uscc', 'varchar(18)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull().references('ref_district.code'))
    .addColumn('address', 'varchar(300)')
    .addColumn('contact_name', 'varchar(100)')
    .addColumn('contact_phone', 'varchar(50)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organization_district_idx').on('organization').columns(['district_code', 'id']).execute();
  await db.schema.createIndex('organization_name_idx').on('organization').column('name').execute();

  await db.schema
    .createTable('organization_role')
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('role', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_role_pk', ['organization_id', 'role'])
    .execute();
  await db.schema.createIndex('organization_role_role_idx').on('organization_role').columns(['role', 'organization_id']).execute();

  await db.schema
    .createTable('instrument')
    .addColumn('id', 'integer', id)
    .addColumn('category_code', 'varchar(64)', (c) => c.notNull())
    .addColumn('manufacturer', 'varchar(200)', (c) => c.notNull())
    .addColumn('model', 'varchar(100)', (c) => c.notNull())
    .addColumn('serial_no', 'varchar(100)', (c) => c.notNull())
    .addColumn('pattern_approval_no', 'varchar(100)')
    .addColumn('accuracy_class', 'varchar(50)')
    .addColumn('measuring_range', 'varchar(100)')
    .addColumn('site', 'varchar(300)')
    .addColumn('district_code', 'varchar(6)', (c) => c.notNull().references('ref_district.code'))
    .addColumn('use_domain', 'varchar(32)', (c) => c.notNull().references('ref_use_domain.code'))
    .addColumn('owner_id', 'integer', (c) => c.notNull().references('organization.id'))
    .addColumn('manufactured_on', 'varchar(10)')
    .addColumn('registered_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('installed_on', 'varchar(10)')
    .addColumn('service_life_months', 'integer')
    // Projections of the event and verification histories, kept in the same transaction as the
    // event that changes them so that lists can filter and sort by them with an index.
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('suspension_reason', 'varchar(32)')
    .addColumn('next_due_on', 'varchar(10)')
    .addColumn('last_verified_on', 'varchar(10)')
    .addColumn('last_conclusion', 'varchar(8)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('instrument_identity_uq', ['manufacturer', 'model', 'serial_no'])
    .execute();
  await db.schema.createIndex('instrument_due_idx').on('instrument').columns(['next_due_on', 'id']).execute();
  await db.schema.createIndex('instrument_district_due_idx').on('instrument').columns(['district_code', 'next_due_on', 'id']).execute();
  await db.schema.createIndex('instrument_category_due_idx').on('instrument').columns(['category_code', 'next_due_on', 'id']).execute();
  await db.schema.createIndex('instrument_owner_idx').on('instrument').columns(['owner_id', 'id']).execute();
  await db.schema.createIndex('instrument_status_idx').on('instrument').columns(['status', 'id']).execute();
  await db.schema.createIndex('instrument_serial_idx').on('instrument').column('serial_no').execute();

  await db.schema
    .createTable('instrument_event')
    .addColumn('id', 'integer', id)
    .addColumn('instrument_id', 'integer', (c) => c.notNull().references('instrument.id'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('occurred_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('instrument_event_instrument_idx').on('instrument_event').columns(['instrument_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['instrument_event', 'instrument', 'organization_role', 'organization']) {
    await db.schema.dropTable(t).execute();
  }
}
