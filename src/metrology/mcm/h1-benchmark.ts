// Benchmark fixtures: the GUM H.1 end-gauge model (JCGM 100 H.1; JCGM 101 9.5) through the full
// Monte Carlo engine, and the same trials with the model written by hand as one Float64Array loop,
// so a benchmark can time both and report the engine's overhead. Pure: timing is the caller's.

import { parseModelInput } from '../gum/input.ts';
import { coverageCount, symmetricInterval, type Interval } from './coverage-interval.ts';
import { InputDrawer } from './draw-inputs.ts';
import { moments, standardDeviation } from './moments.ts';
import { sortTails } from './order-statistics.ts';
import { planSampling } from './sampling-plan.ts';
import { BATCH } from './simulator.ts';
import { Random } from '../distributions/index.ts';
import { runMcm } from './run-mcm.ts';
import type { McmOutput } from './types.ts';

export const GUM_H1_INPUT = {
  model: 'l_s + d_bar + d1 + d2 - l_s*(delta_alpha*(theta_bar + Delta) + alpha_s*delta_theta)',
  inputs: {
    l_s: { value: 50000623.6, u: 25, dof: 18 },
    d_bar: { value: 215, u: 5.8, dof: 24 },
    d1: { value: 0, u: 3.9, dof: 5 },
    d2: { value: 0, u: 6.7, dof: 8 },
    alpha_s: { value: 1.15e-5, dist: 'rectangular', halfWidth: 2e-6 },
    delta_alpha: { value: 0, dist: 'rectangular', halfWidth: 1e-6, dof: 50 },
    theta_bar: { value: -0.1, u: 0.2 },
    Delta: { value: 0, dist: 'arcsine', halfWidth: 0.5 },
    delta_theta: { value: 0, dist: 'rectangular', halfWidth: 0.05, dof: 2 },
  },
  p: 0.99,
} as const;

/** The H.1 model through runMcm (parse, plan, compiled batches, intervals, GUF validation). */
export function runH1MonteCarlo(trials = 1_000_000, seed = 1): McmOutput {
  return runMcm({ ...GUM_H1_INPUT, trials, seed });
}

/** Same draws, model hand-written as a single loop; mean, u and the symmetric interval only. */
export function runH1HandWritten(trials = 1_000_000, seed = 1): { value: number; u: number; symmetric: Interval } {
  const model = parseModelInput(GUM_H1_INPUT);
  const drawer = new InputDrawer(planSampling(model), BATCH);
  const rng = new Random(seed);
  const x = model.inputs.map(() => new Float64Array(BATCH));
  const [ls, dbar, d1, d2, as, da, tb, dl, dt] = x as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const y = new Float64Array(trials);
  for (let start = 0; start < trials; start += BATCH) {
    const n = Math.min(BATCH, trials - start);
    drawer.fill(rng, x, n);
    for (let i = 0; i < n; i++) {
      const l = ls[i]!;
      y[start + i] = l + dbar[i]! + d1[i]! + d2[i]! - l * (da[i]! * (tb[i]! + dl[i]!) + as[i]! * dt[i]!);
    }
  }
  const m = moments(y);
  const sorted = sortTails(y, trials - coverageCount(GUM_H1_INPUT.p, trials));
  return { value: m.mean, u: standardDeviation(m), symmetric: symmetricInterval(sorted, GUM_H1_INPUT.p) };
}
