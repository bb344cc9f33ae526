// MTH, the Merkle Tree Hash of RFC 6962 §2.1, over any range of a log's leaves. Splitting at the
// largest power of two below the range length makes every left part a perfect, aligned subtree,
// which is what lets a SubtreeCache answer most of the work.
import { emptyRoot, HASH_SIZE, nodeHash } from './hash.ts';
import type { LeafHashes } from './leaf-hashes.ts';
import type { SubtreeCache } from './subtree-cache.ts';
import { isIndex, isPowerOfTwo, levelOf, splitPoint } from './tree-math.ts';

/** MTH(D[0:size]): the root of the first `size` leaves (default: all of them). */
export function rootHash(leaves: LeafHashes, size: number = leaves.size, cache?: SubtreeCache): Uint8Array {
  if (!isIndex(size) || size > leaves.size) throw new RangeError(`tree size ${size} not in 0..${leaves.size}`);
  return size === 0 ? emptyRoot() : Uint8Array.from(subtreeHash(leaves, 0, size, cache));
}

/**
 * MTH(D[start:end]) for a non-empty range. The result may be a view into the cache or into the leaf
 * source: copy it before handing it to anyone who might write to it.
 */
export function subtreeHash(leaves: LeafHashes, start: number, end: number, cache?: SubtreeCache): Uint8Array {
  if (!isIndex(start) || !isIndex(end) || start >= end || end > leaves.size) {
    throw new RangeError(`leaf range [${start}, ${end}) not within 0..${leaves.size}`);
  }
  return rangeHash(leaves, start, end, cache);
}

function rangeHash(leaves: LeafHashes, start: number, end: number, cache: SubtreeCache | undefined): Uint8Array {
  const n = end - start;
  if (isPowerOfTwo(n) && start % n === 0) return perfectHash(leaves, levelOf(n), start / n, cache);
  const k = splitPoint(n);
  const hash = nodeHash(rangeHash(leaves, start, start + k, cache), rangeHash(leaves, start + k, end, cache));
  if (cache) cache.stats.nodeHashes++;
  return hash;
}

function perfectHash(leaves: LeafHashes, level: number, index: number, cache: SubtreeCache | undefined): Uint8Array {
  if (level === 0) return leafAt(leaves, index);
  const cached = cache?.get(level, index);
  if (cached) return cached;
  const hash = nodeHash(perfectHash(leaves, level - 1, 2 * index, cache), perfectHash(leaves, level - 1, 2 * index + 1, cache));
  if (cache) {
    cache.stats.nodeHashes++;
    cache.set(level, index, hash);
  }
  return hash;
}

function leafAt(leaves: LeafHashes, index: number): Uint8Array {
  const hash = leaves.get(index);
  if (hash?.length !== HASH_SIZE) throw new RangeError(`leaf ${index}: the source returned no 32-byte leaf hash`);
  return hash;
}
