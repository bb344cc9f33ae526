// The claims a certificate QR token carries (DESIGN §5): enough to identify the certificate, the
// instrument and the parties, and to show the verdict offline. Parties are organizations, named by
// their USCC; no personal names (the signatories stay on the paper and the online page).
//
// On the wire the claims are one flat CBOR map with small integer keys (each one byte), encoded
// deterministically (RFC 8949 §4.2.1, core deterministic: shortest forms, sorted keys, definite
// lengths). The map is this format's own, not a CWT: its keys carry no CWT claim meanings.
//
//   key  claim                          CBOR type
//   ---  -----------------------------  ------------------------------------------------------
//    1   format version                 uint, always 1 (a new layout gets a new number)
//    2   certificate number             tstr, e.g. "J2026-0007-000123"
//    3   version of the certificate     uint ≥ 1 (amendments are new versions)
//    4   kind                           uint: 1 = certificate (检定证书), 2 = result_notice (检定结果通知书)
//    5   instrument category code       tstr
//    6   instrument manufacturer        tstr
//    7   instrument model               tstr
//    8   instrument serial number       tstr
//    9   instrument registry id         uint ≥ 1
//   10   owner organization name        tstr
//   11   owner USCC                     tstr, 18 characters, valid check characters
//   12   conclusion                     uint: 1 = pass, 2 = fail
//   13   verified on                    tstr, YYYY-MM-DD
//   14   valid until                    tstr YYYY-MM-DD, or null (result notices, one-off checks)
//   15   issued at                      uint, seconds since 1970-01-01T00:00:00Z
//   16   institution id                 uint ≥ 1
//   17   institution name               tstr
//   18   institution USCC               tstr, 18 characters, valid check characters
//   19   key id (kid)                   bstr, 8 bytes; equals the COSE protected header's kid
//
// Every key must be present, no other key may be, and every text must be non-empty.
import { isIsoDate } from '../../common/dates.ts';
import { isValidUscc } from '../../ids/uscc.ts';
import type { Conclusion } from '../../verification/types.ts';
import type { CertificateDocument, CertificateKind } from '../certificate-document.ts';

export const QR_FORMAT_VERSION = 1;

export interface QrCertificateClaims {
  readonly certificateNo: string;
  readonly version: number;
  readonly kind: CertificateKind;
  readonly instrument: {
    readonly categoryCode: string;
    readonly manufacturer: string;
    readonly model: string;
    readonly serialNo: string;
    readonly registryId: number;
  };
  readonly owner: { readonly name: string; readonly uscc: string };
  readonly conclusion: Conclusion;
  readonly verifiedOn: string;
  readonly validUntil: string | null;
  /** Seconds since the epoch. */
  readonly issuedAt: number;
  readonly institution: { readonly id: number; readonly name: string; readonly uscc: string };
}

export const CLAIM_KEY = {
  formatVersion: 1,
  certificateNo: 2,
  version: 3,
  kind: 4,
  categoryCode: 5,
  manufacturer: 6,
  model: 7,
  serialNo: 8,
  registryId: 9,
  ownerName: 10,
  ownerUscc: 11,
  conclusion: 12,
  verifiedOn: 13,
  validUntil: 14,
  issuedAt: 15,
  institutionId: 16,
  institutionName: 17,
  institutionUscc: 18,
  kid: 19,
} as const;

const KIND_CODE: Record<CertificateKind, number> = { certificate: 1, result_notice: 2 };
const CONCLUSION_CODE: Record<Conclusion, number> = { pass: 1, fail: 2 };

export class ClaimsError extends Error {
  override readonly name = 'ClaimsError';
}

const KID_HEX = /^[0-9a-f]{16}$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function kidToBytes(kid: string): Uint8Array {
  if (!KID_HEX.test(kid)) throw new ClaimsError(`key id ${JSON.stringify(kid)} is not 16 lowercase hex digits`);
  const bytes = new Uint8Array(8);
  for (let i = 0; i < 8; i++) bytes[i] = parseInt(kid.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

export function kidFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== 8) throw new ClaimsError(`a key id has 8 bytes, not ${bytes.length}`);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function text(value: unknown, claim: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new ClaimsError(`${claim} must be a non-empty text`);
  // Lone surrogates cannot be encoded as UTF-8; refuse rather than let the encoder substitute.
  if (LONE_SURROGATE.test(value)) throw new ClaimsError(`${claim} is not well-formed Unicode`);
  return value;
}

function count(value: unknown, claim: string, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) throw new ClaimsError(`${claim} must be an integer ≥ ${min}`);
  return value;
}

function date(value: unknown, claim: string): string {
  if (typeof value !== 'string' || !isIsoDate(value)) throw new ClaimsError(`${claim} must be a date YYYY-MM-DD`);
  return value;
}

function uscc(value: unknown, claim: string): string {
  if (typeof value !== 'string' || !isValidUscc(value)) throw new ClaimsError(`${claim} must be a valid unified social credit code`);
  return value;
}

function code<T extends string>(table: Record<T, number>, value: unknown, claim: string): T {
  for (const [name, n] of Object.entries(table) as [T, number][]) if (n === value) return name;
  throw new ClaimsError(`${claim} has an unknown code ${String(value)}`);
}

function checked(claims: QrCertificateClaims): QrCertificateClaims {
  return {
    certificateNo: text(claims.certificateNo, 'certificateNo'),
    version: count(claims.version, 'version', 1),
    kind: code(KIND_CODE, KIND_CODE[claims.kind], 'kind'),
    instrument: {
      categoryCode: text(claims.instrument.categoryCode, 'instrument.categoryCode'),
      manufacturer: text(claims.instrument.manufacturer, 'instrument.manufacturer'),
      model: text(claims.instrument.model, 'instrument.model'),
      serialNo: text(claims.instrument.serialNo, 'instrument.serialNo'),
      registryId: count(claims.instrument.registryId, 'instrument.registryId', 1),
    },
    owner: { name: text(claims.owner.name, 'owner.name'), uscc: uscc(claims.owner.uscc, 'owner.uscc') },
    conclusion: code(CONCLUSION_CODE, CONCLUSION_CODE[claims.conclusion], 'conclusion'),
    verifiedOn: date(claims.verifiedOn, 'verifiedOn'),
    validUntil: claims.validUntil === null ? null : date(claims.validUntil, 'validUntil'),
    issuedAt: count(claims.issuedAt, 'issuedAt', 0),
    institution: {
      id: count(claims.institution.id, 'institution.id', 1),
      name: text(claims.institution.name, 'institution.name'),
      uscc: uscc(claims.institution.uscc, 'institution.uscc'),
    },
  };
}

/** The CBOR map (as a JS Map with integer keys) for the claims; throws ClaimsError on invalid claims. */
export function claimsToMap(claims: QrCertificateClaims, kid: string): Map<number, unknown> {
  const c = checked(claims);
  const k = CLAIM_KEY;
  return new Map<number, unknown>([
    [k.formatVersion, QR_FORMAT_VERSION],
    [k.certificateNo, c.certificateNo],
    [k.version, c.version],
    [k.kind, KIND_CODE[c.kind]],
    [k.categoryCode, c.instrument.categoryCode],
    [k.manufacturer, c.instrument.manufacturer],
    [k.model, c.instrument.model],
    [k.serialNo, c.instrument.serialNo],
    [k.registryId, c.instrument.registryId],
    [k.ownerName, c.owner.name],
    [k.ownerUscc, c.owner.uscc],
    [k.conclusion, CONCLUSION_CODE[c.conclusion]],
    [k.verifiedOn, c.verifiedOn],
    [k.validUntil, c.validUntil],
    [k.issuedAt, c.issuedAt],
    [k.institutionId, c.institution.id],
    [k.institutionName, c.institution.name],
    [k.institutionUscc, c.institution.uscc],
    [k.kid, kidToBytes(kid)],
  ]);
}

/** Reads and checks a decoded claims map: exactly the keys above, each of its type. */
export function claimsFromMap(value: unknown): { claims: QrCertificateClaims; kid: string } {
  if (!(value instanceof Map)) throw new ClaimsError('the claims are not a CBOR map');
  const k = CLAIM_KEY;
  const expected = new Set<unknown>(Object.values(k));
  for (const key of value.keys()) if (!expected.has(key)) throw new ClaimsError(`unknown claim key ${String(key)}`);
  for (const key of expected) if (!value.has(key)) throw new ClaimsError(`claim key ${String(key)} is missing`);
  const get = (key: number): unknown => value.get(key);
  if (get(k.formatVersion) !== QR_FORMAT_VERSION) throw new ClaimsError(`unsupported format version ${String(get(k.formatVersion))}`);
  const kidBytes = get(k.kid);
  if (!(kidBytes instanceof Uint8Array)) throw new ClaimsError('kid must be a byte string');
  const validUntil = get(k.validUntil);
  const claims = checked({
    certificateNo: get(k.certificateNo) as string,
    version: get(k.version) as number,
    kind: code(KIND_CODE, get(k.kind), 'kind'),
    instrument: {
      categoryCode: get(k.categoryCode) as string,
      manufacturer: get(k.manufacturer) as string,
      model: get(k.model) as string,
      serialNo: get(k.serialNo) as string,
      registryId: get(k.registryId) as number,
    },
    owner: { name: get(k.ownerName) as string, uscc: get(k.ownerUscc) as string },
    conclusion: code(CONCLUSION_CODE, get(k.conclusion), 'conclusion'),
    verifiedOn: get(k.verifiedOn) as string,
    validUntil: validUntil === null ? null : (validUntil as string),
    issuedAt: get(k.issuedAt) as number,
    institution: { id: get(k.institutionId) as number, name: get(k.institutionName) as string, uscc: get(k.institutionUscc) as string },
  });
  return { claims, kid: kidFromBytes(kidBytes) };
}

/** The QR claims of a certificate document (issuedAt: its ISO instant, truncated to seconds). */
export function qrClaimsFromDocument(doc: CertificateDocument): QrCertificateClaims {
  const issuedMs = Date.parse(doc.issuedAt);
  if (!Number.isFinite(issuedMs)) throw new ClaimsError(`issuedAt ${JSON.stringify(doc.issuedAt)} is not an instant`);
  return {
    certificateNo: doc.certificateNo,
    version: doc.version,
    kind: doc.kind,
    instrument: {
      categoryCode: doc.instrument.categoryCode,
      manufacturer: doc.instrument.manufacturer,
      model: doc.instrument.model,
      serialNo: doc.instrument.serialNo,
      registryId: doc.instrument.id,
    },
    owner: { name: doc.owner.name, uscc: doc.owner.uscc },
    conclusion: doc.conclusion,
    verifiedOn: doc.verifiedOn,
    validUntil: doc.validUntil,
    issuedAt: Math.floor(issuedMs / 1000),
    institution: { id: doc.institution.id, name: doc.institution.name, uscc: doc.institution.uscc },
  };
}
