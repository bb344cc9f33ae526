// The signed revocation list, downloadable for offline checks (as the EU certificate system
// publishes its lists): revoked certificates and revoked signing keys as of a moment, signed by
// the platform over the RFC 8785 canonical JSON of the list.
import { sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.ts';

export interface RevocationList {
  readonly issuer: string;
  /** ISO instant: an offline verdict is only as current as this. */
  readonly asOf: string;
  readonly certificates: readonly { readonly certificateNo: string; readonly revokedAt: string }[];
  readonly keys: readonly { readonly kid: string; readonly revokedAt: string }[];
  /** Amended certificates and their latest version: an older version's token is superseded. */
  readonly superseded: readonly { readonly certificateNo: string; readonly latestVersion: number }[];
}

export interface SignedRevocationList {
  readonly list: RevocationList;
  readonly keyId: string;
  /** Ed25519 over canonicalJson(list), base64url */
  readonly signature: string;
}

export function signRevocationList(list: RevocationList, keyId: string, privateKey: KeyObject): SignedRevocationList {
  return { list, keyId, signature: sign(null, Buffer.from(canonicalJson(list)), privateKey).toString('base64url') };
}

export function revocationListSignatureValid(signed: SignedRevocationList, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(canonicalJson(signed.list)), publicKey, Buffer.from(signed.signature, 'base64url'));
  } catch {
    return false;
  }
}
