// Hyper-dual numbers (Fike & Alonso 2011): a + Σ a_S ε_S over subsets S of k ≤ 3 nilpotent units
// (ε_t² = 0, ε_s ε_t ≠ 0). Seeding input x with x + Σ_t d_t ε_t gives, in the coefficient of
// ε_1…ε_k, the exact directional derivative D^k f[d_1, …, d_k] — no truncation error, no step
// size. This is forward-mode automatic differentiation of any order we need (≤ 3).

import type { FunctionName } from './ast.ts';
import { FUNCTION_DERIVATIVES, powerDerivatives, reciprocalDerivatives, type Derivatives } from './functions.ts';
import { evaluateWith, type Algebra } from './evaluate.ts';
import type { Expr } from './ast.ts';

export class HyperDual {
  /** c[S] is the coefficient of the product of the units in bitmask S; c[0] is the value. */
  constructor(readonly c: Float64Array) {}

  get value(): number {
    return this.c[0]!;
  }

  /** The coefficient of ε_1…ε_k: the k-th mixed directional derivative. */
  get top(): number {
    return this.c[this.c.length - 1]!;
  }

  isConstant(): boolean {
    for (let s = 1; s < this.c.length; s++) if (this.c[s] !== 0) return false;
    return true;
  }
}

function sized(size: number): Float64Array {
  return new Float64Array(size);
}

function multiply(a: HyperDual, b: HyperDual): HyperDual {
  const n = a.c.length;
  const out = sized(n);
  for (let s = 0; s < n; s++) {
    let sum = 0;
    // Sum over the ways to split S into disjoint T ⊆ S and S \ T.
    for (let t = s; ; t = (t - 1) & s) {
      sum += a.c[t]! * b.c[s ^ t]!;
      if (t === 0) break;
    }
    out[s] = sum;
  }
  return new HyperDual(out);
}

/** f(a) = Σ_m f⁽ᵐ⁾(a₀)/m! (a − a₀)^m, exact because (a − a₀)^(k+1) = 0. */
function apply(a: HyperDual, d: Derivatives): HyperDual {
  const n = a.c.length;
  const delta = new HyperDual(Float64Array.from(a.c));
  delta.c[0] = 0;
  const out = sized(n);
  out[0] = d[0];
  let power = delta;
  let factorial = 1;
  const units = Math.log2(n);
  for (let m = 1; m <= units; m++) {
    factorial *= m;
    const coef = d[m]! / factorial;
    for (let s = 1; s < n; s++) {
      const p = power.c[s]!;
      if (p !== 0) out[s] = out[s]! + coef * p;
    }
    power = multiply(power, delta);
  }
  return new HyperDual(out);
}

function combine(a: HyperDual, b: HyperDual, sign: 1 | -1): HyperDual {
  const out = sized(a.c.length);
  for (let s = 0; s < out.length; s++) out[s] = a.c[s]! + sign * b.c[s]!;
  return new HyperDual(out);
}

function power(a: HyperDual, b: HyperDual): HyperDual {
  if (b.isConstant()) return apply(a, powerDerivatives(a.value, b.value));
  if (a.isConstant()) {
    // c^b = exp(b ln c): the derivatives in b are c^b (ln c)^m.
    const v = Math.pow(a.value, b.value);
    const l = Math.log(a.value);
    return apply(b, [v, v * l, v * l * l, v * l * l * l]);
  }
  const w = multiply(b, apply(a, FUNCTION_DERIVATIVES.log(a.value))); // a^b = exp(b ln a), a > 0
  return apply(w, FUNCTION_DERIVATIVES.exp(w.value));
}

/** Hyper-dual arithmetic with k units; `seed(name)` gives each input its value and ε parts. */
export function hyperDualAlgebra(units: number, seed: (name: string) => HyperDual): Algebra<HyperDual> {
  const size = 1 << units;
  return {
    constant: (v) => {
      const c = sized(size);
      c[0] = v;
      return new HyperDual(c);
    },
    variable: seed,
    negate: (a) => new HyperDual(a.c.map((x) => -x)),
    add: (a, b) => combine(a, b, 1),
    subtract: (a, b) => combine(a, b, -1),
    multiply,
    divide: (a, b) => multiply(a, apply(b, reciprocalDerivatives(b.value))),
    power,
    call: (fn: FunctionName, a) => apply(a, FUNCTION_DERIVATIVES[fn](a.value)),
  };
}

/**
 * D^k f[d_1, …, d_k] at x: the k-th (k = directions.length ≤ 3) mixed directional derivative.
 * `index` maps each input name to its position in x and in every direction vector.
 */
export function directionalDerivative(
  expr: Expr,
  index: ReadonlyMap<string, number>,
  x: ArrayLike<number>,
  directions: readonly ArrayLike<number>[],
): number {
  const k = directions.length;
  if (k > 3) throw new RangeError('at most third derivatives are supported');
  const algebra = hyperDualAlgebra(k, (name) => {
    const c = sized(1 << k);
    const i = index.get(name);
    if (i === undefined) throw new RangeError(`unknown input '${name}'`);
    c[0] = x[i]!;
    for (let t = 0; t < k; t++) c[1 << t] = directions[t]![i]!;
    return new HyperDual(c);
  });
  return evaluateWith(expr, algebra).top;
}
