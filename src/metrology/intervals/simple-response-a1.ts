// Simple response method: NCSLI RP-1 (2010) method A1, OIML D 10:2007 method 1 "automatic
// adjustment or staircase". After each calibration the interval is multiplied by (1 + a) if the
// instrument was found in tolerance and by (1 − b) if not; here the most recent result (last in
// `history`) adjusts the current interval.
// Default a = 0.1. Unless b is given it is chosen so that the staircase is in equilibrium at the
// reliability target R*: R*·ln(1 + a) + (1 − R*)·ln(1 − b) = 0, i.e. b = 1 − (1 + a)^(−R*/(1 − R*))
// (the log-interval then has zero drift exactly when the in-tolerance rate equals R*).
import { DEFAULTS, type IntervalInput } from './interval-input.ts';

export const A1_METHOD = 'NCSLI RP-1 A1 (OIML D 10 staircase)';

export interface A1Result {
  readonly method: typeof A1_METHOD;
  readonly action: 'lengthen' | 'shorten';
  readonly currentIntervalDays: number;
  readonly calculatedIntervalDays: number;
  readonly lastInTolerance: boolean;
  readonly increase: number;
  readonly decrease: number;
  /** in-tolerance rate over the whole history (for information; A1 reacts to the last result) */
  readonly observedReliability: number;
  readonly reliabilityTarget: number;
}

export function equilibriumDecrease(increase: number, target: number): number {
  return 1 - (1 + increase) ** (-target / (1 - target));
}

export function simpleResponse(req: IntervalInput): A1Result {
  const a = req.increase ?? DEFAULTS.increase;
  const b = req.decrease ?? equilibriumDecrease(a, req.reliabilityTarget);
  const last = req.history[req.history.length - 1]!;
  const i0 = req.currentIntervalDays;
  return {
    method: A1_METHOD,
    action: last.inTolerance ? 'lengthen' : 'shorten',
    currentIntervalDays: i0,
    calculatedIntervalDays: last.inTolerance ? i0 * (1 + a) : i0 * (1 - b),
    lastInTolerance: last.inTolerance,
    increase: a,
    decrease: b,
    observedReliability: req.history.filter((r) => r.inTolerance).length / req.history.length,
    reliabilityTarget: req.reliabilityTarget,
  };
}
