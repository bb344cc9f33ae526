// Student's t distribution with real (possibly fractional or infinite) degrees of freedom ν.
// Coverage factors k_p = t_{(1+p)/2}(ν) (JCGM 100 G.3, G.4; Table G.2). ν = Infinity is the normal.
// Relative error of tail probabilities: ~1e-13 for ν ≤ 10³, growing ∝ ν to ~1e-10 at ν = 10⁶
// (the continued fraction near x → 1); quantiles are correspondingly exact for any use here.

import { normalCdf, normalQuantile } from './normal.ts';
import { logBeta, regularizedBetaFromLogs } from './special.ts';

function checkDof(dof: number): void {
  if (!(dof > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${dof}`);
}

/** P(T > t) for t ≥ 0 = ½ I_x(ν/2, ½), x = ν/(ν + t²), computed directly so small tails keep
 *  their relative precision, with ln x = −log1p(t²/ν) exact enough for ν in the millions. */
function upperTail(t: number, dof: number): number {
  const r = (t * t) / dof;
  const lnX = -Math.log1p(r);
  return 0.5 * regularizedBetaFromLogs(1 / (1 + r), r / (1 + r), lnX, Math.log(r) + lnX, dof / 2, 0.5);
}

/** Density of Student's t with ν degrees of freedom. */
export function studentTPdf(t: number, dof: number): number {
  checkDof(dof);
  if (dof === Infinity) return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  // 1/(√ν B(ν/2, ½)) (1 + t²/ν)^(−(ν+1)/2)
  const ln = -0.5 * Math.log(dof) - logBeta(dof / 2, 0.5) - ((dof + 1) / 2) * Math.log1p((t * t) / dof);
  return Math.exp(ln);
}

/** P(T ≤ t) for Student's t with ν = dof (> 0, may be fractional or Infinity). */
export function studentTCdf(t: number, dof: number): number {
  checkDof(dof);
  if (Number.isNaN(t)) return NaN;
  if (dof === Infinity) return normalCdf(t);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = upperTail(Math.abs(t), dof);
  return t >= 0 ? 1 - tail : tail;
}

/** The t with P(T ≤ t) = p. Exact closed forms for ν = 1, 2; otherwise safeguarded Newton. */
export function studentTQuantile(p: number, dof: number): number {
  checkDof(dof);
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (dof === Infinity) return normalQuantile(p);
  if (dof === 1) return Math.tan(Math.PI * (p - 0.5));
  if (dof === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const q = Math.min(p, 1 - p); // target upper-tail probability, solved for t > 0
  const t = positiveTailRoot(q, dof);
  return p < 0.5 ? -t : t;
}

function positiveTailRoot(q: number, dof: number): number {
  // Cornish–Fisher start from the normal quantile (good for moderate ν), then bracket.
  const z = -normalQuantile(q);
  const z3 = z * z * z;
  let t = z + (z3 + z) / (4 * dof) + (5 * z3 * z * z + 16 * z3 + 3 * z) / (96 * dof * dof);
  if (!(t > 0) || !Number.isFinite(t)) t = 1;
  let lo = 0;
  let hi = t;
  while (upperTail(hi, dof) > q) {
    lo = hi;
    hi *= 2;
    if (hi === Infinity) return Infinity;
  }
  for (let i = 0; i < 500; i++) {
    const f = upperTail(t, dof) - q; // decreasing in t
    if (f > 0) lo = t;
    else hi = t;
    let next = t + f / studentTPdf(t, dof);
    if (!(next > lo && next < hi)) next = hi / lo > 4 && lo > 0 ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
    if (Math.abs(next - t) <= 1e-15 * Math.abs(next)) return next;
    t = next;
  }
  return t;
}
