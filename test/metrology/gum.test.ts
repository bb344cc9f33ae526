// GUM uncertainty framework (JCGM 100): reference cases, published examples, input validation
// and the exactness of first-order propagation for linear models.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runGum } from '../../src/metrology/gum/index.ts';
import { assertMatchesExpected } from '../support/expected-values.ts';
import { loadReferenceCases, metrologyProblems } from '../support/reference-cases.ts';

const problemsOf = (input: unknown) => metrologyProblems(() => runGum(input));

const gumCases = loadReferenceCases('gum');
test('the reference cases exist', () => assert.ok(gumCases.length >= 2));
for (const c of gumCases) {
  test(`reference case: ${c.name}`, () => assertMatchesExpected(runGum(c.input), c.expected));
}

const H1 = gumCases.find((c) => c.name.includes('H.1'))!.input as Record<string, unknown>;

test('GUM H.1: budget sensitivities and the JCGM 100 H.1 results', () => {
  const y = runGum(H1).outputs.y!;
  const c = Object.fromEntries(y.budget.map((b) => [b.input, b]));
  assert.ok(Math.abs(c.delta_alpha!.sensitivity - 5.0000624e6) < 1);
  assert.ok(Math.abs(c.delta_theta!.sensitivity - -575.007) < 1e-3);
  assert.equal(c.l_s!.contribution, 25);
  assert.equal(c.alpha_s!.sensitivity, 0); // zero because δθ = 0: first order misses it
  assert.equal(Math.round(y.u), 32);
  assert.equal(Math.round(y.U), 92); // the GUM's 93 comes from rounding u to 32 first
  assert.equal(y.dof! > 16.7 && y.dof! < 16.8, true);
  const total = y.budget.reduce((s, b) => s + b.percent, 0);
  assert.ok(Math.abs(total - 100) < 1e-9); // uncorrelated first order: shares add up
});

test('GUM H.1.7: second-order terms raise u_c to 34 nm', () => {
  const y = runGum({ ...H1, order: 2 }).outputs.y!;
  assert.equal(Math.round(y.u), 34);
  assert.ok(Math.abs(y.uFirstOrder! - 31.6639) < 1e-3);
  // ν_eff stays the first-order value by policy.
  assert.ok(Math.abs(y.dof! - 16.75) < 0.01);
});

test('second order is exact for a product of zero-valued Gaussian inputs', () => {
  // y = a·b, a, b ~ N(0, 1) independent: Var(y) = 1, first order says 0.
  const y = runGum({ model: 'a*b', inputs: { a: { value: 0, u: 1 }, b: { value: 0, u: 1 } }, order: 2 }).outputs.y!;
  assert.equal(y.uFirstOrder, 0);
  assert.ok(Math.abs(y.u - 1) < 1e-12);
  // y = x², x ~ N(μ, σ²): Var = 4μ²σ² + 2σ⁴ exactly.
  const sq = runGum({ model: 'x^2', inputs: { x: { value: 3, u: 0.5 } }, order: 2 }).outputs.y!;
  assert.ok(Math.abs(sq.u ** 2 - (4 * 9 * 0.25 + 2 * 0.0625)) < 1e-12);
  // Correlated Gaussians: Var(ab) = σa²σb²(1 + ρ²) for zero means.
  const rho = runGum({ model: 'a*b', inputs: { a: { value: 0, u: 2 }, b: { value: 0, u: 3 } }, correlations: [['a', 'b', 0.5]], order: 2 }).outputs.y!;
  assert.ok(Math.abs(rho.u ** 2 - 36 * 1.25) < 1e-9);
});

test('GUM H.2: several outputs with correlated inputs, and their correlation', () => {
  const out = runGum({
    model: { R: 'V/I*cos(phi)', X: 'V/I*sin(phi)', Z: 'V/I' },
    inputs: {
      V: { value: 4.999, u: 0.0032, dof: 4 },
      I: { value: 19.661e-3, u: 0.0095e-3, dof: 4 },
      phi: { value: 1.04446, u: 0.00075, dof: 4 },
    },
    correlations: [['V', 'I', -0.36], ['V', 'phi', 0.86], ['I', 'phi', -0.65]],
  });
  // JCGM 100 Table H.4 (rounded inputs reproduce it to the rounding): R = 127.732(71) Ω,
  // X = 219.847(295) Ω, Z = 254.260(236) Ω, r(R,X) = −0.588, r(R,Z) = −0.485, r(X,Z) = 0.993.
  const { R, X, Z } = out.outputs;
  assert.ok(Math.abs(R!.value - 127.732) < 5e-4 && Math.abs(R!.u - 0.071) < 0.0015);
  assert.ok(Math.abs(X!.value - 219.847) < 5e-4 && Math.abs(X!.u - 0.295) < 0.002);
  assert.ok(Math.abs(Z!.value - 254.260) < 5e-4 && Math.abs(Z!.u - 0.236) < 0.002);
  assert.ok(Math.abs(out.correlation!.R!.X! - -0.588) < 0.005);
  assert.ok(Math.abs(out.correlation!.R!.Z! - -0.485) < 0.007);
  assert.ok(Math.abs(out.correlation!.X!.Z! - 0.993) < 0.002);
  // Correlated inputs from the same 5 readings: one W–S component with ν = 4 (policy).
  assert.equal(R!.dof, 4);
  assert.ok(out.notes.some((n) => n.includes('Willink')));
  assert.deepEqual(Object.keys(out.correlation!), ['R', 'X']);
});

test('ways of stating an input: u, U with k, half-widths, bounds', () => {
  const u = (spec: object) => runGum({ model: 'x', inputs: { x: { value: 1, ...spec } } }).outputs.y!.u;
  assert.equal(u({ u: 0.2 }), 0.2);
  assert.equal(u({ U: 0.4, k: 2 }), 0.2);
  assert.ok(Math.abs(u({ dist: 'rectangular', halfWidth: Math.sqrt(3) }) - 1) < 1e-15);
  assert.ok(Math.abs(u({ dist: 'triangular', halfWidth: Math.sqrt(6) }) - 1) < 1e-15);
  assert.ok(Math.abs(u({ dist: 'arcsine', halfWidth: Math.SQRT2 }) - 1) < 1e-15);
  assert.ok(Math.abs(runGum({ model: 'x', inputs: { x: { dist: 'uniform', low: 0, high: Math.sqrt(12) } } }).outputs.y!.u - 1) < 1e-15);
  assert.equal(runGum({ model: 'x', inputs: { x: { dist: 'uniform', low: 1, high: 3 } } }).outputs.y!.value, 2);
  assert.equal(u({ u: 0.2, dist: 't', dof: 5 }), 0.2);
});

test('infinite dof: dof is null and k comes from the normal distribution', () => {
  const y = runGum({ model: 'a - b', inputs: { a: { value: 1, u: 0.3 }, b: { value: 0.5, u: 0.4, dof: null } }, p: 0.95 }).outputs.y!;
  assert.equal(y.dof, null);
  assert.ok(Math.abs(y.k - 1.959963984540054) < 1e-12);
  assert.ok(Math.abs(y.u - 0.5) < 1e-15);
  assert.ok(Math.abs(y.U - 0.5 * y.k) < 1e-15);
});

test('dofPolicy: truncate (G.6.4) versus continuous', () => {
  const truncate = runGum(H1).outputs.y!;
  const continuous = runGum({ ...H1, dofPolicy: 'continuous' }).outputs.y!;
  assert.ok(Math.abs(truncate.k - 2.9207816224250996) < 1e-12); // t_0.995(16)
  assert.ok(Math.abs(continuous.k - 2.9040) < 1e-3); // t_0.995(16.75)
  assert.equal(truncate.dof, continuous.dof);
});

test('validation: every problem at once, with JSON pointers', () => {
  const problems = problemsOf({
    model: 'a + b*',
    inputs: { a: { value: 1, halfwidth: 2 }, b: { value: 'x', u: -1 }, pi: { value: 1, u: 1 } },
    correlations: [['a', 'c', 1.5]],
    p: 1.2,
    dofPolicy: 'floor',
    extra: 1,
  });
  const pointers = problems.map((p) => p.pointer).sort();
  assert.deepEqual(pointers, [
    '/correlations/0/1', '/correlations/0/2', '/dofPolicy', '/extra', '/inputs/a/halfwidth',
    '/inputs/b/u', '/inputs/b/value', '/inputs/pi', '/model', '/p',
  ].sort());
  for (const p of problems) assert.ok(p.message.length > 0);
});

test('validation: specific messages', () => {
  const base = { model: 'a + b', inputs: { a: { value: 1, u: 1 }, b: { value: 1, u: 1 } } };
  assert.deepEqual(problemsOf({ ...base, model: 'a + c' }), [{ pointer: '/model', message: "column 5: unknown name 'c' (not an input)" }]);
  assert.equal(problemsOf({ ...base, inputs: { ...base.inputs, a: { value: 1, U: 2 } } })[0]!.pointer, '/inputs/a/k');
  assert.equal(problemsOf({ ...base, inputs: { ...base.inputs, a: { value: 1, u: 1, U: 2, k: 2 } } })[0]!.pointer, '/inputs/a/u');
  assert.equal(problemsOf({ ...base, inputs: { ...base.inputs, a: { value: 1, dist: 'rectangular', u: 1 } } })[0]!.pointer, '/inputs/a/u');
  assert.equal(problemsOf({ ...base, inputs: { ...base.inputs, a: { value: 1, dist: 't', u: 1 } } })[0]!.pointer, '/inputs/a/dof');
  assert.equal(problemsOf({ ...base, inputs: { ...base.inputs, a: { value: 1, u: 1, dof: 0 } } })[0]!.pointer, '/inputs/a/dof');
  assert.equal(problemsOf({ ...base, correlations: [['a', 'a', 0.5]] })[0]!.pointer, '/correlations/0');
  assert.equal(problemsOf({ ...base, correlations: [['a', 'b', 0.5], ['b', 'a', 0.5]] })[0]!.pointer, '/correlations/1');
  assert.equal(problemsOf({ ...base, model: { 'R-1': 'a' } })[0]!.pointer, '/model/R-1');
  assert.equal(problemsOf({ ...base, order: 3 })[0]!.pointer, '/order');
  assert.equal(problemsOf(null)[0]!.pointer, '');
  assert.equal(problemsOf({ inputs: base.inputs })[0]!.pointer, '/model');
  // Monte Carlo keys are accepted so one input serves both methods.
  assert.doesNotThrow(() => runGum({ ...base, trials: 1000, seed: 3 }));
});

test('validation: an inconsistent correlation matrix is refused', () => {
  const inputs = { a: { value: 0, u: 1 }, b: { value: 0, u: 1 }, c: { value: 0, u: 1 } };
  const [problem] = problemsOf({ model: 'a+b+c', inputs, correlations: [['a', 'b', 0.9], ['a', 'c', 0.9], ['b', 'c', -0.9]] });
  assert.equal(problem!.pointer, '/correlations');
  assert.match(problem!.message, /not positive semidefinite/);
  // Fully correlated (singular but semidefinite) is fine.
  assert.equal(runGum({ model: 'a+b', inputs, correlations: [['a', 'b', 1]] }).outputs.y!.u, 2);
});

test('a model undefined or not differentiable at the estimates is reported', () => {
  const [problem] = problemsOf({ model: 'sqrt(x)', inputs: { x: { value: 0, u: 1 } } });
  assert.equal(problem!.pointer, '/model');
  assert.match(problem!.message, /sensitivity to 'x'/);
  assert.equal(problemsOf({ model: { A: 'log(x)' }, inputs: { x: { value: -1, u: 1 } } })[0]!.pointer, '/model/A');
});

test('property: for linear models first order is exact, u² = cᵀ Σ c', () => {
  const model = fc.integer({ min: 1, max: 6 }).chain((n) => fc.record({
    c: fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n }),
    x: fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }),
    u: fc.array(fc.double({ min: 1e-6, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
    // A random correlation matrix: normalized Gram matrix of random vectors.
    g: fc.array(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
    correlated: fc.boolean(),
  }));
  fc.assert(fc.property(model, ({ c, x, u, g, correlated }) => {
    const n = c.length;
    g.forEach((v, i) => { if (!v.some((e) => e !== 0)) v[i] = 1; });
    const norms = g.map((v) => Math.hypot(...v));
    const r = (i: number, j: number) => (i === j ? 1 : correlated ? g[i]!.reduce((s, v, k) => s + v * g[j]![k]!, 0) / (norms[i]! * norms[j]!) : 0);
    const names = c.map((_, i) => `x${i}`);
    const inputs = Object.fromEntries(names.map((name, i) => [name, { value: x[i]!, u: u[i]! }]));
    const correlations = correlated ? names.flatMap((a, i) => names.slice(i + 1).map((b, k) => [a, b, Math.max(-1, Math.min(1, r(i, i + 1 + k)))])) : undefined;
    const source = c.map((ci, i) => `(${ci})*x${i}`).join(' + ');
    const y = runGum({ model: source, inputs, ...(correlations ? { correlations } : {}) }).outputs.y!;
    let variance = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) variance += c[i]! * c[j]! * u[i]! * u[j]! * r(i, j);
    const scale = c.reduce((s, ci, i) => s + Math.abs(ci) * u[i]!, 0) ** 2;
    assert.ok(Math.abs(y.u ** 2 - variance) <= 1e-10 * scale + 1e-300, `${y.u ** 2} vs ${variance}`);
    y.budget.forEach((b, i) => assert.ok(b.sensitivity === c[i], `${b.sensitivity} vs ${c[i]}`)); // -0 === 0
    assert.ok(Math.abs(y.value - c.reduce((s, ci, i) => s + ci * x[i]!, 0)) <= 1e-9 * c.reduce((s, ci, i) => s + Math.abs(ci * x[i]!), 1));
    // endOnFailure: shrinking these chained records can take minutes; the first failure suffices.
  }), { numRuns: 200, endOnFailure: true });
});
