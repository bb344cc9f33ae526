// Validation of the shared `gum`/`mcm` input (DESIGN.md §8) into a typed model. Every problem is
// collected with its JSON pointer before one MetrologyInputError is thrown, so a user fixes all
// mistakes in one round. Unknown properties are rejected: a misspelt "halfwidth" must not
// silently become a zero uncertainty.

import { MetrologyInputError, pointer, type MetrologyProblem, type MetrologyProblemCode } from '../errors.ts';
import { IDENTIFIER, isReservedName, parseExpression, type Expr } from '../expression/index.ts';
import {
  uncertaintyFromBounds, uncertaintyFromExpanded, uncertaintyFromHalfWidth, type HalfWidthShape,
} from '../distributions/standard-uncertainty.ts';
import { symmetricEigen, type DofPolicy } from '../stats/index.ts';

export type InputShape = 'normal' | 't' | HalfWidthShape | 'uniform';
const SHAPES: readonly InputShape[] = ['normal', 't', 'rectangular', 'triangular', 'arcsine', 'uniform'];

export interface UncertainInput {
  readonly name: string;
  /** Best estimate x_i. */
  readonly value: number;
  /** Standard uncertainty u(x_i) (JCGM 100 4.3). */
  readonly u: number;
  /** Degrees of freedom of u(x_i); Infinity when not stated. */
  readonly dof: number;
  /** 'normal' also stands for inputs given only by u or U+k; Monte Carlo decides by dof. */
  readonly shape: InputShape;
  /** Whether `dist` was stated explicitly (an explicit "normal" stays Gaussian in Monte Carlo). */
  readonly explicitDist: boolean;
  readonly halfWidth?: number;
  readonly low?: number;
  readonly high?: number;
}

export interface ModelOutput {
  readonly name: string;
  readonly expr: Expr;
}

export interface ModelInput {
  readonly outputs: readonly ModelOutput[];
  readonly inputs: readonly UncertainInput[];
  /** Input name → position in `inputs` and in the rows of `correlation`. */
  readonly index: ReadonlyMap<string, number>;
  /** n×n correlation matrix of the inputs (identity when none are given). */
  readonly correlation: readonly (readonly number[])[];
  readonly correlated: boolean;
  readonly p: number;
  readonly dofPolicy: DofPolicy;
  readonly order: 1 | 2;
}

const BASE_KEYS = ['model', 'inputs', 'correlations', 'p', 'dofPolicy', 'order'];
/** Keys of the Monte Carlo input, accepted (and ignored) by `gum` so one input serves both. */
export const MCM_KEYS = ['trials', 'seed', 'adaptive', 'ndig'];
const INPUT_KEYS = ['value', 'u', 'U', 'k', 'dof', 'dist', 'halfWidth', 'low', 'high'];

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  return typeof x === 'string' ? `"${x.length > 40 ? x.slice(0, 40) + '…' : x}"` : typeof x === 'object' ? 'an object' : String(x);
}

/** Reports properties of `obj` not in `allowed`. */
export function rejectUnknownKeys(obj: Record<string, unknown>, allowed: readonly string[], at: string[], problems: MetrologyProblem[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) problems.push({ pointer: pointer(...at, key), code: 'unknown_field', message: `unknown property '${key}' (allowed: ${allowed.join(', ')})` });
  }
}

/** A finite number at obj[key], or undefined (with a problem recorded when present but bad). */
export function readNumber(
  obj: Record<string, unknown>, key: string, at: string[], problems: MetrologyProblem[],
  check?: { readonly test: (x: number) => boolean; readonly code: MetrologyProblemCode; readonly message: string },
): number | undefined {
  const raw = obj[key];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    problems.push({ pointer: pointer(...at, key), code: 'wrong_type', message: `must be a finite number, got ${describe(raw)}` });
    return undefined;
  }
  if (check && !check.test(raw)) {
    problems.push({ pointer: pointer(...at, key), code: check.code, message: `${check.message}, got ${raw}` });
    return undefined;
  }
  return raw;
}

const NON_NEGATIVE = { test: (x: number) => x >= 0, code: 'out_of_range', message: 'must be ≥ 0' } as const;
const POSITIVE = { test: (x: number) => x > 0, code: 'out_of_range', message: 'must be > 0' } as const;

export function readModelInput(raw: unknown, problems: MetrologyProblem[], extraKeys: readonly string[]): ModelInput | undefined {
  if (!isRecord(raw)) {
    problems.push({ pointer: '', code: 'wrong_type', message: `input must be a JSON object, got ${describe(raw)}` });
    return undefined;
  }
  const before = problems.length;
  rejectUnknownKeys(raw, [...BASE_KEYS, ...extraKeys], [], problems);

  const inputs = readInputs(raw.inputs, problems);
  const names = inputs.map((i) => i.name);
  const index = new Map(names.map((name, i) => [name, i]));
  const outputs = readModel(raw.model, names, problems);
  const declared = new Set(isRecord(raw.inputs) ? Object.keys(raw.inputs) : []);
  const correlation = readCorrelations(raw.correlations, index, declared, problems);

  const p = raw.p === undefined ? 0.95 : readNumber(raw, 'p', [], problems, { test: (x) => x > 0 && x < 1, code: 'out_of_range', message: 'must be a coverage probability in (0, 1)' });
  let dofPolicy: DofPolicy = 'truncate';
  if (raw.dofPolicy !== undefined) {
    if (raw.dofPolicy === 'truncate' || raw.dofPolicy === 'continuous') dofPolicy = raw.dofPolicy;
    else problems.push({ pointer: '/dofPolicy', code: 'not_in_list', message: `must be "truncate" or "continuous", got ${describe(raw.dofPolicy)}` });
  }
  let order: 1 | 2 = 1;
  if (raw.order !== undefined) {
    if (raw.order === 1 || raw.order === 2) order = raw.order;
    else problems.push({ pointer: '/order', code: 'not_in_list', message: `must be 1 or 2, got ${describe(raw.order)}` });
  }
  if (problems.length > before || p === undefined) return undefined;
  return {
    outputs, inputs, index, correlation: correlation.matrix, correlated: correlation.given, p, dofPolicy, order,
  };
}

function readModel(raw: unknown, names: readonly string[], problems: MetrologyProblem[]): ModelOutput[] {
  const parse = (source: unknown, name: string, at: string): ModelOutput[] => {
    if (typeof source !== 'string') {
      problems.push({ pointer: at, code: 'wrong_type', message: `must be an expression string, got ${describe(source)}` });
      return [];
    }
    try {
      return [{ name, expr: parseExpression(source, { pointer: at, names }) }];
    } catch (error) {
      if (!(error instanceof MetrologyInputError)) throw error;
      problems.push(...error.problems);
      return [];
    }
  };
  if (raw === undefined) {
    problems.push({ pointer: '/model', code: 'required', message: 'is required: an expression, or an object of named expressions' });
    return [];
  }
  if (!isRecord(raw)) return parse(raw, 'y', '/model');
  const entries = Object.entries(raw);
  if (entries.length === 0) problems.push({ pointer: '/model', code: 'required', message: 'needs at least one output expression' });
  return entries.flatMap(([name, source]) => {
    if (!IDENTIFIER.test(name) || isReservedName(name)) {
      problems.push({ pointer: pointer('model', name), code: 'invalid_format', message: `output name '${name}' must be letters, digits and underscores, not starting with a digit, and not reserved` });
      return [];
    }
    return parse(source, name, pointer('model', name));
  });
}

function readInputs(raw: unknown, problems: MetrologyProblem[]): UncertainInput[] {
  if (!isRecord(raw)) {
    problems.push({ pointer: '/inputs', code: raw === undefined ? 'required' : 'wrong_type', message: raw === undefined ? 'is required: an object of named inputs' : `must be an object of named inputs, got ${describe(raw)}` });
    return [];
  }
  const result: UncertainInput[] = [];
  for (const [name, spec] of Object.entries(raw)) {
    const at = ['inputs', name];
    if (!IDENTIFIER.test(name)) {
      problems.push({ pointer: pointer(...at), code: 'invalid_format', message: `input name '${name}' must be letters, digits and underscores, not starting with a digit` });
      continue;
    }
    if (isReservedName(name)) {
      problems.push({ pointer: pointer(...at), code: 'invalid_format', message: `'${name}' is reserved (a function or constant of the expression language) and cannot name an input` });
      continue;
    }
    if (!isRecord(spec)) {
      problems.push({ pointer: pointer(...at), code: 'wrong_type', message: `must be an object such as { "value": 1, "u": 0.1 }, got ${describe(spec)}` });
      continue;
    }
    const input = readInput(name, spec, at, problems);
    if (input) result.push(input);
  }
  return result;
}

function readInput(name: string, spec: Record<string, unknown>, at: string[], problems: MetrologyProblem[]): UncertainInput | undefined {
  const before = problems.length;
  rejectUnknownKeys(spec, INPUT_KEYS, at, problems);
  const problem = (key: string, code: MetrologyProblemCode, message: string): void => {
    problems.push({ pointer: pointer(...at, ...(key ? [key] : [])), code, message });
  };
  let shape: InputShape = 'normal';
  if (spec.dist !== undefined) {
    if (typeof spec.dist === 'string' && (SHAPES as readonly string[]).includes(spec.dist)) shape = spec.dist as InputShape;
    else problem('dist', 'not_in_list', `must be one of ${SHAPES.join(', ')}; got ${describe(spec.dist)}`);
  }
  const present = (key: string): boolean => spec[key] !== undefined;
  const forbid = (keys: string[], why: string): void => {
    for (const key of keys) if (present(key)) problem(key, 'conflicting_fields', `not allowed here: ${why}`);
  };

  let dof = Infinity;
  if (spec.dof !== undefined && spec.dof !== null) {
    const d = typeof spec.dof === 'number' && spec.dof === Infinity ? Infinity : readNumber(spec, 'dof', at, problems, POSITIVE);
    if (d !== undefined) dof = d;
  }

  let value = readNumber(spec, 'value', at, problems);
  let u: number | undefined;
  let halfWidth: number | undefined;
  let low: number | undefined;
  let high: number | undefined;

  if (shape === 'normal' || shape === 't') {
    forbid(['halfWidth', 'low', 'high'], `dist "${shape}" is given by u, or U and k`);
    if (present('u') && (present('U') || present('k'))) problem('u', 'conflicting_fields', 'give either u, or U with k, not both');
    else if (present('u')) u = readNumber(spec, 'u', at, problems, NON_NEGATIVE);
    else if (present('U') || present('k')) {
      const U = readNumber(spec, 'U', at, problems, NON_NEGATIVE);
      const k = readNumber(spec, 'k', at, problems, POSITIVE);
      if (!present('U')) problem('U', 'required', 'k is given, so the expanded uncertainty U is required');
      if (!present('k')) problem('k', 'required', 'U is given, so its coverage factor k is required');
      if (U !== undefined && k !== undefined) u = uncertaintyFromExpanded(U, k);
    } else if (problems.length === before) {
      problem('', 'required', 'needs an uncertainty: u, or U with k, or dist with halfWidth (rectangular, triangular, arcsine), or dist "uniform" with low and high');
    }
    if (shape === 't' && dof === Infinity) problem('dof', 'required', 'dist "t" needs finite degrees of freedom (dof)');
  } else if (shape === 'uniform') {
    forbid(['u', 'U', 'k', 'halfWidth'], 'dist "uniform" is given by low and high');
    low = readNumber(spec, 'low', at, problems);
    high = readNumber(spec, 'high', at, problems);
    if (!present('low')) problem('low', 'required', 'is required for dist "uniform"');
    if (!present('high')) problem('high', 'required', 'is required for dist "uniform"');
    if (low !== undefined && high !== undefined) {
      if (high < low) problem('high', 'conflicting_fields', `must be ≥ low (${low}), got ${high}`);
      else {
        u = uncertaintyFromBounds(low, high);
        const mid = (low + high) / 2;
        if (value === undefined && !present('value')) value = mid;
        else if (value !== undefined && Math.abs(value - mid) > 1e-9 * Math.max(high - low, Math.abs(mid))) {
          problem('value', 'conflicting_fields', `must be the midpoint ${mid} of [low, high] for dist "uniform" (or be omitted)`);
        }
      }
    }
  } else {
    forbid(['u', 'U', 'k', 'low', 'high'], `dist "${shape}" is given by halfWidth`);
    halfWidth = readNumber(spec, 'halfWidth', at, problems, NON_NEGATIVE);
    if (!present('halfWidth')) problem('halfWidth', 'required', `is required for dist "${shape}"`);
    if (halfWidth !== undefined) u = uncertaintyFromHalfWidth(shape, halfWidth);
  }
  if (!present('value') && value === undefined) problem('value', 'required', 'is required (the best estimate of the input)');
  if (problems.length > before || value === undefined || u === undefined) return undefined;
  return {
    name, value, u, dof, shape, explicitDist: spec.dist !== undefined,
    ...(halfWidth !== undefined ? { halfWidth } : {}),
    ...(low !== undefined && high !== undefined ? { low, high } : {}),
  };
}

function readCorrelations(
  raw: unknown, index: ReadonlyMap<string, number>, declared: ReadonlySet<string>, problems: MetrologyProblem[],
): { matrix: number[][]; given: boolean } {
  const n = index.size;
  const matrix = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)));
  if (raw === undefined) return { matrix, given: false };
  if (!Array.isArray(raw)) {
    problems.push({ pointer: '/correlations', code: 'wrong_type', message: `must be an array of [input, input, r] triples, got ${describe(raw)}` });
    return { matrix, given: false };
  }
  const before = problems.length;
  const seen = new Set<string>();
  raw.forEach((entry: unknown, row) => {
    const at = pointer('correlations', row);
    if (!Array.isArray(entry) || entry.length !== 3) {
      problems.push({ pointer: at, code: 'wrong_type', message: `must be a triple [input, input, r], got ${describe(entry)}` });
      return;
    }
    const [a, b, r] = entry as unknown[];
    const ia = typeof a === 'string' ? index.get(a) : undefined;
    const ib = typeof b === 'string' ? index.get(b) : undefined;
    // A declared input with its own problems is not reported again here.
    if (typeof a !== 'string' || !declared.has(a)) problems.push({ pointer: `${at}/0`, code: 'not_in_list', message: `must name an input, got ${describe(a)}` });
    if (typeof b !== 'string' || !declared.has(b)) problems.push({ pointer: `${at}/1`, code: 'not_in_list', message: `must name an input, got ${describe(b)}` });
    if (typeof r !== 'number' || !Number.isFinite(r) || Math.abs(r) > 1) {
      problems.push({ pointer: `${at}/2`, code: 'out_of_range', message: `must be a correlation coefficient with |r| ≤ 1, got ${describe(r)}` });
      return;
    }
    if (ia === undefined || ib === undefined) return;
    if (ia === ib) {
      problems.push({ pointer: at, code: 'conflicting_fields', message: `an input cannot be correlated with itself ('${String(a)}')` });
      return;
    }
    const key = ia < ib ? `${ia},${ib}` : `${ib},${ia}`;
    if (seen.has(key)) {
      problems.push({ pointer: at, code: 'conflicting_fields', message: `the correlation of '${String(a)}' and '${String(b)}' is given twice` });
      return;
    }
    seen.add(key);
    matrix[ia]![ib] = r;
    matrix[ib]![ia] = r;
  });
  if (problems.length === before && seen.size > 0) {
    // JCGM 100 5.2.2: a valid correlation matrix is positive semidefinite; rounding slack 1e-10.
    const smallest = Math.min(...symmetricEigen(matrix).values);
    if (smallest < -1e-10) {
      problems.push({ pointer: '/correlations', code: 'invalid_value', message: `the correlation matrix is not positive semidefinite (smallest eigenvalue ${smallest.toPrecision(3)}); the coefficients are mutually inconsistent` });
    }
  }
  return { matrix, given: seen.size > 0 };
}

/** Validates `raw` and throws one MetrologyInputError listing every problem. */
export function parseModelInput(raw: unknown, extraKeys: readonly string[] = MCM_KEYS): ModelInput {
  const problems: MetrologyProblem[] = [];
  const model = readModelInput(raw, problems, extraKeys);
  if (!model || problems.length > 0) throw new MetrologyInputError(problems);
  return model;
}
