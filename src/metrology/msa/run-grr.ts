// `grr` engine (DESIGN.md §8): gauge repeatability and reproducibility, AIAG MSA 4th ed.
// σ components, their percentages of total variation (and of tolerance, 6σ / tolerance, when a
// tolerance is given) and the number of distinct categories ndc = ⌊1.41·PV/GRR⌋ (AIAG truncates).
import { anovaGrr, type AnovaRow } from './grr-anova.ts';
import { averageAndRange, type GrrComponents } from './grr-average-range.ts';
import { parseGrrInput, type GrrMethod } from './grr-input.ts';

export interface GrrPercentages {
  readonly ev: number;
  readonly av: number;
  readonly interaction: number;
  readonly grr: number;
  readonly pv: number;
}

export interface GrrResult {
  readonly method: GrrMethod;
  readonly ev: number;
  readonly av: number;
  readonly interaction: number;
  readonly grr: number;
  readonly pv: number;
  readonly tv: number;
  /** 100·GRR/TV */
  readonly pctGRR: number;
  /** null when GRR = 0 (the gauge resolves every part: ndc unbounded) */
  readonly ndc: number | null;
  /** every component as a percentage of TV */
  readonly pctTotalVariation: GrrPercentages;
  /** every component as 100·6σ/tolerance (AIAG MSA 4th ed. uses 6σ) */
  readonly pctTolerance?: GrrPercentages;
  /** ANOVA only */
  readonly interactionPooled?: boolean;
  readonly interactionP?: number;
  readonly anova?: readonly AnovaRow[];
}

export function runGrr(input: unknown): GrrResult {
  const { data, method, tolerance } = parseGrrInput(input);
  const anova = method === 'anova' ? anovaGrr(data) : undefined;
  const c: GrrComponents = anova ?? averageAndRange(data);
  const grr = Math.sqrt(c.ev ** 2 + c.av ** 2 + c.interaction ** 2);
  const tv = Math.sqrt(grr ** 2 + c.pv ** 2);
  const percentages = (of: (sigma: number) => number): GrrPercentages => ({
    ev: of(c.ev), av: of(c.av), interaction: of(c.interaction), grr: of(grr), pv: of(c.pv),
  });
  const pctTotalVariation = percentages((s) => (tv > 0 ? (100 * s) / tv : 0));
  return {
    method,
    ev: c.ev,
    av: c.av,
    interaction: c.interaction,
    grr,
    pv: c.pv,
    tv,
    pctGRR: pctTotalVariation.grr,
    ndc: grr > 0 ? Math.floor((1.41 * c.pv) / grr) : null,
    pctTotalVariation,
    ...(tolerance === undefined ? {} : { pctTolerance: percentages((s) => (100 * 6 * s) / tolerance) }),
    ...(anova ? { interactionPooled: anova.interactionPooled, interactionP: anova.interactionP, anova: anova.table } : {}),
  };
}
