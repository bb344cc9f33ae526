// `gum`: the GUM uncertainty framework end to end (JCGM 100 §5 propagation, G.4 ν_eff by
// Welch–Satterthwaite, G.6.4 coverage factor). Input contract in DESIGN.md §8.

import { coverageFactor } from '../stats/index.ts';
import { parseModelInput, type ModelInput } from './input.ts';
import { propagate } from './propagate.ts';
import type { BudgetEntry, GumOutput, GumQuantity } from './types.ts';
import { correlationGroups, welchSatterthwaite } from './welch-satterthwaite.ts';

/** Validates `input` (throws MetrologyInputError) and evaluates it by the GUM. */
export function runGum(input: unknown): GumOutput {
  return evaluateGum(parseModelInput(input));
}

/** The GUM on an already validated model (used by Monte Carlo for the §8 validation). */
export function evaluateGum(model: ModelInput): GumOutput {
  const result = propagate(model);
  const names = model.inputs.map((i) => i.name);
  const dofs = model.inputs.map((i) => i.dof);
  const groups = correlationGroups(model.correlation);
  const notes = new Set<string>();

  const outputs: Record<string, GumQuantity> = {};
  model.outputs.forEach((output, a) => {
    const g = result.sensitivities[a]!;
    const u = Math.sqrt(Math.max(result.covariance[a]![a]!, 0));
    const uFirst = Math.sqrt(Math.max(result.firstOrder[a]![a]!, 0));
    const ws = welchSatterthwaite(g, result.inputCovariance, dofs, names, groups);
    for (const group of ws.correlatedGroups) {
      notes.add(`ν_eff(${output.name}): correlated inputs ${group.join(', ')} are one Welch–Satterthwaite component with their common dof (Willink 2007).`);
    }
    for (const group of ws.unequalDofGroups) {
      notes.add(`ν_eff(${output.name}): correlated inputs ${group.join(', ')} have different dof; the smallest was used (conservative).`);
    }
    const k = coverageFactor(model.p, ws.dof, model.dofPolicy);
    if (model.dofPolicy === 'truncate' && Number.isFinite(ws.dof) && ws.dof >= 1 && !Number.isInteger(ws.dof)) {
      notes.add('k: ν_eff truncated to the next lower integer before the t lookup (JCGM 100 G.6.4); "dof" reports ν_eff untruncated.');
    }
    const budget: BudgetEntry[] = model.inputs.map((input, i) => {
      const contribution = Math.abs(g[i]!) * input.u;
      return {
        input: input.name,
        sensitivity: g[i]!,
        contribution,
        u: input.u,
        dof: input.dof === Infinity ? null : input.dof,
        percent: u === 0 ? 0 : (100 * contribution * contribution) / (u * u),
      };
    });
    outputs[output.name] = {
      value: result.values[a]!,
      u,
      dof: Number.isFinite(ws.dof) ? ws.dof : null,
      k,
      U: k * u,
      p: model.p,
      budget,
      ...(model.order === 2 ? { uFirstOrder: uFirst } : {}),
    };
  });
  if (model.order === 2) {
    notes.add('u includes the second-order terms of JCGM 100 5.1.2 (note), exact for Gaussian inputs; ν_eff uses the first-order components only.');
  }
  if (model.correlated) notes.add('u includes the correlation terms of JCGM 100 5.2.2.');

  if (model.outputs.length < 2) return { outputs, notes: [...notes] };
  const correlation: Record<string, Record<string, number | null>> = {};
  const covariance: Record<string, Record<string, number>> = {};
  model.outputs.forEach((oa, a) => {
    const rowR: Record<string, number | null> = {};
    const rowC: Record<string, number> = {};
    model.outputs.forEach((ob, b) => {
      if (b <= a) return;
      const cov = result.covariance[a]![b]!;
      const ua = outputs[oa.name]!.u;
      const ub = outputs[ob.name]!.u;
      rowC[ob.name] = cov;
      rowR[ob.name] = ua > 0 && ub > 0 ? Math.max(-1, Math.min(1, cov / (ua * ub))) : null;
    });
    if (Object.keys(rowR).length > 0) {
      correlation[oa.name] = rowR;
      covariance[oa.name] = rowC;
    }
  });
  return { outputs, correlation, covariance, notes: [...notes] };
}
