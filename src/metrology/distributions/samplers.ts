// Fills Float64Array batches with draws from the distributions of JCGM 101 6.4 and Annex C.
// Every sampler writes out[0..n) and uses only the supplied generator, so runs are reproducible.

import type { Random } from './rng.ts';

const TWO_PI = 2 * Math.PI;

/** Gaussian N(mean, sd²) by the Box–Muller transform (JCGM 101 Annex C). */
export function fillNormal(rng: Random, out: Float64Array, n: number, mean = 0, sd = 1): void {
  rng.fill(out, n);
  const even = n - (n % 2);
  for (let i = 0; i < even; i += 2) {
    const radius = sd * Math.sqrt(-2 * Math.log(out[i]!));
    const angle = TWO_PI * out[i + 1]!;
    out[i] = mean + radius * Math.cos(angle);
    out[i + 1] = mean + radius * Math.sin(angle);
  }
  if (even < n) out[even] = mean + sd * Math.sqrt(-2 * Math.log(rng.next())) * Math.cos(TWO_PI * rng.next());
}

/** Rectangular on [mean − a, mean + a] (JCGM 101 6.4.2). */
export function fillRectangular(rng: Random, out: Float64Array, n: number, mean: number, halfWidth: number): void {
  rng.fill(out, n);
  for (let i = 0; i < n; i++) out[i] = mean + halfWidth * (2 * out[i]! - 1);
}

/** Uniform on [low, high]. */
export function fillUniform(rng: Random, out: Float64Array, n: number, low: number, high: number): void {
  rng.fill(out, n);
  const width = high - low;
  for (let i = 0; i < n; i++) out[i] = low + width * out[i]!;
}

/** Symmetric triangular on [mean − a, mean + a]: the mean of two rectangulars (JCGM 101 6.4.5). */
export function fillTriangular(rng: Random, out: Float64Array, n: number, mean: number, halfWidth: number): void {
  rng.fill(out, n);
  for (let i = 0; i < n; i++) out[i] = mean + halfWidth * (out[i]! + rng.next() - 1);
}

/** Arcsine (U-shaped) on [mean − a, mean + a]: mean + a sin(2πr) (JCGM 101 6.4.6). */
export function fillArcsine(rng: Random, out: Float64Array, n: number, mean: number, halfWidth: number): void {
  rng.fill(out, n);
  for (let i = 0; i < n; i++) out[i] = mean + halfWidth * Math.sin(TWO_PI * out[i]!);
}

/**
 * Curvilinear trapezoid (JCGM 101 6.4.3): rectangular whose half-width a is itself only known
 * to lie in [a − d, a + d]. Draw the half-width, then the value.
 */
export function fillCurvilinearTrapezoid(
  rng: Random, out: Float64Array, n: number, mean: number, halfWidth: number, d: number,
): void {
  rng.fill(out, n);
  for (let i = 0; i < n; i++) {
    const w = halfWidth + d * (1 - 2 * out[i]!);
    out[i] = mean + w * (2 * rng.next() - 1);
  }
}

/** One draw from Student's t with ν > 0 dof, Bailey's polar method (Bailey 1994, Math. Comp. 62 779). */
export function sampleT(rng: Random, dof: number): number {
  for (;;) {
    const u = 2 * rng.next() - 1;
    const v = 2 * rng.next() - 1;
    const w = u * u + v * v;
    if (w > 1 || w === 0) continue;
    return u * Math.sqrt((dof * (Math.pow(w, -2 / dof) - 1)) / w);
  }
}

let scratch = new Float64Array(0);

/**
 * Scaled and shifted t: mean + scale·t_ν (JCGM 101 6.4.9), by Bailey's polar method over a batch
 * of uniforms (about 3× faster than drawing them one by one; the draws differ from repeated
 * sampleT calls, so Monte Carlo uses only this form).
 */
export function fillScaledT(rng: Random, out: Float64Array, n: number, mean: number, scale: number, dof: number): void {
  const exponent = -2 / dof;
  let i = 0;
  while (i < n) {
    // Acceptance is π/4, so 1.3 pairs per draw rarely needs a second round.
    const need = 2 * Math.ceil((n - i) * 1.3) + 8;
    if (scratch.length < need) scratch = new Float64Array(need);
    rng.fill(scratch, need);
    for (let j = 0; j < need && i < n; j += 2) {
      const u = 2 * scratch[j]! - 1;
      const v = 2 * scratch[j + 1]! - 1;
      const w = u * u + v * v;
      if (w > 1 || w === 0) continue;
      out[i++] = mean + scale * u * Math.sqrt((dof * (Math.exp(exponent * Math.log(w)) - 1)) / w);
    }
  }
}

/** One draw from Gamma(shape, 1) (Marsaglia & Tsang 2000), used for χ² in multivariate t. */
export function sampleGamma(rng: Random, shape: number): number {
  if (shape < 1) return sampleGamma(rng, shape + 1) * Math.pow(rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = Math.sqrt(-2 * Math.log(rng.next())) * Math.cos(TWO_PI * rng.next());
    const t = 1 + c * z;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = rng.next();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Fills out with χ²_ν draws (2·Gamma(ν/2)). */
export function fillChiSquare(rng: Random, out: Float64Array, n: number, dof: number): void {
  for (let i = 0; i < n; i++) out[i] = 2 * sampleGamma(rng, dof / 2);
}
