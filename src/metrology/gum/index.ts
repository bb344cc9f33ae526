// GUM uncertainty framework (JCGM 100): validated JSON in, uncertainty budget out.
export { runGum, evaluateGum } from './run-gum.ts';
export { parseModelInput, MCM_KEYS, type ModelInput, type UncertainInput, type InputShape } from './input.ts';
export type { GumOutput, GumQuantity, BudgetEntry } from './types.ts';
export { welchSatterthwaite, correlationGroups } from './welch-satterthwaite.ts';
