// The certificate QR codec bound to the browser: the platform-neutral core
// (src/domain/certificates/qr-token/token.ts — Base45, stored zlib, strict CBOR/COSE, all pure JS)
// with WebCrypto's Ed25519 as the verify function, and the check of the signed revocation list
// (Ed25519 over the RFC 8785 canonical JSON of `list`). Nothing here touches node:*.
import { canonicalJson } from '../../../src/domain/common/canonical-json.ts';
import {
  decodeQrToken,
  qrTextForUrl,
  tokenFromQrText,
  verifyQrToken,
  type Ed25519Verify,
  type QrKeyEntry,
  type QrVerifyResult,
} from '../../../src/domain/certificates/qr-token/token.ts';
import type { QrCertificateClaims } from '../../../src/domain/certificates/qr-token/claims.ts';
import type { RevocationList, SignedRevocationList } from '../../../src/domain/certificates/revocation-list.ts';

export { decodeQrToken, qrTextForUrl, tokenFromQrText, type QrCertificateClaims, type QrVerifyResult, type RevocationList, type SignedRevocationList };

/** `/.well-known/jiliang-keys.json`, the part a browser needs (published-keys.ts has the whole; it binds node:crypto). */
export interface PublishedKeySet {
  readonly issuer: string;
  readonly certificateKeys: readonly {
    readonly kid: string;
    readonly institutionId: number;
    /** raw Ed25519 public key, base64url */
    readonly publicKey: string;
    readonly status: 'active' | 'retired' | 'revoked';
  }[];
  readonly revocationListKey: { readonly kid: string; readonly publicKey: string };
}

/** Bytes of a base64url (or base64) text; throws on anything else. */
export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_\-+/]*={0,2}$/.test(text)) throw new TypeError('not base64url');
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const copy = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/** WebCrypto Ed25519 (Chromium ≥ 137, Firefox ≥ 129, Safari ≥ 17); needs a secure context. */
export const webCryptoEd25519Verify: Ed25519Verify = async (publicKey, message, signature) => {
  const key = await crypto.subtle.importKey('raw', copy(publicKey), { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify('Ed25519', key, copy(signature), copy(message));
};

let support: Promise<boolean> | null = null;

/** Whether this browser can check Ed25519 signatures at all (not on plain http, nor in old browsers). */
export function ed25519Supported(): Promise<boolean> {
  support ??= (async () => {
    try {
      if (!globalThis.crypto?.subtle) return false;
      // RFC 8032 §7.1 test 1 public key
      const key = base64UrlToBytes('11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo');
      await crypto.subtle.importKey('raw', key, { name: 'Ed25519' }, false, ['verify']);
      return true;
    } catch {
      return false;
    }
  })();
  return support;
}

/** Verification keys by kid; a key the set marks revoked (or the list names) verifies nothing. */
export function qrKeysFromKeySet(set: PublishedKeySet, list?: RevocationList | null): Map<string, QrKeyEntry> {
  const revoked = new Set(list?.keys.map((k) => k.kid) ?? []);
  const keys = new Map<string, QrKeyEntry>();
  for (const k of set.certificateKeys) {
    try {
      keys.set(k.kid, { publicKey: base64UrlToBytes(k.publicKey), revoked: k.status === 'revoked' || revoked.has(k.kid) });
    } catch {
      // a malformed entry verifies nothing: leave it out (its tokens fail as unknown_key)
    }
  }
  return keys;
}

/** Checks a QR text's signature against the published keys in the browser. Never throws. */
export function verifyQrText(text: string, set: PublishedKeySet, list?: RevocationList | null): Promise<QrVerifyResult> {
  return verifyQrToken(text, qrKeysFromKeySet(set, list), webCryptoEd25519Verify);
}

/** The list when its signature is by the published revocation-list key; null otherwise. Never throws. */
export async function checkedRevocationList(signed: SignedRevocationList, set: PublishedKeySet): Promise<RevocationList | null> {
  try {
    if (signed.keyId !== set.revocationListKey.kid) return null;
    const message = new TextEncoder().encode(canonicalJson(signed.list));
    const valid = await webCryptoEd25519Verify(base64UrlToBytes(set.revocationListKey.publicKey), message, base64UrlToBytes(signed.signature));
    // lists from servers before superseded versions were listed have no such field
    return valid ? { ...signed.list, superseded: (signed.list as Partial<RevocationList>).superseded ?? [] } : null;
  } catch {
    return null;
  }
}
