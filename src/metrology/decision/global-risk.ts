// Global (average) risks for items drawn from a normal process, JCGM 106:2012 §9.5:
//   PFA = ∫_{η ∉ C} g0(η) · P(y ∈ A | η) dη,   PFR = ∫_{η ∈ C} g0(η) · P(y ∉ A | η) dη,
// with g0 = N(μ0, σ0²) the process PDF, C the tolerance interval, A the acceptance interval and
// P(y ∈ A | η) = Φ((AU − η)/u) − Φ((AL − η)/u) the normal measurement model in closed form.
// The outer integral is taken numerically over μ0 ± 12σ0 (the neglected mass is < 4e-33),
// split at the tolerance and acceptance limits and on grids graded geometrically around them
// (steps of u) and around μ0 (steps of σ0), so no feature narrower than a panel is stepped over
// when u ≪ σ0 or σ0 ≪ u.
import { normalPdf } from '../stats/index.ts';
import { acceptanceProbability, type ToleranceInterval } from './conformance-probability.ts';
import { integratePiecewise } from './quadrature.ts';

export interface GlobalRisk {
  readonly globalPFA: number;
  readonly globalPFR: number;
}

export function globalRisk(
  process: { readonly mean: number; readonly sd: number },
  tolerance: ToleranceInterval,
  zone: ToleranceInterval | null,
  u: number,
): GlobalRisk {
  const { mean, sd } = process;
  const lo = mean - 12 * sd;
  const hi = mean + 12 * sd;
  const g0 = (eta: number): number => normalPdf((eta - mean) / sd) / sd;
  const accept = (eta: number): number => (zone === null ? 0 : acceptanceProbability(eta, u, zone));
  const limits = [tolerance.lower, tolerance.upper, zone?.lower, zone?.upper].filter((x): x is number => x !== undefined);
  const breaks = [...limits.flatMap((x) => graded(x, u)), ...graded(mean, sd)];
  const inTolerance = (eta: number): boolean =>
    (tolerance.lower === undefined || eta >= tolerance.lower) && (tolerance.upper === undefined || eta <= tolerance.upper);

  const globalPFA = integratePiecewise((eta) => (inTolerance(eta) ? 0 : g0(eta) * accept(eta)), lo, hi, breaks);
  const globalPFR = integratePiecewise((eta) => (inTolerance(eta) ? g0(eta) * (1 - accept(eta)) : 0), lo, hi, breaks);
  return { globalPFA, globalPFR };
}

/** x and x ± s·2^j for j = −1..5. */
function graded(x: number, s: number): number[] {
  const out = [x];
  for (let j = -1; j <= 5; j++) out.push(x - s * 2 ** j, x + s * 2 ** j);
  return out;
}
