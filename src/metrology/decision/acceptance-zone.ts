// Acceptance limits for the three decision rules (JCGM 106:2012 §8, ILAC G8:09/2019 §4.2):
// - simple acceptance: A = T (JCGM 106 §8.2; ILAC G8 §4.2.1, w = 0);
// - guarded acceptance: A = [L + w, U − w] with w = k·u (JCGM 106 §8.3; ILAC G8 §4.2.2, w = U);
// - risk-based: the limits where the probability of conformity (§7) equals 1 − targetPFA, so
//   every accepted result has a specific false-accept risk ≤ targetPFA (§9.3). Two-sided: solved
//   by bisection (1 − pc grows monotonically away from the midpoint); one-sided: closed form
//   AU = U − u·z(1 − α), AL = L + u·z(1 − α).
// An empty acceptance zone (guard bands larger than half the tolerance, or no measured value
// that reaches 1 − targetPFA) is returned as `null`.
import { normalQuantile } from '../stats/index.ts';
import { conformity, type ToleranceInterval } from './conformance-probability.ts';
import type { ConformanceInput } from './conformance-input.ts';

export function acceptanceZone(req: ConformanceInput): ToleranceInterval | null {
  const { lower, upper, u } = req;
  switch (req.rule) {
    case 'simple':
      return { ...(lower === undefined ? {} : { lower }), ...(upper === undefined ? {} : { upper }) };
    case 'guarded':
      return shrink(lower, upper, req.k * u);
    case 'risk':
      return riskZone(lower, upper, u, req.targetPFA!);
  }
}

function shrink(lower: number | undefined, upper: number | undefined, w: number): ToleranceInterval | null {
  const al = lower === undefined ? undefined : lower + w;
  const au = upper === undefined ? undefined : upper - w;
  if (al !== undefined && au !== undefined && al > au) return null;
  return { ...(al === undefined ? {} : { lower: al }), ...(au === undefined ? {} : { upper: au }) };
}

function riskZone(lower: number | undefined, upper: number | undefined, u: number, alpha: number): ToleranceInterval | null {
  if (lower === undefined || upper === undefined) return shrink(lower, upper, -u * normalQuantile(alpha));
  const mid = (lower + upper) / 2;
  const tol = { lower, upper };
  if (conformity(mid, u, tol).nonconformity > alpha) return null;
  // 1 − pc rises monotonically from the midpoint outwards; bracket the root and bisect.
  let lo = mid;
  let hi = upper - u * normalQuantile(alpha) + u; // beyond the one-sided limit, where 1 − pc > α
  for (let i = 0; i < 200 && hi - lo > Math.abs(hi) * 1e-16; i++) {
    const x = (lo + hi) / 2;
    if (conformity(x, u, tol).nonconformity <= alpha) lo = x;
    else hi = x;
  }
  const w = upper - lo;
  return { lower: lower + w, upper: upper - w };
}
