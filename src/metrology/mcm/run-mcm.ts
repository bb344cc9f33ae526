// `mcm`: propagation of distributions by Monte Carlo (JCGM 101), with the adaptive procedure
// (7.9) and validation of the GUM uncertainty framework (§8). Input contract in DESIGN.md §8.

import { MetrologyInputError, type MetrologyProblem } from '../errors.ts';
import { evaluateGum } from '../gum/run-gum.ts';
import { MCM_KEYS, readModelInput, type ModelInput } from '../gum/input.ts';
import type { GumOutput } from '../gum/types.ts';
import { coverageCount, minimumTrials, shortestInterval, symmetricInterval, type Interval } from './coverage-interval.ts';
import { mergeMoments, moments, standardDeviation, type Moments } from './moments.ts';
import { numericalTolerance } from './numerical-tolerance.ts';
import { histogram, histogramTailCount, type Histogram } from './histogram.ts';
import { sortTails } from './order-statistics.ts';
import { readMcmOptions, type McmOptions } from './options.ts';
import { planSampling } from './sampling-plan.ts';
import { Simulator } from './simulator.ts';
import type { McmOutput, McmQuantity } from './types.ts';
import { validateGuf } from './validation.ts';

/** Validates `input` (throws MetrologyInputError) and runs the Monte Carlo method. */
export function runMcm(input: unknown): McmOutput {
  const problems: MetrologyProblem[] = [];
  const model = readModelInput(input, problems, MCM_KEYS);
  const options = readMcmOptions(typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {}, problems);
  if (model && !problems.some((p) => p.pointer === '/trials')) {
    const least = options.adaptive ? 2 * blockSize(model.p) : minimumTrials(model.p);
    if (options.trials < least) {
      problems.push({ pointer: '/trials', code: 'out_of_range', message: `must be at least ${least} for p = ${model.p}${options.adaptive ? ' (two adaptive blocks)' : ''}` });
    }
  }
  if (!model || problems.length > 0) throw new MetrologyInputError(problems);
  return simulate(model, options);
}

/** JCGM 101 7.9.4 b): M = max(J, 10⁴), J the least integer ≥ 100/(1 − p). */
export function blockSize(p: number): number {
  return Math.max(Math.ceil(100 / (1 - p) - 1e-9), 10_000);
}

interface Summary {
  readonly moments: Moments;
  readonly symmetric: Interval;
  readonly shortest: Interval;
  readonly histogram?: Histogram;
}

/** Moments, then intervals (and the histogram if `withHistogram`) from the ordered tails
 *  (reorders `values` unless `keep`). */
function summarize(values: Float64Array, p: number, keep: boolean, withHistogram = false): Summary {
  const m = moments(values);
  let tails = values.length - coverageCount(p, values.length);
  if (withHistogram) tails = Math.max(tails, histogramTailCount(values.length));
  const sorted = sortTails(keep ? Float64Array.from(values) : values, tails);
  return {
    moments: m,
    symmetric: symmetricInterval(sorted, p),
    shortest: shortestInterval(sorted, p),
    ...(withHistogram ? { histogram: histogram(sorted) } : {}),
  };
}

function simulate(model: ModelInput, options: McmOptions): McmOutput {
  const plan = planSampling(model);
  const simulator = new Simulator(model, plan, options.seed);
  const notes = [...plan.notes];
  const names = model.outputs.map((o) => o.name);

  let values: Float64Array[];
  let adaptive: McmOutput['adaptive'];
  if (options.adaptive) {
    const run = runAdaptive(simulator, model, options);
    values = run.values;
    adaptive = run.info;
    if (!run.info.converged) notes.push(`adaptive: results not stabilized within ${options.trials} trials at ndig = ${options.ndig}.`);
  } else {
    values = simulator.run(options.trials);
    const recommended = Math.ceil(1e4 / (1 - model.p) - 1e-9);
    if (options.trials < recommended) {
      notes.push(`trials: JCGM 101 7.2.2 recommends at least ${recommended} for p = ${model.p}; the interval end-points may be unstable.`);
    }
  }
  const trials = values[0]?.length ?? 0;
  const correlation = names.length > 1 ? sampleCorrelation(names, values) : undefined;

  let gum: GumOutput | undefined;
  try {
    gum = evaluateGum(model);
  } catch (error) {
    if (!(error instanceof MetrologyInputError)) throw error;
    notes.push(`GUF validation skipped: ${error.problems.map((p) => p.message).join('; ')}`);
  }

  const outputs: Record<string, McmQuantity> = {};
  names.forEach((name, a) => {
    const s = summarize(values[a]!, model.p, false, true);
    const guf = gum?.outputs[name];
    outputs[name] = {
      value: s.moments.mean,
      u: standardDeviation(s.moments),
      p: model.p,
      interval: { symmetric: s.symmetric, shortest: s.shortest },
      validation: guf ? validateGuf(guf, s.symmetric, options.ndig) : null,
      histogram: s.histogram!,
    };
  });
  return {
    outputs,
    ...(correlation ? { correlation } : {}),
    trials,
    seed: options.seed,
    ...(adaptive ? { adaptive } : {}),
    notes,
  };
}

/** Adaptive Monte Carlo (JCGM 101 7.9.4): blocks of M trials until the block averages of y, u(y)
 *  and the interval end-points are stable to δ (2s ≤ δ). We require both the symmetric and the
 *  shortest interval end-points to be stable. */
function runAdaptive(simulator: Simulator, model: ModelInput, options: McmOptions): {
  values: Float64Array[];
  info: NonNullable<McmOutput['adaptive']>;
} {
  const M = blockSize(model.p);
  const outputs = model.outputs.length;
  const blocks: Float64Array[][] = Array.from({ length: outputs }, () => []);
  const pooled: Moments[] = Array.from({ length: outputs }, () => ({ count: 0, mean: 0, m2: 0 }));
  const history: number[][][] = Array.from({ length: outputs }, () => []); // [output][block][quantity]
  let converged = false;
  let tolerance: number[] = [];
  while (!converged && (blocks[0]!.length + 1) * M <= options.trials) {
    const run = simulator.run(M);
    run.forEach((values, a) => {
      blocks[a]!.push(values);
      const s = summarize(values, model.p, true);
      pooled[a] = mergeMoments(pooled[a]!, s.moments);
      history[a]!.push([s.moments.mean, standardDeviation(s.moments), ...s.symmetric, ...s.shortest]);
    });
    const h = blocks[0]!.length;
    if (h < 2) continue;
    tolerance = pooled.map((m) => numericalTolerance(standardDeviation(m), options.ndig));
    converged = history.every((rows, a) => {
      const delta = tolerance[a]!;
      return rows[0]!.every((_, q) => 2 * standardErrorOfMean(rows.map((r) => r[q]!)) <= delta);
    });
  }
  const values = blocks.map((list) => {
    const all = new Float64Array(list.length * M);
    list.forEach((block, b) => all.set(block, b * M));
    return all;
  });
  return {
    values,
    info: {
      ndig: options.ndig,
      blockSize: M,
      blocks: blocks[0]!.length,
      converged,
      tolerance: Object.fromEntries(model.outputs.map((o, a) => [o.name, tolerance[a] ?? 0])),
    },
  };
}

/** s of JCGM 101 7.9.4 f): the standard deviation of the average of h block values. */
function standardErrorOfMean(xs: readonly number[]): number {
  const h = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / h;
  const ss = xs.reduce((s, x) => s + (x - mean) ** 2, 0);
  return Math.sqrt(ss / (h * (h - 1)));
}

function sampleCorrelation(names: readonly string[], values: readonly Float64Array[]): Record<string, Record<string, number | null>> {
  const stats = values.map((v) => moments(v));
  const result: Record<string, Record<string, number | null>> = {};
  names.forEach((a, i) => {
    const row: Record<string, number | null> = {};
    names.forEach((b, j) => {
      if (j <= i) return;
      const x = values[i]!;
      const y = values[j]!;
      const mx = stats[i]!.mean;
      const my = stats[j]!.mean;
      let sxy = 0;
      for (let t = 0; t < x.length; t++) sxy += (x[t]! - mx) * (y[t]! - my);
      const denom = Math.sqrt(stats[i]!.m2 * stats[j]!.m2);
      row[b] = denom > 0 ? Math.max(-1, Math.min(1, sxy / denom)) : null;
    });
    if (Object.keys(row).length > 0) result[a] = row;
  });
  return result;
}
