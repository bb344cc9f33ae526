// Inclusion proofs (audit paths): RFC 6962 §2.1.1 PATH to generate, RFC 9162 §2.1.3.2 to verify.
// A verifier needs only the leaf hash, its index, the tree size and the root it trusts (from a
// signed checkpoint); the proof supplies the O(log n) sibling hashes.
import { isHash, nodeHash, sameHash } from './hash.ts';
import type { LeafHashes } from './leaf-hashes.ts';
import type { SubtreeCache } from './subtree-cache.ts';
import { subtreeHash } from './tree-hash.ts';
import { half, isIndex, lowBit, splitPoint } from './tree-math.ts';

export interface InclusionClaim {
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly leafHash: Uint8Array;
  /** Sibling hashes from the leaf's level up to the root's children. */
  readonly proof: readonly Uint8Array[];
  readonly root: Uint8Array;
}

/** PATH(leafIndex, D[0:treeSize]), leaf-level sibling first. */
export function inclusionProof(leaves: LeafHashes, leafIndex: number, treeSize: number, cache?: SubtreeCache): Uint8Array[] {
  if (!isIndex(treeSize) || treeSize > leaves.size) throw new RangeError(`tree size ${treeSize} not in 0..${leaves.size}`);
  if (!isIndex(leafIndex) || leafIndex >= treeSize) throw new RangeError(`leaf index ${leafIndex} not in 0..${treeSize - 1}`);
  // Walk down from the root: at each split the leaf's side is descended, the other side's hash is
  // the proof element for that level. Pushed root-first, so reversed at the end.
  const path: Uint8Array[] = [];
  let lo = 0;
  let hi = treeSize;
  while (hi - lo > 1) {
    const mid = lo + splitPoint(hi - lo);
    if (leafIndex < mid) {
      path.push(Uint8Array.from(subtreeHash(leaves, mid, hi, cache)));
      hi = mid;
    } else {
      path.push(Uint8Array.from(subtreeHash(leaves, lo, mid, cache)));
      lo = mid;
    }
  }
  return path.reverse();
}

/**
 * The root a proof implies for a leaf, per RFC 9162 §2.1.3.2, or why the proof cannot be right
 * for this index and size (then no root exists, whatever the hashes).
 */
export function rootFromInclusionProof(leafIndex: number, treeSize: number, leafHash: Uint8Array, proof: readonly Uint8Array[]): { root: Uint8Array } | { problem: string } {
  if (!isIndex(treeSize)) return { problem: 'tree size is not an integer in 0..2^53' };
  if (!isIndex(leafIndex) || leafIndex >= treeSize) return { problem: 'leaf index is outside the tree' };
  if (!isHash(leafHash)) return { problem: 'leaf hash is not 32 bytes' };
  if (!proof.every(isHash)) return { problem: 'a proof element is not 32 bytes' };
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return { problem: 'proof is longer than the path to the root' };
    if (lowBit(fn) === 1 || fn === sn) {
      r = nodeHash(p, r);
      // A right-edge node with no right sibling: climb until it is a right child again.
      while (lowBit(fn) === 0 && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return { problem: 'proof is shorter than the path to the root' };
  return { root: r };
}

/** Why the claim fails, or null when the leaf is proven included in the tree with that root. */
export function inclusionProblem(claim: InclusionClaim): string | null {
  if (!isHash(claim.root)) return 'root is not 32 bytes';
  const result = rootFromInclusionProof(claim.leafIndex, claim.treeSize, claim.leafHash, claim.proof);
  if ('problem' in result) return result.problem;
  return sameHash(result.root, claim.root) ? null : 'proof does not lead to the root';
}

export function verifyInclusion(claim: InclusionClaim): boolean {
  return inclusionProblem(claim) === null;
}
