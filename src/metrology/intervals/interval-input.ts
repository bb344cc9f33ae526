// Validation of a calibration-interval request (DESIGN.md §8 `interval`). History is in
// chronological order (oldest first); parameters that belong to the other method are refused.
import { MetrologyInputError, pointer, type MetrologyProblem, type MetrologyProblemCode } from '../errors.ts';

export interface CalibrationResult {
  readonly intervalDays: number;
  readonly inTolerance: boolean;
}

export type IntervalMethod = 'A3' | 'A1';

export interface IntervalInput {
  readonly history: readonly CalibrationResult[];
  readonly reliabilityTarget: number;
  readonly method: IntervalMethod;
  /** defaults to the interval of the most recent result */
  readonly currentIntervalDays: number;
  readonly minIntervalDays?: number;
  readonly maxIntervalDays?: number;
  // A3
  readonly confidence: number;
  readonly maxChangeFactor: number;
  readonly windowDays?: number;
  // A1
  readonly increase?: number;
  readonly decrease?: number;
}

export const DEFAULTS = { confidence: 0.5, maxChangeFactor: 2, increase: 0.1 } as const;

const COMMON = ['history', 'reliabilityTarget', 'method', 'currentIntervalDays', 'minIntervalDays', 'maxIntervalDays'];
const A3_ONLY = ['confidence', 'maxChangeFactor', 'windowDays'];
const A1_ONLY = ['increase', 'decrease'];

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPositive = (v: unknown): v is number => isFiniteNumber(v) && v > 0;
const isOpenUnit = (v: unknown): v is number => isFiniteNumber(v) && v > 0 && v < 1;

export function parseIntervalInput(input: unknown): IntervalInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new MetrologyInputError([{ pointer: '', code: 'wrong_type', message: 'expected a JSON object' }]);
  }
  const raw = input as Record<string, unknown>;
  const problems: MetrologyProblem[] = [];
  const bad = (field: string, code: MetrologyProblemCode, message: string): void => void problems.push({ pointer: pointer(field), code, message });

  const method = raw.method ?? 'A3';
  if (method !== 'A3' && method !== 'A1') bad('method', 'not_in_list', 'must be "A3" (NCSLI RP-1 interval test) or "A1" (simple response / staircase)');
  const known = new Set([...COMMON, ...A3_ONLY, ...A1_ONLY]);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) bad(key, 'unknown_field', 'unknown field');
    else if (method === 'A3' && A1_ONLY.includes(key)) bad(key, 'conflicting_fields', 'only method "A1" takes this');
    else if (method === 'A1' && A3_ONLY.includes(key)) bad(key, 'conflicting_fields', 'only method "A3" takes this');
  }

  const history = raw.history;
  if (!Array.isArray(history) || history.length === 0) {
    bad('history', 'wrong_type', 'must be a non-empty array of { intervalDays, inTolerance }');
  } else {
    history.forEach((item: unknown, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        problems.push({ pointer: pointer('history', i), code: 'wrong_type', message: 'must be an object { intervalDays, inTolerance }' });
        return;
      }
      const { intervalDays, inTolerance, ...rest } = item as Record<string, unknown>;
      for (const key of Object.keys(rest)) problems.push({ pointer: pointer('history', i, key), code: 'unknown_field', message: 'unknown field' });
      if (!isPositive(intervalDays)) problems.push({ pointer: pointer('history', i, 'intervalDays'), code: 'out_of_range', message: 'must be a positive number of days' });
      if (typeof inTolerance !== 'boolean') problems.push({ pointer: pointer('history', i, 'inTolerance'), code: 'wrong_type', message: 'must be true or false' });
    });
  }

  const { reliabilityTarget, currentIntervalDays, minIntervalDays, maxIntervalDays, confidence, maxChangeFactor, windowDays, increase, decrease } = raw;
  if (!isOpenUnit(reliabilityTarget)) bad('reliabilityTarget', 'out_of_range', 'must be a probability strictly between 0 and 1');
  if (currentIntervalDays !== undefined && !isPositive(currentIntervalDays)) bad('currentIntervalDays', 'out_of_range', 'must be a positive number of days');
  if (minIntervalDays !== undefined && !isPositive(minIntervalDays)) bad('minIntervalDays', 'out_of_range', 'must be a positive number of days');
  if (maxIntervalDays !== undefined && !isPositive(maxIntervalDays)) bad('maxIntervalDays', 'out_of_range', 'must be a positive number of days');
  if (isPositive(minIntervalDays) && isPositive(maxIntervalDays) && minIntervalDays > maxIntervalDays) bad('maxIntervalDays', 'conflicting_fields', 'must not be less than minIntervalDays');
  if (confidence !== undefined && !isOpenUnit(confidence)) bad('confidence', 'out_of_range', 'must be a probability strictly between 0 and 1');
  if (maxChangeFactor !== undefined && !(isFiniteNumber(maxChangeFactor) && maxChangeFactor > 1)) bad('maxChangeFactor', 'out_of_range', 'must be a number > 1');
  if (windowDays !== undefined && !(isFiniteNumber(windowDays) && windowDays >= 0)) bad('windowDays', 'out_of_range', 'must be a number of days ≥ 0');
  if (increase !== undefined && !isPositive(increase)) bad('increase', 'out_of_range', 'must be a positive fraction (0.1 = +10 %)');
  if (decrease !== undefined && !isOpenUnit(decrease)) bad('decrease', 'out_of_range', 'must be a fraction strictly between 0 and 1 (0.3 = −30 %)');

  if (problems.length > 0) throw new MetrologyInputError(problems);
  const results = history as CalibrationResult[];
  return {
    history: results,
    reliabilityTarget: reliabilityTarget as number,
    method: method as IntervalMethod,
    currentIntervalDays: (currentIntervalDays as number | undefined) ?? results[results.length - 1]!.intervalDays,
    ...(minIntervalDays === undefined ? {} : { minIntervalDays: minIntervalDays as number }),
    ...(maxIntervalDays === undefined ? {} : { maxIntervalDays: maxIntervalDays as number }),
    confidence: (confidence as number | undefined) ?? DEFAULTS.confidence,
    maxChangeFactor: (maxChangeFactor as number | undefined) ?? DEFAULTS.maxChangeFactor,
    ...(windowDays === undefined ? {} : { windowDays: windowDays as number }),
    ...(increase === undefined ? {} : { increase: increase as number }),
    ...(decrease === undefined ? {} : { decrease: decrease as number }),
  };
}
