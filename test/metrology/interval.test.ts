import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { binomialCdf, clopperPearson, equilibriumDecrease, runInterval } from '../../src/metrology/intervals/index.ts';
import { problemPointers } from '../support/reference-cases.ts';

const history = (results: readonly number[], intervalDays: number) => results.map((r) => ({ intervalDays, inTolerance: r === 1 }));
const near = (actual: number, expected: number, tolerance: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} vs ${expected} ± ${tolerance}`);

// Assets 1–3 of the 2019 NCSL International Symposium tutorial on calibration intervals, as used
// by Sandia's suncal (test/test_interval.py::testA3): interval, rejection confidence and the 50 %
// reliability interval.
const TUTORIAL = [
  { results: [1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0], i0: 365, interval: 231, q: 0.9949, lower: 0.6516, upper: 0.8286 },
  { results: [1, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1], i0: 365, interval: 205, q: 0.9993, lower: 0.6, upper: 0.7843 },
  { results: [1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1], i0: 730, interval: 523, q: 0.9682, lower: 0.7041, upper: 0.8716 },
];

TUTORIAL.forEach((c, i) => {
  test(`RP-1 A3 reproduces NCSLI 2019 tutorial asset ${i + 1}: ${c.i0} d → ${c.interval} d`, () => {
    const r = runInterval({ history: history(c.results, c.i0), reliabilityTarget: 0.95 });
    assert.equal(r.method, 'NCSLI RP-1 A3');
    assert.equal(r.action, 'shorten');
    assert.equal(r.recommendedIntervalDays, c.interval);
    if (!('rejectionConfidence' in r)) assert.fail('expected an A3 result');
    near(r.rejectionConfidence, c.q, 5e-5, 'rejection confidence');
    near(r.reliabilityInterval.lower, c.lower, 5e-5, 'lower reliability limit');
    near(r.reliabilityInterval.upper, c.upper, 5e-5, 'upper reliability limit');
  });
});

test('RP-1 A3 with summarized data: 42 of 50 in tolerance, target 0.90, confidence 0.3 → 329 d (suncal)', () => {
  const r = runInterval({ history: history([...Array<number>(42).fill(1), ...Array<number>(8).fill(0)], 365), reliabilityTarget: 0.9, confidence: 0.3 });
  assert.equal(r.recommendedIntervalDays, 329);
  if (!('rejectionConfidence' in r)) assert.fail('expected an A3 result');
  near(r.rejectionConfidence, 0.7557, 5e-5, 'rejection confidence');
  near(r.reliabilityInterval.lower, 0.8067, 5e-5, 'lower');
  near(r.reliabilityInterval.upper, 0.8664, 5e-5, 'upper');
});

test('A3 keeps the interval when the data do not contradict the target, and caps a change at ×2', () => {
  const keep = runInterval({ history: history([1, 1, 1, 1, 0], 180), reliabilityTarget: 0.9 });
  assert.equal(keep.action, 'keep');
  assert.equal(keep.recommendedIntervalDays, 180);
  const lengthen = runInterval({ history: history(Array<number>(40).fill(1), 365), reliabilityTarget: 0.9 });
  assert.equal(lengthen.action, 'lengthen');
  assert.equal(lengthen.recommendedIntervalDays, 730);
  const bounded = runInterval({ history: history(Array<number>(40).fill(1), 365), reliabilityTarget: 0.9, maxIntervalDays: 500 });
  assert.equal(bounded.recommendedIntervalDays, 500);
});

test('A3 uses only results taken at (about) the current interval', () => {
  const r = runInterval({
    history: [...history([0, 0, 0], 90), ...history([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 180)],
    reliabilityTarget: 0.8,
  });
  if (!('used' in r)) assert.fail('expected an A3 result');
  assert.equal(r.used, 10);
  assert.equal(r.unused, 3);
  assert.equal(r.windowDays, 56);
  assert.ok(problemPointers(() => runInterval({ history: history([1, 1], 90), reliabilityTarget: 0.9, currentIntervalDays: 365 })).includes('/history'));
});

test('A1 staircase: ×(1 + a) after an in-tolerance result, ×(1 − b) after an out-of-tolerance one', () => {
  const up = runInterval({ history: history([0, 1], 200), reliabilityTarget: 0.9, method: 'A1' });
  assert.equal(up.method, 'NCSLI RP-1 A1 (OIML D 10 staircase)');
  assert.equal(up.recommendedIntervalDays, 220);
  const down = runInterval({ history: history([1, 0], 200), reliabilityTarget: 0.9, method: 'A1', decrease: 0.25 });
  assert.equal(down.recommendedIntervalDays, 150);
  // Default b puts the staircase in equilibrium at the target: R·ln(1 + a) + (1 − R)·ln(1 − b) = 0.
  const b = equilibriumDecrease(0.1, 0.9);
  near(0.9 * Math.log(1.1) + 0.1 * Math.log(1 - b), 0, 1e-15, 'drift');
});

test('binomial tail and Clopper–Pearson limits agree with scipy', () => {
  near(binomialCdf(15, 20, 0.95), 0.0025739403346522914, 1e-15, 'P(X ≤ 15)');
  const cp = clopperPearson(15, 20, 0.95);
  near(cp.lower, 0.5089541282920425, 1e-12, 'CP lower');
  near(cp.upper, 0.9134285308985653, 1e-12, 'CP upper');
});

test('property: A3 changes the interval exactly when the Clopper–Pearson interval excludes the target', () => {
  const arb = fc.record({
    n: fc.integer({ min: 1, max: 60 }),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    target: fc.double({ min: 0.5, max: 0.99, noNaN: true }),
    confidence: fc.double({ min: 0.3, max: 0.95, noNaN: true }),
    i0: fc.integer({ min: 30, max: 1000 }),
  });
  fc.assert(fc.property(arb, ({ n, fraction, target, confidence, i0 }) => {
    const x = Math.round(fraction * n);
    const results = Array.from({ length: n }, (_, i) => (i < x ? 1 : 0));
    const r = runInterval({ history: history(results, i0), reliabilityTarget: target, confidence });
    if (!('reliabilityInterval' in r)) assert.fail('expected an A3 result');
    const { lower, upper } = r.reliabilityInterval;
    // Skip razor-thin ties where the two computations may round differently.
    if (Math.abs(lower - target) < 1e-9 || Math.abs(upper - target) < 1e-9) return;
    const expected = lower > target ? 'lengthen' : upper < target ? 'shorten' : 'keep';
    assert.equal(r.action, expected, `x=${x} n=${n} CP=[${lower}, ${upper}] target=${target}`);
    assert.ok(r.recommendedIntervalDays >= Math.round(i0 / 2) && r.recommendedIntervalDays <= 2 * i0);
    if (r.action === 'lengthen') assert.ok(r.recommendedIntervalDays >= i0);
    if (r.action === 'shorten') assert.ok(r.recommendedIntervalDays <= i0);
  }));
});

test('bad input is refused with a JSON pointer for every bad field', () => {
  assert.deepEqual(problemPointers(() => runInterval(7)), ['']);
  const problems = problemPointers(() => runInterval({
    history: [{ intervalDays: 0, inTolerance: 'yes', note: 'x' }, 3],
    reliabilityTarget: 1,
    confidence: 0.5,
    increase: 0.1,
    currentIntervalDays: -5,
    unknown: true,
  }));
  assert.deepEqual(problems.sort(), [
    '/currentIntervalDays', '/history/0/inTolerance', '/history/0/intervalDays', '/history/0/note', '/history/1', '/increase', '/reliabilityTarget', '/unknown',
  ]);
  assert.ok(problemPointers(() => runInterval({ history: history([1], 30), reliabilityTarget: 0.9, method: 'A1', confidence: 0.9 })).includes('/confidence'));
  assert.ok(problemPointers(() => runInterval({ history: history([1], 30), reliabilityTarget: 0.9, method: 'S2' })).includes('/method'));
  assert.ok(problemPointers(() => runInterval({ history: [], reliabilityTarget: 0.9 })).includes('/history'));
  assert.ok(problemPointers(() => runInterval({ history: history([1], 30), reliabilityTarget: 0.9, minIntervalDays: 60, maxIntervalDays: 30 })).includes('/maxIntervalDays'));
});
