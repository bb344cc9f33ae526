// The public lookup's read model (one row per certificate; see migrations 202611281200 and 202611291000).
import type { CompiledQuery, Kysely, Selectable } from 'kysely';
import type { CertificateLookupTable, Database } from '../schema.ts';
import type { TurnSnapshotReader } from '../turn-snapshot.ts';

export type CertificateLookupRow = Selectable<CertificateLookupTable>;

/** A lookup row as the public route serves it: the stored JSON as UTF-8 bytes, never decoded. */
export interface CertificateLookupRecord extends Omit<CertificateLookupRow, 'certificate_no' | 'view_json'> {
  readonly view_json: Buffer;
}

export type LookupFinder = (certificateNo: string) => Promise<CertificateLookupRecord | undefined>;

const FIND_RECORD_SQL = 'SELECT latest_version, valid_until, revoked_at, CAST(view_json AS BLOB) AS view_json FROM certificate_lookup WHERE certificate_no = ?';

/**
 * The public lookup's read: on a SQLite file, one prepared statement on the read-only connection,
 * in the turn's snapshot (`OpenDatabase.snapshotReader`); elsewhere the Kysely query below.
 */
export function lookupFinder(db: Kysely<Database>, snapshotReader: TurnSnapshotReader | null): LookupFinder {
  if (!snapshotReader) {
    return async (certificateNo) => {
      const row = await findLookup(db, certificateNo);
      if (!row) return undefined;
      const { certificate_no: _key, view_json, ...rest } = row;
      return { ...rest, view_json: Buffer.from(view_json, 'utf8') };
    };
  }
  const find = snapshotReader.getter<[string], CertificateLookupRecord>(FIND_RECORD_SQL);
  return async (certificateNo) => find(certificateNo);
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
