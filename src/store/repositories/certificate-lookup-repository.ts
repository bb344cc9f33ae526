// The public lookup's read model (one row per certificate; see migration 202611281200).
import type { CompiledQuery, Kysely, Selectable } from 'kysely';
import type { CertificateLookupTable, Database } from '../schema.ts';

export type CertificateLookupRow = Selectable<CertificateLookupTable>;

// The public lookup is the busiest query there is: built and compiled once per database handle,
// then run with each number (building and compiling cost as much as running it on SQLite).
const compiledFind = new WeakMap<Kysely<Database>, CompiledQuery<CertificateLookupRow>>();

export async function findLookup(db: Kysely<Database>, certificateNo: string): Promise<CertificateLookupRow | undefined> {
  let compiled = compiledFind.get(db);
  if (!compiled) {
    compiled = db.selectFrom('certificate_lookup').selectAll().where('certificate_no', '=', certificateNo).compile();
    compiledFind.set(db, compiled);
  }
  const query: CompiledQuery<CertificateLookupRow> = { ...compiled, parameters: [certificateNo] };
  const { rows } = await db.executeQuery(query);
  return rows[0];
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
