// Certificate versions and actions, institutions' public signing keys, and the transparency log
// (leaf hashes in log order, signed tree heads).
import { PostgresAdapter, sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { CertificateActionTable, CertificateVersionTable, Database, LogCheckpointTable, SigningKeyTable } from '../schema.ts';

export type CertificateVersionRow = Selectable<CertificateVersionTable>;
export type CertificateActionRow = Selectable<CertificateActionTable>;
export type SigningKeyRow = Selectable<SigningKeyTable>;
export type LogCheckpointRow = Selectable<LogCheckpointTable>;

// Distinct from the audit log's lock: issuing serializes on the log, not on every write.
const LOG_LOCK_KEY = 6_962;

/** Serializes appends to the transparency log (PostgreSQL; SQLite has one writer). */
export async function lockLog(trx: Kysely<Database>): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) await sql`select pg_advisory_xact_lock(${sql.lit(LOG_LOCK_KEY)})`.execute(trx);
}

/** Number of leaves in the log (the next leaf's index). */
export async function logSize(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('certificate_version').select((eb) => eb.fn.max<number | null>('log_index').as('last')).executeTakeFirstOrThrow();
  return row.last === null ? 0 : Number(row.last) + 1;
}

/** Leaf hashes (hex) for indexes [from, to), in log order. */
export async function leafHashes(db: Kysely<Database>, from: number, to: number): Promise<string[]> {
  const rows = await db.selectFrom('certificate_version').select('leaf_hash').where('log_index', '>=', from).where('log_index', '<', to).orderBy('log_index').execute();
  return rows.map((r) => r.leaf_hash);
}

export async function insertVersion(db: Kysely<Database>, row: CertificateVersionRow): Promise<void> {
  await db.insertInto('certificate_version').values(row).execute();
}

export async function insertAction(db: Kysely<Database>, row: Insertable<CertificateActionTable>): Promise<void> {
  await db.insertInto('certificate_action').values(row).execute();
}

export function versionsOf(db: Kysely<Database>, certificateNo: string): Promise<CertificateVersionRow[]> {
  return db.selectFrom('certificate_version').selectAll().where('certificate_no', '=', certificateNo).orderBy('version').execute();
}

export function actionsOf(db: Kysely<Database>, certificateNo: string): Promise<CertificateActionRow[]> {
  return db.selectFrom('certificate_action').selectAll().where('certificate_no', '=', certificateNo).orderBy('id').execute();
}

export async function certificateNoOfVerification(db: Kysely<Database>, verificationId: number): Promise<string | null> {
  const row = await db.selectFrom('certificate_version').select('certificate_no').where('verification_id', '=', verificationId).limit(1).executeTakeFirst();
  return row?.certificate_no ?? null;
}

/** Certificate numbers in order, after `after` (paging for a rebuild). */
export async function certificateNosAfter(db: Kysely<Database>, after: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('certificate_version').select('certificate_no').where('version', '=', 1).where('certificate_no', '>', after).orderBy('certificate_no').limit(limit).execute();
  return rows.map((r) => r.certificate_no);
}

/** Certificate numbers of an instrument, newest first. */
export async function certificateNosOfInstrument(db: Kysely<Database>, instrumentId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('certificate_version')
    .select('certificate_no')
    .where('instrument_id', '=', instrumentId)
    .where('version', '=', 1)
    .orderBy('issued_at', 'desc')
    .execute();
  return rows.map((r) => r.certificate_no);
}

/**
 * The latest version of every certificate an institution issued for verifications performed on
 * one date (verification.verified_on), revoked certificates left out; by certificate number.
 */
export function latestUnrevokedVersionsVerifiedOn(db: Kysely<Database>, institutionId: number, verifiedOn: string): Promise<CertificateVersionRow[]> {
  return db
    .selectFrom('certificate_version as cv')
    .innerJoin('verification as v', 'v.id', 'cv.verification_id')
    .selectAll('cv')
    .where('cv.institution_id', '=', institutionId)
    .where('v.verified_on', '=', verifiedOn)
    .where('cv.version', '=', (eb) => eb.selectFrom('certificate_version as later').select((e) => e.fn.max<number>('later.version').as('latest')).whereRef('later.certificate_no', '=', 'cv.certificate_no'))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('certificate_action as a').select('a.id').whereRef('a.certificate_no', '=', 'cv.certificate_no').where('a.action', '=', 'revoke'))))
    .orderBy('cv.certificate_no')
    .execute();
}

/** Every version in log order, in pages (for `jiliang log verify`). */
export function versionsInLogOrder(db: Kysely<Database>, afterIndex: number, limit: number): Promise<CertificateVersionRow[]> {
  return db.selectFrom('certificate_version').selectAll().where('log_index', '>', afterIndex).orderBy('log_index').limit(limit).execute();
}

/** Revoked certificates with when and why (the revocation list). */
export function revocations(db: Kysely<Database>): Promise<CertificateActionRow[]> {
  return db.selectFrom('certificate_action').selectAll().where('action', '=', 'revoke').orderBy('id').execute();
}

/** Certificates with more than one version, and their latest version number. */
export async function amendedCertificates(db: Kysely<Database>): Promise<{ certificate_no: string; latest: number }[]> {
  const rows = await db
    .selectFrom('certificate_version')
    .select(['certificate_no', (eb) => eb.fn.max<number>('version').as('latest')])
    .groupBy('certificate_no')
    .having((eb) => eb.fn.max('version'), '>', 1)
    .orderBy('certificate_no')
    .execute();
  return rows.map((r) => ({ certificate_no: r.certificate_no, latest: Number(r.latest) }));
}

export async function insertSigningKey(db: Kysely<Database>, row: SigningKeyRow): Promise<void> {
  await db.insertInto('signing_key').values(row).onConflict((oc) => oc.column('key_id').doNothing()).execute();
}

export function signingKeys(db: Kysely<Database>): Promise<SigningKeyRow[]> {
  return db.selectFrom('signing_key').selectAll().orderBy('institution_id').orderBy('created_at').execute();
}

export function findSigningKey(db: Kysely<Database>, keyId: string): Promise<SigningKeyRow | undefined> {
  return db.selectFrom('signing_key').selectAll().where('key_id', '=', keyId).executeTakeFirst();
}

export async function updateSigningKey(db: Kysely<Database>, keyId: string, changes: Partial<Pick<SigningKeyRow, 'retired_at' | 'revoked_at' | 'revoke_reason'>>): Promise<void> {
  await db.updateTable('signing_key').set(changes).where('key_id', '=', keyId).execute();
}

export async function insertCheckpoint(db: Kysely<Database>, row: LogCheckpointRow): Promise<void> {
  await db.insertInto('log_checkpoint').values(row).onConflict((oc) => oc.column('tree_size').doNothing()).execute();
}

export function latestCheckpoint(db: Kysely<Database>): Promise<LogCheckpointRow | undefined> {
  return db.selectFrom('log_checkpoint').selectAll().orderBy('tree_size', 'desc').limit(1).executeTakeFirst();
}

export function checkpoints(db: Kysely<Database>): Promise<LogCheckpointRow[]> {
  return db.selectFrom('log_checkpoint').selectAll().orderBy('tree_size').execute();
}
