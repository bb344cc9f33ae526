// The public lookup's read model (one row per certificate; see migration 202611281200).
import type SQLite from 'better-sqlite3';
import type { CompiledQuery, Kysely, Selectable } from 'kysely';
import type { CertificateLookupTable, Database } from '../schema.ts';
import { TurnSnapshot } from '../turn-snapshot.ts';

export type CertificateLookupRow = Selectable<CertificateLookupTable>;

/** A lookup row as the public route serves it: the stored JSON as UTF-8 bytes, never decoded. */
export interface CertificateLookupRecord extends Omit<CertificateLookupRow, 'certificate_no' | 'view_json'> {
  readonly view_json: Buffer;
}

export interface LookupReader {
  find(certificateNo: string): Promise<CertificateLookupRecord | undefined>;
  /** Call after committing a write to the table: the next `find` sees it. */
  refresh(): void;
}

const FIND_RECORD_SQL = 'SELECT latest_version, valid_until, revoked_at, CAST(view_json AS BLOB) AS view_json FROM certificate_lookup WHERE certificate_no = ?';

/**
 * The public lookup's read: on a SQLite file, one prepared statement on the read-only connection
 * (`OpenDatabase.readOnlySqlite`) inside the turn's read snapshot (`TurnSnapshot`); elsewhere the
 * Kysely query below, which sees every commit at once.
 */
export function lookupReader(db: Kysely<Database>, readOnlySqlite: (() => SQLite.Database) | null): LookupReader {
  if (!readOnlySqlite) {
    return {
      find: async (certificateNo) => {
        const row = await findLookup(db, certificateNo);
        if (!row) return undefined;
        const { certificate_no: _key, view_json, ...rest } = row;
        return { ...rest, view_json: Buffer.from(view_json, 'utf8') };
      },
      refresh: () => {},
    };
  }
  let reader: { statement: SQLite.Statement<[string], CertificateLookupRecord>; snapshot: TurnSnapshot } | null = null;
  const open = () => {
    const connection = readOnlySqlite();
    return { statement: connection.prepare<[string], CertificateLookupRecord>(FIND_RECORD_SQL), snapshot: new TurnSnapshot(connection) };
  };
  return {
    find: async (certificateNo) => {
      reader ??= open();
      reader.snapshot.enter();
      return reader.statement.get(certificateNo);
    },
    refresh: () => reader?.snapshot.end(),
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
