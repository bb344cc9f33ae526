// The uncertainty-budget editor's state (strings as typed) and its conversion to and from the
// `gum` request of DESIGN.md §8.
import type { Distribution, GumInput, GumRequest } from '../api/metrology.ts';
import { parseNumberText } from '../lib/metrologyFormat.ts';

export type UncertaintyMode = 'u' | 'Uk' | 'dist';

export interface InputRow {
  readonly key: string;
  readonly name: string;
  readonly value: string;
  readonly mode: UncertaintyMode;
  readonly u: string;
  readonly U: string;
  readonly k: string;
  readonly dist: Distribution;
  readonly halfWidth: string;
  readonly dof: string;
}

export interface CorrelationRow {
  readonly key: string;
  readonly a: string;
  readonly b: string;
  readonly r: string;
}

export interface GumForm {
  readonly model: string;
  readonly rows: readonly InputRow[];
  readonly correlations: readonly CorrelationRow[];
  readonly p: number;
  readonly dofPolicy: 'truncate' | 'continuous';
}

let nextKey = 0;
export const newKey = (): string => `k${++nextKey}`;

const text = (value: number | string | undefined): string => (value === undefined ? '' : String(value));

export function emptyRow(name: string): InputRow {
  return { key: newKey(), name, value: '0', mode: 'u', u: '', U: '', k: '2', dist: 'rectangular', halfWidth: '', dof: '' };
}

/** Whether `value` has the shape the editor can show (the server judges the values). */
export function isGumRequest(value: unknown): value is GumRequest {
  if (value === null || typeof value !== 'object') return false;
  const { model, inputs, correlations, p, dofPolicy } = value as Record<string, unknown>;
  const isObject = (x: unknown) => x !== null && typeof x === 'object' && !Array.isArray(x);
  return (
    typeof model === 'string' &&
    typeof p === 'number' &&
    (dofPolicy === 'truncate' || dofPolicy === 'continuous') &&
    isObject(inputs) &&
    Object.values(inputs as object).every(isObject) &&
    (correlations === undefined || (Array.isArray(correlations) && correlations.every((c) => Array.isArray(c) && c.length === 3)))
  );
}

export function formFromRequest(request: GumRequest): GumForm {
  return {
    model: request.model,
    p: request.p,
    dofPolicy: request.dofPolicy,
    rows: Object.entries(request.inputs).map(([name, input]) => ({
      key: newKey(),
      name,
      value: text(input.value),
      mode: input.dist ? 'dist' : input.U !== undefined ? 'Uk' : 'u',
      u: text(input.u),
      U: text(input.U),
      k: text(input.k ?? 2),
      dist: input.dist ?? 'rectangular',
      halfWidth: text(input.halfWidth),
      dof: text(input.dof),
    })),
    correlations: (request.correlations ?? []).map(([a, b, r]) => ({ key: newKey(), a, b, r: String(r) })),
  };
}

/** Names used by more than one row (they would collapse into one JSON key). */
export function duplicateNames(rows: readonly InputRow[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const row of rows) {
    const name = row.name.trim();
    if (seen.has(name)) twice.add(name);
    seen.add(name);
  }
  return twice;
}

function withNumber(target: Record<string, unknown>, field: string, typed: string): void {
  const parsed = parseNumberText(typed);
  if (parsed !== undefined) target[field] = parsed;
}

export function requestFromForm(form: GumForm): GumRequest {
  const inputs: Record<string, GumInput> = {};
  for (const row of form.rows) {
    const input: Record<string, unknown> = { value: parseNumberText(row.value) ?? '' };
    if (row.mode === 'u') withNumber(input, 'u', row.u);
    else if (row.mode === 'Uk') {
      withNumber(input, 'U', row.U);
      withNumber(input, 'k', row.k);
    } else {
      input.dist = row.dist;
      withNumber(input, 'halfWidth', row.halfWidth);
    }
    withNumber(input, 'dof', row.dof);
    inputs[row.name.trim()] = input as unknown as GumInput;
  }
  const correlations = form.correlations
    .filter((c) => c.a && c.b && c.r.trim() !== '')
    .map((c) => [c.a, c.b, Number(c.r)] as [string, string, number]);
  return {
    model: form.model,
    inputs,
    ...(correlations.length ? { correlations } : {}),
    p: form.p,
    dofPolicy: form.dofPolicy,
  };
}
