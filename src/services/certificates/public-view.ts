// The public view of a certificate — what anyone may see, no personal data — derived two ways that
// must agree: from the history (versions and actions; the record) when a certificate changes, and
// from its stored lookup row when the public asks. Only the statuses and `statusAsOf` depend on the
// date; everything else is stored already serialized, so a lookup parses a small versions list and
// concatenates strings instead of building and serializing the whole view.
import { certificateStatus, revocationOf, type CertificateAction, type CertificateHistory } from '../../domain/certificates/certificate-status.ts';
import type { PublicCertificate, PublicVersion } from '../../domain/certificates/public-certificate.ts';
import type { CertificateActionRow, CertificateVersionRow } from '../../store/repositories/certificate-repository.ts';
import type { CertificateLookupRecord, CertificateLookupRow } from '../../store/repositories/certificate-lookup-repository.ts';
import type { CertificateFacts } from './certificate-assembly.ts';
import { historyFromRows } from './certificate-history.ts';
import { leafInput } from './transparency-log.ts';

export type { PublicCertificate };

type StoredVersion = Omit<PublicVersion, 'status'>;

/** The view from the certificate's history on `today` (a civil date), stamped `asOf`. */
export function publicViewFromHistory(
  versions: readonly CertificateVersionRow[],
  actions: readonly CertificateActionRow[],
  today: string,
  asOf: string,
): PublicCertificate {
  const latest = versions.at(-1);
  if (!latest) throw new Error('a certificate has at least one version');
  const history = historyFromRows(versions, actions);
  const facts = JSON.parse(latest.facts) as CertificateFacts;
  const revoke = revocationOf(history);
  const { certificate_no: certificateNo, version, issued_at: issuedAt, qr_text: qr } = latest;
  return {
    certificateNo,
    version,
    kind: facts.kind,
    status: certificateStatus(history, version, today),
    statusAsOf: asOf,
    conclusion: facts.conclusion,
    verifiedOn: facts.verifiedOn,
    validUntil: facts.validUntil,
    issuedAt,
    revocation: revoke ? { at: revoke.at, reason: revoke.reason ?? '' } : null,
    instrument: {
      id: facts.instrument.id,
      categoryCode: facts.instrument.categoryCode,
      categoryNameZh: facts.instrument.categoryNameZh,
      categoryNameEn: facts.instrument.categoryNameEn,
      manufacturer: facts.instrument.manufacturer,
      model: facts.instrument.model,
      serialNo: facts.instrument.serialNo,
    },
    owner: { name: facts.owner.name },
    institution: { id: facts.institution.id, name: facts.institution.name },
    qr,
    keyId: latest.key_id,
    log: { index: latest.log_index, leafHash: latest.leaf_hash, leafInput: leafInput({ certificateNo, version, issuedAt, qrText: qr }) },
    versions: versions.map((v) => ({ version: v.version, issuedAt: v.issued_at, amendReason: v.amend_reason, status: certificateStatus(history, v.version, today) })),
    actions: actions.map((a) => ({ action: a.action as CertificateAction, version: a.version, at: a.at })),
  };
}

/** The stored lookup row of a view: its date-independent fields serialized once. */
export function lookupRowOf(view: PublicCertificate): CertificateLookupRow {
  const { status: _status, statusAsOf: _asOf, versions, ...fields } = view;
  return {
    certificate_no: view.certificateNo,
    latest_version: view.version,
    valid_until: view.validUntil,
    revoked_at: view.revocation?.at ?? null,
    versions: JSON.stringify(versions.map(({ status: _s, ...stored }): StoredVersion => stored)),
    public_fields: JSON.stringify(fields),
  };
}

/**
 * The view's JSON (UTF-8) from its lookup record on `today`, stamped `asOf`: the statuses derived
 * by the same rule as from the history (`certificateStatus`), from the only facts it reads — revoked
 * or not, the latest version and its valid-until date. The stored fields are copied as bytes: the
 * bulk of the view is never decoded into a string and encoded again.
 */
export function publicBodyFromLookup(record: CertificateLookupRecord, today: string, asOf: string): Buffer {
  const stored = JSON.parse(record.versions) as StoredVersion[];
  const history: CertificateHistory = {
    versions: stored.map((v) => ({ version: v.version, validUntil: v.version === record.latest_version ? record.valid_until : null })),
    actions: record.revoked_at === null ? [] : [{ action: 'revoke', version: record.latest_version, at: record.revoked_at, reason: null }],
  };
  const versions = stored.map((v) => ({ ...v, status: certificateStatus(history, v.version, today) }));
  const status = certificateStatus(history, record.latest_version, today);
  // public_fields is a JSON object ("{…}"): the derived members go in front of its own.
  const head = Buffer.from(`{"status":${JSON.stringify(status)},"statusAsOf":${JSON.stringify(asOf)},"versions":${JSON.stringify(versions)},`, 'utf8');
  return Buffer.concat([head, record.public_fields.subarray(1)]);
}
