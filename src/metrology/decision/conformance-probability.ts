// Probability of conformity for a normal measurement PDF, JCGM 106:2012 §7.3: pc = Φ(b) − Φ(a)
// with a = (L − y)/u, b = (U − y)/u, and a missing limit taken as ±∞ (one-sided tolerance
// interval, §7.3.2). pc and 1 − pc are both formed from small terms, so a specific risk of
// 1e-12 keeps its relative precision whichever side of the limits y falls.
import { normalCdf } from '../stats/index.ts';

export interface ToleranceInterval {
  readonly lower?: number;
  readonly upper?: number;
}

export interface Conformity {
  /** probability that the true value lies in the tolerance interval */
  readonly pc: number;
  /** 1 − pc */
  readonly nonconformity: number;
}

export function conformity(y: number, u: number, tol: ToleranceInterval): Conformity {
  const a = tol.lower === undefined ? Number.NEGATIVE_INFINITY : (tol.lower - y) / u;
  const b = tol.upper === undefined ? Number.POSITIVE_INFINITY : (tol.upper - y) / u;
  if (a < 0 && b > 0) {
    // y inside: the tails Φ(a) and Φ(−b) are the small quantities.
    const nonconformity = normalCdf(a) + normalCdf(-b);
    return { pc: 1 - nonconformity, nonconformity };
  }
  // y outside (or on a limit): both CDFs on the same side; use Φ(b) − Φ(a) = Φ(−a) − Φ(−b).
  const pc = Math.max(0, b <= 0 ? normalCdf(b) - normalCdf(a) : normalCdf(-a) - normalCdf(-b));
  return { pc, nonconformity: 1 - pc };
}

/** Probability of accepting an item of true value η: the measured value falls in [AL, AU]. */
export function acceptanceProbability(eta: number, u: number, zone: ToleranceInterval): number {
  return conformity(eta, u, zone).pc;
}
