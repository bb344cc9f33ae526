// Output of `gum` (DESIGN.md §8). Extra fields beyond the contract are additive only.

export interface BudgetEntry {
  readonly input: string;
  /** c_i = ∂f/∂x_i at the estimates (JCGM 100 5.1.3). */
  readonly sensitivity: number;
  /** u_i(y) = |c_i| u(x_i), the standard uncertainty component (JCGM 100 5.1.3). */
  readonly contribution: number;
  /** u(x_i), the input's standard uncertainty. */
  readonly u: number;
  /** ν_i, null for infinity. */
  readonly dof: number | null;
  /** 100 · u_i²(y) / u_c²(y); with correlations or second-order terms these need not sum to 100. */
  readonly percent: number;
}

export interface GumQuantity {
  readonly value: number;
  /** Combined standard uncertainty u_c(y). */
  readonly u: number;
  /** Effective degrees of freedom ν_eff (not truncated); null for infinity. */
  readonly dof: number | null;
  /** Coverage factor k_p. */
  readonly k: number;
  /** Expanded uncertainty U = k u_c. */
  readonly U: number;
  readonly p: number;
  readonly budget: BudgetEntry[];
  /** Present with "order": 2 — the first-order u_c, for comparison. */
  readonly uFirstOrder?: number;
}

export interface GumOutput {
  readonly outputs: Record<string, GumQuantity>;
  /** Correlation coefficients between outputs, upper triangle in model order (several outputs). */
  readonly correlation?: Record<string, Record<string, number | null>>;
  /** Covariances between outputs, same layout (several outputs). */
  readonly covariance?: Record<string, Record<string, number>>;
  /** Policies applied to this result, in English. */
  readonly notes: string[];
}
