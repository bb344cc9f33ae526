// How a verification item is judged, for the form to follow the rule while it is filled in: the
// same pure function the server applies (src/domain/verification/item-decision.ts: simple
// comparison with the MPE without an uncertainty; with the standard uncertainty u the decision rule
// decides, JCGM 106:2012 / ILAC G8:09/2019). The server's answer stays authoritative.
import { judgeItem as judgeOnServerTerms } from '../../../src/domain/verification/item-decision.ts';
import type { DecisionRuleName, ItemDecision, Mpe } from '../api/types.ts';

export const DECISION_RULES: readonly DecisionRuleName[] = ['simple', 'guarded', 'risk'];
export const DEFAULT_GUARD_K = 2;
export const DEFAULT_TARGET_PFA = 0.025;

export interface RuleSettings {
  readonly rule?: DecisionRuleName | null | undefined;
  readonly k?: number | null | undefined;
  readonly targetPFA?: number | null | undefined;
}

/** The server's own pure judgement (src/domain/verification/item-decision.ts), bundled into the UI. */
export function judgeItem(error: number, mpe: Mpe, u: number | null | undefined, settings: RuleSettings = {}): ItemDecision {
  const rule = { rule: settings.rule ?? 'simple', k: settings.k ?? DEFAULT_GUARD_K, targetPFA: settings.targetPFA ?? DEFAULT_TARGET_PFA };
  return judgeOnServerTerms({ name: '', error, mpe, u: typeof u === 'number' ? u : undefined }, rule) as ItemDecision;
}

/** A probability as a percentage with two decimals: 0.158655 → "15.87 %". */
export function formatPercent(p: number | undefined): string {
  return p === undefined ? '—' : `${(p * 100).toFixed(2)} %`;
}
