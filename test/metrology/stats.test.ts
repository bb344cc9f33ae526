// Statistics used for coverage factors: references computed with mpmath at 30+ digits and the
// t table of JCGM 100 Table G.2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  coverageFactor, normalCdf, normalQuantile, semidefiniteFactor, studentTCdf, studentTQuantile, symmetricEigen,
} from '../../src/metrology/stats/index.ts';

function close(actual: number, expected: number, relative = 1e-13): void {
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${actual} ≠ ${expected}`);
}

test('normal CDF and quantile match mpmath', () => {
  close(normalCdf(-1.96), 0.024997895148220436);
  close(normalCdf(-8), 6.2209605742717841e-16, 1e-12);
  close(normalCdf(0.3), 0.61791142218895263);
  close(normalQuantile(0.975), 1.9599639845400542);
  close(normalQuantile(0.02425), -1.9729610513118849);
  close(normalQuantile(1e-10), -6.3613409024040559);
  assert.equal(normalQuantile(0.5), 0);
  assert.equal(normalQuantile(0), -Infinity);
  assert.equal(normalQuantile(1), Infinity);
  assert.ok(Number.isNaN(normalQuantile(1.5)));
});

test('Student t quantiles match mpmath, including fractional dof', () => {
  close(studentTQuantile(0.975, 1), 12.706204736174693);
  close(studentTQuantile(0.975, 2), 4.3026527297494618);
  close(studentTQuantile(0.975, 3), 3.1824463052837084);
  close(studentTQuantile(0.995, 10), 3.1692726726169507);
  close(studentTQuantile(0.995, 16), 2.9207816224250996);
  close(studentTQuantile(0.995, 16.75), 2.9035880532125586);
  close(studentTQuantile(0.975, 0.5), 164.55767348048824, 1e-11);
  close(studentTQuantile(0.975, 100), 1.9839715185235519);
  close(studentTQuantile(0.9, 2.5), 1.7302509288071768);
  close(studentTQuantile(0.025, 3), -3.1824463052837084);
  close(studentTQuantile(0.975, Infinity), 1.9599639845400542);
});

test('Student t CDF matches mpmath', () => {
  close(studentTCdf(2, 5), 0.94903026058507082);
  close(studentTCdf(3, 0.7), 0.85831433034948707);
  close(studentTCdf(-1.5, 30), 1 - 0.92796703543567702, 1e-12);
  assert.throws(() => studentTCdf(1, 0), RangeError);
});

test('t quantile inverts the CDF for any p and real dof', () => {
  fc.assert(fc.property(
    fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
    fc.double({ min: 0.3, max: 1e6, noNaN: true }),
    (p, dof) => {
      const t = studentTQuantile(p, dof);
      // Relative to the tail probability, which is what the quantile is solved for; the
      // precision documented in student-t.ts degrades ∝ ν (1e-10 at ν = 10⁶).
      const tolerance = Math.max(1e-12, 2e-16 * dof);
      assert.ok(Math.abs(studentTCdf(t, dof) - p) <= tolerance * Math.min(p, 1 - p) + 1e-16, `p=${p} dof=${dof}`);
    },
  ), { numRuns: 300 });
});

test('coverage factor: JCGM 100 Table G.2 and the truncation policy of G.6.4', () => {
  // Table G.2, p = 95.45 % column: ν = 1 → 13.97, 4 → 2.87, 16 → 2.17, ∞ → 2.00.
  assert.equal(coverageFactor(0.9545, 1).toFixed(2), '13.97');
  assert.equal(coverageFactor(0.9545, 4).toFixed(2), '2.87');
  assert.equal(coverageFactor(0.9545, 16).toFixed(2), '2.17');
  assert.equal(coverageFactor(0.9545, Infinity).toFixed(2), '2.00');
  // ν_eff = 16.75 is looked up as 16 (truncate) or as it is (continuous).
  close(coverageFactor(0.99, 16.75), 2.9207816224250996);
  close(coverageFactor(0.99, 16.75, 'continuous'), 2.9035880532125586);
  // Below 1 there is nothing to truncate to: the fractional dof is used.
  close(coverageFactor(0.95, 0.5), 164.55767348048824, 1e-11);
});

test('symmetric eigen-decomposition reconstructs the matrix; factor of a singular matrix', () => {
  const a = [[4, 1, 2], [1, 3, 0.5], [2, 0.5, 5]];
  const { values, vectors } = symmetricEigen(a);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const back = values.reduce((s, l, k) => s + vectors[i]![k]! * l * vectors[j]![k]!, 0);
      assert.ok(Math.abs(back - a[i]![j]!) < 1e-12);
    }
  }
  const l = semidefiniteFactor([[1, 1], [1, 1]]);
  const llt = (i: number, j: number) => l[i]![0]! * l[j]![0]! + l[i]![1]! * l[j]![1]!;
  assert.ok(Math.abs(llt(0, 1) - 1) < 1e-12 && Math.abs(llt(0, 0) - 1) < 1e-12);
});
