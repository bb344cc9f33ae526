// Reads the versioned reference tables: districts, retired district codes, use domains, catalogue.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export async function listDistricts(db: Kysely<Database>) {
  return db.selectFrom('ref_district').selectAll().orderBy('code').execute();
}

export async function listDistrictAliases(db: Kysely<Database>) {
  return db.selectFrom('ref_district_alias').selectAll().orderBy('code').execute();
}

export async function listUseDomains(db: Kysely<Database>) {
  return db.selectFrom('ref_use_domain').selectAll().orderBy('code').execute();
}

/** The catalogue edition in force on the given date: the latest one effective on or before it. */
export async function editionInForce(db: Kysely<Database>, onDate: string) {
  return db
    .selectFrom('ref_catalogue_edition')
    .selectAll()
    .where('effective_from', '<=', onDate)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function listCategories(db: Kysely<Database>, editionId: string) {
  return db.selectFrom('ref_instrument_category').selectAll().where('edition_id', '=', editionId).orderBy('code').execute();
}
