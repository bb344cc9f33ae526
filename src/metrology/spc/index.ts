// Statistical process control: Shewhart charts, capability, Western Electric rules.
export { runSpc, type SpcResult, type DispersionChartResult } from './run-spc.ts';
export { parseSpcInput, type SpcInput, type ChartKind, type SpecLimits } from './spc-input.ts';
export { chartConstants, type ChartConstants } from './constants.ts';
export { westernElectric, type RuleViolation } from './western-electric.ts';
export { capability, type Capability } from './capability.ts';
