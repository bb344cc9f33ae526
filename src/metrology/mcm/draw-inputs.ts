// Fills one batch of input draws according to a SamplingPlan, in a fixed order (inputs, then
// correlated groups) so a seed always reproduces the same trials.

import {
  fillArcsine, fillChiSquare, fillCurvilinearTrapezoid, fillNormal, fillRectangular, fillScaledT,
  fillTriangular, fillUniform, type Random,
} from '../distributions/index.ts';
import type { InputDraw, SamplingPlan } from './sampling-plan.ts';

function fillDraw(draw: InputDraw, rng: Random, out: Float64Array, n: number): void {
  switch (draw.kind) {
    case 'constant': out.fill(draw.value, 0, n); return;
    case 'normal': fillNormal(rng, out, n, draw.mean, draw.sd); return;
    case 't': fillScaledT(rng, out, n, draw.mean, draw.scale, draw.dof); return;
    case 'rectangular': fillRectangular(rng, out, n, draw.mean, draw.halfWidth); return;
    case 'triangular': fillTriangular(rng, out, n, draw.mean, draw.halfWidth); return;
    case 'arcsine': fillArcsine(rng, out, n, draw.mean, draw.halfWidth); return;
    case 'trapezoid': fillCurvilinearTrapezoid(rng, out, n, draw.mean, draw.halfWidth, draw.d); return;
    case 'uniform': fillUniform(rng, out, n, draw.low, draw.high); return;
  }
}

export class InputDrawer {
  private readonly normals: Float64Array[];
  private readonly chi: Float64Array;

  constructor(private readonly plan: SamplingPlan, capacity: number) {
    const widest = Math.max(0, ...plan.groups.map((g) => g.members.length));
    this.normals = Array.from({ length: widest }, () => new Float64Array(capacity));
    this.chi = new Float64Array(plan.groups.some((g) => g.dof !== Infinity) ? capacity : 0);
  }

  /** Writes n draws of every input into buffers (one per model input). */
  fill(rng: Random, buffers: readonly Float64Array[], n: number): void {
    this.plan.draws.forEach((draw, i) => {
      if (draw) fillDraw(draw, rng, buffers[i]!, n);
    });
    for (const group of this.plan.groups) {
      const m = group.members.length;
      for (let k = 0; k < m; k++) fillNormal(rng, this.normals[k]!, n);
      // Multivariate t: one shared χ²_ν per trial scales the whole Gaussian vector.
      if (group.dof !== Infinity) {
        fillChiSquare(rng, this.chi, n, group.dof);
        for (let t = 0; t < n; t++) this.chi[t] = Math.sqrt(group.dof / this.chi[t]!);
      }
      for (let a = 0; a < m; a++) {
        const out = buffers[group.members[a]!]!;
        const row = group.factor[a]!;
        const mean = group.means[a]!;
        out.fill(0, 0, n);
        for (let k = 0; k < m; k++) {
          const l = row[k]!;
          if (l === 0) continue;
          const z = this.normals[k]!;
          for (let t = 0; t < n; t++) out[t] = out[t]! + l * z[t]!;
        }
        if (group.dof !== Infinity) for (let t = 0; t < n; t++) out[t] = mean + out[t]! * this.chi[t]!;
        else for (let t = 0; t < n; t++) out[t] = mean + out[t]!;
      }
    }
  }
}
