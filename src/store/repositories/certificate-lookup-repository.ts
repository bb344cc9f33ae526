// The public lookup's read model (one row per certificate; see migration 202611281200).
import type SQLite from 'better-sqlite3';
import type { CompiledQuery, Kysely, Selectable } from 'kysely';
import type { CertificateLookupTable, Database } from '../schema.ts';

export type CertificateLookupRow = Selectable<CertificateLookupTable>;

/** A lookup row as the public route serves it: the stored JSON object as UTF-8 bytes, never decoded. */
export interface CertificateLookupRecord extends Omit<CertificateLookupRow, 'certificate_no' | 'public_fields'> {
  readonly public_fields: Buffer;
}

export type LookupFinder = (certificateNo: string) => Promise<CertificateLookupRecord | undefined>;

const FIND_RECORD_SQL =
  'SELECT latest_version, valid_until, revoked_at, versions, CAST(public_fields AS BLOB) AS public_fields FROM certificate_lookup WHERE certificate_no = ?';

/**
 * The public lookup's read: on a SQLite file, one prepared statement on the read-only connection
 * (`OpenDatabase.readOnlySqlite`); elsewhere the Kysely query below.
 */
export function lookupFinder(db: Kysely<Database>, readOnlySqlite: (() => SQLite.Database) | null): LookupFinder {
  if (!readOnlySqlite) {
    return async (certificateNo) => {
      const row = await findLookup(db, certificateNo);
      if (!row) return undefined;
      const { certificate_no: _key, public_fields, ...rest } = row;
      return { ...rest, public_fields: Buffer.from(public_fields, 'utf8') };
    };
  }
  let statement: SQLite.Statement<[string], CertificateLookupRecord> | null = null;
  return async (certificateNo) => {
    statement ??= readOnlySqlite().prepare<[string], CertificateLookupRecord>(FIND_RECORD_SQL);
    return statement.get(certificateNo);
  };
}

// The lookup on PostgreSQL (and on an in-memory SQLite database): built and compiled once per
// database handle, then run with each number (building and compiling cost as much as running it).
const compiledFind = new WeakMap<Kysely<Database>, CompiledQuery<CertificateLookupRow>>();

async function findLookup(db: Kysely<Database>, certificateNo: string): Promise<CertificateLookupRow | undefined> {
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
