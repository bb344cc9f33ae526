// Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method (Golub & Van Loan
// §8.5). Robust for the semidefinite (singular) correlation matrices met in practice, where a
// Cholesky factorization would break down: we use it to check positive semidefiniteness and to
// build a factor L with L Lᵀ = Σ for correlated sampling.

export interface SymmetricEigen {
  /** Eigenvalues, in no particular order. */
  readonly values: number[];
  /** vectors[i][j] is component i of eigenvector j (eigenvectors are columns). */
  readonly vectors: number[][];
}

export function symmetricEigen(matrix: readonly (readonly number[])[]): SymmetricEigen {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)));
  const at = (i: number, j: number): number => a[i]![j]!;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += at(i, j) ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = at(p, q);
        if (apq === 0) continue;
        const theta = (at(q, q) - at(p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = at(k, p);
          const akq = at(k, q);
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = at(p, k);
          const aqk = at(q, k);
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]!), vectors: v };
}

/**
 * A factor L (n×n) with L Lᵀ = Σ for a symmetric positive semidefinite Σ: L = V √Λ, with
 * eigenvalues that are negative only by rounding clamped to zero.
 */
export function semidefiniteFactor(matrix: readonly (readonly number[])[]): number[][] {
  const { values, vectors } = symmetricEigen(matrix);
  return vectors.map((row) => row.map((x, j) => x * Math.sqrt(Math.max(values[j]!, 0))));
}
