// `conformance` engine (DESIGN.md §8): decision rule, probability of conformity and risks for a
// measured value with a normal measurement PDF (JCGM 106:2012, ILAC G8:09/2019).
// specificRisk is the probability that this decision is wrong (JCGM 106 §9.3): 1 − pc when the
// item is accepted (specific consumer's risk), pc when it is rejected (specific producer's risk).
// A limit absent from the tolerance (one-sided) is absent from `acceptance` too (null); an empty
// acceptance zone has both limits null and rejects every result.
import { acceptanceZone } from './acceptance-zone.ts';
import { parseConformanceInput } from './conformance-input.ts';
import { conformity } from './conformance-probability.ts';
import { globalRisk } from './global-risk.ts';

export interface ConformanceResult {
  readonly pc: number;
  readonly specificRisk: number;
  readonly decision: 'accept' | 'reject';
  readonly acceptance: { readonly lower: number | null; readonly upper: number | null };
  readonly globalPFA?: number;
  readonly globalPFR?: number;
}

export function runConformance(input: unknown): ConformanceResult {
  const req = parseConformanceInput(input);
  const tolerance = { lower: req.lower, upper: req.upper };
  const zone = acceptanceZone(req);
  const y = req.measured;
  const accepted =
    zone !== null && (zone.lower === undefined || y >= zone.lower) && (zone.upper === undefined || y <= zone.upper);
  const { pc, nonconformity } = conformity(y, req.u, tolerance);
  return {
    pc,
    specificRisk: accepted ? nonconformity : pc,
    decision: accepted ? 'accept' : 'reject',
    acceptance: { lower: zone?.lower ?? null, upper: zone?.upper ?? null },
    ...(req.process ? globalRisk(req.process, tolerance, zone, req.u) : {}),
  };
}
