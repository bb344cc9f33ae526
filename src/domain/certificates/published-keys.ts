// The published key set (`/.well-known/jiliang-keys.json`) as verifiers use it: certificate keys
// with their state, and the key that signs the revocation list.
import { createPublicKey } from 'node:crypto';
import type { QrKeyEntry } from './qr-token/token.ts';
import { revocationListSignatureValid, type RevocationList, type SignedRevocationList } from './revocation-list.ts';

export interface PublishedKeySet {
  readonly issuer: string;
  readonly certificateKeys: readonly { readonly kid: string; readonly institutionId: number; readonly publicKey: string; readonly status: 'active' | 'retired' | 'revoked' }[];
  readonly revocationListKey: { readonly kid: string; readonly publicKey: string };
  readonly log: { readonly origin: string; readonly verifierKey: string };
}

/** Verification keys by kid; a revoked key stays listed so its tokens fail as `revoked_key`. */
export function qrKeysFromKeySet(set: PublishedKeySet): Map<string, QrKeyEntry> {
  return new Map(set.certificateKeys.map((k) => [k.kid, { publicKey: new Uint8Array(Buffer.from(k.publicKey, 'base64url')), revoked: k.status === 'revoked' }]));
}

/** The list when its signature is by the published revocation-list key; null otherwise. */
export function checkedRevocationList(signed: SignedRevocationList, set: PublishedKeySet): RevocationList | null {
  if (signed.keyId !== set.revocationListKey.kid) return null;
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: set.revocationListKey.publicKey }, format: 'jwk' });
  return revocationListSignatureValid(signed, publicKey) ? signed.list : null;
}
