// Conformity decisions and risk (JCGM 106, ILAC G8): validated JSON in, decision out.
export { runConformance, type ConformanceResult } from './run-conformance.ts';
export { parseConformanceInput, type ConformanceInput, type DecisionRule } from './conformance-input.ts';
export { conformity, type Conformity, type ToleranceInterval } from './conformance-probability.ts';
export { acceptanceZone } from './acceptance-zone.ts';
export { globalRisk, type GlobalRisk } from './global-risk.ts';
