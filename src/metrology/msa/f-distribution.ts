// Fisher–Snedecor F distribution, for the ANOVA p-values of a gauge R&R study (AIAG MSA 4th ed.,
// Chapter III, Section B, ANOVA method). P(F ≤ f) = I_{d1 f / (d1 f + d2)}(d1/2, d2/2).
import { regularizedBeta } from '../stats/index.ts';

/** P(F ≤ f) for F with (d1, d2) degrees of freedom. */
export function fCdf(f: number, d1: number, d2: number): number {
  if (f <= 0) return 0;
  if (f === Number.POSITIVE_INFINITY) return 1;
  return regularizedBeta((d1 * f) / (d1 * f + d2), d1 / 2, d2 / 2);
}

/** Upper tail P(F > f): the p-value of an observed F ratio (computed directly, no cancellation). */
export function fSurvival(f: number, d1: number, d2: number): number {
  if (f <= 0) return 1;
  if (f === Number.POSITIVE_INFINITY) return 0;
  return regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
}
