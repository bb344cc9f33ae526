// The Monte Carlo part of the input: trials, seed, adaptive mode (JCGM 101 7.2, 7.9).

import { type MetrologyProblem } from '../errors.ts';
import { readNumber } from '../gum/input.ts';

export const DEFAULT_TRIALS = 1_000_000;
/** Largest run accepted: 10^7 trials keep one output in 80 MB. */
export const MAX_TRIALS = 10_000_000;
export const DEFAULT_SEED = 1;

export interface McmOptions {
  readonly trials: number;
  readonly seed: number;
  readonly adaptive: boolean;
  readonly ndig: number;
}

export function readMcmOptions(raw: Record<string, unknown>, problems: MetrologyProblem[]): McmOptions {
  const integer = (key: string, min: number, max: number): number | undefined =>
    readNumber(raw, key, [], problems, { test: (x) => Number.isInteger(x) && x >= min && x <= max, code: 'out_of_range', message: `must be an integer from ${min} to ${max}` });
  const trials = integer('trials', 1000, MAX_TRIALS);
  const seed = integer('seed', 0, Number.MAX_SAFE_INTEGER);
  const ndig = integer('ndig', 1, 6);
  let adaptive = false;
  if (raw.adaptive !== undefined) {
    if (typeof raw.adaptive === 'boolean') adaptive = raw.adaptive;
    else problems.push({ pointer: '/adaptive', code: 'wrong_type', message: 'must be true or false' });
  }
  return {
    // In adaptive mode `trials` caps the run; otherwise it is the run.
    trials: trials ?? (adaptive ? MAX_TRIALS : DEFAULT_TRIALS),
    seed: seed ?? DEFAULT_SEED,
    adaptive,
    ndig: ndig ?? 2,
  };
}
