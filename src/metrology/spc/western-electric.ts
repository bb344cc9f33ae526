// Western Electric zone rules (Western Electric Statistical Quality Control Handbook, 1956, tests
// for unnatural patterns; Montgomery's sensitizing rules, ch. 5), applied to the location chart. Each violation is reported at the
// point that completes the pattern, and only if that point itself belongs to it.
//   1: one point beyond a 3σ control limit
//   2: two of three consecutive points beyond 2σ on the same side
//   3: four of five consecutive points beyond 1σ on the same side
//   4: eight consecutive points on the same side of the centre line
import type { LocationChart } from './chart-limits.ts';
import { beyondLimits } from './chart-limits.ts';

export interface RuleViolation {
  readonly rule: 1 | 2 | 3 | 4;
  readonly index: number;
}

export function westernElectric(chart: LocationChart): RuleViolation[] {
  const z = chart.points.map((x, i) => (x === null ? Number.NaN : (x - chart.center) / chart.pointSigma[i]!));
  const violations: RuleViolation[] = beyondLimits(chart).map((index) => ({ rule: 1, index }));

  const kOfM = (rule: 2 | 3, k: number, m: number, zone: number): void => {
    for (let i = 0; i < z.length; i++) {
      for (const side of [1, -1]) {
        if (!(side * z[i]! > zone)) continue;
        let count = 0;
        // The first points form a shorter window: k of them beyond the zone is already the pattern.
        for (let j = Math.max(0, i - m + 1); j <= i; j++) if (side * z[j]! > zone) count++;
        if (count >= k) violations.push({ rule, index: i });
      }
    }
  };
  kOfM(2, 2, 3, 2);
  kOfM(3, 4, 5, 1);

  let run = 0;
  let side = 0;
  z.forEach((v, i) => {
    const s = v > 0 ? 1 : v < 0 ? -1 : 0;
    run = s !== 0 && s === side ? run + 1 : s !== 0 ? 1 : 0;
    side = s;
    if (run >= 8) violations.push({ rule: 4, index: i });
  });

  return violations.sort((a, b) => a.index - b.index || a.rule - b.rule);
}
