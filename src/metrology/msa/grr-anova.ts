// Gauge R&R by two-way random-effects ANOVA with interaction, AIAG MSA 4th ed. Chapter III
// Section B (Analysis of Variance method, Table III-B 5 and the variance-component formulas).
// When the appraiser-by-part interaction is not significant (p > 0.25, the usual convention of
// Minitab and the AIAG example), it is pooled into the repeatability (error) term.
import { fSurvival } from './f-distribution.ts';
import type { GrrComponents } from './grr-average-range.ts';
import type { GrrInput } from './grr-input.ts';

/** Interaction p-values above this are pooled into the error term. */
export const POOLING_P = 0.25;

export interface AnovaRow {
  readonly source: 'appraiser' | 'part' | 'interaction' | 'repeatability' | 'total';
  readonly df: number;
  readonly ss: number;
  readonly ms?: number;
  /** null when the denominator mean square is 0 */
  readonly f?: number | null;
  readonly p?: number;
}

export interface GrrAnova extends GrrComponents {
  readonly interactionPooled: boolean;
  readonly interactionP: number;
  readonly table: readonly AnovaRow[];
}

function fTest(ms: number, msError: number, df1: number, df2: number): { f: number | null; p: number } {
  if (msError === 0) return { f: null, p: ms > 0 ? 0 : 1 };
  const f = ms / msError;
  return { f, p: fSurvival(f, df1, df2) };
}

export function anovaGrr(data: GrrInput['data']): GrrAnova {
  const k = data.length; // appraisers
  const r = data[0]!.length; // trials
  const n = data[0]![0]!.length; // parts
  const all = data.flat(2);
  const grand = all.reduce((s, x) => s + x, 0) / all.length;

  const appraiserMean = data.map((a) => a.flat().reduce((s, x) => s + x, 0) / (r * n));
  const partMean = Array.from({ length: n }, (_, p) => data.reduce((s, a) => s + a.reduce((t, trial) => t + trial[p]!, 0), 0) / (k * r));
  const cellMean = data.map((a) => Array.from({ length: n }, (_, p) => a.reduce((s, trial) => s + trial[p]!, 0) / r));

  const ssTotal = all.reduce((s, x) => s + (x - grand) ** 2, 0);
  const ssA = n * r * appraiserMean.reduce((s, m) => s + (m - grand) ** 2, 0);
  const ssP = k * r * partMean.reduce((s, m) => s + (m - grand) ** 2, 0);
  let ssE = 0;
  data.forEach((a, i) => a.forEach((trial) => trial.forEach((x, p) => (ssE += (x - cellMean[i]![p]!) ** 2))));
  const ssAP = Math.max(0, ssTotal - ssA - ssP - ssE);

  const dfA = k - 1;
  const dfP = n - 1;
  const dfAP = dfA * dfP;
  const dfE = n * k * (r - 1);
  const msA = ssA / dfA;
  const msP = ssP / dfP;
  const msAP = ssAP / dfAP;
  const msE = ssE / dfE;

  const interactionTest = fTest(msAP, msE, dfAP, dfE);
  const pooled = interactionTest.p > POOLING_P;
  const positive = (x: number): number => (x > 0 ? x : 0);

  let table: AnovaRow[];
  let ev2: number;
  let av2: number;
  let int2: number;
  let pv2: number;
  if (pooled) {
    const dfPooled = dfAP + dfE;
    const msPooled = (ssAP + ssE) / dfPooled;
    ev2 = msPooled;
    int2 = 0;
    av2 = positive((msA - msPooled) / (n * r));
    pv2 = positive((msP - msPooled) / (k * r));
    table = [
      { source: 'appraiser', df: dfA, ss: ssA, ms: msA, ...fTest(msA, msPooled, dfA, dfPooled) },
      { source: 'part', df: dfP, ss: ssP, ms: msP, ...fTest(msP, msPooled, dfP, dfPooled) },
      { source: 'interaction', df: dfAP, ss: ssAP, ms: msAP, ...interactionTest },
      { source: 'repeatability', df: dfPooled, ss: ssAP + ssE, ms: msPooled },
    ];
  } else {
    ev2 = msE;
    int2 = positive((msAP - msE) / r);
    av2 = positive((msA - msAP) / (n * r));
    pv2 = positive((msP - msAP) / (k * r));
    table = [
      { source: 'appraiser', df: dfA, ss: ssA, ms: msA, ...fTest(msA, msAP, dfA, dfAP) },
      { source: 'part', df: dfP, ss: ssP, ms: msP, ...fTest(msP, msAP, dfP, dfAP) },
      { source: 'interaction', df: dfAP, ss: ssAP, ms: msAP, ...interactionTest },
      { source: 'repeatability', df: dfE, ss: ssE, ms: msE },
    ];
  }
  table.push({ source: 'total', df: all.length - 1, ss: ssTotal });

  return {
    ev: Math.sqrt(ev2),
    av: Math.sqrt(av2),
    interaction: Math.sqrt(int2),
    pv: Math.sqrt(pv2),
    interactionPooled: pooled,
    interactionP: interactionTest.p,
    table,
  };
}
