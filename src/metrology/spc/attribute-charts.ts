// Shewhart charts for attributes (ISO 7870-2; Montgomery, Introduction to SQC, ch. 7): the p chart for the
// fraction nonconforming and the c chart for nonconformities. Negative lower limits are set to 0.
import type { LocationChart } from './chart-limits.ts';

/**
 * p chart: p̄ = Σd/Σn, limits p̄ ± 3√(p̄(1−p̄)/n). With one size per sample the limits vary per
 * point (`pointLimits`); the headline ucl/lcl are then those of the average sample size.
 */
export function pChart(counts: readonly number[], sampleSize: number | readonly number[]): LocationChart {
  const sizes = typeof sampleSize === 'number' ? counts.map(() => sampleSize) : sampleSize;
  const totalN = sizes.reduce((s, n) => s + n, 0);
  const pBar = counts.reduce((s, d) => s + d, 0) / totalN;
  const limitsFor = (n: number): { lcl: number; ucl: number; sigma: number } => {
    const sigma = Math.sqrt((pBar * (1 - pBar)) / n);
    return { lcl: Math.max(0, pBar - 3 * sigma), ucl: Math.min(1, pBar + 3 * sigma), sigma };
  };
  const headline = limitsFor(totalN / sizes.length);
  const perPoint = sizes.map(limitsFor);
  return {
    center: pBar,
    ucl: headline.ucl,
    lcl: headline.lcl,
    points: counts.map((d, i) => d / sizes[i]!),
    pointSigma: perPoint.map((l) => l.sigma),
    ...(typeof sampleSize === 'number' ? {} : { pointLimits: perPoint.map(({ lcl, ucl }) => ({ lcl, ucl })) }),
  };
}

/** c chart: limits c̄ ± 3√c̄. */
export function cChart(counts: readonly number[]): LocationChart {
  const cBar = counts.reduce((s, c) => s + c, 0) / counts.length;
  const sigma = Math.sqrt(cBar);
  return { center: cBar, ucl: cBar + 3 * sigma, lcl: Math.max(0, cBar - 3 * sigma), points: counts, pointSigma: counts.map(() => sigma) };
}
