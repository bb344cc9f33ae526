// Effective degrees of freedom by the Welch–Satterthwaite formula (JCGM 100 G.4.1, eq. G.2b):
//   ν_eff = u_c⁴(y) / Σ_i u_i⁴(y)/ν_i,  u_i(y) = |c_i| u(x_i).
//
// Policy for correlated inputs (the GUM gives none): inputs joined by non-zero correlations form
// groups (connected components). A group contributes one component with variance
// v_g = Σ_{i,j∈g} c_i c_j Σ_ij and ν_g = its members' common dof — for components estimated from
// the same set of observations this combined variance estimate is exactly scaled-χ² with that dof
// (Willink 2007, Metrologia 44 340; cf. JCGM 100 H.2). When members' dof differ we take the
// smallest (conservative) and say so. Uncorrelated inputs are groups of one: the plain formula.

export interface DofResult {
  /** ν_eff; Infinity when every contributing component has infinite dof (or u_c = 0). */
  readonly dof: number;
  /** Groups of two or more correlated inputs with a finite-dof contribution. */
  readonly correlatedGroups: readonly (readonly string[])[];
  /** Of those, the groups whose members had different dof. */
  readonly unequalDofGroups: readonly (readonly string[])[];
}

/** Connected components of the graph with an edge wherever the correlation is non-zero. */
export function correlationGroups(correlation: readonly (readonly number[])[]): number[][] {
  const n = correlation.length;
  const group = new Array<number>(n).fill(-1);
  const groups: number[][] = [];
  for (let start = 0; start < n; start++) {
    if (group[start] !== -1) continue;
    const members: number[] = [];
    const stack = [start];
    group[start] = groups.length;
    while (stack.length > 0) {
      const i = stack.pop()!;
      members.push(i);
      for (let j = 0; j < n; j++) {
        if (group[j] === -1 && i !== j && correlation[i]![j] !== 0) {
          group[j] = groups.length;
          stack.push(j);
        }
      }
    }
    groups.push(members.sort((a, b) => a - b));
  }
  return groups;
}

export function welchSatterthwaite(
  sensitivities: readonly number[],
  inputCovariance: readonly (readonly number[])[],
  dofs: readonly number[],
  names: readonly string[],
  groups: readonly (readonly number[])[],
): DofResult {
  let total = 0;
  let denominator = 0;
  const correlatedGroups: string[][] = [];
  const unequalDofGroups: string[][] = [];
  for (const members of groups) {
    let variance = 0;
    for (const i of members) for (const j of members) variance += sensitivities[i]! * sensitivities[j]! * inputCovariance[i]![j]!;
    variance = Math.max(variance, 0);
    total += variance;
    const contributing = members.filter((i) => sensitivities[i] !== 0 && inputCovariance[i]![i]! > 0);
    if (variance === 0 || contributing.length === 0) continue;
    const memberDofs = contributing.map((i) => dofs[i]!);
    const dof = Math.min(...memberDofs);
    if (dof === Infinity) continue;
    if (contributing.length > 1) {
      const names_ = contributing.map((i) => names[i]!);
      correlatedGroups.push(names_);
      if (memberDofs.some((d) => d !== dof)) unequalDofGroups.push(names_);
    }
    denominator += (variance * variance) / dof;
  }
  const dof = denominator === 0 || total === 0 ? Infinity : (total * total) / denominator;
  return { dof, correlatedGroups, unequalDofGroups };
}
