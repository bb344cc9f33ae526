// Binomial tails and Clopper–Pearson confidence limits for an observed in-tolerance rate, from
// the regularized incomplete beta function: P(X ≤ k) = I_{1−p}(n − k, k + 1) and
// P(X ≥ k) = I_p(k, n − k + 1) for X ~ Bin(n, p).
import { regularizedBeta } from '../stats/index.ts';

/** P(X ≤ k). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return regularizedBeta(1 - p, n - k, k + 1);
}

/** P(X ≥ k). */
export function binomialSurvival(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return regularizedBeta(p, k, n - k + 1);
}

/** x with I_x(a, b) = q, by bisection (I_x is increasing in x). */
function betaQuantile(q: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 100 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (regularizedBeta(mid, a, b) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Two-sided Clopper–Pearson interval for p from x successes in n trials at `confidence`. */
export function clopperPearson(x: number, n: number, confidence: number): { lower: number; upper: number } {
  const tail = (1 - confidence) / 2;
  return {
    lower: x === 0 ? 0 : betaQuantile(tail, x, n - x + 1),
    upper: x === n ? 1 : betaQuantile(1 - tail, x + 1, n - x),
  };
}
