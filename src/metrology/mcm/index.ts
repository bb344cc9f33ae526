// Monte Carlo propagation of distributions (JCGM 101).
export { runMcm, blockSize } from './run-mcm.ts';
export type { McmOutput, McmQuantity, Validation } from './types.ts';
export type { Histogram } from './histogram.ts';
export { histogram, HISTOGRAM_BINS } from './histogram.ts';
export { sortTails } from './order-statistics.ts';
export { symmetricInterval, shortestInterval, coverageCount } from './coverage-interval.ts';
export { numericalTolerance } from './numerical-tolerance.ts';
export { GUM_H1_INPUT, runH1MonteCarlo, runH1HandWritten } from './h1-benchmark.ts';
export { DEFAULT_TRIALS, MAX_TRIALS } from './options.ts';
