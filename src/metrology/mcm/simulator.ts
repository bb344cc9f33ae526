// Runs Monte Carlo trials in Float64Array batches: draw every input for a batch, evaluate each
// compiled output model over the batch, copy into the result arrays (JCGM 101 7.2–7.4).

import { MetrologyInputError, pointer } from '../errors.ts';
import { compileBatch, type BatchModel } from '../expression/index.ts';
import { Random } from '../distributions/index.ts';
import type { ModelInput } from '../gum/input.ts';
import { InputDrawer } from './draw-inputs.ts';
import type { SamplingPlan } from './sampling-plan.ts';

/** 16384 trials per batch keeps the working set of a dozen inputs inside L2 cache. */
export const BATCH = 16_384;

export class Simulator {
  private readonly rng: Random;
  private readonly drawer: InputDrawer;
  private readonly buffers: Float64Array[];
  private readonly models: BatchModel[];

  constructor(private readonly model: ModelInput, plan: SamplingPlan, seed: number) {
    this.rng = new Random(seed);
    this.drawer = new InputDrawer(plan, BATCH);
    this.buffers = model.inputs.map(() => new Float64Array(BATCH));
    const names = model.inputs.map((i) => i.name);
    this.models = model.outputs.map((o) => compileBatch(o.expr, names, BATCH));
  }

  /** Runs `trials` more trials; returns one array of model values per output. */
  run(trials: number): Float64Array[] {
    const results = this.models.map(() => new Float64Array(trials));
    const invalid = new Array<number>(this.models.length).fill(0);
    for (let start = 0; start < trials; start += BATCH) {
      const n = Math.min(BATCH, trials - start);
      this.drawer.fill(this.rng, this.buffers, n);
      this.models.forEach((m, a) => {
        const y = m.evaluate(this.buffers, n);
        const out = results[a]!;
        let bad = 0;
        for (let i = 0; i < n; i++) {
          const v = y[i]!;
          if (v - v !== 0) bad++; // NaN or ±Infinity
          out[start + i] = v;
        }
        invalid[a]! += bad;
      });
    }
    const problems = this.model.outputs.flatMap((o, a) => (invalid[a]! > 0 ? [{
      pointer: this.model.outputs.length === 1 && o.name === 'y' ? '/model' : pointer('model', o.name),
      code: 'invalid_value' as const, message: `the model gave a non-finite value in ${invalid[a]} of ${trials} trials: it is undefined for some draws of the inputs (e.g. sqrt or log of a negative number, division by zero)`,
    }] : []));
    if (problems.length > 0) throw new MetrologyInputError(problems);
    return results;
  }
}
