// Consistency proofs: RFC 6962 §2.1.2 PROOF/SUBPROOF to generate, RFC 9162 §2.1.4.2 to verify.
// They show that the tree of size2 extends the tree of size1 unchanged, which is what makes the log
// append-only to anyone who keeps an earlier signed checkpoint.
import { emptyRoot, isHash, nodeHash, sameHash } from './hash.ts';
import type { LeafHashes } from './leaf-hashes.ts';
import type { SubtreeCache } from './subtree-cache.ts';
import { subtreeHash } from './tree-hash.ts';
import { half, isIndex, isPowerOfTwo, lowBit, splitPoint } from './tree-math.ts';

export interface ConsistencyClaim {
  readonly size1: number;
  readonly size2: number;
  readonly root1: Uint8Array;
  readonly root2: Uint8Array;
  readonly proof: readonly Uint8Array[];
}

/** PROOF(size1, D[0:size2]); empty when size1 is 0 or equals size2. */
export function consistencyProof(leaves: LeafHashes, size1: number, size2: number, cache?: SubtreeCache): Uint8Array[] {
  if (!isIndex(size2) || size2 > leaves.size) throw new RangeError(`tree size ${size2} not in 0..${leaves.size}`);
  if (!isIndex(size1) || size1 > size2) throw new RangeError(`earlier size ${size1} not in 0..${size2}`);
  if (size1 === 0 || size1 === size2) return [];
  // SUBPROOF(m, D[lo:hi], b) unrolled: descend towards the old tree's right edge, collecting the
  // other side of each split; `complete` stays true while the old tree's root is itself a node of
  // the new tree (the verifier knows that hash already, so it is left out).
  const proof: Uint8Array[] = [];
  let lo = 0;
  let hi = size2;
  let complete = true;
  for (;;) {
    if (size1 === hi) {
      if (!complete) proof.push(Uint8Array.from(subtreeHash(leaves, lo, hi, cache)));
      break;
    }
    const mid = lo + splitPoint(hi - lo);
    if (size1 <= mid) {
      proof.push(Uint8Array.from(subtreeHash(leaves, mid, hi, cache)));
      hi = mid;
    } else {
      proof.push(Uint8Array.from(subtreeHash(leaves, lo, mid, cache)));
      lo = mid;
      complete = false;
    }
  }
  return proof.reverse();
}

/** Why the claim fails, or null when root2's tree is proven to extend root1's. */
export function consistencyProblem(claim: ConsistencyClaim): string | null {
  const { size1, size2, root1, root2, proof } = claim;
  if (!isIndex(size1) || !isIndex(size2)) return 'tree sizes are not integers in 0..2^53';
  if (size1 > size2) return 'size1 is larger than size2';
  if (!isHash(root1) || !isHash(root2)) return 'a root is not 32 bytes';
  if (!proof.every(isHash)) return 'a proof element is not 32 bytes';
  if (size1 === size2) {
    if (proof.length > 0) return 'proof must be empty for equal sizes';
    return sameHash(root1, root2) ? null : 'roots of equal sizes differ';
  }
  if (size1 === 0) {
    // Every tree extends the empty one; only the empty root itself can be checked.
    if (proof.length > 0) return 'proof must be empty from the empty tree';
    return sameHash(root1, emptyRoot()) ? null : 'root1 is not the empty-tree root';
  }
  if (proof.length === 0) return 'proof is empty';
  // RFC 9162 §2.1.4.2. When size1 is a power of two its root is a node of the new tree and was
  // left out of the proof; the verifier puts it back.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (lowBit(fn) === 1) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return 'proof is longer than needed';
    if (lowBit(fn) === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (lowBit(fn) === 0 && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return 'proof is shorter than needed';
  if (!sameHash(fr, root1)) return 'proof does not lead to root1';
  if (!sameHash(sr, root2)) return 'proof does not lead to root2';
  return null;
}

export function verifyConsistency(claim: ConsistencyClaim): boolean {
  return consistencyProblem(claim) === null;
}
