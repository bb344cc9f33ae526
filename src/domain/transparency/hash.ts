// RFC 6962 §2.1 hashing. The one-byte prefixes separate leaves from interior nodes, so no leaf can
// be passed off as a node (second-preimage resistance of the tree, RFC 9162 §2.1.1).
import { createHash } from 'node:crypto';

/** SHA-256 output size; every leaf, node, root and proof element has exactly this length. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = new Uint8Array([0x00]);
const NODE_PREFIX = new Uint8Array([0x01]);

/** SHA-256(0x00 ‖ data): the hash of one log entry. */
export function leafHash(data: Uint8Array): Uint8Array {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

/** SHA-256(0x01 ‖ left ‖ right): the hash of an interior node. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

const EMPTY = createHash('sha256').digest();

/** MTH({}) = SHA-256 of the empty string: the root of the empty tree (a fresh copy each call). */
export function emptyRoot(): Uint8Array {
  return Uint8Array.from(EMPTY);
}

/** Byte equality (hashes here are public values, so a constant-time compare buys nothing). */
export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function isHash(value: Uint8Array): boolean {
  return value.length === HASH_SIZE;
}
