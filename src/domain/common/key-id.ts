// Key ids (DESIGN §5): hex of the first 8 bytes of SHA-256 of the raw 32-byte Ed25519 public key,
// so a signature names its key and verifiers find it among published and retired keys.
import { createHash, type KeyObject } from 'node:crypto';

/** The raw 32-byte Ed25519 public key. */
export function rawPublicKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new TypeError('not an Ed25519 public key');
  return Buffer.from(jwk.x, 'base64url');
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(publicKey)).digest().subarray(0, 8).toString('hex');
}
