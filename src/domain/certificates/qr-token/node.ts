// The QR token codec bound to Node: Ed25519 signing and verification through node:crypto.
// Everything else is the platform-neutral core (token.ts); a browser binding passes WebCrypto's
// Ed25519 verify instead (importKey('raw', key, {name: 'Ed25519'}, false, ['verify']) + subtle.verify;
// on by default in Chrome 137, Firefox 129, Safari 17 — Chromium 113–136 only behind a flag).
import { createPublicKey, sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { keyIdOf, rawPublicKey } from '../../common/key-id.ts';
import { verifyQrToken as verifyWith, type Ed25519Verify, type QrKeyEntry, type QrKeys, type QrTokenSigner, type QrVerifyResult } from './token.ts';

export {
  decodeQrToken,
  encodeQrToken,
  encodeQrTokenStages,
  qrTextForUrl,
  tokenFromQrText,
  QrTokenError,
  QR_TOKEN_PREFIX,
  MAX_QR_TOKEN_CHARS,
  type DecodedQrToken,
  type Ed25519Verify,
  type QrKeyEntry,
  type QrKeyResolver,
  type QrKeys,
  type QrTokenErrorCode,
  type QrTokenSigner,
  type QrTokenStages,
  type QrVerifyFailure,
  type QrVerifyResult,
} from './token.ts';
export { qrClaimsFromDocument, type QrCertificateClaims } from './claims.ts';

/** A KeyObject for a raw 32-byte Ed25519 public key. */
export function ed25519PublicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new TypeError('an Ed25519 public key has 32 bytes');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

// Key objects by the published key's bytes (the key set hands out the same Uint8Array each time).
const keyObjects = new WeakMap<Uint8Array, { raw: string; key: KeyObject }>();

export const nodeEd25519Verify: Ed25519Verify = (publicKey, message, signature) => {
  const raw = Buffer.from(publicKey).toString('hex');
  let cached = keyObjects.get(publicKey);
  if (cached?.raw !== raw) {
    cached = { raw, key: ed25519PublicKeyFromRaw(publicKey) };
    keyObjects.set(publicKey, cached);
  }
  return cryptoVerify(null, message, cached.key, signature);
};

/** Signs with an Ed25519 private key; the kid is derived from its public key (DESIGN §5). */
export function ed25519Signer(privateKey: KeyObject): QrTokenSigner {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('not an Ed25519 private key');
  return { kid: keyIdOf(createPublicKey(privateKey)), sign: (message) => new Uint8Array(cryptoSign(null, message, privateKey)) };
}

/**
 * The verification key set from public keys such as KeyDirectory.publicKeys() lists (current and
 * retired keys), marking the revoked ones. Refuses a key whose kid does not match its key.
 */
export function qrKeysFromPublicKeys(keys: Iterable<{ readonly keyId: string; readonly publicKey: KeyObject }>, revokedKeyIds: Iterable<string> = []): Map<string, QrKeyEntry> {
  const revoked = new Set(revokedKeyIds);
  const map = new Map<string, QrKeyEntry>();
  for (const { keyId, publicKey } of keys) {
    if (keyIdOf(publicKey) !== keyId) throw new TypeError(`key id ${keyId} does not belong to its public key`);
    map.set(keyId, { publicKey: new Uint8Array(rawPublicKey(publicKey)), revoked: revoked.has(keyId) });
  }
  return map;
}

/** verifyQrToken of the core with node:crypto's Ed25519. Never throws; fails closed. */
export function verifyQrToken(text: string, keys: QrKeys): Promise<QrVerifyResult> {
  return verifyWith(text, keys, nodeEd25519Verify);
}
