// How each input is drawn in Monte Carlo (JCGM 101 6.4), decided once from the validated model.
//
// Choices beyond the literal input (reported in the output's notes):
// - u (or U with k) and finite dof, no explicit dist → scaled and shifted t_ν with scale u
//   (JCGM 101 6.4.9: a Type A input from n readings is t_{n−1}(x̄, s²/n)); infinite dof → Gaussian.
//   An explicit "dist": "normal" stays Gaussian; "dist": "t" takes u as the scale s/√n, so its
//   standard deviation is u·√(ν/(ν−2)).
// - rectangular with finite dof → curvilinear trapezoid (JCGM 101 6.4.3) whose half-width is
//   uncertain by d = a/√(2ν): GUM G.4.2 reads ν as a relative uncertainty 1/√(2ν) of u, which is
//   how JCGM 101 9.5 treats δα and δθ of GUM H.1.
// - triangular, arcsine and uniform inputs ignore dof.
// - correlated inputs (JCGM 101 6.4.8): multivariate Gaussian; multivariate t (as in JCGM 102)
//   when every member has the same finite dof. Anything else is refused.

import { MetrologyInputError, type MetrologyProblem } from '../errors.ts';
import type { ModelInput, UncertainInput } from '../gum/input.ts';
import { correlationGroups } from '../gum/welch-satterthwaite.ts';
import { semidefiniteFactor } from '../stats/index.ts';

export type InputDraw =
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly kind: 't'; readonly mean: number; readonly scale: number; readonly dof: number }
  | { readonly kind: 'rectangular' | 'triangular' | 'arcsine'; readonly mean: number; readonly halfWidth: number }
  | { readonly kind: 'trapezoid'; readonly mean: number; readonly halfWidth: number; readonly d: number }
  | { readonly kind: 'uniform'; readonly low: number; readonly high: number };

export interface CorrelatedGroup {
  /** Positions of the members among the model inputs. */
  readonly members: readonly number[];
  readonly means: readonly number[];
  /** Factor L with L Lᵀ = the members' covariance (or scale) matrix. */
  readonly factor: readonly (readonly number[])[];
  /** Infinity for multivariate Gaussian. */
  readonly dof: number;
}

export interface SamplingPlan {
  /** Draw per input; null for members of a correlated group. */
  readonly draws: readonly (InputDraw | null)[];
  readonly groups: readonly CorrelatedGroup[];
  readonly notes: readonly string[];
}

function fmt(x: number): string {
  return Number(x.toPrecision(6)).toString();
}

function drawFor(input: UncertainInput, notes: string[]): InputDraw {
  const { value, u, dof, shape } = input;
  if (u === 0) return { kind: 'constant', value };
  switch (shape) {
    case 'normal':
      if (dof === Infinity || input.explicitDist) return { kind: 'normal', mean: value, sd: u };
      notes.push(`${input.name}: u with dof ${fmt(dof)} drawn from the scaled and shifted t_${fmt(dof)} with scale u (JCGM 101 6.4.9).`);
      return { kind: 't', mean: value, scale: u, dof };
    case 't':
      notes.push(`${input.name}: t_${fmt(dof)} with scale u = ${fmt(u)}; its standard deviation is ${dof > 2 ? fmt(u * Math.sqrt(dof / (dof - 2))) : 'infinite'} (JCGM 101 6.4.9).`);
      return { kind: 't', mean: value, scale: u, dof };
    case 'rectangular': {
      const halfWidth = input.halfWidth!;
      if (dof === Infinity) return { kind: 'rectangular', mean: value, halfWidth };
      const d = Math.min(halfWidth, halfWidth / Math.sqrt(2 * dof));
      notes.push(`${input.name}: rectangular with dof ${fmt(dof)} drawn as a curvilinear trapezoid, half-width ${fmt(halfWidth)} ± ${fmt(d)} (JCGM 101 6.4.3; d = a/√(2ν), GUM G.4.2).`);
      return { kind: 'trapezoid', mean: value, halfWidth, d };
    }
    case 'triangular':
    case 'arcsine':
      if (dof !== Infinity) notes.push(`${input.name}: dof ignored by Monte Carlo for a ${shape} distribution.`);
      return { kind: shape, mean: value, halfWidth: input.halfWidth! };
    case 'uniform':
      if (dof !== Infinity) notes.push(`${input.name}: dof ignored by Monte Carlo for a uniform distribution.`);
      return { kind: 'uniform', low: input.low!, high: input.high! };
  }
}

export function planSampling(model: ModelInput): SamplingPlan {
  const notes: string[] = [];
  const draws: (InputDraw | null)[] = model.inputs.map((input) => drawFor(input, notes));
  const groups: CorrelatedGroup[] = [];
  if (!model.correlated) return { draws, groups, notes };

  const problems: MetrologyProblem[] = [];
  for (const members of correlationGroups(model.correlation)) {
    if (members.length < 2) continue;
    const inputs = members.map((i) => model.inputs[i]!);
    const names = inputs.map((i) => i.name).join(', ');
    const nonGaussian = inputs.filter((i) => i.shape !== 'normal' && i.shape !== 't');
    if (nonGaussian.length > 0) {
      problems.push({
        pointer: '/correlations',
        code: 'conflicting_fields', message: `Monte Carlo can correlate only Gaussian or t inputs (JCGM 101 6.4.8); ${nonGaussian.map((i) => `'${i.name}' is ${i.shape}`).join(', ')}`,
      });
      continue;
    }
    const dofs = new Set(inputs.map((i) => (i.shape === 'normal' && i.explicitDist ? Infinity : i.dof)));
    if (dofs.size > 1) {
      problems.push({
        pointer: '/correlations',
        code: 'conflicting_fields', message: `correlated inputs ${names} have different dof; Monte Carlo needs one common dof per correlated group (multivariate Gaussian, or multivariate t as in JCGM 102)`,
      });
      continue;
    }
    const dof = [...dofs][0]!;
    const covariance = members.map((i) => members.map((j) => model.correlation[i]![j]! * model.inputs[i]!.u * model.inputs[j]!.u));
    groups.push({ members, means: inputs.map((i) => i.value), factor: semidefiniteFactor(covariance), dof });
    for (const i of members) draws[i] = null;
    notes.splice(0, notes.length, ...notes.filter((note) => !inputs.some((input) => note.startsWith(`${input.name}:`))));
    notes.push(dof === Infinity
      ? `${names}: drawn jointly from a multivariate Gaussian (JCGM 101 6.4.8).`
      : `${names}: drawn jointly from a multivariate t with ${fmt(dof)} dof and scale matrix from u and r (as in JCGM 102).`);
  }
  if (problems.length > 0) throw new MetrologyInputError(problems);
  return { draws, groups, notes };
}
