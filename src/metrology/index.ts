// The metrology engine's entry: one function per kind of the JSON contracts (DESIGN.md §8).
import { runGum } from './gum/index.ts';
import { runMcm } from './mcm/index.ts';
import { runConformance } from './decision/index.ts';
import { runInterval } from './intervals/index.ts';
import { runGrr } from './msa/index.ts';
import { runSpc } from './spc/index.ts';

export { MetrologyInputError, type MetrologyProblem } from './errors.ts';

export const METROLOGY_KINDS = ['gum', 'mcm', 'conformance', 'interval', 'grr', 'spc'] as const;
export type MetrologyKind = (typeof METROLOGY_KINDS)[number];

const RUNNERS: Record<MetrologyKind, (input: unknown) => unknown> = {
  gum: runGum,
  mcm: runMcm,
  conformance: runConformance,
  interval: runInterval,
  grr: runGrr,
  spc: runSpc,
};

/** Runs one calculation; throws MetrologyInputError (with JSON pointers) for bad input. */
export function runMetrology(kind: MetrologyKind, input: unknown): unknown {
  return RUNNERS[kind](input);
}
