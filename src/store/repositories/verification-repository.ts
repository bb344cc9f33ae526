// Verification records and per-institution document numbering.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, VerificationTable } from '../schema.ts';

export type VerificationRow = Selectable<VerificationTable>;
export type NewVerificationRow = Insertable<VerificationTable>;

export async function insertVerification(db: Kysely<Database>, row: NewVerificationRow): Promise<number> {
  const { id } = await db.insertInto('verification').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Verifications with the issuing institution's name. */
function withInstitution(db: Kysely<Database>) {
  return db
    .selectFrom('verification')
    .innerJoin('organization', 'organization.id', 'verification.institution_id')
    .selectAll('verification')
    .select('organization.name as institution_name');
}

export async function listVerificationsOfInstrument(db: Kysely<Database>, instrumentId: number) {
  return withInstitution(db).where('instrument_id', '=', instrumentId).orderBy('verified_on').orderBy('verification.id').execute();
}

export async function findVerificationById(db: Kysely<Database>, id: number) {
  return withInstitution(db).where('verification.id', '=', id).executeTakeFirst();
}

/**
 * Reserves the next number in an institution's yearly sequence for a document kind. Must run inside
 * the transaction that uses the number, so a rolled-back write leaves no gap.
 */
export async function reserveDocumentNumber(db: Kysely<Database>, institutionId: number, kind: string, year: number): Promise<number> {
  // One statement: concurrent first numbers of a new year cannot both insert.
  const row = await db
    .insertInto('document_sequence')
    .values({ institution_id: institutionId, kind, year, last_value: 1 })
    .onConflict((oc) => oc.columns(['institution_id', 'kind', 'year']).doUpdateSet((eb) => ({ last_value: eb(eb.ref('document_sequence.last_value'), '+', 1) })))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

/** Sets a sequence to at least `value` (used after bulk loads that numbered documents themselves). */
export async function raiseDocumentSequence(db: Kysely<Database>, institutionId: number, kind: string, year: number, value: number): Promise<void> {
  const existing = await db
    .selectFrom('document_sequence')
    .select('last_value')
    .where('institution_id', '=', institutionId)
    .where('kind', '=', kind)
    .where('year', '=', year)
    .executeTakeFirst();
  if (!existing) await db.insertInto('document_sequence').values({ institution_id: institutionId, kind, year, last_value: value }).execute();
  else if (existing.last_value < value) {
    await db.updateTable('document_sequence').set({ last_value: value }).where('institution_id', '=', institutionId).where('kind', '=', kind).where('year', '=', year).execute();
  }
}

/**
 * A sample of verifications for demo certificates: the most recent ones of instruments in a
 * district (optionally of one conclusion), or those whose validity ended before a date.
 */
export async function sampleVerificationIds(
  db: Kysely<Database>,
  filter: { districtCode?: string; ownerId?: number; conclusion?: string; validUntilBefore?: string },
  limit: number,
): Promise<number[]> {
  let query = db.selectFrom('verification').innerJoin('instrument', 'instrument.id', 'verification.instrument_id').select('verification.id');
  if (filter.districtCode) query = query.where('instrument.district_code', '=', filter.districtCode);
  if (filter.ownerId !== undefined) query = query.where('instrument.owner_id', '=', filter.ownerId);
  if (filter.conclusion) query = query.where('verification.conclusion', '=', filter.conclusion);
  if (filter.validUntilBefore) query = query.where('verification.valid_until', '<', filter.validUntilBefore);
  else query = query.whereRef('verification.verified_on', '=', 'instrument.last_verified_on');
  const rows = await query.orderBy('verification.verified_on', 'desc').orderBy('verification.id').limit(limit).execute();
  return rows.map((r) => r.id);
}
