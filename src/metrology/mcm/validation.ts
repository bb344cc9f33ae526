// Validation of the GUM uncertainty framework by Monte Carlo (JCGM 101 §8, 8.2): the GUF interval
// y ± U_p agrees with the MCM interval [y_low, y_high] when both end-point differences are within
// the numerical tolerance δ of u(y) at ndig significant digits.

import type { GumQuantity } from '../gum/types.ts';
import type { Interval } from './coverage-interval.ts';
import { numericalTolerance } from './numerical-tolerance.ts';
import type { Validation } from './types.ts';

export function validateGuf(gum: GumQuantity, mcmInterval: Interval, ndig: number): Validation {
  const deltaTolerance = numericalTolerance(gum.u, ndig);
  const gumInterval: Interval = [gum.value - gum.U, gum.value + gum.U];
  const dLow = Math.abs(gumInterval[0] - mcmInterval[0]);
  const dHigh = Math.abs(gumInterval[1] - mcmInterval[1]);
  return { ndig, deltaTolerance, gumInterval, dLow, dHigh, passed: dLow <= deltaTolerance && dHigh <= deltaTolerance };
}
