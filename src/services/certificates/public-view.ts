// The public view of a certificate — what anyone may see, no personal data — derived two ways that
// must agree: from the history (versions and actions; the record) when a certificate changes, and
// from its stored lookup row when the public asks. Only the latest version's status (which is also the
// certificate's) and `statusAsOf` depend on the date; everything else is stored already serialized,
// so a lookup writes two short strings around stored bytes instead of building and serializing the view.
import { certificateStatus, revocationOf, type CertificateAction, type CertificateHistory } from '../../domain/certificates/certificate-status.ts';
import type { PublicCertificate } from '../../domain/certificates/public-certificate.ts';
import type { CertificateActionRow, CertificateVersionRow } from '../../store/repositories/certificate-repository.ts';
import type { CertificateLookupRecord, CertificateLookupRow } from '../../store/repositories/certificate-lookup-repository.ts';
import type { CertificateFacts } from './certificate-assembly.ts';
import { historyFromRows } from './certificate-history.ts';
import { leafInput } from './transparency-log.ts';

export type { PublicCertificate };

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

// The stored view is the view's JSON with `versions` as its last member, cut just before the latest
// version's status value: `{"status":…,"statusAsOf":…,` + stored + `"valid"}]}` is the whole view.
// Every other status in it (superseded, revoked) can only change with a write, which rewrites the row.
const LATEST_STATUS_MEMBER = ',"status":';
const VIEW_END = '}]}';

/** The stored lookup row of a view: everything but the date-dependent values, serialized once. */
export function lookupRowOf(view: PublicCertificate): CertificateLookupRow {
  const { status: _status, statusAsOf: _asOf, versions, ...fields } = view;
  const latest = versions.at(-1);
  if (latest?.version !== view.version) throw new Error(`${view.certificateNo}: the last version listed is not the latest`);
  const { status: _latestStatus, ...latestWithoutStatus } = latest;
  const json = JSON.stringify({ ...fields, versions: [...versions.slice(0, -1), latestWithoutStatus] });
  return {
    certificate_no: view.certificateNo,
    latest_version: view.version,
    valid_until: view.validUntil,
    revoked_at: view.revocation?.at ?? null,
    view_json: `${json.slice(1, -VIEW_END.length)}${LATEST_STATUS_MEMBER}`,
  };
}

/**
 * The view's JSON (UTF-8) from its lookup record on `today`, stamped `asOf`: the status derived by
 * the same rule as from the history (`certificateStatus`), from the only facts it reads — revoked or
 * not, the latest version and its valid-until date — and written around the stored bytes, which are
 * never decoded into a string.
 */
export function publicBodyFromLookup(record: CertificateLookupRecord, today: string, asOf: string): Buffer {
  const latest = record.latest_version;
  const history: CertificateHistory = {
    versions: [{ version: latest, validUntil: record.valid_until }],
    actions: record.revoked_at === null ? [] : [{ action: 'revoke', version: latest, at: record.revoked_at, reason: null }],
  };
  const status = JSON.stringify(certificateStatus(history, latest, today));
  // ASCII only (a status word and an ISO instant), so a character is a byte.
  const head = `{"status":${status},"statusAsOf":${JSON.stringify(asOf)},`;
  const tail = `${status}${VIEW_END}`;
  const body = Buffer.allocUnsafe(head.length + record.view_json.length + tail.length);
  let at = body.write(head, 0, 'latin1');
  at += record.view_json.copy(body, at);
  body.write(tail, at, 'latin1');
  return body;
}
