// Coverage intervals from the discrete representation G of the output distribution
// (JCGM 101 7.7): the M sorted model values. Indices below are 1-based as in the standard.

export type Interval = [number, number];

/** q = pM if that is an integer, else the integer part of pM + ½ (JCGM 101 7.7.1). */
export function coverageCount(p: number, trials: number): number {
  const pm = p * trials;
  return Number.isInteger(pm) ? pm : Math.floor(pm + 0.5);
}

function at(sorted: Float64Array, oneBased: number): number {
  return sorted[oneBased - 1]!;
}

/** Probabilistically symmetric interval [y_(r), y_(r+q)], r = (M − q)/2 rounded up (7.7.1). */
export function symmetricInterval(sorted: Float64Array, p: number): Interval {
  const M = sorted.length;
  const q = coverageCount(p, M);
  const r = Math.max(1, (M - q) % 2 === 0 ? (M - q) / 2 : Math.floor((M - q + 1) / 2));
  return [at(sorted, r), at(sorted, Math.min(r + q, M))];
}

/** Shortest interval: the r* minimizing y_(r+q) − y_(r), r = 1 … M − q (7.7.2). */
export function shortestInterval(sorted: Float64Array, p: number): Interval {
  const M = sorted.length;
  const q = coverageCount(p, M);
  let best = 0;
  let bestWidth = Infinity;
  for (let i = 0; i + q < M; i++) {
    const width = sorted[i + q]! - sorted[i]!;
    if (width < bestWidth) {
      bestWidth = width;
      best = i;
    }
  }
  return [sorted[best]!, sorted[Math.min(best + q, M - 1)]!];
}

/** Fewest trials for which [y_(r), y_(r+q)] exists with room to choose r. */
export function minimumTrials(p: number): number {
  return Math.ceil(2 / (1 - p)) + 1;
}
