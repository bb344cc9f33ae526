// Coverage factor k_p for a level of confidence p and effective degrees of freedom ν_eff
// (JCGM 100 G.4.1, G.6.4). `truncate` is the GUM's rule: a non-integer ν_eff is truncated to the
// next lower integer before looking up t (G.4.1 note 1, G.6.4). `continuous` uses t with the
// fractional ν_eff. ν_eff = Infinity gives the normal quantile (G.3.2).

import { studentTQuantile } from './student-t.ts';

export type DofPolicy = 'truncate' | 'continuous';

export function coverageFactor(p: number, dof: number, policy: DofPolicy = 'truncate'): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`coverage probability must be in (0, 1), got ${p}`);
  // Truncating a ν_eff below 1 would give 0 dof, which has no t distribution: keep it fractional.
  const nu = policy === 'truncate' && dof !== Infinity && dof >= 1 ? Math.floor(dof) : dof;
  return studentTQuantile((1 + p) / 2, nu);
}
