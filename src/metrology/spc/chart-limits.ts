// The shape every chart computation returns: a centre line, 3-sigma limits, the plotted points
// and the standard deviation of each point (for the Western Electric zones).

export interface ChartLimits {
  readonly center: number;
  readonly ucl: number;
  readonly lcl: number;
  /** plotted statistic per subgroup or observation (null where undefined, e.g. the first moving range) */
  readonly points: readonly (number | null)[];
}

export interface LocationChart extends ChartLimits {
  /** σ of each plotted point about the centre line (its zone width) */
  readonly pointSigma: readonly number[];
  /** per-point limits, when they vary (p chart with unequal sample sizes) */
  readonly pointLimits?: readonly { readonly lcl: number; readonly ucl: number }[];
}

/** Indices of points outside [lcl, ucl], per point when the limits vary. */
export function beyondLimits(chart: ChartLimits & { readonly pointLimits?: LocationChart['pointLimits'] }): number[] {
  const out: number[] = [];
  chart.points.forEach((x, i) => {
    if (x === null) return;
    const limits = chart.pointLimits?.[i] ?? chart;
    if (x > limits.ucl || x < limits.lcl) out.push(i);
  });
  return out;
}
