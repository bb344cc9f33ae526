// AIAG MSA 4th ed. (2010) constants for the average-and-range method, Chapter III Section B and
// Appendix C. K = 1/d2*: K1 (trials) uses d2 for many subgroups (appraisers × parts > 15), K2
// (appraisers) and K3 (parts) use d2* for a single subgroup (g = 1). AIAG tabulates K1 for 2–3
// trials, K2 for 2–3 appraisers and K3 for 2–10 parts; the further entries follow the same
// definition, rounded to the same four decimals.

/** K1 = 1/d2 by number of trials (d2 for the range of m normal values). */
const K1: Readonly<Record<number, number>> = {
  2: 0.8862, 3: 0.5908, 4: 0.4857, 5: 0.4299, 6: 0.3946, 7: 0.3698, 8: 0.3512, 9: 0.3367, 10: 0.3249,
};

/** d2* for g = 1 (AIAG MSA 4th ed. Appendix C, after Duncan), m = 2..20. */
const D2_STAR_G1: Readonly<Record<number, number>> = {
  2: 1.41421, 3: 1.91155, 4: 2.23887, 5: 2.48124, 6: 2.67253, 7: 2.82981, 8: 2.96288, 9: 3.07794,
  10: 3.17905, 11: 3.26909, 12: 3.35016, 13: 3.42378, 14: 3.49116, 15: 3.55333, 16: 3.61071,
  17: 3.66422, 18: 3.71424, 19: 3.76118, 20: 3.80537,
};

export const MAX_TRIALS = 10;
export const MAX_APPRAISERS = 20;
export const MAX_PARTS = 20;

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

export function k1(trials: number): number {
  const k = K1[trials];
  if (k === undefined) throw new RangeError(`K1 is tabulated for 2..${MAX_TRIALS} trials`);
  return k;
}

/** K2 (appraisers) = 1/d2*(m = appraisers, g = 1). */
export function k2(appraisers: number): number {
  const d = D2_STAR_G1[appraisers];
  if (d === undefined) throw new RangeError(`K2 is tabulated for 2..${MAX_APPRAISERS} appraisers`);
  return round4(1 / d);
}

/** K3 (parts) = 1/d2*(m = parts, g = 1). */
export function k3(parts: number): number {
  const d = D2_STAR_G1[parts];
  if (d === undefined) throw new RangeError(`K3 is tabulated for 2..${MAX_PARTS} parts`);
  return round4(1 / d);
}
