// Histogram of the discrete representation G of the output distribution (JCGM 101 7.5), for
// plotting. The span is the 0.05 % … 99.95 % quantile range of the trials rather than the
// coverage interval widened by 50 % each side: quantiles follow the actual shape (skewed or heavy
// tails, any p) and still drop the few extreme draws that would squash the bulk into a handful of
// bins, while always counting 99.9 % of the trials. Those order statistics lie in the sorted tails
// that the coverage intervals already need (see `histogramTailCount`), so building the histogram
// is one extra pass over the trials.

export interface Histogram {
  /** Lower edge of the first bin. */
  readonly lower: number;
  /** Equal bin width; 0 when all trials in the span coincide (then there is a single bin). */
  readonly binWidth: number;
  /** Trials in [lower + k·binWidth, lower + (k+1)·binWidth); the last bin also holds its upper edge. */
  readonly counts: number[];
  /** Trials below `lower` and above the upper edge, not counted in any bin. */
  readonly below: number;
  readonly above: number;
}

export const HISTOGRAM_BINS = 60;
/** Share of the trials left out in each tail of the span. */
export const HISTOGRAM_TAIL = 0.0005;

/** 0-based rank of the lower span end; the upper end has rank M − 1 − this. */
function tailRank(trials: number): number {
  return Math.floor(HISTOGRAM_TAIL * trials);
}

/** How many values at each end must be sorted for `histogram` to read its span. */
export function histogramTailCount(trials: number): number {
  return tailRank(trials) + 1;
}

/** `sorted` must have at least `histogramTailCount(M)` sorted values at each end (see sortTails). */
export function histogram(sorted: Float64Array, bins = HISTOGRAM_BINS): Histogram {
  const M = sorted.length;
  if (M === 0) return { lower: 0, binWidth: 0, counts: [], below: 0, above: 0 };
  const r = tailRank(M);
  const lower = sorted[r]!;
  const upper = sorted[M - 1 - r]!;
  const width = (upper - lower) / bins;
  if (!(width > 0) || !Number.isFinite(width)) {
    // Degenerate span: one bin of zero width holding the trials equal to `lower`.
    let below = 0;
    let above = 0;
    for (let i = 0; i < M; i++) {
      const x = sorted[i]!;
      if (x < lower) below++;
      else if (x > lower) above++;
    }
    return { lower, binWidth: 0, counts: [M - below - above], below, above };
  }
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  for (let i = 0; i < M; i++) {
    const x = sorted[i]!;
    if (x < lower) below++;
    else if (x > upper) above++;
    else counts[Math.min(bins - 1, Math.floor((x - lower) / width))]!++;
  }
  return { lower, binWidth: width, counts, below, above };
}
