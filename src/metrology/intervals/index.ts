// Calibration interval analysis (ILAC G24 / OIML D 10, NCSLI RP-1 methods A3 and A1).
export { runInterval, type IntervalResult } from './run-interval.ts';
export { parseIntervalInput, type IntervalInput, type CalibrationResult, type IntervalMethod } from './interval-input.ts';
export { intervalTest, A3_METHOD, type A3Result } from './interval-test-a3.ts';
export { simpleResponse, equilibriumDecrease, A1_METHOD, type A1Result } from './simple-response-a1.ts';
export { binomialCdf, binomialSurvival, clopperPearson } from './binomial.ts';
