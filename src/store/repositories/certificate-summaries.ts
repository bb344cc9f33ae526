// The versions and actions of every certificate of one instrument, one query each whatever the
// number of its verifications: what the instrument detail needs to show each verification's
// certificate and its status (derived from them in the service).
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { CertificateActionRow, CertificateVersionRow } from './certificate-repository.ts';

/** The columns of a version that a summary needs (not the snapshot, claims or QR text). */
export type CertificateVersionSummaryRow = Pick<CertificateVersionRow, 'certificate_no' | 'version' | 'verification_id' | 'issued_at' | 'valid_until'>;

/** Versions of the instrument's certificates, by certificate number and version. */
export function certificateVersionsOfInstrument(db: Kysely<Database>, instrumentId: number): Promise<CertificateVersionSummaryRow[]> {
  return db
    .selectFrom('certificate_version')
    .select(['certificate_no', 'version', 'verification_id', 'issued_at', 'valid_until'])
    .where('instrument_id', '=', instrumentId)
    .orderBy('certificate_no')
    .orderBy('version')
    .execute();
}

/** Actions on the instrument's certificates, in the order they were taken. */
export function certificateActionsOfInstrument(db: Kysely<Database>, instrumentId: number): Promise<CertificateActionRow[]> {
  return db
    .selectFrom('certificate_action')
    .selectAll()
    .where('certificate_no', 'in', (eb) => eb.selectFrom('certificate_version').select('certificate_no').where('instrument_id', '=', instrumentId).where('version', '=', 1))
    .orderBy('id')
    .execute();
}
