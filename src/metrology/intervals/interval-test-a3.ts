// NCSLI RP-1 (2010) method A3, the "interval test" (also ILAC G24:2007 / OIML D 10:2007 method
// 1 family): is the in-tolerance rate observed at the current interval I0 consistent with the
// reliability target R*? If not, move I0 towards the interval expected to meet R*.
//
// Data: the results whose interval lies within ±window of I0 (default ±min(56 d, I0/2), as in
// Sandia's suncal implementation of RP-1 A3); x of n in tolerance, R0 = x/n.
// Test: rejection confidence Q = 1 − 2·P(X ≤ x) if R0 < R*, Q = 1 − 2·P(X ≥ x) if R0 > R*
// (X ~ Bin(n, R*), floored at 0). Q > confidence ⇔ R* lies outside the two-sided Clopper–Pearson
// interval of R at that confidence, which is reported alongside.
// Adjustment (RP-1 A3): shorten I = I0·10^((R0 − R*)·Q), lengthen I = I0·10^((R0 − R*)/(1 − Q)),
// the factor bounded by [1/maxChangeFactor, maxChangeFactor] (default 2); applied only when
// Q > confidence (default 0.5), otherwise I0 is kept.
import { binomialCdf, binomialSurvival, clopperPearson } from './binomial.ts';
import type { IntervalInput } from './interval-input.ts';

export const A3_METHOD = 'NCSLI RP-1 A3';
export const DEFAULT_WINDOW_DAYS = 56;

export interface A3Result {
  readonly method: typeof A3_METHOD;
  readonly action: 'lengthen' | 'shorten' | 'keep';
  readonly currentIntervalDays: number;
  /** I0·factor before the decision (what the interval would become if changed) */
  readonly calculatedIntervalDays: number;
  readonly observedReliability: number;
  readonly reliabilityTarget: number;
  readonly rejectionConfidence: number;
  readonly confidence: number;
  /** two-sided Clopper–Pearson interval of the reliability at `confidence` */
  readonly reliabilityInterval: { readonly lower: number; readonly upper: number };
  readonly inTolerance: number;
  readonly used: number;
  /** results left out because their interval was outside I0 ± windowDays */
  readonly unused: number;
  readonly windowDays: number;
}

/** Results within ±windowDays of the current interval count as taken at that interval. */
export function windowFor(req: IntervalInput): number {
  return req.windowDays ?? Math.min(DEFAULT_WINDOW_DAYS, req.currentIntervalDays / 2);
}

/** Returns null when no result lies within the window around the current interval. */
export function intervalTest(req: IntervalInput): A3Result | null {
  const i0 = req.currentIntervalDays;
  const rt = req.reliabilityTarget;
  const windowDays = windowFor(req);
  const used = req.history.filter((r) => Math.abs(r.intervalDays - i0) <= windowDays);
  const n = used.length;
  if (n === 0) return null;
  const x = used.filter((r) => r.inTolerance).length;
  const r0 = x / n;

  const q = Math.max(0, r0 < rt ? 1 - 2 * binomialCdf(x, n, rt) : r0 > rt ? 1 - 2 * binomialSurvival(x, n, rt) : 0);
  const maxFactor = req.maxChangeFactor;
  let factor: number;
  if (r0 > rt) factor = q >= 1 ? maxFactor : Math.min(maxFactor, 10 ** ((r0 - rt) / (1 - q)));
  else factor = Math.max(1 / maxFactor, 10 ** ((r0 - rt) * q));
  const calculatedIntervalDays = i0 * factor;
  const significant = q > req.confidence;

  return {
    method: A3_METHOD,
    action: !significant || r0 === rt ? 'keep' : r0 > rt ? 'lengthen' : 'shorten',
    currentIntervalDays: i0,
    calculatedIntervalDays,
    observedReliability: r0,
    reliabilityTarget: rt,
    rejectionConfidence: q,
    confidence: req.confidence,
    reliabilityInterval: clopperPearson(x, n, req.confidence),
    inTolerance: x,
    used: n,
    unused: req.history.length - n,
    windowDays,
  };
}
