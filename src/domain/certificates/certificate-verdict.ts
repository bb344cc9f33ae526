// The verdict on a scanned certificate, online or offline: a genuine signature by a published,
// unrevoked key; within its validity; not revoked and not superseded according to a signed
// revocation list (offline: as of the list's time) or to the server's status (online).
// Fails closed: anything unknown makes the certificate not valid.
import type { QrCertificateClaims } from './qr-token/claims.ts';
import type { QrVerifyResult } from './qr-token/token.ts';
import type { RevocationList } from './revocation-list.ts';
import type { CertificateStatus } from './certificate-document.ts';

export interface CertificateVerdict {
  readonly valid: boolean;
  /** valid · expired · revoked · superseded · invalid (bad signature, unknown key, malformed) · unknown (no revocation data) */
  readonly status: CertificateStatus | 'invalid' | 'unknown';
  readonly signature: { readonly ok: boolean; readonly kid: string | null; readonly reason: string | null };
  readonly certificate: QrCertificateClaims | null;
  readonly validity: { readonly validUntil: string | null; readonly expired: boolean; readonly today: string } | null;
  readonly revocation: { readonly source: 'list' | 'online' | 'none'; readonly revoked: boolean | null; readonly superseded: boolean | null; readonly asOf: string | null };
}

export interface RevocationEvidence {
  /** A revocation list whose signature was checked (null: none available, or its signature failed). */
  readonly list: RevocationList | null;
  /** The server's status for this certificate, when checked online. */
  readonly online?: { readonly status: CertificateStatus; readonly version: number; readonly asOf: string } | undefined;
}

export function certificateVerdict(signature: QrVerifyResult, evidence: RevocationEvidence, today: string): CertificateVerdict {
  if (!signature.ok) {
    return {
      valid: false,
      status: 'invalid',
      signature: { ok: false, kid: signature.kid ?? null, reason: signature.reason },
      certificate: null,
      validity: null,
      revocation: { source: 'none', revoked: null, superseded: null, asOf: null },
    };
  }
  const claims = signature.claims;
  const expired = claims.validUntil !== null && claims.validUntil < today;
  const validity = { validUntil: claims.validUntil, expired, today };
  const base = { signature: { ok: true, kid: signature.kid, reason: null }, certificate: claims, validity };
  if (evidence.online) {
    const { status, version, asOf } = evidence.online;
    const superseded = status === 'superseded' || version > claims.version;
    const revoked = status === 'revoked';
    const derived: CertificateStatus = revoked ? 'revoked' : superseded ? 'superseded' : expired ? 'expired' : 'valid';
    return { ...base, valid: derived === 'valid', status: derived, revocation: { source: 'online', revoked, superseded, asOf } };
  }
  if (!evidence.list) {
    return { ...base, valid: false, status: 'unknown', revocation: { source: 'none', revoked: null, superseded: null, asOf: null } };
  }
  const list = evidence.list;
  const revoked = list.certificates.some((c) => c.certificateNo === claims.certificateNo);
  const superseded = list.superseded.some((s) => s.certificateNo === claims.certificateNo && s.latestVersion > claims.version);
  const status: CertificateStatus = revoked ? 'revoked' : superseded ? 'superseded' : expired ? 'expired' : 'valid';
  return { ...base, valid: status === 'valid', status, revocation: { source: 'list', revoked, superseded, asOf: list.asOf } };
}
