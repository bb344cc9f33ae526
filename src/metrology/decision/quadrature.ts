// Adaptive Gauss–Legendre quadrature for the global-risk integrals of JCGM 106 §9.5. Nodes and
// weights of the n-point rule come from Newton's method on the Legendre polynomial P_n
// (Golub & Welsch give the same values; Numerical Recipes §4.6 `gauleg`). Each panel is compared
// with the sum over its two halves and split until they agree.

interface Rule {
  readonly nodes: readonly number[];
  readonly weights: readonly number[];
}

function gaussLegendre(n: number): Rule {
  const nodes: number[] = new Array<number>(n).fill(0);
  const weights: number[] = new Array<number>(n).fill(0);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k];
      dp = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    weights[i] = weights[n - 1 - i] = 2 / ((1 - x * x) * dp * dp);
  }
  return { nodes, weights };
}

const RULE = gaussLegendre(20);

function panel(f: (x: number) => number, a: number, b: number): number {
  const half = (b - a) / 2;
  const mid = (a + b) / 2;
  let sum = 0;
  for (let i = 0; i < RULE.nodes.length; i++) sum += RULE.weights[i]! * f(mid + half * RULE.nodes[i]!);
  return sum * half;
}

/** ∫_a^b f(x) dx to an absolute tolerance (default 1e-13). */
export function integrate(f: (x: number) => number, a: number, b: number, tolerance = 1e-13): number {
  if (!(b > a)) return 0;
  const recurse = (lo: number, hi: number, whole: number, tol: number, depth: number): number => {
    const mid = (lo + hi) / 2;
    const left = panel(f, lo, mid);
    const right = panel(f, mid, hi);
    if (depth >= 40 || Math.abs(left + right - whole) <= tol) return left + right;
    return recurse(lo, mid, left, tol / 2, depth + 1) + recurse(mid, hi, right, tol / 2, depth + 1);
  };
  return recurse(a, b, panel(f, a, b), tolerance, 0);
}

/** ∫ over [a, b] split at the given breakpoints (those inside the interval). */
export function integratePiecewise(f: (x: number) => number, a: number, b: number, breaks: readonly number[], tolerance = 1e-13): number {
  const points = [a, ...breaks.filter((x) => x > a && x < b).sort((x, y) => x - y), b];
  let sum = 0;
  for (let i = 1; i < points.length; i++) sum += integrate(f, points[i - 1]!, points[i]!, tolerance / (points.length - 1));
  return sum;
}
