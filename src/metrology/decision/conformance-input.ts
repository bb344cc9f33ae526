// Validation of a conformity-decision request (DESIGN.md §8 `conformance`). Each rule takes only
// its own parameters: `k` belongs to "guarded", `targetPFA` to "risk".
import { MetrologyInputError, pointer, type MetrologyProblem } from '../errors.ts';

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
    throw new MetrologyInputError([{ pointer: '', message: 'expected a JSON object' }]);
  }
  const raw = input as Record<string, unknown>;
  const problems: MetrologyProblem[] = [];
  const bad = (field: string, message: string): void => void problems.push({ pointer: pointer(field), message });
  for (const key of Object.keys(raw)) if (!KEYS.has(key)) bad(key, 'unknown field');

  const { measured, u, lower, upper, rule, k, targetPFA, process } = raw;
  if (!isFiniteNumber(measured)) bad('measured', 'must be a finite number');
  if (!(isFiniteNumber(u) && u > 0)) bad('u', 'must be a positive number (standard uncertainty)');
  if (lower !== undefined && !isFiniteNumber(lower)) bad('lower', 'must be a finite number');
  if (upper !== undefined && !isFiniteNumber(upper)) bad('upper', 'must be a finite number');
  if (lower === undefined && upper === undefined) bad('upper', 'give a lower tolerance limit, an upper one, or both');
  if (isFiniteNumber(lower) && isFiniteNumber(upper) && !(lower < upper)) bad('upper', 'must be greater than lower');

  if (!RULES.includes(rule as DecisionRule)) bad('rule', 'must be "simple", "guarded" or "risk"');
  if (k !== undefined) {
    if (rule !== 'guarded') bad('k', 'only the "guarded" rule takes k');
    else if (!(isFiniteNumber(k) && k >= 0)) bad('k', 'must be a number ≥ 0 (guard band w = k·u)');
  }
  if (rule === 'risk' && targetPFA === undefined) bad('targetPFA', 'the "risk" rule needs targetPFA');
  if (targetPFA !== undefined) {
    if (rule !== 'risk') bad('targetPFA', 'only the "risk" rule takes targetPFA');
    else if (!(isFiniteNumber(targetPFA) && targetPFA > 0 && targetPFA <= 0.5)) bad('targetPFA', 'must be a probability in (0, 0.5]');
  }

  let proc: ConformanceInput['process'];
  if (process !== undefined) {
    if (typeof process !== 'object' || process === null || Array.isArray(process)) {
      bad('process', 'must be an object { mean, sd }');
    } else {
      const { mean, sd, ...rest } = process as Record<string, unknown>;
      for (const key of Object.keys(rest)) problems.push({ pointer: pointer('process', key), message: 'unknown field' });
      if (!isFiniteNumber(mean)) problems.push({ pointer: '/process/mean', message: 'must be a finite number' });
      if (!(isFiniteNumber(sd) && sd > 0)) problems.push({ pointer: '/process/sd', message: 'must be a positive number' });
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
