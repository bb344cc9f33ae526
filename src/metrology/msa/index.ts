// Measurement system analysis: gauge R&R (AIAG MSA 4th ed.), average-and-range and ANOVA.
export { runGrr, type GrrResult, type GrrPercentages } from './run-grr.ts';
export { parseGrrInput, type GrrInput, type GrrMethod } from './grr-input.ts';
export { averageAndRange, type GrrComponents } from './grr-average-range.ts';
export { anovaGrr, POOLING_P, type GrrAnova, type AnovaRow } from './grr-anova.ts';
export { fCdf, fSurvival } from './f-distribution.ts';
