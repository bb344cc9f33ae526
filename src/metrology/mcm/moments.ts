// Mean and standard deviation of Monte Carlo values (JCGM 101 7.6), accumulated as
// (count, mean, M2) so blocks can be merged exactly (Chan, Golub & LeVeque 1979) — the adaptive
// procedure pools blocks without keeping a second copy of the data.

export interface Moments {
  readonly count: number;
  readonly mean: number;
  /** Σ (y − mean)² */
  readonly m2: number;
}

export function moments(values: Float64Array, n = values.length): Moments {
  if (n === 0) return { count: 0, mean: 0, m2: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  let mean = sum / n;
  // A second pass removes the rounding of the first (two-pass corrected algorithm).
  let correction = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    correction += d;
    m2 += d * d;
  }
  mean += correction / n;
  m2 -= (correction * correction) / n;
  return { count: n, mean, m2: Math.max(m2, 0) };
}

export function mergeMoments(a: Moments, b: Moments): Moments {
  if (a.count === 0) return b;
  if (b.count === 0) return a;
  const count = a.count + b.count;
  const delta = b.mean - a.mean;
  return {
    count,
    mean: a.mean + (delta * b.count) / count,
    m2: a.m2 + b.m2 + (delta * delta * a.count * b.count) / count,
  };
}

/** u(y) with the M − 1 divisor of JCGM 101 7.6. */
export function standardDeviation(m: Moments): number {
  return m.count > 1 ? Math.sqrt(m.m2 / (m.count - 1)) : 0;
}
