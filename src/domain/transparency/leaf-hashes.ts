// Where proof generation reads the log from. An interface rather than an array, so the log's store
// can serve ~10^6 leaf hashes from whatever it keeps (a packed buffer, a page cache) without the
// tree code caring; with a SubtreeCache only O(log n) of them are read per proof once warm.
import { HASH_SIZE } from './hash.ts';

export interface LeafHashes {
  /** Number of leaves available; proofs can be made for any tree size up to this. */
  readonly size: number;
  /** The RFC 6962 leaf hash (SHA-256(0x00 ‖ entry)) of leaf `index`, 0 ≤ index < size. */
  get(index: number): Uint8Array;
}

/** Leaf hashes held in an array. */
export function leafHashesOf(hashes: readonly Uint8Array[]): LeafHashes {
  return { size: hashes.length, get: (index) => hashes[index]! };
}

/** Leaf hashes packed back to back in one buffer (32 bytes each): ~32 MB for a million leaves. */
export function packedLeafHashes(packed: Uint8Array): LeafHashes {
  if (packed.length % HASH_SIZE !== 0) throw new RangeError(`packed leaf hashes: ${packed.length} is not a multiple of ${HASH_SIZE}`);
  return { size: packed.length / HASH_SIZE, get: (index) => packed.subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE) };
}
