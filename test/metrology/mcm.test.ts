// Monte Carlo (JCGM 101): reference cases, published examples, distributions, correlation,
// adaptive mode, GUF validation, and convergence to the GUM for linear Gaussian models.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runGum } from '../../src/metrology/gum/index.ts';
import {
  numericalTolerance, runH1HandWritten, runH1MonteCarlo, runMcm, shortestInterval, sortTails, symmetricInterval,
} from '../../src/metrology/mcm/index.ts';
import { assertMatchesExpected } from '../support/expected-values.ts';
import { loadReferenceCases, metrologyProblems } from '../support/reference-cases.ts';

const problemsOf = (input: unknown) => metrologyProblems(() => runMcm(input));

/** |actual − expected| within `sigmas` standard errors. */
function within(actual: number, expected: number, standardError: number, what: string, sigmas = 5): void {
  assert.ok(Math.abs(actual - expected) <= sigmas * standardError, `${what}: ${actual} vs ${expected} (se ${standardError})`);
}

const mcmCases = loadReferenceCases<Record<string, unknown>>('mcm');
test('the reference cases exist', () => assert.ok(mcmCases.length >= 3));
// Statistical comparison: the case tolerances are several standard errors at 10⁶ trials, and two
// seeds must both pass, so a lucky seed cannot hide a bias.
for (const c of mcmCases) {
  test(`reference case: ${c.name}`, () => {
    for (const seed of [1, 20260101]) assertMatchesExpected(runMcm({ ...c.input, seed }), c.expected, `seed ${seed}`);
  });
}

test('JCGM 101 9.2: the GUF is validated for four Gaussian and four rectangular inputs, not for 9.2.4', () => {
  const byName = (part: string) => mcmCases.find((c) => c.name.includes(part))!.input;
  assert.equal(runMcm(byName('9.2.2')).outputs.y!.validation!.passed, true);
  assert.equal(runMcm(byName('9.2.3')).outputs.y!.validation!.passed, true);
  const v = runMcm(byName('9.2.4')).outputs.y!.validation!;
  assert.equal(v.passed, false);
  assert.equal(v.deltaTolerance, 0.5); // u = 10 to two digits → δ = 0.5
  assert.ok(v.dLow > 2.5 && v.dHigh > 2.5); // GUF ±19.89 against MCM ±17.02
});

test('JCGM 101 9.5 (GUM H.1 by Monte Carlo): u = 36 nm, GUF not validated at δ = 0.5 nm', () => {
  const out = runH1MonteCarlo(1_000_000, 7);
  const y = out.outputs.y!;
  assert.equal(Math.round(y.u), 36);
  assert.ok(Math.abs(y.value - 50000838.6) < 0.5);
  assert.equal(y.validation!.passed, false);
  assert.equal(y.validation!.deltaTolerance, 0.5);
  // The t and curvilinear-trapezoid choices are explained.
  assert.ok(out.notes.some((n) => n.startsWith('l_s:') && n.includes('t_18')));
  assert.ok(out.notes.some((n) => n.startsWith('delta_theta:') && n.includes('trapezoid')));
});

test('the benchmark helpers: compiled engine equals the hand-written loop on the same draws', () => {
  const engine = runH1MonteCarlo(50_000, 3).outputs.y!;
  const hand = runH1HandWritten(50_000, 3);
  assert.equal(engine.value, hand.value);
  assert.equal(engine.u, hand.u);
  assert.deepEqual(engine.interval.symmetric, hand.symmetric);
});

test('a seed reproduces a run exactly; another seed gives another run', () => {
  const input = { model: 'a*b + c', inputs: { a: { value: 1, u: 0.1, dof: 5 }, b: { value: 2, dist: 'triangular', halfWidth: 0.3 }, c: { value: 0, dist: 'arcsine', halfWidth: 1 } }, trials: 20_000 };
  assert.deepEqual(runMcm({ ...input, seed: 42 }), runMcm({ ...input, seed: 42 }));
  assert.notEqual(runMcm({ ...input, seed: 42 }).outputs.y!.value, runMcm({ ...input, seed: 43 }).outputs.y!.value);
  assert.equal(runMcm({ ...input, seed: 42 }).seed, 42);
  assert.equal(runMcm(input).trials, 20_000);
});

test('every input distribution has the intended standard deviation', () => {
  const M = 200_000;
  const sd = (spec: object) => runMcm({ model: 'x', inputs: { x: { value: 3, ...spec } }, trials: M, seed: 5 }).outputs.y!;
  const cases: [object, number][] = [
    [{ u: 0.5 }, 0.5],
    [{ dist: 'normal', u: 0.5, dof: 3 }, 0.5], // explicit normal stays Gaussian
    [{ U: 1, k: 2 }, 0.5],
    [{ dist: 'rectangular', halfWidth: 2 }, 2 / Math.sqrt(3)],
    [{ dist: 'triangular', halfWidth: 2 }, 2 / Math.sqrt(6)],
    [{ dist: 'arcsine', halfWidth: 2 }, 2 / Math.SQRT2],
    [{ u: 0.5, dof: 10 }, 0.5 * Math.sqrt(10 / 8)], // t_10 scaled by u
    [{ dist: 't', u: 0.5, dof: 6 }, 0.5 * Math.sqrt(6 / 4)],
    [{ dist: 'rectangular', halfWidth: 2, dof: 2 }, Math.sqrt(4 / 3 + 1 / 9)], // trapezoid, d = 1
  ];
  for (const [spec, expected] of cases) {
    const y = sd(spec);
    within(y.value, 3, expected / Math.sqrt(M), `mean of ${JSON.stringify(spec)}`);
    // se of a standard deviation, generously (heavier tails than Gaussian): σ·√(2/M)·2.
    within(y.u, expected, (2 * expected * Math.SQRT2) / Math.sqrt(M), `u of ${JSON.stringify(spec)}`);
  }
  const uniform = runMcm({ model: 'x', inputs: { x: { dist: 'uniform', low: 1, high: 5 } }, trials: M, seed: 5 }).outputs.y!;
  within(uniform.u, 4 / Math.sqrt(12), 0.01, 'uniform u', 1);
  assert.ok(uniform.interval.shortest[0] >= 1 && uniform.interval.shortest[1] <= 5);
  const fixed = runMcm({ model: 'x + 1', inputs: { x: { value: 3, u: 0 } }, trials: 2000 }).outputs.y!;
  assert.deepEqual([fixed.value, fixed.u, fixed.interval.symmetric], [4, 0, [4, 4]]);
});

test('skewed output: shortest and probabilistically symmetric intervals differ', () => {
  // y = x², x ~ N(0, 1): χ²₁. Symmetric 95 %: [0.000982, 5.024]; shortest: [0, 3.841].
  const y = runMcm({ model: 'x^2', inputs: { x: { value: 0, u: 1 } }, trials: 1_000_000, seed: 2 }).outputs.y!;
  assert.ok(Math.abs(y.interval.symmetric[0] - 0.000982) < 1e-4);
  assert.ok(Math.abs(y.interval.symmetric[1] - 5.024) < 0.03);
  assert.ok(y.interval.shortest[0] < 1e-5);
  assert.ok(Math.abs(y.interval.shortest[1] - 3.841) < 0.03);
  // First-order GUF gives u = 0 here, so validation fails by a wide margin.
  assert.equal(y.validation!.passed, false);
});

test('correlated inputs: multivariate Gaussian and multivariate t', () => {
  const M = 200_000;
  const gauss = runMcm({ model: 'a + b', inputs: { a: { value: 0, u: 1 }, b: { value: 0, u: 2 } }, correlations: [['a', 'b', -0.5]], trials: M, seed: 9 });
  within(gauss.outputs.y!.u, Math.sqrt(1 + 4 - 2), Math.sqrt(3) * Math.SQRT1_2 / Math.sqrt(M), 'u(a+b)');
  assert.ok(gauss.notes.some((n) => n.includes('multivariate Gaussian')));
  // Multivariate t with 8 dof: covariance scale·ν/(ν−2).
  const t = runMcm({ model: 'a + b', inputs: { a: { value: 0, u: 1, dof: 8 }, b: { value: 0, u: 2, dof: 8 } }, correlations: [['a', 'b', 0.5]], trials: M, seed: 9 });
  within(t.outputs.y!.u, Math.sqrt((1 + 4 + 2) * 8 / 6), 3 * Math.sqrt(7) / Math.sqrt(M), 'u(a+b), multivariate t');
  // Several outputs: the sample correlation of GUM H.2's R and X agrees with the GUF.
  const h2 = {
    model: { R: 'V/I*cos(phi)', X: 'V/I*sin(phi)' },
    inputs: { V: { value: 4.999, u: 0.0032 }, I: { value: 19.661e-3, u: 0.0095e-3 }, phi: { value: 1.04446, u: 0.00075 } },
    correlations: [['V', 'I', -0.36], ['V', 'phi', 0.86], ['I', 'phi', -0.65]],
  };
  const mc = runMcm({ ...h2, trials: M, seed: 4 });
  const guf = runGum(h2);
  within(mc.correlation!.R!.X!, guf.correlation!.R!.X!, 2 / Math.sqrt(M), 'r(R, X)');
  within(mc.outputs.R!.u, guf.outputs.R!.u, guf.outputs.R!.u / Math.sqrt(M), 'u(R)');
});

test('property: Monte Carlo converges to the GUM for linear Gaussian models', () => {
  const M = 200_000;
  fc.assert(fc.property(
    fc.array(fc.record({
      c: fc.double({ min: -5, max: 5, noNaN: true }).filter((c) => Math.abs(c) > 0.01),
      x: fc.double({ min: -100, max: 100, noNaN: true }),
      u: fc.double({ min: 0.01, max: 10, noNaN: true }),
    }), { minLength: 1, maxLength: 4 }),
    fc.integer({ min: 0, max: 2 ** 31 }),
    (terms, seed) => {
      const inputs = Object.fromEntries(terms.map((t, i) => [`x${i}`, { value: t.x, u: t.u }]));
      const model = terms.map((t, i) => `(${t.c})*x${i}`).join(' + ');
      const gum = runGum({ model, inputs }).outputs.y!;
      const mc = runMcm({ model, inputs, trials: M, seed }).outputs.y!;
      within(mc.value, gum.value, gum.u / Math.sqrt(M), 'mean');
      within(mc.u, gum.u, gum.u / Math.sqrt(2 * M), 'u');
      // 2.5 % quantile: se = √(p(1−p)/M)/φ(z) ≈ 2.7 u/√M.
      within(mc.interval.symmetric[0], gum.value - gum.U, (2.7 * gum.u) / Math.sqrt(M), 'y_low');
      within(mc.interval.symmetric[1], gum.value + gum.U, (2.7 * gum.u) / Math.sqrt(M), 'y_high');
    },
  ), { numRuns: 8 });
});

test('adaptive Monte Carlo stabilizes (JCGM 101 7.9)', () => {
  const input = { model: 'X1 + X2 + X3 + X4', inputs: Object.fromEntries([1, 2, 3, 4].map((i) => [`X${i}`, { value: 0, u: 1 }])), p: 0.95 };
  const out = runMcm({ ...input, adaptive: true, ndig: 2, seed: 11 });
  assert.equal(out.adaptive!.converged, true);
  assert.equal(out.adaptive!.blockSize, 10_000); // max(100/(1 − p), 10⁴)
  assert.equal(out.trials, out.adaptive!.blocks * 10_000);
  assert.ok(out.adaptive!.blocks >= 2);
  assert.equal(out.adaptive!.tolerance.y, 0.05);
  within(out.outputs.y!.u, 2, 0.05, 'adaptive u', 1);
  // A cap too small to stabilize is reported, not hidden.
  const capped = runMcm({ ...input, adaptive: true, ndig: 4, trials: 30_000, seed: 11 });
  assert.equal(capped.adaptive!.converged, false);
  assert.equal(capped.trials, 30_000);
  assert.ok(capped.notes.some((n) => n.includes('not stabilized')));
});

test('invalid Monte Carlo input is refused with pointers', () => {
  const base = { model: 'a + b', inputs: { a: { value: 0, u: 1 }, b: { value: 0, dist: 'rectangular', halfWidth: 1 } } };
  assert.equal(problemsOf({ ...base, trials: 10 })[0]!.pointer, '/trials');
  assert.equal(problemsOf({ ...base, trials: 2e7 })[0]!.pointer, '/trials');
  assert.equal(problemsOf({ ...base, trials: 1500.5 })[0]!.pointer, '/trials');
  assert.equal(problemsOf({ ...base, seed: -1 })[0]!.pointer, '/seed');
  assert.equal(problemsOf({ ...base, adaptive: 'yes' })[0]!.pointer, '/adaptive');
  assert.equal(problemsOf({ ...base, adaptive: true, trials: 15_000 })[0]!.pointer, '/trials');
  assert.equal(problemsOf({ ...base, trials: 1000, p: 0.9999 })[0]!.pointer, '/trials');
  assert.match(problemsOf({ ...base, correlations: [['a', 'b', 0.3]] })[0]!.message, /only Gaussian or t inputs/);
  const mixed = { model: 'a + b', inputs: { a: { value: 0, u: 1, dof: 4 }, b: { value: 0, u: 1 } }, correlations: [['a', 'b', 0.3]] };
  assert.match(problemsOf(mixed)[0]!.message, /different dof/);
  const [undefinedModel] = problemsOf({ model: 'sqrt(x)', inputs: { x: { value: 1, u: 1 } }, trials: 10_000 });
  assert.equal(undefinedModel!.pointer, '/model');
  assert.match(undefinedModel!.message, /non-finite value in \d+ of 10000 trials/);
});

test('GUF validation is skipped, not fatal, when the GUF cannot be evaluated', () => {
  // log(x²) is −∞ at the estimate x = 0 but finite for every draw.
  const out = runMcm({ model: 'log(x^2)', inputs: { x: { value: 0, u: 1 } }, trials: 10_000 });
  assert.equal(out.outputs.y!.validation, null);
  assert.ok(out.notes.some((n) => n.startsWith('GUF validation skipped')));
});

test('tails sorted by selection equal those of a full sort', () => {
  fc.assert(fc.property(
    fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e3, max: 1e3, noNaN: true })), { minLength: 50, maxLength: 400 }),
    fc.double({ min: 0.5, max: 0.99, noNaN: true }),
    (xs, p) => {
      const full = Float64Array.from(xs).sort();
      const k = Math.max(1, Math.floor(xs.length * (1 - p)));
      const tails = sortTails(Float64Array.from(xs), k);
      assert.deepEqual(tails.subarray(0, k), full.subarray(0, k));
      assert.deepEqual(tails.subarray(xs.length - k), full.subarray(xs.length - k));
      const q = xs.length - k;
      if (k === xs.length - Math.round(p * xs.length)) {
        assert.deepEqual(symmetricInterval(tails, p), symmetricInterval(full, p));
        assert.deepEqual(shortestInterval(tails, p), shortestInterval(full, p));
      }
      assert.ok(q >= 0);
    },
  ), { numRuns: 300 });
});

test('numerical tolerance δ of JCGM 101 7.9.2', () => {
  assert.equal(numericalTolerance(0.0026, 2), 0.00005);
  assert.equal(numericalTolerance(35.7, 2), 0.5);
  assert.equal(numericalTolerance(2, 2), 0.05);
  assert.equal(numericalTolerance(2, 1), 0.5);
  assert.equal(numericalTolerance(9.96, 2), 0.5); // rounds to 10 → c = 10, ℓ = 0
  assert.equal(numericalTolerance(0, 2), 0);
});

test('histogram of the trials: every trial accounted for, Gaussian shape, deterministic', () => {
  const input = { model: '2*a + b', inputs: { a: { value: 1, u: 0.1 }, b: { value: 3, u: 0.2 } }, trials: 100_000, seed: 11 };
  const out = runMcm(input);
  const y = out.outputs.y!;
  const h = y.histogram;
  assert.equal(h.counts.length, 60);
  assert.ok(h.binWidth > 0);
  assert.equal(h.counts.reduce((s, c) => s + c, 0) + h.below + h.above, out.trials);
  // 0.05 % … 99.95 % quantile span: about 50 trials left out each side.
  assert.ok(h.below <= 50 && h.above <= 50 && h.below >= 40 && h.above >= 40, `${h.below} ${h.above}`);
  // The span covers the coverage intervals.
  assert.ok(h.lower <= y.interval.symmetric[0] && h.lower + 60 * h.binWidth >= y.interval.symmetric[1]);
  // Roughly Gaussian: the bin holding the mean is (nearly) the largest, the ends are small and
  // the counts are close to M·φ over each bin.
  const max = Math.max(...h.counts);
  const meanBin = Math.floor((y.value - h.lower) / h.binWidth);
  assert.ok(h.counts[meanBin]! >= 0.9 * max, `${h.counts[meanBin]} vs ${max}`);
  assert.ok(h.counts[0]! < 0.02 * max && h.counts[59]! < 0.02 * max);
  const sigma = Math.sqrt(0.2 ** 2 + 0.2 ** 2);
  h.counts.forEach((c, k) => {
    const mid = h.lower + (k + 0.5) * h.binWidth;
    const expected = out.trials * h.binWidth * Math.exp(-0.5 * ((mid - 5) / sigma) ** 2) / (sigma * Math.sqrt(2 * Math.PI));
    assert.ok(Math.abs(c - expected) <= 6 * Math.sqrt(expected) + 0.02 * expected + 5, `bin ${k}: ${c} vs ${expected}`);
  });
  assert.deepEqual(runMcm(input).outputs.y!.histogram, h);
  assert.notDeepEqual(runMcm({ ...input, seed: 12 }).outputs.y!.histogram, h);
});

test('histogram: adaptive runs, p above 0.999 and a constant output', () => {
  const adaptive = runMcm({ model: 'a', inputs: { a: { value: 0, u: 1 } }, adaptive: true, ndig: 1, trials: 200_000, seed: 3 });
  const ha = adaptive.outputs.y!.histogram;
  assert.equal(ha.counts.reduce((s, c) => s + c, 0) + ha.below + ha.above, adaptive.trials);
  // With p = 0.9999 the coverage tails are thinner than the histogram's: still the right span.
  const wide = runMcm({ model: 'a', inputs: { a: { value: 0, u: 1 } }, p: 0.9999, trials: 200_000, seed: 3 });
  const hw = wide.outputs.y!.histogram;
  assert.equal(hw.below, 100);
  assert.equal(hw.above, 100);
  assert.ok(Math.abs(hw.lower + 3.29) < 0.1, String(hw.lower));
  const constant = runMcm({ model: 'a*0 + 2', inputs: { a: { value: 0, u: 1 } }, trials: 10_000, seed: 3 });
  assert.deepEqual(constant.outputs.y!.histogram, { lower: 2, binWidth: 0, counts: [10_000], below: 0, above: 0 });
});
