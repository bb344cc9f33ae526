// The public lookup's read model (one row per certificate; see migration 202611281200).
import type { Kysely, Selectable } from 'kysely';
import type { CertificateLookupTable, Database } from '../schema.ts';

export type CertificateLookupRow = Selectable<CertificateLookupTable>;

export function findLookup(db: Kysely<Database>, certificateNo: string): Promise<CertificateLookupRow | undefined> {
  return db.selectFrom('certificate_lookup').selectAll().where('certificate_no', '=', certificateNo).executeTakeFirst();
}

/** Inserts or replaces the certificate's row. */
export async function saveLookup(db: Kysely<Database>, row: CertificateLookupRow): Promise<void> {
  const { certificate_no: _key, ...changes } = row;
  await db
    .insertInto('certificate_lookup')
    .values(row)
    .onConflict((oc) => oc.column('certificate_no').doUpdateSet(changes))
    .execute();
}

export async function lookupIsEmpty(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('certificate_lookup').select('certificate_no').limit(1).executeTakeFirst()) === undefined;
}
