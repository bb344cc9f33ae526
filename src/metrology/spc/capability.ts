// Process capability from the within-subgroup σ of a control chart (ISO 22514-2; AIAG SPC 2nd ed.
// ch. IV): Cp = (USL − LSL)/6σ, Cpk = min(USL − μ, μ − LSL)/3σ. With one limit only Cpk is the
// one-sided index (Cpu or Cpl) and Cp is not defined.
import type { SpecLimits } from './spc-input.ts';

export interface Capability {
  /** only with both limits */
  readonly cp?: number | null;
  /** null when σ = 0 (the indices are unbounded) */
  readonly cpk: number | null;
}

export function capability(spec: SpecLimits, mean: number, sigma: number): Capability {
  if (!(sigma > 0)) return { ...(spec.lsl !== undefined && spec.usl !== undefined ? { cp: null } : {}), cpk: null };
  const sides: number[] = [];
  if (spec.usl !== undefined) sides.push((spec.usl - mean) / (3 * sigma));
  if (spec.lsl !== undefined) sides.push((mean - spec.lsl) / (3 * sigma));
  return {
    ...(spec.lsl !== undefined && spec.usl !== undefined ? { cp: (spec.usl - spec.lsl) / (6 * sigma) } : {}),
    cpk: Math.min(...sides),
  };
}
