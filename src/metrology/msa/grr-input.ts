// Validation of a gauge R&R request (DESIGN.md §8 `grr`): data[appraiser][trial][part], a method and
// an optional tolerance. Every problem is collected with its JSON pointer before anything is thrown.
import { MetrologyInputError, pointer, type MetrologyProblem } from '../errors.ts';
import { MAX_APPRAISERS, MAX_PARTS, MAX_TRIALS } from './grr-constants.ts';

export type GrrMethod = 'anova' | 'xbar-r';

export interface GrrInput {
  /** data[appraiser][trial][part] */
  readonly data: readonly (readonly (readonly number[])[])[];
  readonly method: GrrMethod;
  readonly tolerance?: number;
}

const KEYS = new Set(['data', 'method', 'tolerance']);

export function parseGrrInput(input: unknown): GrrInput {
  const problems: MetrologyProblem[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new MetrologyInputError([{ pointer: '', code: 'wrong_type', message: 'expected a JSON object' }]);
  }
  const raw = input as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!KEYS.has(key)) problems.push({ pointer: pointer(key), code: 'unknown_field', message: 'unknown field' });
  }

  const method = raw.method;
  if (method !== 'anova' && method !== 'xbar-r') {
    problems.push({ pointer: '/method', code: 'not_in_list', message: 'must be "anova" or "xbar-r"' });
  }

  const tolerance = raw.tolerance;
  if (tolerance !== undefined && !(typeof tolerance === 'number' && Number.isFinite(tolerance) && tolerance > 0)) {
    problems.push({ pointer: '/tolerance', code: 'out_of_range', message: 'must be a positive number (USL − LSL)' });
  }

  const data = checkData(raw.data, problems);
  if (problems.length > 0) throw new MetrologyInputError(problems);
  return {
    data: data!,
    method: method as GrrMethod,
    ...(tolerance === undefined ? {} : { tolerance: tolerance as number }),
  };
}

function checkData(data: unknown, problems: MetrologyProblem[]): number[][][] | undefined {
  const before = problems.length;
  if (!Array.isArray(data)) {
    problems.push({ pointer: '/data', code: 'wrong_type', message: 'must be an array of appraisers, each an array of trials, each an array of parts' });
    return undefined;
  }
  if (data.length < 2 || data.length > MAX_APPRAISERS) {
    problems.push({ pointer: '/data', code: 'out_of_range', message: `needs 2 to ${MAX_APPRAISERS} appraisers` });
  }
  let trials: number | undefined;
  let parts: number | undefined;
  data.forEach((appraiser: unknown, a) => {
    if (!Array.isArray(appraiser)) {
      problems.push({ pointer: pointer('data', a), code: 'wrong_type', message: 'must be an array of trials' });
      return;
    }
    if (trials === undefined) {
      trials = appraiser.length;
      if (trials < 2 || trials > MAX_TRIALS) problems.push({ pointer: pointer('data', a), code: 'out_of_range', message: `needs 2 to ${MAX_TRIALS} trials` });
    } else if (appraiser.length !== trials) {
      problems.push({ pointer: pointer('data', a), code: 'conflicting_fields', message: `has ${appraiser.length} trials; appraiser 0 has ${trials} (the study must be balanced)` });
    }
    appraiser.forEach((trial: unknown, t) => {
      if (!Array.isArray(trial)) {
        problems.push({ pointer: pointer('data', a, t), code: 'wrong_type', message: 'must be an array of part measurements' });
        return;
      }
      if (parts === undefined) {
        parts = trial.length;
        if (parts < 2 || parts > MAX_PARTS) problems.push({ pointer: pointer('data', a, t), code: 'out_of_range', message: `needs 2 to ${MAX_PARTS} parts` });
      } else if (trial.length !== parts) {
        problems.push({ pointer: pointer('data', a, t), code: 'conflicting_fields', message: `has ${trial.length} parts; the first trial has ${parts} (the study must be balanced)` });
      }
      trial.forEach((value: unknown, p) => {
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          problems.push({ pointer: pointer('data', a, t, p), code: 'wrong_type', message: 'must be a finite number' });
        }
      });
    });
  });
  return problems.length === before ? (data as number[][][]) : undefined;
}
