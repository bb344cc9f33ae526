// Judging a verification item against its maximum permissible error. Without an uncertainty the
// error is compared with the MPE directly (simple acceptance, no risk stated). With the standard
// uncertainty of the error, the chosen decision rule (JCGM 106 / ILAC G8) decides and the
// specific risk of that decision is recorded with the item.
import { runConformance } from '../../metrology/decision/index.ts';
import type { VerificationItem } from './types.ts';

export const DECISION_RULES = ['simple', 'guarded', 'risk'] as const;
export type DecisionRuleName = (typeof DECISION_RULES)[number];

export interface DecisionRule {
  readonly rule: DecisionRuleName;
  /** Guard band w = k·u for the guarded rule (default 2). */
  readonly k?: number | undefined;
  /** Largest acceptable specific false-accept risk for the risk rule. */
  readonly targetPFA?: number | undefined;
}

export interface ItemDecision {
  readonly rule: DecisionRuleName;
  readonly accept: boolean;
  /** Probability of conformity and specific risk; present when the item carries an uncertainty. */
  readonly pc?: number;
  readonly specificRisk?: number;
}

const SIMPLE_ACCEPTANCE: DecisionRule = { rule: 'simple' };

function mpeLimits(item: VerificationItem): { lower: number; upper: number } {
  return typeof item.mpe === 'number' ? { lower: -item.mpe, upper: item.mpe } : item.mpe;
}

export function judgeItem(item: VerificationItem, rule: DecisionRule = SIMPLE_ACCEPTANCE): ItemDecision {
  const { lower, upper } = mpeLimits(item);
  if (item.u === undefined || item.u <= 0) {
    return { rule: 'simple', accept: item.error >= lower && item.error <= upper };
  }
  const result = runConformance({
    measured: item.error,
    u: item.u,
    lower,
    upper,
    rule: rule.rule,
    ...(rule.rule === 'guarded' ? { k: rule.k ?? 2 } : {}),
    ...(rule.rule === 'risk' ? { targetPFA: rule.targetPFA ?? 0.025 } : {}),
  });
  return { rule: rule.rule, accept: result.decision === 'accept', pc: result.pc, specificRisk: result.specificRisk };
}
