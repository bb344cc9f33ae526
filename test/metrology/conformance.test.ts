import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runConformance } from '../../src/metrology/decision/index.ts';
import { normalQuantile } from '../../src/metrology/stats/index.ts';
import { assertMatchesExpected } from '../support/expected-values.ts';
import { loadReferenceCases, problemPointers } from '../support/reference-cases.ts';

for (const c of loadReferenceCases('conformance')) {
  test(`reference case ${c.file}: ${c.name}`, () => assertMatchesExpected(runConformance(c.input), c.expected));
}

test('guarded acceptance with w = k·u shrinks both limits; default k = 2 (ILAC G8)', () => {
  const r = runConformance({ measured: 9.85, u: 0.1, lower: 9, upper: 10, rule: 'guarded' });
  assert.ok(Math.abs(r.acceptance.lower! - 9.2) < 1e-12 && Math.abs(r.acceptance.upper! - 9.8) < 1e-12);
  assert.equal(r.decision, 'reject');
  // A rejected result's specific risk is the probability that it conformed after all.
  assert.equal(r.specificRisk, r.pc);
  const k1 = runConformance({ measured: 9.85, u: 0.1, lower: 9, upper: 10, rule: 'guarded', k: 1 });
  assert.equal(k1.decision, 'accept');
});

test('one-sided tolerance: the absent limit is null in the acceptance zone', () => {
  const upper = runConformance({ measured: 9.8, u: 0.1, upper: 10, rule: 'simple' });
  assert.deepEqual(upper.acceptance, { lower: null, upper: 10 });
  assert.ok(Math.abs(upper.pc - 0.9772498680518208) < 1e-12);
  const lower = runConformance({ measured: 9.2, u: 0.1, lower: 9, rule: 'risk', targetPFA: 0.05 });
  assert.equal(lower.acceptance.upper, null);
  assert.ok(Math.abs(lower.acceptance.lower! - (9 - 0.1 * normalQuantile(0.05))) < 1e-12);
  assert.equal(lower.decision, 'accept');
});

test('an empty acceptance zone has both limits null and rejects everything', () => {
  const guarded = runConformance({ measured: 9.5, u: 0.3, lower: 9, upper: 10, rule: 'guarded', k: 2 });
  assert.deepEqual(guarded.acceptance, { lower: null, upper: null });
  assert.equal(guarded.decision, 'reject');
  const risk = runConformance({ measured: 9.5, u: 0.6, lower: 9, upper: 10, rule: 'risk', targetPFA: 0.025 });
  assert.deepEqual(risk.acceptance, { lower: null, upper: null });
  assert.equal(risk.decision, 'reject');
});

test('global risks match independent quadrature (scipy.integrate.quad, 1e-13)', () => {
  const oneSided = runConformance({ measured: 9.8, u: 0.1, upper: 10, rule: 'guarded', k: 1.5, process: { mean: 9.7, sd: 0.2 } });
  assert.ok(Math.abs(oneSided.globalPFA! - 0.0014296172738900062) < 1e-13);
  assert.ok(Math.abs(oneSided.globalPFR! - 0.18578989318528216) < 1e-13);
  const risk = runConformance({ measured: 9.8, u: 0.1, lower: 9, upper: 10, rule: 'risk', targetPFA: 0.01, process: { mean: 9.5, sd: 0.3 } });
  assert.ok(Math.abs(risk.acceptance.lower! - 9.232634787404116) < 1e-12);
  assert.ok(Math.abs(risk.acceptance.upper! - 9.767365212595884) < 1e-12);
  assert.ok(Math.abs(risk.globalPFA! - 0.00018976343985774126) < 1e-13);
  assert.ok(Math.abs(risk.globalPFR! - 0.3024502575383539) < 1e-13);
});

test('global PFA matches the NCSLI RP-19 draft table for TUR 4 (suncal test_risk.py) and Deaver', () => {
  // Process N(0, σp) with in-tolerance probability itp on ±1; measurement u = σp/4; simple acceptance.
  const table: [number, number][] = [[0.6, 4.83860326], [0.7, 3.92234109], [0.8, 2.85583037], [0.9, 1.59995312], [0.95, 0.87100925], [0.99, 0.19991684]];
  for (const [itp, percent] of table) {
    const sp = 1 / normalQuantile((1 + itp) / 2);
    const r = runConformance({ measured: 0, u: sp / 4, lower: -1, upper: 1, rule: 'simple', process: { mean: 0, sd: sp } });
    assert.ok(Math.abs(r.globalPFA! * 100 - percent) < 1e-6, `itp ${itp}: ${r.globalPFA! * 100} vs ${percent}`);
  }
  // Deaver's example: process N(0, 4), u = 1, limits ±8 → PFA ≈ 0.8 %, PFR ≈ 1.5 %.
  const d = runConformance({ measured: 0, u: 1, lower: -8, upper: 8, rule: 'simple', process: { mean: 0, sd: 4 } });
  assert.ok(Math.abs(d.globalPFA! - 0.008) < 5e-4 && Math.abs(d.globalPFR! - 0.015) < 5e-4);
});

test('global risk stays accurate when u ≪ σ0 (features narrower than a panel)', () => {
  const r = runConformance({ measured: 0, u: 1e-4, lower: -8, upper: 8, rule: 'guarded', process: { mean: 0, sd: 4 } });
  assert.ok(Math.abs(r.globalPFA! - 2.292067271333539e-8) < 1e-14);
});

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const scenario = fc.record({ mid: finite(-100, 100), half: finite(0.01, 10), u: finite(0.001, 5), at: finite(-3, 3) });

test('property: simple acceptance — pc + specific risk = 1 when accepted, specific risk = pc when rejected', () => {
  fc.assert(fc.property(scenario, ({ mid, half, u, at }) => {
    const r = runConformance({ measured: mid + at * half, u, lower: mid - half, upper: mid + half, rule: 'simple' });
    assert.ok(r.pc >= 0 && r.pc <= 1);
    if (r.decision === 'accept') assert.ok(Math.abs(r.pc + r.specificRisk - 1) < 1e-12);
    else assert.equal(r.specificRisk, r.pc);
  }));
});

test('property: the guarded acceptance zone lies inside the tolerance and accepts only what simple acceptance accepts', () => {
  fc.assert(fc.property(scenario, finite(0, 4), ({ mid, half, u, at }, k) => {
    const input = { measured: mid + at * half, u, lower: mid - half, upper: mid + half };
    const g = runConformance({ ...input, rule: 'guarded', k });
    if (g.acceptance.lower !== null) {
      assert.ok(g.acceptance.lower >= input.lower && g.acceptance.upper! <= input.upper && g.acceptance.lower <= g.acceptance.upper!);
    }
    if (g.decision === 'accept') assert.equal(runConformance({ ...input, rule: 'simple' }).decision, 'accept');
  }));
});

test('property: the risk rule accepts only results whose specific risk ≤ targetPFA, with equality at the limits', () => {
  fc.assert(fc.property(scenario, finite(0.001, 0.5), ({ mid, half, u, at }, targetPFA) => {
    const input = { u, lower: mid - half, upper: mid + half, rule: 'risk', targetPFA };
    const r = runConformance({ ...input, measured: mid + at * half });
    if (r.decision === 'accept') assert.ok(r.specificRisk <= targetPFA + 1e-12);
    if (r.acceptance.upper !== null) {
      const atLimit = runConformance({ ...input, measured: r.acceptance.upper });
      assert.ok(Math.abs(atLimit.specificRisk - targetPFA) < 1e-9, `${atLimit.specificRisk} vs ${targetPFA}`);
    }
  }));
});

test('property: a guard band trades false accepts for false rejects', () => {
  fc.assert(fc.property(finite(0.01, 1), finite(0.05, 2), finite(-0.5, 0.5), finite(0.1, 3), (u, sd, mean, k) => {
    const input = { measured: 0, u, lower: -1, upper: 1, process: { mean, sd } };
    const simple = runConformance({ ...input, rule: 'simple' });
    const guarded = runConformance({ ...input, rule: 'guarded', k });
    assert.ok(guarded.globalPFA! <= simple.globalPFA! + 1e-12);
    assert.ok(guarded.globalPFR! >= simple.globalPFR! - 1e-12);
  }), { numRuns: 50 });
});

test('bad input is refused with a JSON pointer for every bad field', () => {
  assert.deepEqual(problemPointers(() => runConformance([])), ['']);
  const problems = problemPointers(() =>
    runConformance({ measured: 'x', u: 0, lower: 11, upper: 10, rule: 'simple', k: 2, process: { mean: 1, sd: -1, shape: 'x' }, extra: 1 }),
  );
  assert.deepEqual(problems.sort(), ['/extra', '/k', '/measured', '/process/sd', '/process/shape', '/u', '/upper']);
  assert.ok(problemPointers(() => runConformance({ measured: 1, u: 0.1, upper: 2, rule: 'risk' })).includes('/targetPFA'));
  assert.ok(problemPointers(() => runConformance({ measured: 1, u: 0.1, upper: 2, rule: 'risk', targetPFA: 0.7 })).includes('/targetPFA'));
  assert.ok(problemPointers(() => runConformance({ measured: 1, u: 0.1, upper: 2, rule: 'strict' })).includes('/rule'));
  assert.ok(problemPointers(() => runConformance({ measured: 1, u: 0.1, rule: 'simple' })).includes('/upper'));
});
