// Shewhart charts for variables (ISO 7870-2; Montgomery, Introduction to SQC, ch. 6): X̄–R, X̄–s and
// individuals–moving range, with σ within estimated as R̄/d2, s̄/c4 or MR̄/d2(2).
import type { ChartLimits, LocationChart } from './chart-limits.ts';
import { chartConstants } from './constants.ts';

export interface VariablesChart {
  readonly location: LocationChart;
  readonly dispersion: ChartLimits;
  /** estimate of the within-subgroup process standard deviation */
  readonly sigma: number;
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const sampleSd = (xs: readonly number[]): number => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
};

/** X̄–R: limits X̿ ± A2·R̄; R chart D3·R̄, R̄, D4·R̄. */
export function xbarRChart(subgroups: readonly (readonly number[])[]): VariablesChart {
  const n = subgroups[0]!.length;
  const { A2, D3, D4, d2 } = chartConstants(n);
  const means = subgroups.map(mean);
  const ranges = subgroups.map((g) => Math.max(...g) - Math.min(...g));
  const center = mean(means);
  const rBar = mean(ranges);
  const sigma = rBar / d2;
  return {
    location: { center, ucl: center + A2 * rBar, lcl: center - A2 * rBar, points: means, pointSigma: means.map(() => sigma / Math.sqrt(n)) },
    dispersion: { center: rBar, ucl: D4 * rBar, lcl: D3 * rBar, points: ranges },
    sigma,
  };
}

/** X̄–s: limits X̿ ± A3·s̄; s chart B3·s̄, s̄, B4·s̄. */
export function xbarSChart(subgroups: readonly (readonly number[])[]): VariablesChart {
  const n = subgroups[0]!.length;
  const { A3, B3, B4, c4 } = chartConstants(n);
  const means = subgroups.map(mean);
  const sds = subgroups.map(sampleSd);
  const center = mean(means);
  const sBar = mean(sds);
  const sigma = sBar / c4;
  return {
    location: { center, ucl: center + A3 * sBar, lcl: center - A3 * sBar, points: means, pointSigma: means.map(() => sigma / Math.sqrt(n)) },
    dispersion: { center: sBar, ucl: B4 * sBar, lcl: B3 * sBar, points: sds },
    sigma,
  };
}

/** Individuals and moving range (span 2): limits x̄ ± 3·MR̄/d2; MR chart 0, MR̄, D4·MR̄. */
export function imrChart(values: readonly number[]): VariablesChart {
  const { d2, D3, D4 } = chartConstants(2);
  const movingRanges = values.slice(1).map((x, i) => Math.abs(x - values[i]!));
  const center = mean(values);
  const mrBar = mean(movingRanges);
  const sigma = mrBar / d2;
  return {
    location: { center, ucl: center + 3 * sigma, lcl: center - 3 * sigma, points: values, pointSigma: values.map(() => sigma) },
    // Moving range i spans observations i−1 and i, so it is plotted at i; there is none at 0.
    dispersion: { center: mrBar, ucl: D4 * mrBar, lcl: D3 * mrBar, points: [null, ...movingRanges] },
    sigma,
  };
}
