import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { chartConstants, runSpc, westernElectric } from '../../src/metrology/spc/index.ts';
import { logGamma } from '../../src/metrology/stats/index.ts';
import { assertMatchesExpected } from '../support/expected-values.ts';
import { loadReferenceCases, problemPointers } from '../support/reference-cases.ts';

const cases = loadReferenceCases<{ subgroups: number[][] }>('spc');

for (const c of cases) {
  test(`reference case ${c.file}: ${c.name}`, () => assertMatchesExpected(runSpc(c.input), c.expected));
}

test('piston rings: in control on both charts; X̄–s limits X̿ ± A3·s̄ ≈ 74.014 / 73.988 (Montgomery)', () => {
  const subgroups = cases[0]!.input.subgroups;
  const r = runSpc({ chart: 'xbar-r', subgroups, rules: 'western-electric' });
  assert.deepEqual(r.outOfControl, []);
  assert.deepEqual(r.rangeChart!.outOfControl, []);
  assert.deepEqual(r.violations, []);
  const s = runSpc({ chart: 'xbar-s', subgroups });
  assert.equal(s.rangeChart, undefined);
  const { A3, B4 } = chartConstants(5);
  assert.ok(Math.abs(s.ucl - (s.center + A3 * s.sChart!.center)) < 1e-12, 'UCL = X̿ + A3·s̄');
  assert.ok(Math.abs(s.sChart!.ucl - B4 * s.sChart!.center) < 1e-15, 's chart UCL = B4·s̄');
  assert.ok(Math.abs(s.ucl - 74.014) < 1e-3 && Math.abs(s.lcl - 73.988) < 1e-3, `${s.lcl} … ${s.ucl}`);
});

// d2 = E[R]/σ and d3 = sd[R]/σ for the range of n standard normal values, by numerical integration
// (scipy.integrate.quad, 1e-13); c4 is exact: √(2/(n−1))·Γ(n/2)/Γ((n−1)/2).
const D2_D3: Record<number, [number, number]> = {
  2: [1.128379, 0.852502], 3: [1.692569, 0.888368], 4: [2.058751, 0.879808], 5: [2.325929, 0.864082],
  6: [2.534413, 0.84804], 7: [2.704357, 0.833205], 8: [2.847201, 0.819832], 9: [2.970026, 0.807834],
  10: [3.077505, 0.797051], 11: [3.172873, 0.787315], 12: [3.258455, 0.778478], 13: [3.33598, 0.770416],
  14: [3.406763, 0.763023], 15: [3.471827, 0.756211], 16: [3.531983, 0.749908], 17: [3.587884, 0.744052],
  18: [3.640064, 0.738591], 19: [3.688963, 0.733481], 20: [3.73495, 0.728686], 21: [3.778336, 0.724173],
  22: [3.819385, 0.719915], 23: [3.858323, 0.715887], 24: [3.895348, 0.712068], 25: [3.930629, 0.708441],
};

test('every tabulated constant agrees with its definition to the table\'s last digit', () => {
  for (let n = 2; n <= 25; n++) {
    const [d2, d3] = D2_D3[n]!;
    const c4 = Math.sqrt(2 / (n - 1)) * Math.exp(logGamma(n / 2) - logGamma((n - 1) / 2));
    const spread = (3 * Math.sqrt(1 - c4 * c4)) / c4;
    const exact = {
      A2: 3 / (d2 * Math.sqrt(n)), A3: 3 / (c4 * Math.sqrt(n)), c4, B3: Math.max(0, 1 - spread), B4: 1 + spread,
      d2, d3, D3: Math.max(0, 1 - (3 * d3) / d2), D4: 1 + (3 * d3) / d2,
    };
    const table = chartConstants(n);
    for (const [key, value] of Object.entries(exact)) {
      // Three decimals (c4 four); published D3/D4 were derived from rounded d2, d3: allow 1.1e-3.
      const tolerance = key === 'c4' ? 6e-5 : 1.1e-3;
      assert.ok(Math.abs(table[key as keyof typeof table] - value) <= tolerance, `n = ${n}, ${key}: ${table[key as keyof typeof table]} vs ${value}`);
    }
  }
});

test('p chart: orange-juice cans, 30 samples of 50 (Montgomery ch. 7): p̄ = 0.2313, samples 15 and 23 out', () => {
  const values = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6];
  const r = runSpc({ chart: 'p', values, sampleSize: 50 });
  assertMatchesExpected(r, { center: [0.2313, 5e-5], ucl: [0.4102, 5e-5], lcl: [0.0524, 5e-5] });
  assert.deepEqual(r.outOfControl, [14, 22]);
  assert.equal(r.pointLimits, undefined);
});

test('p chart with one sample size per point has per-point limits', () => {
  const r = runSpc({ chart: 'p', values: [5, 5, 30], sampleSize: [100, 25, 100] });
  const pBar = 40 / 225;
  const limit = (n: number): number => pBar + 3 * Math.sqrt((pBar * (1 - pBar)) / n);
  assert.ok(Math.abs(r.pointLimits![1]!.ucl - limit(25)) < 1e-15);
  assert.ok(Math.abs(r.ucl - limit(75)) < 1e-15);
  assert.deepEqual(r.outOfControl, [0, 2]); // 5/100 is below the n = 100 LCL
});

// Montgomery prints UCL = 33.22 from the rounded c̄ = 19.85; from c̄ = 516/26 it is 33.21.
test('c chart: printed-circuit boards, 26 samples (Montgomery ch. 7): c̄ = 19.85, samples 6 and 20 out', () => {
  const values = [21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19, 17, 15];
  const r = runSpc({ chart: 'c', values });
  assertMatchesExpected(r, { center: [19.85, 5e-3], ucl: [33.22, 1e-2], lcl: [6.48, 5e-3] });
  assert.deepEqual(r.outOfControl, [5, 19]);
});

test('individuals–moving range: limits x̄ ± 3·MR̄/1.128; MR chart D4 = 3.267; moving range 0 is undefined', () => {
  const values = [10, 12, 11, 13, 10, 30, 11];
  const r = runSpc({ chart: 'imr', values, spec: { usl: 40 } });
  const mrBar = (2 + 1 + 2 + 3 + 20 + 19) / 6;
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  assert.ok(Math.abs(r.ucl - (mean + (3 * mrBar) / 1.128)) < 1e-12);
  assert.equal(r.rangeChart!.points[0], null);
  assert.ok(Math.abs(r.rangeChart!.ucl - 3.267 * mrBar) < 1e-12);
  assert.equal(r.cp, undefined, 'Cp needs both limits');
  assert.ok(Math.abs(r.cpk! - (40 - mean) / (3 * (mrBar / 1.128))) < 1e-12);
});

test('Western Electric rules 1–4, each reported at the point completing its pattern', () => {
  const chart = (points: number[]) => ({ center: 0, ucl: 3, lcl: -3, points, pointSigma: points.map(() => 1) });
  assert.deepEqual(westernElectric(chart([0, 3.5, 0, -4])), [{ rule: 1, index: 1 }, { rule: 1, index: 3 }]);
  assert.deepEqual(westernElectric(chart([2.5, -1, 2.1, 0])), [{ rule: 2, index: 2 }]);
  assert.deepEqual(westernElectric(chart([2.5, 2.1, -2.5, -2.2])), [{ rule: 2, index: 1 }, { rule: 2, index: 3 }]);
  assert.deepEqual(westernElectric(chart([-1.5, -1.2, 0.5, -1.1, -1.9])), [{ rule: 3, index: 4 }]);
  assert.deepEqual(
    westernElectric(chart([0.1, 0.2, 0.3, 0.1, 0.5, 0.2, 0.1, 0.4, 0.3, -0.1])),
    [{ rule: 4, index: 7 }, { rule: 4, index: 8 }],
  );
});

test('property: X̄–R limits are symmetric about the centre line and contain it; σ = R̄/d2', () => {
  const subgroups = fc.integer({ min: 2, max: 25 }).chain((n) =>
    fc.array(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n }), { minLength: 2, maxLength: 30 }));
  fc.assert(fc.property(subgroups, (groups) => {
    const r = runSpc({ chart: 'xbar-r', subgroups: groups });
    const scale = Math.max(1, Math.abs(r.center));
    assert.ok(Math.abs(r.ucl - r.center - (r.center - r.lcl)) <= 1e-9 * scale);
    assert.ok(r.lcl <= r.center && r.center <= r.ucl);
    assert.ok(r.rangeChart!.lcl <= r.rangeChart!.center && r.rangeChart!.center <= r.rangeChart!.ucl);
    const { A2, d2 } = chartConstants(groups[0]!.length);
    const rBar = r.rangeChart!.center;
    assert.ok(Math.abs(r.ucl - r.center - A2 * rBar) <= 1e-9 * scale, 'UCL = X̿ + A2·R̄');
    assert.ok(Math.abs(r.sigma! - rBar / d2) <= 1e-12 * Math.max(1, rBar), 'σ = R̄/d2');
  }));
});

test('bad input is refused with a JSON pointer for every bad field', () => {
  assert.deepEqual(problemPointers(() => runSpc(null)), ['']);
  assert.deepEqual(problemPointers(() => runSpc({ chart: 'u' })), ['/chart']);
  const problems = problemPointers(() => runSpc({ chart: 'xbar-r', subgroups: [[1, 2, 3], [1, 2], [1, 'x', 3]], values: [1], spec: { lsl: 5, usl: 4 }, rules: 'nelson', extra: 1 }));
  assert.deepEqual(problems.sort(), ['/extra', '/rules', '/spec/usl', '/subgroups/1', '/subgroups/2/1', '/values']);
  assert.deepEqual(problemPointers(() => runSpc({ chart: 'p', values: [3, 60], sampleSize: 50 })), ['/values/1']);
  assert.deepEqual(problemPointers(() => runSpc({ chart: 'p', values: [3, 6], sampleSize: [50] })), ['/sampleSize']);
  assert.deepEqual(problemPointers(() => runSpc({ chart: 'c', values: [3, 1.5], spec: { usl: 1 } })).sort(), ['/spec', '/values/1']);
  assert.deepEqual(problemPointers(() => runSpc({ chart: 'xbar-s', subgroups: [[1], [2]] })), ['/subgroups/0']);
});
