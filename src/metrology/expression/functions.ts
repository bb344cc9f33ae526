// The elementary functions of the model grammar with their first three derivatives, which is
// what exact propagation needs: first order for the law of propagation of uncertainty
// (JCGM 100 5.1.2), second and third for the higher-order terms of the 5.1.2 note.

import type { FunctionName } from './ast.ts';

/** [f(x), f'(x), f''(x), f'''(x)] */
export type Derivatives = readonly [number, number, number, number];

const LN10 = Math.LN10;

export const FUNCTION_DERIVATIVES: Readonly<Record<FunctionName, (x: number) => Derivatives>> = {
  sqrt: (x) => {
    const s = Math.sqrt(x);
    return [s, 0.5 / s, -0.25 / (x * s), 0.375 / (x * x * s)];
  },
  exp: (x) => {
    const e = Math.exp(x);
    return [e, e, e, e];
  },
  log: (x) => [Math.log(x), 1 / x, -1 / (x * x), 2 / (x * x * x)],
  log10: (x) => [Math.log10(x), 1 / (x * LN10), -1 / (x * x * LN10), 2 / (x * x * x * LN10)],
  sin: (x) => {
    const s = Math.sin(x);
    const c = Math.cos(x);
    return [s, c, -s, -c];
  },
  cos: (x) => {
    const s = Math.sin(x);
    const c = Math.cos(x);
    return [c, -s, -c, s];
  },
  tan: (x) => {
    const t = Math.tan(x);
    const sec2 = 1 + t * t;
    return [t, sec2, 2 * t * sec2, 2 * sec2 * (1 + 3 * t * t)];
  },
  asin: (x) => {
    const w = 1 - x * x;
    const r = 1 / Math.sqrt(w);
    return [Math.asin(x), r, x * r / w, (1 + 2 * x * x) * r / (w * w)];
  },
  acos: (x) => {
    const w = 1 - x * x;
    const r = 1 / Math.sqrt(w);
    return [Math.acos(x), -r, -x * r / w, -(1 + 2 * x * x) * r / (w * w)];
  },
  atan: (x) => {
    const w = 1 + x * x;
    return [Math.atan(x), 1 / w, -2 * x / (w * w), (6 * x * x - 2) / (w * w * w)];
  },
  // |x| is not differentiable at 0; we take the derivative there as 0 (sign(0)), so a zero
  // estimate gets zero sensitivity — the case where first-order propagation is useless anyway.
  abs: (x) => [Math.abs(x), Math.sign(x), 0, 0],
};

/** Derivatives of x^c for a constant exponent c, exact zeros where the coefficient vanishes
 *  (so x² at x = 0 has third derivative 0, not 0·∞). */
export function powerDerivatives(x: number, c: number): Derivatives {
  const term = (coef: number, e: number): number => (coef === 0 ? 0 : coef * Math.pow(x, e));
  return [Math.pow(x, c), term(c, c - 1), term(c * (c - 1), c - 2), term(c * (c - 1) * (c - 2), c - 3)];
}

/** Derivatives of 1/x. */
export function reciprocalDerivatives(x: number): Derivatives {
  const r = 1 / x;
  return [r, -r * r, 2 * r * r * r, -6 * r * r * r * r];
}

/** Scalar value of a function (the first entry of its derivatives, without computing the rest). */
export const FUNCTION_VALUES: Readonly<Record<FunctionName, (x: number) => number>> = {
  sqrt: Math.sqrt, exp: Math.exp, log: Math.log, log10: Math.log10, sin: Math.sin, cos: Math.cos,
  tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan, abs: Math.abs,
};
