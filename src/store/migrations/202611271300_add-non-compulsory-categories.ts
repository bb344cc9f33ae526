// Instruments outside the compulsory catalogue (calibrated at the owner's discretion, with an
// interval the owner may adjust — ILAC G24 / OIML D 10): a `compulsory` flag on the category
// (1 for every existing row) and a few common non-compulsory categories under the edition in
// force, seeded from frozen JSON beside this file. They are PERIODIC with a default interval in
// cycle_months, supervision mode NONE, and accept any use domain.
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';

const USE_DOMAINS = 'TRADE,SAFETY,MEDICAL,ENVIRONMENT';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('ref_instrument_category')
    .addColumn('compulsory', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  const data = JSON.parse(readFileSync(new URL('./data/non-compulsory-categories-2026.json', import.meta.url), 'utf8'));
  await db
    .insertInto('ref_instrument_category')
    .values(
      data.categories.map((c: any) => ({
        edition_id: data.editionId,
        code: c.code,
        name_zh: c.nameZh,
        name_en: c.nameEn,
        regulation: c.regulation,
        supervision_mode: 'NONE',
        verification_mode: 'PERIODIC',
        cycle_months: c.cycleMonths,
        service_life_months: null,
        use_domains: USE_DOMAINS,
        confirmed: c.confirmed ? 1 : 0,
        compulsory: 0,
      })),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('ref_instrument_category').where('compulsory', '=', 0).execute();
  await db.schema.alterTable('ref_instrument_category').dropColumn('compulsory').execute();
}
