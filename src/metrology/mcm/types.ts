// Output of `mcm` (DESIGN.md §8). Fields beyond the contract are additive only.
import type { Interval } from './coverage-interval.ts';
import type { Histogram } from './histogram.ts';

/** GUF-versus-MCM comparison of JCGM 101 §8. */
export interface Validation {
  readonly ndig: number;
  /** δ: numerical tolerance of the GUF u(y) at ndig significant digits (JCGM 101 7.9.2). */
  readonly deltaTolerance: number;
  /** The GUF interval y ± U_p compared against. */
  readonly gumInterval: Interval;
  /** |y − U_p − y_low| and |y + U_p − y_high| against the probabilistically symmetric interval. */
  readonly dLow: number;
  readonly dHigh: number;
  /** Whether both are ≤ δ: the GUF is validated for this model and p (JCGM 101 8.2). */
  readonly passed: boolean;
}

export interface McmQuantity {
  /** Mean of the model values (JCGM 101 7.6). */
  readonly value: number;
  /** Their standard deviation u(y). */
  readonly u: number;
  readonly p: number;
  readonly interval: { readonly symmetric: Interval; readonly shortest: Interval };
  /** null when the GUF cannot be evaluated at the estimates (e.g. not differentiable). */
  readonly validation: Validation | null;
  /** Equal-width histogram of the trials over their 0.05 % … 99.95 % quantile span (histogram.ts). */
  readonly histogram: Histogram;
}

export interface McmOutput {
  readonly outputs: Record<string, McmQuantity>;
  /** Sample correlation between outputs, upper triangle in model order (several outputs). */
  readonly correlation?: Record<string, Record<string, number | null>>;
  readonly trials: number;
  readonly seed: number;
  /** Present in adaptive mode (JCGM 101 7.9). */
  readonly adaptive?: {
    readonly ndig: number;
    readonly blockSize: number;
    readonly blocks: number;
    readonly converged: boolean;
    /** δ per output at the end of the run. */
    readonly tolerance: Record<string, number>;
  };
  readonly notes: string[];
}
