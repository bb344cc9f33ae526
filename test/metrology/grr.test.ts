import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fSurvival, runGrr } from '../../src/metrology/msa/index.ts';
import { assertMatchesExpected } from '../support/expected-values.ts';
import { loadReferenceCases, problemPointers } from '../support/reference-cases.ts';

const cases = loadReferenceCases<{ data: number[][][] }>('grr');

for (const c of cases) {
  test(`reference case ${c.file}: ${c.name}`, () => assertMatchesExpected(runGrr(c.input), c.expected));
}

const AIAG = cases[0]!.input.data;

test('AIAG ANOVA example: interaction p = 0.974 > 0.25 is pooled into repeatability', () => {
  const r = runGrr({ data: AIAG, method: 'anova' });
  assert.equal(r.interactionPooled, true);
  assert.ok(Math.abs(r.interactionP! - 0.974) < 5e-4);
  const rows = Object.fromEntries(r.anova!.map((row) => [row.source, row]));
  assert.equal(rows.repeatability!.df, 18 + 60);
  assert.equal(rows.total!.df, 89);
  assert.equal(r.interaction, 0);
});

test('the two methods give different ndc on the same data (AIAG: 5 by average and range, 4 by ANOVA)', () => {
  assert.equal(runGrr({ data: AIAG, method: 'xbar-r' }).ndc, 5);
  assert.equal(runGrr({ data: AIAG, method: 'anova' }).ndc, 4);
});

test('percent of tolerance uses 6σ (AIAG MSA 4th ed.)', () => {
  const r = runGrr({ data: AIAG, method: 'xbar-r', tolerance: 5 });
  assert.ok(Math.abs(r.pctTolerance!.grr - (600 * r.grr) / 5) < 1e-12);
  assert.equal(runGrr({ data: AIAG, method: 'xbar-r' }).pctTolerance, undefined);
});

test('ANOVA with a significant interaction keeps it (reference: numpy/scipy computation)', () => {
  const data = [
    [[1.32, 1.79, 3.03, 4.25, 4.63], [1.29, 1.82, 2.98, 4.26, 4.68]],
    [[1.2, 2.71, 3.57, 4.32, 5.71], [1.22, 2.68, 3.61, 4.29, 5.7]],
    [[0.58, 1.63, 2.5, 3.54, 4.77], [0.61, 1.6, 2.52, 3.58, 4.74]],
  ];
  const r = runGrr({ data, method: 'anova' });
  assert.equal(r.interactionPooled, false);
  assertMatchesExpected(r, {
    interactionP: [8.441918857372208e-15, 1e-20],
    ev: [0.022730302828309745, 1e-12],
    av: [0.43201321353248734, 1e-12],
    interaction: [0.26383943981140945, 1e-12],
    grr: [0.5067181991337328, 1e-12],
    pv: [1.574551920388782, 1e-12],
    tv: [1.6540789229457382, 1e-12],
    pctGRR: [30.634463211182315, 1e-9],
    ndc: 4,
  });
  const appraiser = r.anova!.find((row) => row.source === 'appraiser')!;
  assert.ok(Math.abs(appraiser.p! - 0.0022549100424937773) < 1e-12);
});

test('F distribution upper tail matches scipy.stats.f.sf', () => {
  assert.ok(Math.abs(fSurvival(3, 5, 10) - 0.06555756209384411) < 1e-14);
  assert.ok(Math.abs(fSurvival(0.2, 18, 60) - 0.999783819975288) < 1e-14);
});

const study = fc.record({ appraisers: fc.integer({ min: 2, max: 4 }), trials: fc.integer({ min: 2, max: 4 }), parts: fc.integer({ min: 2, max: 10 }) })
  .chain(({ appraisers, trials, parts }) =>
    fc.array(fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: parts, maxLength: parts }), { minLength: trials, maxLength: trials }), { minLength: appraisers, maxLength: appraisers }));

test('property: TV² = GRR² + PV² and GRR² = EV² + AV² + interaction², for both methods', () => {
  fc.assert(fc.property(study, fc.constantFrom('anova', 'xbar-r'), (data, method) => {
    const r = runGrr({ data, method });
    const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    assert.ok(close(r.tv ** 2, r.grr ** 2 + r.pv ** 2));
    assert.ok(close(r.grr ** 2, r.ev ** 2 + r.av ** 2 + r.interaction ** 2));
    for (const v of [r.ev, r.av, r.interaction, r.grr, r.pv]) assert.ok(v >= 0 && Number.isFinite(v));
    if (r.ndc !== null) assert.equal(r.ndc, Math.floor((1.41 * r.pv) / r.grr));
  }));
});

// A component near zero is √(difference of mean squares), so its rounding error is ~1e-8·TV.
test('property: σ components ignore an offset and scale with the data', () => {
  fc.assert(fc.property(study, fc.constantFrom('anova', 'xbar-r'), fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), (data, method, offset, scale) => {
    const a = runGrr({ data, method });
    const b = runGrr({ data: data.map((t) => t.map((p) => p.map((x) => x * scale + offset))), method });
    for (const key of ['ev', 'av', 'interaction', 'grr', 'pv', 'tv'] as const) {
      assert.ok(Math.abs(b[key] - scale * a[key]) <= 1e-6 * Math.max(1, scale * a.tv), `${key}: ${b[key]} vs ${scale * a[key]}`);
    }
  }));
});

test('bad input is refused with a JSON pointer for every bad field', () => {
  assert.deepEqual(problemPointers(() => runGrr('x')), ['']);
  const problems = problemPointers(() => runGrr({
    data: [[[1, 2], [1, 'x']], [[1, 2, 3], [1, 2]]],
    method: 'range',
    tolerance: -1,
    extra: true,
  }));
  assert.deepEqual(problems.sort(), ['/data/0/1/1', '/data/1/0', '/extra', '/method', '/tolerance']);
  assert.ok(problemPointers(() => runGrr({ data: [[[1, 2], [1, 2]]], method: 'anova' })).includes('/data'));
  assert.ok(problemPointers(() => runGrr({ data: [[[1, 2], [1, 2]], [[1, 2]]], method: 'anova' })).includes('/data/1'));
  assert.ok(problemPointers(() => runGrr({ data: [[[1], [1]], [[1], [1]]], method: 'anova' })).includes('/data/0/0'));
});
