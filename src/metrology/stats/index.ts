// Public statistics API for the metrology library (reused by gum, mcm, decision, intervals, msa,
// spc). All functions are pure and accept real-valued degrees of freedom.
export { erfc, normalCdf, normalPdf, normalQuantile } from './normal.ts';
export { studentTCdf, studentTPdf, studentTQuantile } from './student-t.ts';
export { logBeta, logGamma, regularizedBeta, regularizedBetaFromLogs, regularizedGammaP, regularizedGammaQ } from './special.ts';
export { symmetricEigen, semidefiniteFactor, type SymmetricEigen } from './symmetric-eigen.ts';
export { coverageFactor, type DofPolicy } from './coverage-factor.ts';
