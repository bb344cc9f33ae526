// The published reference cases in ../shared/testdata/metrology, and the problems a metrology
// function reports when it refuses its input.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { MetrologyInputError, type MetrologyProblem } from '../../src/metrology/errors.ts';

export const REFERENCE_CASES_DIR = new URL('../../../shared/testdata/metrology/', import.meta.url);

export interface ReferenceCase<Input = unknown> {
  file: string;
  kind: string;
  name: string;
  input: Input;
  expected: unknown;
  notes?: string;
}

/** The reference cases of one kind (all of them without `kind`), sorted by file name. */
export function loadReferenceCases<Input = unknown>(kind?: string): ReferenceCase<Input>[] {
  return readdirSync(REFERENCE_CASES_DIR).filter((f) => f.endsWith('.json')).sort()
    .map((file) => ({ file, ...(JSON.parse(readFileSync(new URL(file, REFERENCE_CASES_DIR), 'utf8')) as Omit<ReferenceCase<Input>, 'file'>) }))
    .filter((c) => kind === undefined || c.kind === kind);
}

/** Runs `fn`, asserts that it throws a MetrologyInputError and returns that error's problems. */
export function metrologyProblems(fn: () => unknown): { pointer: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof MetrologyInputError, `expected a MetrologyInputError, got ${String(error)}`);
    return error.problems.map((p: MetrologyProblem) => ({ pointer: p.pointer, message: p.message }));
  }
  assert.fail('expected the input to be refused with a MetrologyInputError');
}

/** The distinct pointers of `metrologyProblems(fn)`, in the order they were first reported. */
export function problemPointers(fn: () => unknown): string[] {
  return [...new Set(metrologyProblems(fn).map((p) => p.pointer))];
}
