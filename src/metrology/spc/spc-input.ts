// Validation of a control-chart request (DESIGN.md §8 `spc`). Each chart takes exactly the
// fields it uses; every problem is reported with its JSON pointer.
import { MetrologyInputError, pointer, type MetrologyProblem } from '../errors.ts';
import { MAX_SUBGROUP, MIN_SUBGROUP } from './constants.ts';

export type ChartKind = 'xbar-r' | 'xbar-s' | 'imr' | 'p' | 'c';

export interface SpecLimits {
  readonly lsl?: number;
  readonly usl?: number;
}

export type SpcInput =
  | { readonly chart: 'xbar-r' | 'xbar-s'; readonly subgroups: readonly (readonly number[])[]; readonly spec?: SpecLimits; readonly rules?: 'western-electric' }
  | { readonly chart: 'imr'; readonly values: readonly number[]; readonly spec?: SpecLimits; readonly rules?: 'western-electric' }
  /** values: number nonconforming per sample; sampleSize: one size, or one per sample */
  | { readonly chart: 'p'; readonly values: readonly number[]; readonly sampleSize: number | readonly number[]; readonly rules?: 'western-electric' }
  /** values: number of nonconformities per inspection unit */
  | { readonly chart: 'c'; readonly values: readonly number[]; readonly rules?: 'western-electric' };

const CHARTS: readonly ChartKind[] = ['xbar-r', 'xbar-s', 'imr', 'p', 'c'];
const FIELDS: Readonly<Record<ChartKind, readonly string[]>> = {
  'xbar-r': ['subgroups', 'spec'],
  'xbar-s': ['subgroups', 'spec'],
  imr: ['values', 'spec'],
  p: ['values', 'sampleSize'],
  c: ['values'],
};
const ALL_FIELDS = new Set(['chart', 'rules', 'subgroups', 'values', 'sampleSize', 'spec']);

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

export function parseSpcInput(input: unknown): SpcInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new MetrologyInputError([{ pointer: '', code: 'wrong_type', message: 'expected a JSON object' }]);
  }
  const raw = input as Record<string, unknown>;
  const problems: MetrologyProblem[] = [];
  const chart = raw.chart as ChartKind;
  if (!CHARTS.includes(chart)) {
    problems.push({ pointer: '/chart', code: 'not_in_list', message: `must be one of ${CHARTS.map((c) => `"${c}"`).join(', ')}` });
    throw new MetrologyInputError(problems);
  }
  const allowed = new Set(['chart', 'rules', ...FIELDS[chart]]);
  for (const key of Object.keys(raw)) {
    if (!ALL_FIELDS.has(key)) problems.push({ pointer: pointer(key), code: 'unknown_field', message: 'unknown field' });
    else if (!allowed.has(key) && raw[key] !== undefined) problems.push({ pointer: pointer(key), code: 'conflicting_fields', message: `not used by the "${chart}" chart` });
  }
  if (raw.rules !== undefined && raw.rules !== 'western-electric') {
    problems.push({ pointer: '/rules', code: 'not_in_list', message: 'must be "western-electric"' });
  }
  const spec = allowed.has('spec') && raw.spec !== undefined ? checkSpec(raw.spec, problems) : undefined;
  const rules = raw.rules === 'western-electric' ? { rules: 'western-electric' as const } : {};
  const withSpec = spec ? { spec } : {};

  let result: SpcInput | undefined;
  switch (chart) {
    case 'xbar-r':
    case 'xbar-s': {
      const subgroups = checkSubgroups(raw.subgroups, problems);
      if (subgroups) result = { chart, subgroups, ...withSpec, ...rules };
      break;
    }
    case 'imr': {
      const values = checkValues(raw.values, 2, isFiniteNumber, 'a finite number', problems);
      if (values) result = { chart, values, ...withSpec, ...rules };
      break;
    }
    case 'p': {
      const values = checkValues(raw.values, 2, isCount, 'a count of nonconforming items (integer ≥ 0)', problems);
      const sampleSize = checkSampleSize(raw.sampleSize, values, problems);
      if (values && sampleSize !== undefined) result = { chart, values, sampleSize, ...rules };
      break;
    }
    case 'c': {
      const values = checkValues(raw.values, 2, isCount, 'a count of nonconformities (integer ≥ 0)', problems);
      if (values) result = { chart, values, ...rules };
      break;
    }
  }
  if (problems.length > 0 || !result) throw new MetrologyInputError(problems);
  return result;
}

function checkSpec(spec: unknown, problems: MetrologyProblem[]): SpecLimits | undefined {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    problems.push({ pointer: '/spec', code: 'wrong_type', message: 'must be an object { lsl?, usl? }' });
    return undefined;
  }
  const { lsl, usl, ...rest } = spec as Record<string, unknown>;
  const before = problems.length;
  for (const key of Object.keys(rest)) problems.push({ pointer: pointer('spec', key), code: 'unknown_field', message: 'unknown field' });
  if (lsl !== undefined && !isFiniteNumber(lsl)) problems.push({ pointer: '/spec/lsl', code: 'wrong_type', message: 'must be a finite number' });
  if (usl !== undefined && !isFiniteNumber(usl)) problems.push({ pointer: '/spec/usl', code: 'wrong_type', message: 'must be a finite number' });
  if (lsl === undefined && usl === undefined) problems.push({ pointer: '/spec', code: 'required', message: 'needs lsl, usl or both' });
  if (isFiniteNumber(lsl) && isFiniteNumber(usl) && !(lsl < usl)) problems.push({ pointer: '/spec/usl', code: 'conflicting_fields', message: 'must be greater than lsl' });
  if (problems.length > before) return undefined;
  return { ...(lsl === undefined ? {} : { lsl: lsl as number }), ...(usl === undefined ? {} : { usl: usl as number }) };
}

function checkSubgroups(subgroups: unknown, problems: MetrologyProblem[]): number[][] | undefined {
  if (!Array.isArray(subgroups) || subgroups.length < 2) {
    problems.push({ pointer: '/subgroups', code: 'out_of_range', message: 'must be an array of at least 2 subgroups' });
    return undefined;
  }
  const before = problems.length;
  let size: number | undefined;
  subgroups.forEach((group: unknown, i) => {
    if (!Array.isArray(group)) {
      problems.push({ pointer: pointer('subgroups', i), code: 'wrong_type', message: 'must be an array of measured values' });
      return;
    }
    if (size === undefined) {
      size = group.length;
      if (size < MIN_SUBGROUP || size > MAX_SUBGROUP) {
        problems.push({ pointer: pointer('subgroups', i), code: 'out_of_range', message: `subgroup size must be ${MIN_SUBGROUP}..${MAX_SUBGROUP}` });
      }
    } else if (group.length !== size) {
      problems.push({ pointer: pointer('subgroups', i), code: 'conflicting_fields', message: `has ${group.length} values; every subgroup must have ${size} like subgroup 0` });
    }
    group.forEach((v: unknown, j) => {
      if (!isFiniteNumber(v)) problems.push({ pointer: pointer('subgroups', i, j), code: 'wrong_type', message: 'must be a finite number' });
    });
  });
  return problems.length === before ? (subgroups as number[][]) : undefined;
}

function checkValues(values: unknown, min: number, ok: (v: unknown) => boolean, what: string, problems: MetrologyProblem[]): number[] | undefined {
  if (!Array.isArray(values) || values.length < min) {
    problems.push({ pointer: '/values', code: 'out_of_range', message: `must be an array of at least ${min} values` });
    return undefined;
  }
  const before = problems.length;
  values.forEach((v: unknown, i) => {
    if (!ok(v)) problems.push({ pointer: pointer('values', i), code: 'wrong_type', message: `must be ${what}` });
  });
  return problems.length === before ? (values as number[]) : undefined;
}

function checkSampleSize(sampleSize: unknown, counts: readonly number[] | undefined, problems: MetrologyProblem[]): number | number[] | undefined {
  const positive = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;
  const before = problems.length;
  if (positive(sampleSize)) {
    counts?.forEach((d, i) => {
      if (d > sampleSize) problems.push({ pointer: pointer('values', i), code: 'out_of_range', message: `exceeds the sample size ${sampleSize}` });
    });
    return problems.length === before ? sampleSize : undefined;
  }
  if (!Array.isArray(sampleSize)) {
    problems.push({ pointer: '/sampleSize', code: 'out_of_range', message: 'must be a positive integer, or an array of one per sample' });
    return undefined;
  }
  if (counts && sampleSize.length !== counts.length) {
    problems.push({ pointer: '/sampleSize', code: 'conflicting_fields', message: `has ${sampleSize.length} sizes for ${counts.length} samples` });
    return undefined;
  }
  sampleSize.forEach((n: unknown, i) => {
    if (!positive(n)) problems.push({ pointer: pointer('sampleSize', i), code: 'out_of_range', message: 'must be a positive integer' });
    else if (counts && counts[i]! > n) problems.push({ pointer: pointer('values', i), code: 'out_of_range', message: `exceeds its sample size ${n}` });
  });
  return problems.length === before ? (sampleSize as number[]) : undefined;
}
