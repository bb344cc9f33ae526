// Validation of a conformity-decision request (DESIGN.md §8 `conformance`). Each rule takes only
// its own parameters: `k` belongs to "guarded", `targetPFA` to "risk".
import { MetrologyInputError, pointer, type MetrologyProblem, type MetrologyProblemCode } from '../errors.ts';

export type DecisionRule = 'simple' | 'guarded' | 'risk';

export interface ConformanceInput {
  readonly measured: number;
  /** standard uncertainty of the measured value */
  readonly u: number;
  readonly lower?: number;
  readonly upper?: number;
  readonly rule: DecisionRule;
  /** guarded: w = k·u (default 2, ILAC G8:09/2019 §4.2.2: w = U with k = 2) */
  readonly k: number;
  /** risk: maximum specific false-accept risk at the acceptance limits */
  readonly targetPFA?: number;
  /** normal distribution of the true values of the items tested (JCGM 106 §9) */
  readonly process?: { readonly mean: number; readonly sd: number };
}

const KEYS = new Set(['measured', 'u', 'lower', 'upper', 'rule', 'k', 'targetPFA', 'process']);
const RULES: readonly DecisionRule[] = ['simple', 'guarded', 'risk'];
export const DEFAULT_K = 2;

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function parseConformanceInput(input: unknown): ConformanceInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new MetrologyInputError([{ pointer: '', code: 'wrong_type', message: 'expected a JSON object' }]);
  }
  const raw = input as Record<string, unknown>;
  const problems: MetrologyProblem[] = [];
  const bad = (field: string, code: MetrologyProblemCode, message: string): void => void problems.push({ pointer: pointer(field), code, message });
  for (const key of Object.keys(raw)) if (!KEYS.has(key)) bad(key, 'unknown_field', 'unknown field');

  const { measured, u, lower, upper, rule, k, targetPFA, process } = raw;
  if (!isFiniteNumber(measured)) bad('measured', 'wrong_type', 'must be a finite number');
  if (!(isFiniteNumber(u) && u > 0)) bad('u', 'out_of_range', 'must be a positive number (standard uncertainty)');
  if (lower !== undefined && !isFiniteNumber(lower)) bad('lower', 'wrong_type', 'must be a finite number');
  if (upper !== undefined && !isFiniteNumber(upper)) bad('upper', 'wrong_type', 'must be a finite number');
  if (lower === undefined && upper === undefined) bad('upper', 'required', 'give a lower tolerance limit, an upper one, or both');
  if (isFiniteNumber(lower) && isFiniteNumber(upper) && !(lower < upper)) bad('upper', 'conflicting_fields', 'must be greater than lower');

  if (!RULES.includes(rule as DecisionRule)) bad('rule', 'not_in_list', 'must be "simple", "guarded" or "risk"');
  if (k !== undefined) {
    if (rule !== 'guarded') bad('k', 'conflicting_fields', 'only the "guarded" rule takes k');
    else if (!(isFiniteNumber(k) && k >= 0)) bad('k', 'out_of_range', 'must be a number ≥ 0 (guard band w = k·u)');
  }
  if (rule === 'risk' && targetPFA === undefined) bad('targetPFA', 'required', 'the "risk" rule needs targetPFA');
  if (targetPFA !== undefined) {
    if (rule !== 'risk') bad('targetPFA', 'conflicting_fields', 'only the "risk" rule takes targetPFA');
    else if (!(isFiniteNumber(targetPFA) && targetPFA > 0 && targetPFA <= 0.5)) bad('targetPFA', 'out_of_range', 'must be a probability in (0, 0.5]');
  }

  let proc: ConformanceInput['process'];
  if (process !== undefined) {
    if (typeof process !== 'object' || process === null || Array.isArray(process)) {
      bad('process', 'wrong_type', 'must be an object { mean, sd }');
    } else {
      const { mean, sd, ...rest } = process as Record<string, unknown>;
      for (const key of Object.keys(rest)) problems.push({ pointer: pointer('process', key), code: 'unknown_field', message: 'unknown field' });
      if (!isFiniteNumber(mean)) problems.push({ pointer: '/process/mean', code: 'wrong_type', message: 'must be a finite number' });
      if (!(isFiniteNumber(sd) && sd > 0)) problems.push({ pointer: '/process/sd', code: 'out_of_range', message: 'must be a positive number' });
      if (isFiniteNumber(mean) && isFiniteNumber(sd)) proc = { mean, sd };
    }
  }

  if (problems.length > 0) throw new MetrologyInputError(problems);
  return {
    measured: measured as number,
    u: u as number,
    ...(lower === undefined ? {} : { lower: lower as number }),
    ...(upper === undefined ? {} : { upper: upper as number }),
    rule: rule as DecisionRule,
    k: (k as number | undefined) ?? DEFAULT_K,
    ...(targetPFA === undefined ? {} : { targetPFA: targetPFA as number }),
    ...(proc ? { process: proc } : {}),
  };
}
