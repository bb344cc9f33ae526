// Reference data as versioned tables: districts (GB/T 2260) with retired codes, use domains,
// and the compulsory-verification catalogue by edition. Seeded from frozen JSON beside this file.
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';

function readData(name: string): any {
  return JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8'));
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ref_district')
    .addColumn('code', 'varchar(6)', (c) => c.primaryKey())
    .addColumn('name_zh', 'varchar(64)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(128)', (c) => c.notNull())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('edition', 'varchar(128)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ref_district_alias')
    .addColumn('code', 'varchar(6)', (c) => c.notNull())
    .addColumn('name_zh', 'varchar(64)', (c) => c.notNull())
    .addColumn('successor_code', 'varchar(6)', (c) => c.notNull().references('ref_district.code'))
    .addPrimaryKeyConstraint('ref_district_alias_pk', ['code', 'name_zh'])
    .execute();
  await db.schema
    .createTable('ref_use_domain')
    .addColumn('code', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('name_zh', 'varchar(64)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(128)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ref_catalogue_edition')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ref_instrument_category')
    .addColumn('edition_id', 'varchar(64)', (c) => c.notNull().references('ref_catalogue_edition.id'))
    .addColumn('code', 'varchar(64)', (c) => c.notNull())
    .addColumn('name_zh', 'varchar(128)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(128)', (c) => c.notNull())
    .addColumn('regulation', 'varchar(128)', (c) => c.notNull())
    .addColumn('supervision_mode', 'varchar(8)', (c) => c.notNull())
    .addColumn('verification_mode', 'varchar(32)', (c) => c.notNull())
    .addColumn('cycle_months', 'integer')
    .addColumn('service_life_months', 'integer')
    .addColumn('use_domains', 'varchar(128)', (c) => c.notNull())
    .addColumn('confirmed', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ref_instrument_category_pk', ['edition_id', 'code'])
    .execute();

  const districts = readData('chongqing-districts-2016.json');
  await db
    .insertInto('ref_district')
    .values(districts.districts.map((d: any) => ({ code: d.code, name_zh: d.nameZh, name_en: d.nameEn, kind: d.kind, edition: districts.edition })))
    .execute();
  await db
    .insertInto('ref_district_alias')
    .values(districts.aliases.map((a: any) => ({ code: a.code, name_zh: a.nameZh, successor_code: a.successorCode })))
    .execute();

  const catalogue = readData('compulsory-catalogue-2020.json');
  await db.insertInto('ref_use_domain').values(catalogue.useDomains.map((u: any) => ({ code: u.code, name_zh: u.nameZh, name_en: u.nameEn }))).execute();
  const e = catalogue.edition;
  await db.insertInto('ref_catalogue_edition').values({ id: e.id, title_zh: e.titleZh, title_en: e.titleEn, effective_from: e.effectiveFrom, source: e.source }).execute();
  await db
    .insertInto('ref_instrument_category')
    .values(
      catalogue.categories.map((c: any) => ({
        edition_id: e.id,
        code: c.code,
        name_zh: c.nameZh,
        name_en: c.nameEn,
        regulation: c.regulation,
        supervision_mode: c.supervisionMode,
        verification_mode: c.verificationMode,
        cycle_months: c.cycleMonths,
        service_life_months: c.serviceLifeMonths,
        use_domains: c.useDomains.join(','),
        confirmed: c.confirmed ? 1 : 0,
      })),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['ref_instrument_category', 'ref_catalogue_edition', 'ref_use_domain', 'ref_district_alias', 'ref_district']) {
    await db.schema.dropTable(t).execute();
  }
}
